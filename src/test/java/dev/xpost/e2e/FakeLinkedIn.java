package dev.xpost.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xpost.http.Json;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A stateful stand-in for LinkedIn's REST API as xpost uses it: {@code GET /v2/userinfo}, {@code POST /rest/posts}
 * (with LinkedIn's 422 DUPLICATE_POST answer naming the URN when the same commentary was posted before),
 * {@code PARTIAL_UPDATE} of a post's commentary, and the Images API ({@code initializeUpload}, then a {@code PUT} of
 * the bytes to the upload URL it hands out). It also serves cover images under {@code /img/}, as a blog's image host
 * would. Operations for {@link #fail}: {@code userinfo}, {@code createPost}, {@code partialUpdate},
 * {@code initializeUpload}, {@code upload}.
 */
final class FakeLinkedIn extends Dispatcher {
    static final String SUB = "abc123";
    static final String AUTHOR = "urn:li:person:" + SUB;
    private static final long FIRST_SHARE = 7141138937766391000L;

    /** One post as LinkedIn keeps it. */
    static final class StoredPost {
        final String urn;
        String commentary;
        final JsonNode article;
        final String author;

        StoredPost(String urn, String commentary, JsonNode article, String author) {
            this.urn = urn;
            this.commentary = commentary;
            this.article = article;
            this.author = author;
        }

        /** The link card's {@code source}, or null for a text-only post. */
        String source() {
            return article == null ? null : article.path("source").asText(null);
        }
    }

    private final String token;
    private final List<String> foreignSecrets;
    private final Faults faults = new Faults();
    private final List<StoredPost> posts = new ArrayList<>();
    private final Map<String, byte[]> uploads = new LinkedHashMap<>();
    /** Posts deleted by hand that LinkedIn still names in its duplicate answer (for a day or two). */
    private final List<StoredPost> deletedRecently = new ArrayList<>();
    /** What the image host answers for a path under {@code /img/} other than the default PNG. */
    private final Map<String, MockResponse> imageHost = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long sequence;
    /** A hostile or broken server: every new post is answered with the same URN. */
    private boolean sameUrnForEveryPost;

    FakeLinkedIn(String token, List<String> foreignSecrets) {
        this.token = token;
        this.foreignSecrets = List.copyOf(foreignSecrets);
    }

    void fail(String operation, Fault fault, int times, boolean storedFirst, long delayMillis) {
        faults.inject(operation, fault, times, storedFirst, delayMillis);
    }

    void fail(String operation, Fault fault) {
        fail(operation, fault, 1, fault.mayCommit(), 0);
    }

    void clearFaults() {
        faults.clear();
    }

    /** How {@link Fault#LATE_COMMIT} moves the run's clock while the request is in flight. */
    void moveClockWith(Consumer<Duration> mover) {
        faults.moveClockWith(mover);
    }

    synchronized List<StoredPost> posts() {
        return List.copyOf(posts);
    }

    synchronized List<StoredPost> postsLinkingTo(String url) {
        return posts.stream().filter(p -> url.equals(p.source())).toList();
    }

    /** From now on every create is answered with one and the same URN (a hostile or broken server). */
    synchronized void answerEveryCreateWithOneUrn() {
        sameUrnForEveryPost = true;
    }

    synchronized StoredPost byUrn(String urn) {
        return posts.stream().filter(p -> p.urn.equals(urn)).findFirst().orElse(null);
    }

    /** The author deletes a post in LinkedIn's web page; its text still counts as a duplicate for a while. */
    synchronized void deleteByHand(String urn) {
        StoredPost p = byUrn(urn);
        posts.remove(p);
        deletedRecently.add(p);
    }

    /** A day or two later: LinkedIn no longer names deleted posts in its duplicate answer. */
    synchronized void forgetDeleted() {
        deletedRecently.clear();
    }

    /** The image host answers {@code response} for {@code path} (e.g. {@code /img/moved.png}) from now on. */
    synchronized void serveImage(String path, MockResponse response) {
        imageHost.put(path, response);
    }

    /** The image host answers a redirect to {@code target} for {@code path}. */
    synchronized void redirectImage(String path, String target) {
        serveImage(path, new MockResponse.Builder().code(302).setHeader("Location", target).build());
    }

    synchronized Map<String, byte[]> uploads() {
        return Map.copyOf(uploads);
    }

    synchronized int count(String operation) {
        return counts.getOrDefault(operation, 0);
    }

    /** Calls of the API (cover downloads from {@code /img/} are not LinkedIn's and not counted). */
    synchronized int total() {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals("image-host"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    synchronized int mutations() {
        return count("createPost") + count("partialUpdate") + count("initializeUpload") + count("upload");
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized void resetCounts() {
        counts.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        String op = operation(request.getMethod(), path, request.getHeaders().get("X-RestLi-Method"));
        checkSecrets(request, body, op);
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
            MockResponse normal = answer(op, request, body);
            // A 201 whose body is a web page and whose x-restli-id is lost on the way.
            return new MockResponse.Builder().code(normal.getCode()).setHeader("Content-Type", "text/html")
                    .body("<!DOCTYPE html><html><body>Redirecting to your feed…</body></html>").build();
        }
        boolean commit = fault.storedFirst() || fault.fault() == Fault.HEADERS_DELAY
                || fault.fault() == Fault.BODY_DELAY;
        MockResponse normal = commit ? answer(op, request, body) : null;
        MockResponse t = Faults.transport(fault, normal);
        if (t != null) {
            return t;
        }
        return switch (fault.fault()) {
            case HTTP_500 -> json(500, "{\"status\":500,\"message\":\"Internal Server Error\"}");
            case HTTP_429 -> new MockResponse.Builder(json(429, Fixtures.text("linkedin/error-429.json")))
                    .setHeader("Retry-After", "30").build();
            case HTTP_401 -> json(401, Fixtures.text("linkedin/error-401.json"));
            case HTTP_426 -> json(426, Fixtures.text("linkedin/error-426.json"));
            case HTTP_400 -> json(400, "{\"status\":400,\"code\":\"INVALID_PARAM\",\"message\":\"Invalid param. "
                    + "Field commentary is not valid\"}");
            default -> throw new IllegalArgumentException(fault.fault() + " is not a LinkedIn fault");
        };
    }

    private static String operation(String method, String path, String restliMethod) {
        if (path.equals("/v2/userinfo") && method.equals("GET")) {
            return "userinfo";
        }
        if (path.equals("/rest/posts") && method.equals("POST")) {
            return "createPost";
        }
        if (path.startsWith("/rest/posts/") && method.equals("POST") && "PARTIAL_UPDATE".equals(restliMethod)) {
            return "partialUpdate";
        }
        if (path.equals("/rest/images") && method.equals("POST")) {
            return "initializeUpload";
        }
        if (path.startsWith("/upload/") && method.equals("PUT")) {
            return "upload";
        }
        if (path.startsWith("/img/") && method.equals("GET")) {
            return "image-host";
        }
        return "unknown " + method + " " + path;
    }

    private void checkSecrets(RecordedRequest request, String body, String op) {
        String auth = request.getHeaders().get("Authorization");
        if (op.equals("image-host")) {
            // A cover download goes to the blog's image host: no token of any kind belongs there.
            if (auth != null) {
                violation("a token was sent with the cover download " + request.getRequestLine());
            }
        } else if (!("Bearer " + token).equals(auth)) {
            violation("Authorization was " + (auth == null ? "missing" : "not Bearer <linkedin token>") + " on "
                    + request.getRequestLine());
        }
        if (op.equals("createPost") || op.equals("partialUpdate") || op.equals("initializeUpload")) {
            if (request.getHeaders().get("LinkedIn-Version") == null
                    || !"2.0.0".equals(request.getHeaders().get("X-Restli-Protocol-Version"))) {
                violation("Rest.li headers missing on " + request.getRequestLine());
            }
        }
        String everything = request.getRequestLine() + "\n" + request.getHeaders() + "\n" + body;
        for (String s : foreignSecrets) {
            if (everything.contains(s)) {
                violation("another platform's secret reached LinkedIn in " + request.getRequestLine());
            }
        }
    }

    private synchronized void violation(String what) {
        violations.add(what);
    }

    private synchronized MockResponse answer(String op, RecordedRequest request, String body) {
        return switch (op) {
            case "userinfo" -> json(200, "{\"sub\":\"" + SUB + "\",\"name\":\"Ada Lovelace\"}");
            case "createPost" -> create(Json.parseOrNull(body));
            case "partialUpdate" -> partialUpdate(request.getUrl().encodedPath(), Json.parseOrNull(body));
            case "initializeUpload" -> initializeUpload(request, Json.parseOrNull(body));
            case "upload" -> {
                uploads.put(request.getUrl().encodedPath(), request.getBody().toByteArray());
                yield new MockResponse.Builder().code(201).build();
            }
            case "image-host" -> imageHost.containsKey(request.getUrl().encodedPath())
                    ? imageHost.get(request.getUrl().encodedPath())
                    : new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                    .body(new Buffer().write(Fixtures.bytes("e2e/cover.png"))).build();
            default -> {
                violation("unexpected request " + request.getRequestLine());
                yield json(404, "{\"status\":404,\"message\":\"No such resource\"}");
            }
        };
    }

    private MockResponse create(JsonNode post) {
        if (post == null || !AUTHOR.equals(post.path("author").asText(null))) {
            violation("a create without this member as author: " + post);
            return json(403, Fixtures.text("linkedin/error-403.json"));
        }
        String commentary = post.path("commentary").asText("");
        List<StoredPost> known = new ArrayList<>(posts);
        known.addAll(deletedRecently);
        for (StoredPost p : known) {
            if (p.commentary.equals(commentary)) {
                return json(422, Fixtures.text("linkedin/error-422-duplicate.json")
                        .replace("urn:li:share:7141138937766391808", p.urn));
            }
        }
        String urn = "urn:li:share:" + (FIRST_SHARE + (sameUrnForEveryPost ? 1 : ++sequence));
        JsonNode article = post.path("content").path("article");
        posts.add(new StoredPost(urn, commentary, article.isMissingNode() ? null : article, AUTHOR));
        return new MockResponse.Builder().code(201)
                .setHeader("x-restli-id", URLEncoder.encode(urn, StandardCharsets.UTF_8)).build();
    }

    private MockResponse partialUpdate(String path, JsonNode patch) {
        String urn = URLDecoder.decode(path.substring("/rest/posts/".length()), StandardCharsets.UTF_8);
        StoredPost p = posts.stream().filter(x -> x.urn.equals(urn)).findFirst().orElse(null);
        if (p == null) {
            return json(404, "{\"status\":404,\"message\":\"Not Found\"}");
        }
        JsonNode set = patch == null ? null : patch.path("patch").path("$set");
        if (set == null || !set.has("commentary")) {
            return json(422, "{\"status\":422,\"message\":\"ERROR :: /patch :: nothing to set\"}");
        }
        p.commentary = set.get("commentary").asText();
        return new MockResponse.Builder().code(204).build();
    }

    private MockResponse initializeUpload(RecordedRequest request, JsonNode body) {
        String owner = body == null ? null : body.path("initializeUploadRequest").path("owner").asText(null);
        if (!AUTHOR.equals(owner) || !"initializeUpload".equals(request.getUrl().queryParameter("action"))) {
            violation("a bad initializeUpload: " + request.getRequestLine() + " " + body);
            return json(400, "{\"status\":400,\"message\":\"bad request\"}");
        }
        long n = ++sequence;
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode value = root.putObject("value");
        value.put("uploadUrlExpiresAt", 1790000000000L);
        value.put("uploadUrl", request.getUrl().resolve("/upload/" + n).toString());
        value.put("image", "urn:li:image:C4E10AQ" + n);
        return json(200, Json.compact(root));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body)
                .build();
    }
}
