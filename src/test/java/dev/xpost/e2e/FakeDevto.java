package dev.xpost.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xpost.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A stateful stand-in for dev.to's Forem v1 API as xpost uses it (reference {@code reference/devto/API.md}):
 * {@code POST /api/articles}, {@code PUT /api/articles/{id}} and {@code GET /api/articles/me/all} (paged), for one
 * api-key. It keeps dev.to's rules that matter to xpost: 401 for a wrong key; 422 for unwrapped fields, more than
 * 4 tags, a tag outside {@code [a-z0-9]}, a blank title, a canonical URL another published article holds; string
 * tags and unknown fields dropped; duplicates (same title, same body) created without complaint; {@code canonical_url}
 * answered as the article's own URL when none is set. Anything a client should never do (a missing v1 Accept
 * header, no User-Agent, an {@code Authorization} header, another platform's secret, a left-over Hashnode embed,
 * {@code published_at}) is a {@link #violations() violation}. Operations for {@link #fail}: {@code create},
 * {@code update}, {@code list}.
 */
final class FakeDevto extends Dispatcher {
    static final String USERNAME = "ada";
    private static final Set<String> PERMITTED = Set.of("title", "body_markdown", "published", "series", "main_image",
            "canonical_url", "description", "tags", "published_at", "organization_id");

    /** One article as dev.to keeps it. */
    static final class Article {
        final long id;
        String title;
        String body;
        boolean published;
        List<String> tags = new ArrayList<>();
        String canonical;
        String series;
        String mainImage;
        String description;
        final String slug;
        /** When a create stored it, by the run's clock; null for a seeded article (long listed). */
        java.time.Instant committedAt;

        Article(long id, String title, String slug) {
            this.id = id;
            this.title = title;
            this.slug = slug;
        }

        String url() {
            return "https://dev.to/" + USERNAME + "/" + slug;
        }
    }

    private final String key;
    private final List<String> foreignSecrets;
    private final Faults faults = new Faults();
    private final List<Article> articles = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long nextId = 1_000_001;
    private java.time.Duration readLag = java.time.Duration.ZERO;
    private java.util.function.Supplier<java.time.Instant> clock;

    FakeDevto(String key, List<String> foreignSecrets) {
        this.key = key;
        this.foreignSecrets = List.copyOf(foreignSecrets);
    }

    /** @param delayMillis for the delay faults: how late the answer comes */
    void fail(String operation, Fault fault, int times, boolean storedFirst, long delayMillis) {
        faults.inject(operation, fault, times, storedFirst, delayMillis);
    }

    void clearFaults() {
        faults.clear();
    }

    /**
     * From now on {@code /api/articles/me/all} does not list an article until {@code lag} after a create stored it,
     * by {@code clock} (the run's clock), as dev.to's edge serves cached listings (API.md §5.3). Writes see every
     * article.
     */
    synchronized void readLag(java.time.Duration lag, java.util.function.Supplier<java.time.Instant> clock) {
        this.readLag = lag;
        this.clock = clock;
    }

    /** How {@link Fault#LATE_COMMIT} moves the run's clock while the request is in flight. */
    void moveClockWith(java.util.function.Consumer<java.time.Duration> mover) {
        faults.moveClockWith(mover);
    }

    private boolean listed(Article a) {
        return a.committedAt == null || clock == null || !clock.get().isBefore(a.committedAt.plus(readLag));
    }

    /** Requests of every kind since the last {@link #resetCounts()}. */
    synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Forgets the counters (not the articles), so a test can measure one run. */
    synchronized void resetCounts() {
        counts.clear();
    }

    /** The articles with this title, as a test asserts "exactly one per post". */
    synchronized List<Article> articlesTitled(String title) {
        return articles.stream().filter(a -> title.equals(a.title)).toList();
    }

    /** An article the author wrote by hand on dev.to (a cross-post made before xpost). */
    synchronized Article seed(String title, String body, String canonical, List<String> tags) {
        Article a = new Article(nextId++, title, slug(title));
        a.body = body;
        a.canonical = canonical;
        a.published = true;
        a.tags = new ArrayList<>(tags);
        articles.add(a);
        return a;
    }

    synchronized List<Article> articles() {
        return List.copyOf(articles);
    }

    synchronized int count(String operation) {
        return counts.getOrDefault(operation, 0);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        String op = method.equals("POST") && path.equals("/api/articles") ? "create"
                : method.equals("PUT") && path.matches("/api/articles/[0-9]+") ? "update"
                : method.equals("GET") && path.equals("/api/articles/me/all") ? "list" : "unknown";
        check(request, body);
        if (!key.equals(request.getHeaders().get("api-key"))) {
            return json(401, "{\"error\":\"unauthorized\",\"status\":401}");
        }
        Faults.Planned fault;
        synchronized (this) {
            counts.merge(op, 1, Integer::sum);
            fault = faults.next(op);
        }
        if (fault == null) {
            return answer(op, request, body);
        }
        if (fault.fault() == Fault.LATE_COMMIT) {
            return faults.lateCommit(fault, () -> answer(op, request, body));
        }
        if (fault.fault() == Fault.GARBLED_2XX) {
            // The article is stored, but the 201 is cut off mid-JSON: no id can be read from it.
            String whole = Faults.bodyOf(answer(op, request, body));
            return json(201, whole.substring(0, whole.length() / 2));
        }
        boolean commit = fault.storedFirst() || fault.fault() == Fault.HEADERS_DELAY
                || fault.fault() == Fault.BODY_DELAY;
        MockResponse normal = commit ? answer(op, request, body) : null;
        MockResponse t = Faults.transport(fault, normal);
        if (t != null) {
            return t;
        }
        return switch (fault.fault()) {
            case HTTP_500 -> new MockResponse.Builder().code(503).setHeader("Content-Type", "text/html")
                    .body("<html><body><h1>Error 503 first byte timeout</h1></body></html>").build();
            case HTTP_429 -> new MockResponse.Builder(json(429,
                    "{\"error\":\"Rate limit reached, try again in 30 seconds\",\"status\":429}"))
                    .setHeader("Retry-After", "30").build();
            case HTTP_401 -> json(401, "{\"error\":\"unauthorized\",\"status\":401}");
            case HTTP_422 -> json(422, "{\"error\":\"Body markdown has already been taken\",\"status\":422}");
            default -> throw new IllegalArgumentException(fault.fault() + " is not a dev.to fault");
        };
    }

    private void check(RecordedRequest request, String body) {
        if (!"application/vnd.forem.api-v1+json".equals(request.getHeaders().get("Accept"))) {
            violation("no v1 Accept header on " + request.getRequestLine());
        }
        String agent = request.getHeaders().get("User-Agent");
        if (agent == null || !agent.startsWith("xpost/")) {
            violation("no xpost User-Agent on " + request.getRequestLine());
        }
        if (request.getHeaders().get("Authorization") != null) {
            violation("an Authorization header on " + request.getRequestLine());
        }
        String everything = request.getRequestLine() + "\n" + request.getHeaders() + "\n" + body;
        for (String s : foreignSecrets) {
            if (everything.contains(s)) {
                violation("another platform's secret reached dev.to in " + request.getRequestLine());
            }
        }
    }

    private synchronized void violation(String what) {
        violations.add(what);
    }

    private synchronized MockResponse answer(String op, RecordedRequest request, String body) {
        return switch (op) {
            case "create" -> write(null, Json.parseOrNull(body));
            case "update" -> {
                long id = Long.parseLong(request.getUrl().pathSegments().get(2));
                Article a = articles.stream().filter(x -> x.id == id).findFirst().orElse(null);
                yield a == null ? json(404, "{\"error\":\"not found\",\"status\":404}")
                        : write(a, Json.parseOrNull(body));
            }
            case "list" -> list(request);
            default -> {
                violation("unexpected request " + request.getRequestLine());
                yield new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html")
                        .body("<html>The page you were looking for doesn't exist.</html>").build();
            }
        };
    }

    /** A create ({@code existing} null) or an update: dev.to's validations, then the fields sent are stored. */
    private MockResponse write(Article existing, JsonNode request) {
        JsonNode in = request == null ? null : request.get("article");
        if (in == null || !in.isObject()) {
            return json(422, "{\"error\":\"param is missing or the value is empty: article\",\"status\":422}");
        }
        in.fieldNames().forEachRemaining(f -> {
            if (!PERMITTED.contains(f)) {
                violation("an unpermitted field dev.to drops: " + f);
            }
        });
        if (in.has("published_at")) {
            violation("published_at sent");
        }
        String title = in.has("title") ? in.path("title").asText("") : existing == null ? "" : existing.title;
        if (title.isBlank()) {
            return json(422, "{\"error\":\"Title can't be blank\",\"status\":422}");
        }
        List<String> tags = null;
        if (in.has("tags")) {
            if (!in.get("tags").isArray()) {
                violation("tags sent as a string (dev.to drops it)");
            } else {
                tags = new ArrayList<>();
                for (JsonNode t : in.get("tags")) {
                    String tag = t.asText().strip().toLowerCase(Locale.ROOT);
                    if (!tag.matches("[a-z0-9]+")) {
                        return json(422, "{\"error\":\"Tag \\\"" + tag + "\\\" contains non-alphanumeric or "
                                + "prohibited unicode characters\",\"status\":422}");
                    }
                    if (tag.length() > 30) {
                        return json(422, "{\"error\":\"Tag \\\"" + tag + "\\\" is too long (maximum is 30 "
                                + "characters)\",\"status\":422}");
                    }
                    tags.add(tag);
                }
                if (tags.size() > 4) {
                    return json(422, "{\"error\":\"Tag list exceed the maximum of 4 tags\",\"status\":422}");
                }
            }
        }
        String body = in.has("body_markdown") ? in.path("body_markdown").asText("") : null;
        if (body != null && body.lines().anyMatch(l -> l.strip().startsWith("%["))) {
            violation("a Hashnode embed %[…] reached dev.to, which shows it as text");
        }
        String canonical = in.has("canonical_url") ? blankToNull(in.path("canonical_url").asText(null))
                : existing == null ? null : existing.canonical;
        boolean published = in.has("published") ? in.path("published").asBoolean()
                : existing != null && existing.published;
        if (canonical != null && published) {
            for (Article other : articles) {
                if (other != existing && other.published && canonical.equals(other.canonical)) {
                    return json(422, "{\"error\":\"Canonical url has already been taken. Email yo@dev.to for "
                            + "further details.\",\"status\":422}");
                }
            }
        }
        Article a = existing;
        if (a == null) {
            a = new Article(nextId++, title, slug(title));
            a.body = "";
            a.committedAt = clock == null ? null : clock.get();
            articles.add(a);
        }
        a.title = title;
        if (body != null) {
            a.body = body;
        }
        if (tags != null) {
            a.tags = tags;
        }
        a.canonical = canonical;
        a.published = published;
        if (in.has("series")) {
            a.series = in.get("series").isNull() ? null : in.get("series").asText();
        }
        if (in.has("main_image")) {
            a.mainImage = blankToNull(in.path("main_image").asText(null));
        }
        if (in.has("description")) {
            a.description = in.path("description").asText();
        }
        return new MockResponse.Builder(json(existing == null ? 201 : 200, Json.compact(show(a))))
                .setHeader("Location", a.url()).build();
    }

    private MockResponse list(RecordedRequest request) {
        int page = Integer.parseInt(orDefault(request.getUrl().queryParameter("page"), "1"));
        int perPage = Math.min(1000, Integer.parseInt(orDefault(request.getUrl().queryParameter("per_page"), "30")));
        // Newest first, as dev.to orders published articles.
        List<Article> all = new ArrayList<>(articles.stream().filter(this::listed).toList());
        java.util.Collections.reverse(all);
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) {
            Article a = all.get(i);
            ObjectNode o = out.addObject();
            o.put("type_of", "article");
            o.put("id", a.id);
            o.put("title", a.title);
            o.put("published", a.published);
            o.put("url", a.url());
            o.put("canonical_url", a.canonical == null ? a.url() : a.canonical);
            o.put("body_markdown", a.body);
            ArrayNode tags = o.putArray("tag_list");
            a.tags.forEach(tags::add);
            o.put("page_views_count", 0);
            // API.md §4.3: every /me* item names its author, which is how `doctor` learns whose the key is.
            o.putObject("user").put("username", USERNAME).put("name", "Ada Lovelace");
        }
        return json(200, Json.compact(out));
    }

    private static ObjectNode show(Article a) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("type_of", "article");
        o.put("id", a.id);
        o.put("title", a.title);
        o.put("slug", a.slug);
        o.put("url", a.url());
        o.put("canonical_url", a.canonical == null ? a.url() : a.canonical);
        o.put("tag_list", String.join(", ", a.tags));
        ArrayNode tags = o.putArray("tags");
        a.tags.forEach(tags::add);
        o.put("body_markdown", a.body);
        o.put("ai_disclosure_level", "none");
        return o;
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-4k2j";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orDefault(String s, String d) {
        return s == null ? d : s;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }
}
