package dev.xpost.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xpost.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The one fake Hashnode of the tests (e2e and cli alike): a stateful stand-in for Hashnode's gql-beta, for the
 * operations xpost sends ({@code Publication}, {@code Series}, {@code Posts}, {@code PostBySlug},
 * {@code PostsBySlug}, {@code ExportPosts}, {@code PublishPost}, {@code UpdatePost}). It keeps every post, so a test can
 * assert "exactly one remote post per file"; counts requests by operation; and fails the next N calls of an
 * operation on demand ({@link #fail}). Every request must carry {@code Bearer <token>} and nothing of the
 * {@code foreignSecrets}; anything else is collected in {@link #violations()}, which the harness checks after
 * each test (an assertion thrown here would only reach MockWebServer's thread).
 */
public final class FakeHashnode extends Dispatcher {
    public static final String HOST = "demo.hashnode.dev";
    public static final String PUBLICATION_ID = "6a603fb103e2cb323e7851f6";
    /** gql-beta clamps {@code first} silently. */
    static final int MAX_PAGE = 100;

    /** One post as Hashnode keeps it. Mutable: {@code updatePost} replaces its fields. */
    static final class StoredPost {
        final String id;
        final String cuid;
        String slug;
        String title;
        String subtitle;
        String markdown;
        List<String> tags = List.of();
        String publishedAt;
        String seriesId;
        JsonNode lastInput;
        String coverImage;
        String canonicalUrl;
        String metaTitle;
        String metaDescription;
        String ogImage;
        boolean enableToc;
        boolean disableComments;
        boolean isDelisted;
        /** When {@code publishPost} stored it, by the run's clock; null for a seeded post (long visible). */
        Instant committedAt;

        StoredPost(String id, String cuid, String slug) {
            this.id = id;
            this.cuid = cuid;
            this.slug = slug;
        }

        String url() {
            return "https://" + HOST + "/" + slug;
        }
    }

    /** The token every request must carry; null: any {@code Bearer} token (the cli tests' blogs of generated posts). */
    private final String token;
    private final List<String> foreignSecrets;
    private final List<String> bodies = new ArrayList<>();
    /** When set, every answer is this one (an error, an HTML page…), whatever was asked. */
    private volatile MockResponse always;
    private final Faults faults = new Faults();
    private final List<StoredPost> posts = new ArrayList<>();
    private final Map<String, String> series = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> operations = new ArrayList<>();
    private final Map<String, List<JsonNode>> variables = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private volatile CountDownLatch publishSeen = new CountDownLatch(1);
    private long sequence;
    private Duration readLag = Duration.ZERO;
    private Supplier<Instant> clock;

    FakeHashnode(String token, List<String> foreignSecrets) {
        this.token = token;
        this.foreignSecrets = List.copyOf(foreignSecrets);
    }

    // ------------------------------------------------------------------------------------------- set-up

    /** A series that exists in the publication (the API cannot create one). */
    synchronized String addSeries(String slug) {
        String id = hexId();
        series.put(slug, id);
        return id;
    }

    /** A post that is already on Hashnode, as a backup would list it. */
    synchronized StoredPost seed(String cuid, String slug, String title, String markdown, String publishedAt) {
        StoredPost p = new StoredPost(hexId(), cuid, slug);
        p.title = title;
        p.markdown = markdown;
        p.publishedAt = publishedAt;
        posts.add(p);
        return p;
    }

    /** The next {@code times} calls of {@code operation} fail; see {@link Faults#inject}. */
    void fail(String operation, Fault fault, int times, boolean storedFirst, long delayMillis) {
        faults.inject(operation, fault, times, storedFirst, delayMillis);
    }

    void fail(String operation, Fault fault) {
        fail(operation, fault, 1, fault.mayCommit(), 0);
    }

    void clearFaults() {
        faults.clear();
    }

    /**
     * From now on, reads ({@code Posts}, {@code PostBySlug}) do not show a post until {@code lag} after
     * {@code publishPost} stored it, by {@code clock} (the run's clock), as Hashnode's cached reads do (API.md §3:
     * up to ~25 s). Writes see every post.
     */
    synchronized void readLag(Duration lag, Supplier<Instant> clock) {
        this.readLag = lag;
        this.clock = clock;
    }

    /** How {@link Fault#LATE_COMMIT} moves the run's clock while the request is in flight. */
    void moveClockWith(Consumer<Duration> mover) {
        faults.moveClockWith(mover);
    }

    private boolean visible(StoredPost p) {
        return p.committedAt == null || clock == null || !clock.get().isBefore(p.committedAt.plus(readLag));
    }

    // ------------------------------------------------------------------------------------------- assertions

    synchronized List<StoredPost> posts() {
        return List.copyOf(posts);
    }

    synchronized List<StoredPost> postsTitled(String title) {
        return posts.stream().filter(p -> title.equals(p.title)).toList();
    }

    synchronized StoredPost byId(String id) {
        return posts.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }

    synchronized int count(String operation) {
        return counts.getOrDefault(operation, 0);
    }

    synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized int mutations() {
        return count("PublishPost") + count("UpdatePost");
    }

    synchronized int reads() {
        return total() - mutations();
    }

    /** Operation names in the order they arrived. */
    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    /** The variables of every call of {@code operation}, in order. */
    synchronized List<JsonNode> variables(String operation) {
        return List.copyOf(variables.getOrDefault(operation, List.of()));
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** Forgets the counters (not the posts), so a test can measure one run. */
    synchronized void resetCounts() {
        counts.clear();
        operations.clear();
        variables.clear();
        publishSeen = new CountDownLatch(1);
    }

    /** Waits until a {@code PublishPost} has arrived (before its answer is sent, which may be delayed). */
    boolean awaitPublish(long millis) throws InterruptedException {
        return publishSeen.await(millis, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------------------------------- serving

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        synchronized (this) {
            bodies.add(body);
        }
        checkSecrets(request, body);
        if (!"POST".equals(request.getMethod()) || !"/".equals(request.getUrl().encodedPath())) {
            return new MockResponse.Builder().code(404).body("not found").build();
        }
        JsonNode json = Json.parseOrNull(body);
        String op = json == null ? null : json.path("operationName").asText(null);
        if (op == null) {
            violation("a request without an operationName: " + body);
            return graphqlError("BAD_REQUEST", "Must provide query string.");
        }
        JsonNode vars = json.path("variables");
        Faults.Planned fault;
        synchronized (this) {
            counts.merge(op, 1, Integer::sum);
            operations.add(op);
            variables.computeIfAbsent(op, k -> new ArrayList<>()).add(vars);
            fault = faults.next(op);
        }
        if (op.equals("PublishPost")) {
            publishSeen.countDown();
        }
        MockResponse fixed = always;
        if (fixed != null) {
            return fixed;
        }
        if (fault == null) {
            return answer(op, vars);
        }
        if (fault.fault() == Fault.LATE_COMMIT) {
            return faults.lateCommit(fault, () -> answer(op, vars));
        }
        if (fault.fault() == Fault.GARBLED_2XX) {
            ObjectNode root = (ObjectNode) Json.parseOrNull(Faults.bodyOf(answer(op, vars)));
            ObjectNode e = root.putArray("errors").addObject();
            e.put("message", "Cannot return the publication of a post in a private series");
            e.putArray("path").add(op.equals("PublishPost") ? "publishPost" : op).add("post").add("publication");
            e.putObject("extensions").put("code", "BAD_USER_INPUT");
            return json200(Json.compact(root));
        }
        boolean commit = fault.storedFirst() || fault.fault() == Fault.HEADERS_DELAY
                || fault.fault() == Fault.BODY_DELAY;
        MockResponse normal = commit ? answer(op, vars) : null;
        MockResponse t = Faults.transport(fault, normal);
        if (t != null) {
            return t;
        }
        return switch (fault.fault()) {
            case HTTP_500 -> new MockResponse.Builder().code(500).setHeader("Content-Type", "text/plain")
                    .body("Internal Server Error").build();
            case HTTP_429 -> new MockResponse.Builder().code(429).setHeader("Retry-After", "30")
                    .setHeader("Content-Type", "application/json").body(Fixtures.text("hashnode/error-internal.json")
                            .replace("Internal server error", "Too many requests")).build();
            case HTTP_401 -> new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                    .body(Fixtures.text("hashnode/error-unauthenticated.json")).build();
            case GRAPHQL_UNAUTHENTICATED -> json200(Fixtures.text("hashnode/error-unauthenticated.json"));
            case GRAPHQL_FORBIDDEN_PRO -> json200(Fixtures.text("hashnode/error-forbidden-pro.json"));
            case GRAPHQL_BAD_USER_INPUT -> json200(Fixtures.text("hashnode/error-bad-user-input.json"));
            default -> throw new IllegalArgumentException(fault.fault() + " is not a Hashnode fault");
        };
    }

    private void checkSecrets(RecordedRequest request, String body) {
        String auth = request.getHeaders().get("Authorization");
        if (token == null ? auth == null || !auth.startsWith("Bearer ") || auth.length() < 8
                : !("Bearer " + token).equals(auth)) {
            violation("Authorization was " + (auth == null ? "missing" : "not Bearer <hashnode token>") + " on "
                    + request.getRequestLine());
        }
        String everything = request.getRequestLine() + "\n" + request.getHeaders() + "\n" + body;
        for (String s : foreignSecrets) {
            if (everything.contains(s)) {
                violation("another platform's secret reached Hashnode in " + request.getRequestLine());
            }
        }
    }

    private synchronized void violation(String what) {
        violations.add(what);
    }

    private synchronized MockResponse answer(String op, JsonNode vars) {
        return switch (op) {
            case "Publication" -> publication(vars);
            case "Series" -> seriesAnswer(vars);
            case "Posts" -> list(vars);
            case "PostBySlug" -> postBySlug(vars);
            case "PostsBySlug" -> postsBySlug(vars);
            case "ExportPosts" -> exportPage(vars);
            case "PublishPost" -> publish(vars.path("input"));
            case "UpdatePost" -> update(vars.path("input"));
            default -> {
                violation("unknown operation " + op);
                yield graphqlError("GRAPHQL_VALIDATION_FAILED", "Unknown operation " + op);
            }
        };
    }

    private MockResponse publication(JsonNode vars) {
        boolean ours = PUBLICATION_ID.equals(vars.path("id").asText(null)) || HOST.equals(vars.path("host")
                .asText(null));
        ObjectNode data = Json.MAPPER.createObjectNode();
        if (ours) {
            ObjectNode p = data.putObject("publication");
            p.put("id", PUBLICATION_ID);
            p.put("url", "https://" + HOST);
            p.put("title", "Demo blog");
        } else {
            data.putNull("publication");
        }
        return data(data);
    }

    private MockResponse seriesAnswer(JsonNode vars) {
        if (!requirePublication(vars)) {
            return data(Json.MAPPER.createObjectNode().putNull("publication"));
        }
        ObjectNode data = Json.MAPPER.createObjectNode();
        ObjectNode p = data.putObject("publication");
        p.put("id", PUBLICATION_ID);
        String slug = vars.path("slug").asText("");
        String id = series.get(slug);
        if (id == null) {
            p.putNull("series");
        } else {
            ObjectNode s = p.putObject("series");
            s.put("id", id);
            s.put("name", slug.toUpperCase(Locale.ROOT));
            s.put("slug", slug);
        }
        return data(data);
    }

    private MockResponse list(JsonNode vars) {
        if (!requirePublication(vars)) {
            return data(Json.MAPPER.createObjectNode().putNull("publication"));
        }
        int first = vars.path("first").asInt(0);
        if (first < 1) {
            return graphqlError("BAD_USER_INPUT", "first must be positive");
        }
        first = Math.min(first, MAX_PAGE);
        // Newest first, as Hashnode lists a publication's posts.
        List<StoredPost> newest = new ArrayList<>(posts.stream().filter(this::visible).toList());
        Collections.reverse(newest);
        int start = 0;
        String after = vars.path("after").asText(null);
        if (after != null) {
            if (!after.startsWith("cursor:")) {
                return graphqlError("BAD_USER_INPUT", "invalid cursor");
            }
            start = Integer.parseInt(after.substring("cursor:".length())) + 1;
        }
        int end = Math.min(newest.size(), start + first);
        ObjectNode data = Json.MAPPER.createObjectNode();
        ObjectNode pub = data.putObject("publication");
        pub.put("id", PUBLICATION_ID);
        ObjectNode conn = pub.putObject("posts");
        ArrayNode edges = conn.putArray("edges");
        for (int i = start; i < end; i++) {
            ObjectNode edge = edges.addObject();
            edge.set("node", node(newest.get(i)));
            edge.put("cursor", "cursor:" + i);
        }
        ObjectNode pageInfo = conn.putObject("pageInfo");
        pageInfo.put("hasNextPage", end < newest.size());
        if (end > start) {
            pageInfo.put("endCursor", "cursor:" + (end - 1));
        } else {
            pageInfo.putNull("endCursor");
        }
        return data(data);
    }

    private MockResponse postBySlug(JsonNode vars) {
        if (!requirePublication(vars)) {
            return data(Json.MAPPER.createObjectNode().putNull("publication"));
        }
        String slug = vars.path("slug").asText("");
        ObjectNode data = Json.MAPPER.createObjectNode();
        ObjectNode pub = data.putObject("publication");
        pub.put("id", PUBLICATION_ID);
        StoredPost hit = posts.stream().filter(p -> p.slug.equals(slug) && visible(p)).findFirst().orElse(null);
        if (hit == null) {
            pub.putNull("post");
        } else {
            pub.set("post", node(hit));
        }
        return data(data);
    }

    /** The aliased batch: {@code p0…pN: post(slug: $s0…$sN)}, each null when no visible post has that slug. */
    private MockResponse postsBySlug(JsonNode vars) {
        if (!requirePublication(vars)) {
            return data(Json.MAPPER.createObjectNode().putNull("publication"));
        }
        ObjectNode data = Json.MAPPER.createObjectNode();
        ObjectNode pub = data.putObject("publication");
        pub.put("id", PUBLICATION_ID);
        for (int i = 0; vars.has("s" + i); i++) {
            String slug = vars.path("s" + i).asText("");
            StoredPost hit = posts.stream().filter(p -> p.slug.equals(slug) && visible(p)).findFirst().orElse(null);
            if (hit == null) {
                pub.putNull("p" + i);
            } else {
                pub.set("p" + i, node(hit));
            }
        }
        return data(data);
    }

    private MockResponse publish(JsonNode input) {
        if (!PUBLICATION_ID.equals(input.path("publicationId").asText(null))) {
            return graphqlError("NOT_FOUND", "Publication not found");
        }
        String title = input.path("title").asText("");
        if (title.isBlank()) {
            return graphqlError("BAD_USER_INPUT", "Title is required");
        }
        String seriesId = input.path("seriesId").asText(null);
        if (seriesId != null && !series.containsValue(seriesId)) {
            return graphqlError("BAD_USER_INPUT", "Series not found");
        }
        String wanted = input.hasNonNull("slug") ? input.get("slug").asText() : slugify(title);
        String slug = wanted;
        if (slugTaken(slug, null)) {
            // Hashnode keeps the post and suffixes a taken slug instead of failing.
            slug = wanted + "-" + suffix();
        }
        StoredPost p = new StoredPost(hexId(), cuid(), slug);
        apply(p, input);
        // apply() takes the slug asked for; the post keeps the one Hashnode gave it.
        p.slug = slug;
        p.committedAt = clock == null ? null : clock.get();
        if (p.publishedAt == null) {
            p.publishedAt = Instant.now().toString();
        }
        posts.add(p);
        return data(postPayload("publishPost", p));
    }

    private MockResponse update(JsonNode input) {
        StoredPost p = posts.stream().filter(x -> x.id.equals(input.path("id").asText(""))).findFirst()
                .orElse(null);
        if (p == null) {
            return graphqlError("NOT_FOUND", "Post not found");
        }
        if (input.hasNonNull("slug") && slugTaken(input.get("slug").asText(), p)) {
            return graphqlError("BAD_USER_INPUT", "Slug is already taken");
        }
        apply(p, input);
        return data(postPayload("updatePost", p));
    }

    /** Every field present replaces what the post has; an absent field keeps it (as updatePost does). */
    private static void apply(StoredPost p, JsonNode in) {
        if (in.hasNonNull("slug")) {
            p.slug = in.get("slug").asText();
        }
        if (in.has("title")) {
            p.title = in.get("title").asText();
        }
        if (in.has("subtitle")) {
            p.subtitle = in.get("subtitle").asText(null);
        }
        if (in.has("contentMarkdown")) {
            p.markdown = in.get("contentMarkdown").asText();
        }
        if (in.has("tags")) {
            List<String> tags = new ArrayList<>();
            in.get("tags").forEach(t -> tags.add(t.path("slug").asText()));
            p.tags = List.copyOf(tags);
        }
        if (in.hasNonNull("publishedAt")) {
            p.publishedAt = in.get("publishedAt").asText();
        }
        if (in.hasNonNull("seriesId")) {
            p.seriesId = in.get("seriesId").asText();
        }
        // A string field sent as null is cleared; an omitted one is kept. seriesId has no such null: the schema
        // says "Add or change the series", so a post leaves a series only in the dashboard (see removeFromSeries).
        p.coverImage = text(in, "coverImage", p.coverImage);
        p.canonicalUrl = text(in, "originalArticleURL", p.canonicalUrl);
        p.metaTitle = text(in, "metaTitle", p.metaTitle);
        p.metaDescription = text(in, "metaDescription", p.metaDescription);
        p.ogImage = text(in, "ogImage", p.ogImage);
        p.enableToc = flag(in, "enableToc", p.enableToc);
        p.disableComments = flag(in, "disableComments", p.disableComments);
        p.isDelisted = flag(in, "isDelisted", p.isDelisted);
        p.lastInput = in;
    }

    private static String text(JsonNode in, String field, String kept) {
        return in.has(field) ? in.get(field).asText(null) : kept;
    }

    private static boolean flag(JsonNode in, String field, boolean kept) {
        return in.has(field) ? in.get(field).asBoolean(false) : kept;
    }

    /** The author takes the post out of its series in Hashnode's dashboard (the API cannot). */
    synchronized void removeFromSeries(String postId) {
        posts.stream().filter(x -> x.id.equals(postId)).forEach(x -> x.seriesId = null);
    }

    /**
     * What Hashnode shows of a post's front-matter-controlled fields, by front matter key, as a post created from
     * that front matter alone would show them: unset strings absent, options false, series by slug.
     */
    synchronized Map<String, Object> view(StoredPost p) {
        Map<String, Object> v = new java.util.TreeMap<>();
        v.put("title", p.title);
        putSet(v, "subtitle", p.subtitle);
        putSet(v, "canonical", p.canonicalUrl);
        putSet(v, "cover", p.coverImage);
        putSet(v, "seoTitle", p.metaTitle);
        putSet(v, "seoDescription", p.metaDescription);
        putSet(v, "ogImage", p.ogImage);
        v.put("enableToc", p.enableToc);
        v.put("disableComments", p.disableComments);
        v.put("hideFromHashnodeCommunity", p.isDelisted);
        v.put("tags", p.tags);
        v.put("markdown", p.markdown);
        series.forEach((slug, id) -> {
            if (id.equals(p.seriesId)) {
                v.put("series", slug);
            }
        });
        return v;
    }

    private static void putSet(Map<String, Object> v, String key, String value) {
        if (value != null) {
            v.put(key, value);
        }
    }

    private boolean slugTaken(String slug, StoredPost except) {
        return posts.stream().anyMatch(p -> p != except && p.slug.equals(slug));
    }

    private boolean requirePublication(JsonNode vars) {
        return PUBLICATION_ID.equals(vars.path("id").asText(null));
    }

    private static ObjectNode node(StoredPost p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", p.id);
        n.put("cuid", p.cuid);
        n.put("slug", p.slug);
        n.put("url", p.url());
        n.put("title", p.title);
        n.put("publishedAt", p.publishedAt);
        n.putObject("content").put("markdown", p.markdown);
        return n;
    }

    private static ObjectNode postPayload(String field, StoredPost p) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        ObjectNode post = data.putObject(field).putObject("post");
        post.put("id", p.id);
        post.put("cuid", p.cuid);
        post.put("slug", p.slug);
        post.put("url", p.url());
        return data;
    }

    private static MockResponse data(ObjectNode data) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("data", data);
        return json200(Json.compact(root));
    }

    private static MockResponse graphqlError(String code, String message) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode e = root.putArray("errors").addObject();
        e.put("message", message);
        e.putObject("extensions").put("code", code);
        root.putNull("data");
        return json200(Json.compact(root));
    }

    private static MockResponse json200(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    private String hexId() {
        return String.format(Locale.ROOT, "6a7%021x", ++sequence);
    }

    private String cuid() {
        return "clx" + String.format(Locale.ROOT, "%022d", ++sequence);
    }

    private String suffix() {
        return Long.toString(1_000_000L + 7919L * ++sequence, 36).substring(0, 4);
    }

    static String slugify(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    // ------------------------------------------------------------------------------------------- import (cli tests)

    /**
     * A publication of {@code n} generated posts with the odd cases a real blog has (a numeric slug, quotes and a
     * backslash in a title, a Persian post with an embed, SEO fields, covers, OG images, canonical URLs, a series,
     * posts without tags), listed newest first with post 1 the newest, as {@code ExportPosts} pages them. Any
     * {@code Bearer} token is accepted.
     */
    public static FakeHashnode withPosts(int n) {
        FakeHashnode h = new FakeHashnode(null, List.of());
        String seriesId = h.addSeries("aws-origins");
        Instant start = Instant.parse("2023-01-01T08:00:00.123Z");
        // Stored oldest first (post n first), so that the newest-first listing starts with post 1.
        for (int i = n; i >= 1; i--) {
            String slug = "post-" + i;
            String title = "Post number " + i;
            String markdown = "## Part of the story\n\nText of post " + i + " with `code` and an image:\n\n"
                    + "![](https://cdn.hashnode.com/res/hashnode/image/upload/v1/" + i + ".png align=\"center\")\n";
            if (i == 1) {
                slug = "2023";
                title = "2023 in review";
            } else if (i == 2) {
                slug = "quotes-and-colons";
                title = "He said \"hi\": a story about C:\\temp & #hashtags";
            } else if (i == 3) {
                slug = "salam-donya";
                title = "سلام دنیا: نوشتن برای وب";
                markdown = "این یک متن فارسی است.\n\n%[https://www.youtube.com/watch?v=dQw4w9WgXcQ]\n";
            }
            StoredPost p = new StoredPost(String.format("%024x", 0x100000L + i),
                    String.format("clq8kvzg6%016d", i), slug);
            p.title = title;
            p.markdown = markdown;
            p.subtitle = i % 5 == 0 ? "Subtitle of " + i : null;
            // Post 1 is the newest; part numbers of a series must still follow the dates.
            p.publishedAt = start.plusSeconds(86_400L * (n - i)).toString();
            p.canonicalUrl = i % 7 == 0 ? "https://example.dev/blog/" + slug + "?ref=hn" : null;
            p.coverImage = i % 3 == 0 ? "https://cdn.hashnode.com/res/cover-" + i + ".png" : null;
            if (i % 4 == 0) {
                p.metaTitle = "SEO: " + title;
                p.metaDescription = "What post " + i + " says,\nin two lines";
            }
            p.ogImage = i % 6 == 0 ? "https://cdn.hashnode.com/res/og-" + i + ".png" : null;
            p.tags = i % 10 == 9 ? List.of() : List.of("java", "cicd-cjy1vtdk2005kjjs17n8couc3");
            p.seriesId = i >= 10 && i < 15 ? seriesId : null;
            h.posts.add(p);
        }
        return h;
    }

    /** Gives the {@code index}-th post of the newest-first listing (0: the newest) another slug. */
    public synchronized void setSlug(int index, String slug) {
        posts.get(posts.size() - 1 - index).slug = slug;
    }

    /** The body of every request, in the order they arrived (never reset). */
    public synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** From now on every request gets {@code answer} (an error, an HTML page…); null answers normally again. */
    public void answerAlways(MockResponse answer) {
        always = answer;
    }

    /** A 200 JSON answer of {@code body} (maps, lists, strings), for tests that serve single answers. */
    public static MockResponse json(Object body) {
        return json200(Json.compact(body));
    }

    /** One page of {@code ExportPosts}: every field a backup file needs, newest first, at most 100 a page. */
    private MockResponse exportPage(JsonNode vars) {
        if (!requirePublication(vars)) {
            return data(Json.MAPPER.createObjectNode().putNull("publication"));
        }
        int first = Math.min(MAX_PAGE, vars.path("first").asInt(0));
        if (first < 1) {
            return graphqlError("BAD_USER_INPUT", "first must be positive");
        }
        List<StoredPost> newest = new ArrayList<>(posts.stream().filter(this::visible).toList());
        Collections.reverse(newest);
        String after = vars.path("after").asText(null);
        int start = after == null ? 0 : Integer.parseInt(after.substring("cursor:".length())) + 1;
        int end = Math.min(newest.size(), start + first);
        ObjectNode data = Json.MAPPER.createObjectNode();
        ObjectNode pub = data.putObject("publication");
        pub.put("id", PUBLICATION_ID);
        ObjectNode conn = pub.putObject("posts");
        conn.put("totalDocuments", newest.size());
        ArrayNode edges = conn.putArray("edges");
        for (int i = start; i < end; i++) {
            StoredPost p = newest.get(i);
            ObjectNode n = node(p);
            n.put("subtitle", p.subtitle);
            n.put("canonicalUrl", p.canonicalUrl);
            if (p.coverImage == null) {
                n.putNull("coverImage");
            } else {
                n.putObject("coverImage").put("url", p.coverImage);
            }
            if (p.metaTitle == null && p.metaDescription == null) {
                n.putNull("seo");
            } else {
                n.putObject("seo").put("title", p.metaTitle).put("description", p.metaDescription);
            }
            if (p.ogImage == null) {
                n.putNull("ogMetaData");
            } else {
                n.putObject("ogMetaData").put("image", p.ogImage);
            }
            ArrayNode tags = n.putArray("tags");
            p.tags.forEach(t -> tags.addObject().put("slug", t));
            String seriesSlug = series.entrySet().stream().filter(e -> e.getValue().equals(p.seriesId))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (seriesSlug == null) {
                n.putNull("series");
            } else {
                n.putObject("series").put("slug", seriesSlug);
            }
            edges.addObject().set("node", n);
        }
        ObjectNode pageInfo = conn.putObject("pageInfo");
        pageInfo.put("hasNextPage", end < newest.size());
        if (end > start) {
            pageInfo.put("endCursor", "cursor:" + (end - 1));
        } else {
            pageInfo.putNull("endCursor");
        }
        return data(data);
    }
}
