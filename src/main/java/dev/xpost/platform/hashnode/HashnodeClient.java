package dev.xpost.platform.hashnode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Backoff;
import dev.xpost.http.Http;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import dev.xpost.platform.hashnode.HashnodeErrors.Unsure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Hashnode GraphQL wire client (gql-beta, see {@code reference/hashnode/API.md}): resolves the publication and
 * series, lists and looks up posts, and publishes or updates one post. Every failure is a {@link PlatformException}
 * with platform {@value #PLATFORM} and a message for the user that never contains the token; what each answer means
 * is {@link HashnodeErrors}'.
 *
 * <p>Retries: reads (queries) are retried with {@link Backoff} on timeouts, broken connections, 5xx, 429 and
 * {@code INTERNAL_SERVER_ERROR}. Mutations are never retried: a failed {@code publishPost} whose request may have
 * reached Hashnode is {@link Kind#UNKNOWN_OUTCOME} (the caller looks the slug up with {@link #postBySlug} before
 * trying again), a failed {@code updatePost} is {@link Kind#TRANSIENT} (sending it again next run is harmless).
 *
 * <p>Reads may be served from a cache up to about 25 s old, so a lookup right after a write can miss it: keep the
 * {@link PublishResult} of every write rather than reading it back.
 */
public final class HashnodeClient {
    public static final String PLATFORM = "hashnode";
    public static final String DEFAULT_ENDPOINT = "https://gql-beta.hashnode.com/";

    static final String TOKEN_REJECTED = HashnodeErrors.TOKEN_REJECTED;

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");

    private final OkHttpClient http;
    /** For {@code publishPost}: a new connection each time ({@link Http#once}). */
    private final OkHttpClient once;
    private final HttpUrl endpoint;
    private final String token;
    private final Backoff backoff;
    private final Clock clock;
    private final HashnodeErrors errors;
    private final Map<String, String> seriesIds = new ConcurrentHashMap<>();

    public HashnodeClient(OkHttpClient http, HttpUrl endpoint, String token, Backoff backoff) {
        this(http, endpoint, token, backoff, Clock.systemUTC());
    }

    /**
     * @param http     the shared client; the token is added to each request here, never by an interceptor, so it
     *                 reaches this endpoint only
     * @param endpoint from {@link #endpoint(String)}; plain http is refused unless the host is loopback
     * @param token    the personal access token ({@code HASHNODE_TOKEN})
     * @param clock    reads {@code Retry-After} dates
     * @throws PlatformException CONFIG for an unsafe endpoint, AUTH for a missing or malformed token
     */
    public HashnodeClient(OkHttpClient http, HttpUrl endpoint, String token, Backoff backoff, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.once = Http.once(http);
        this.endpoint = checkEndpoint(Objects.requireNonNull(endpoint, "endpoint"));
        this.token = checkToken(token);
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.errors = new HashnodeErrors(this.endpoint, this.token, clock);
    }

    /**
     * The configured {@code hashnode.endpoint}, checked; the default when unset.
     *
     * @throws PlatformException CONFIG naming {@code hashnode.endpoint} when it is not a URL, or plain http to a host
     *                           other than this machine
     */
    public static HttpUrl endpoint(String configured) {
        if (configured == null || configured.isBlank()) {
            return HttpUrl.get(DEFAULT_ENDPOINT);
        }
        HttpUrl url = HttpUrl.parse(configured.strip());
        if (url == null) {
            throw new PlatformException(PLATFORM, Kind.CONFIG, "hashnode.endpoint \"" + configured.strip()
                    + "\" is not an http(s) URL: fix it in config/xpost.yaml (Hashnode's endpoint is "
                    + DEFAULT_ENDPOINT + ")");
        }
        return checkEndpoint(url);
    }

    private static HttpUrl checkEndpoint(HttpUrl url) {
        if (!url.isHttps() && !isLoopback(url.host())) {
            throw new PlatformException(PLATFORM, Kind.CONFIG, "hashnode.endpoint " + url + " uses plain http://, "
                    + "which would send HASHNODE_TOKEN unencrypted: use https:// in config/xpost.yaml (plain http "
                    + "is allowed only for a test server on this machine: localhost, 127.0.0.1, ::1)");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || LOOPBACK_V4.matcher(host).matches();
    }

    private static String checkToken(String token) {
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) {
            throw new PlatformException(PLATFORM, Kind.AUTH, "HASHNODE_TOKEN is not set. Create a personal access "
                    + "token at https://hashnode.com/settings/developer and put it in .env as HASHNODE_TOKEN=…");
        }
        if (!t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new PlatformException(PLATFORM, Kind.AUTH, "HASHNODE_TOKEN contains spaces, quotes or other "
                    + "characters a token never has: copy it again from https://hashnode.com/settings/"
                    + "developer into .env as HASHNODE_TOKEN=… (the token alone, without \"Bearer\")");
        }
        return t;
    }

    /** The endpoint this client talks to. */
    public HttpUrl endpointUrl() {
        return endpoint;
    }

    /** True when a failure of this client is Hashnode's Pro gate: the publication has no active Pro plan. */
    public static boolean isProGate(PlatformException e) {
        return HashnodeErrors.isProGate(e);
    }

    /** True when a failure of this client is about HASHNODE_TOKEN itself: missing, malformed or rejected. */
    public static boolean isTokenProblem(PlatformException e) {
        return HashnodeErrors.isTokenProblem(e);
    }

    // ---------------------------------------------------------------------------------------------- reads

    /**
     * Resolves the configured publication with one read.
     *
     * @throws PlatformException CONFIG when Hashnode has no such publication; AUTH when it needs Pro or the token's
     *                           user has no access
     */
    public Publication publication(PublicationRef ref) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("id", ref.id());
        vars.put("host", ref.host());
        JsonNode data = read("Publication", vars, "reading the publication " + ref);
        JsonNode p = data == null ? null : data.path("publication");
        if (p == null || !p.isObject() || text(p, "id") == null) {
            throw errors.fail(Kind.CONFIG, "Hashnode has no publication " + ref + ": check hashnode.publication in "
                    + "config/xpost.yaml (the blog host, such as myblog.hashnode.dev, or the publication id)", null);
        }
        return new Publication(text(p, "id"), text(p, "url"), text(p, "title"));
    }

    /**
     * The id of the series {@code seriesSlug} in the publication, remembered for the rest of the run.
     *
     * @throws PlatformException REJECTED when the series does not exist: the API cannot create one
     */
    public String seriesId(Publication publication, String seriesSlug) {
        String key = publication.id() + "/" + seriesSlug;
        String known = seriesIds.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("id", publication.id());
        vars.put("slug", seriesSlug);
        JsonNode data = read("Series", vars, "looking up the series \"" + seriesSlug + "\"");
        String id = data == null ? null : text(data.path("publication").path("series"), "id");
        if (id == null) {
            throw errors.fail(Kind.REJECTED, "Series \"" + seriesSlug + "\" was not found in publication "
                    + publication.host() + ". Create it in the Hashnode dashboard first (the API cannot create "
                    + "series).", null);
        }
        seriesIds.put(key, id);
        return id;
    }

    /**
     * Every post of the publication with its Markdown, {@value Operations#PAGE_SIZE} a page: ⌈N/100⌉ reads.
     * Used to adopt existing posts (by cuid or slug) and to see which differ from their files.
     */
    public List<RemotePost> posts(Publication publication) {
        return pages("Posts", publication, HashnodeClient::remotePost, null);
    }

    /** Told after each page of a listing: posts read so far, and how many the publication has (null: unknown). */
    @FunctionalInterface
    public interface PageListener {
        void read(int soFar, Integer total);
    }

    /**
     * Every published post of the publication with every field of a backup file (tags, cover, SEO, Open Graph
     * image, canonical URL, series, Markdown), {@value Operations#PAGE_SIZE} a page: ⌈N/100⌉ reads and no more.
     *
     * @param listener told after each page, for progress on a large blog; may be null
     */
    public List<ExportedPost> exportPosts(Publication publication, PageListener listener) {
        return pages("ExportPosts", publication, HashnodeClient::exportedPost, listener);
    }

    /** Follows a publication's {@code posts} connection to its end, one read per page. */
    private <T> List<T> pages(String operation, Publication publication, Function<JsonNode, T> map,
            PageListener listener) {
        List<T> out = new ArrayList<>();
        String after = null;
        while (true) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("id", publication.id());
            vars.put("first", Operations.PAGE_SIZE);
            vars.put("after", after);
            JsonNode data = read(operation, vars, "listing the posts of " + publication.host());
            JsonNode connection = data == null ? null : data.path("publication").path("posts");
            if (connection == null || !connection.isObject()) {
                throw errors.fail(Kind.CONFIG, "Hashnode has no publication " + publication.host() + " any more: check "
                        + "hashnode.publication in config/xpost.yaml", null);
            }
            for (JsonNode edge : connection.path("edges")) {
                T post = map.apply(edge.path("node"));
                if (post != null) {
                    out.add(post);
                }
            }
            if (listener != null) {
                JsonNode total = connection.path("totalDocuments");
                listener.read(out.size(), total.isInt() ? total.asInt() : null);
            }
            JsonNode pageInfo = connection.path("pageInfo");
            if (!pageInfo.path("hasNextPage").asBoolean(false)) {
                return out;
            }
            String next = text(pageInfo, "endCursor");
            if (next == null || next.equals(after)) {
                // Asking again with the same cursor would loop forever.
                throw errors.fail(Kind.TRANSIENT, "Hashnode's list of the posts of " + publication.host() + " stopped "
                        + "advancing after " + out.size() + " posts; nothing was changed, run xpost again later",
                        null);
            }
            after = next;
        }
    }

    /**
     * The post with this slug in the publication, or empty. Settles an open publish intent: if Hashnode has the
     * slug, the earlier publish happened. A miss shortly (~25 s) after a publish may come from a stale cache.
     */
    public Optional<RemotePost> postBySlug(Publication publication, String slug) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("id", publication.id());
        vars.put("slug", slug);
        JsonNode data = read("PostBySlug", vars, "looking up the post `" + slug + "`");
        return Optional.ofNullable(data == null ? null : remotePost(data.path("publication").path("post")));
    }

    /**
     * The posts of the publication with these slugs, looked up {@value Operations#SLUG_BATCH} to a request: what a
     * run needs to know of its new posts, for ⌈N/20⌉ reads however many posts the publication holds.
     *
     * @return slug → the post holding it; a slug Hashnode does not know is absent
     * @throws PlatformException as for every read (retried first)
     */
    public Map<String, RemotePost> postsBySlug(Publication publication, List<String> slugs) {
        Map<String, RemotePost> out = new LinkedHashMap<>();
        for (int from = 0; from < slugs.size(); from += Operations.SLUG_BATCH) {
            List<String> batch = slugs.subList(from, Math.min(slugs.size(), from + Operations.SLUG_BATCH));
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("id", publication.id());
            for (int i = 0; i < Operations.SLUG_BATCH; i++) {
                vars.put("s" + i, batch.get(i < batch.size() ? i : 0));
            }
            JsonNode data = read("PostsBySlug", vars, batch.size() == 1 ? "looking up the post `" + batch.get(0)
                    + "`" : "looking up " + batch.size() + " posts by their slugs");
            JsonNode pub = data == null ? null : data.path("publication");
            for (int i = 0; i < batch.size(); i++) {
                RemotePost hit = pub == null ? null : remotePost(pub.path("p" + i));
                // The answer must be for the slug asked: a post whose slug differs is not this one.
                if (hit != null && batch.get(i).equals(hit.slug())) {
                    out.put(batch.get(i), hit);
                }
            }
        }
        return out;
    }

    /**
     * Asks where to upload one image ({@code createImageUploadURL}). Retried like a read: a second presigned POST
     * costs nothing, and nothing is uploaded yet.
     *
     * @param contentType such as {@code image/png}
     * @throws PlatformException TRANSIENT when the answer has no usable URL or key; otherwise as for reads
     */
    PresignedPost imageUploadUrl(String contentType) {
        JsonNode data = read("CreateImageUploadURL", Map.of("input", Map.of("contentType", contentType)),
                "asking Hashnode where to upload an image");
        JsonNode p = data == null ? null : data.path("createImageUploadURL").path("presignedPost");
        JsonNode fields = p == null ? null : p.get("fields");
        String url = text(p, "url");
        if (url == null || fields == null || !fields.isObject() || text(fields, "key") == null) {
            throw errors.fail(Kind.TRANSIENT, "Hashnode's answer to createImageUploadURL has no usable upload URL and key; "
                    + "nothing was uploaded or published: run xpost again later", null);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
        return new PresignedPost(url, out);
    }

    // ------------------------------------------------------------------------------------------- writes

    /**
     * Sends {@code publishPost}, once. Compare {@link PublishResult#slug()} with the slug asked for: Hashnode
     * suffixes a taken slug instead of failing ({@link PublishResult#slugWarning}).
     *
     * @throws PlatformException REJECTED when the request is too large or Hashnode refuses the post; UNKNOWN_OUTCOME
     *                           when the request may have reached Hashnode but no answer came back; TRANSIENT when
     *                           nothing was sent (no connection); AUTH / CONFIG / RATE_LIMITED as for reads
     */
    public PublishResult publish(PostInput input) {
        if (input.operation() != PostInput.Operation.PUBLISH) {
            throw new IllegalArgumentException("publish() needs a PostInput.publish(...) input");
        }
        String file = input.sourceFile();
        refuseOversized(input);
        JsonNode data;
        try {
            data = exchange("publishing " + file, input.requestBody(), false, true);
        } catch (Unsure u) {
            if (u.notSent) {
                throw errors.fail(Kind.NETWORK, "Could not reach Hashnode to publish " + file + " (" + u.what
                        + "); nothing was sent, so nothing was created: " + HashnodeErrors.CHECK_NETWORK, u.getCause());
            }
            if (u.rateLimited) {
                throw errors.fail(Kind.RATE_LIMITED, "Hashnode refused to publish " + file + " for now (" + u.what
                        + "); nothing was created: run xpost again later", u.getCause());
            }
            throw errors.fail(Kind.UNKNOWN_OUTCOME, "Publishing " + file + " to Hashnode failed with " + u.what
                    + ": Hashnode may or may not have created the post; xpost will look the slug up ("
                    + slugForMessage(input) + ") before trying again", u.getCause());
        }
        PublishResult result = result(data.path("publishPost").path("post"), input);
        if (result == null) {
            throw errors.fail(Kind.UNKNOWN_OUTCOME, "Hashnode answered the publishing of " + file + " without the new post's "
                    + "id: Hashnode may or may not have created the post; xpost will look the slug up ("
                    + slugForMessage(input) + ") before trying again", null);
        }
        return result;
    }

    /**
     * Sends {@code updatePost}, once.
     *
     * @throws PlatformException REJECTED when the request is too large or Hashnode refuses it; TRANSIENT when it
     *                           failed in transit (safe to send again next run); AUTH / CONFIG / RATE_LIMITED as for
     *                           reads
     */
    public PublishResult update(PostInput input) {
        if (input.operation() != PostInput.Operation.UPDATE) {
            throw new IllegalArgumentException("update() needs a PostInput.update(...) input");
        }
        String file = input.sourceFile();
        refuseOversized(input);
        JsonNode data;
        try {
            data = exchange("updating " + file, input.requestBody(), false, false);
        } catch (Unsure u) {
            throw errors.fail(u.rateLimited ? Kind.RATE_LIMITED : u.notSent ? Kind.NETWORK : Kind.TRANSIENT,
                    "Updating " + file + " on Hashnode "
                    + "failed with " + u.what + ". An update is safe to send again: the next xpost run will retry "
                    + "it", u.getCause());
        }
        PublishResult result = result(data.path("updatePost").path("post"), input);
        if (result == null) {
            throw errors.fail(Kind.TRANSIENT, "Hashnode answered the update of " + file + " without the post's id. An "
                    + "update is safe to send again: the next xpost run will retry it", null);
        }
        return result;
    }

    private void refuseOversized(PostInput input) {
        Optional<String> problem = input.sizeProblem();
        if (problem.isPresent()) {
            throw errors.fail(Kind.REJECTED, problem.get(), null);
        }
    }

    private static String slugForMessage(PostInput input) {
        return input.requestedSlug() != null ? "`" + input.requestedSlug() + "`" : "derived from the title";
    }

    private static PublishResult result(JsonNode post, PostInput input) {
        String id = text(post, "id");
        String slug = text(post, "slug");
        if (id == null || slug == null) {
            return null;
        }
        return new PublishResult(id, text(post, "cuid"), slug, text(post, "url"), input.requestedSlug());
    }

    private static RemotePost remotePost(JsonNode node) {
        if (node == null || !node.isObject() || text(node, "id") == null) {
            return null;
        }
        return new RemotePost(text(node, "id"), text(node, "cuid"), text(node, "slug"), text(node, "url"),
                text(node, "title"), instant(text(node, "publishedAt")), text(node.path("content"), "markdown"));
    }

    private static ExportedPost exportedPost(JsonNode node) {
        if (node == null || !node.isObject() || text(node, "id") == null || text(node, "slug") == null) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : node.path("tags")) {
            String slug = text(tag, "slug");
            if (slug != null && !slug.isBlank()) {
                tags.add(slug);
            }
        }
        return new ExportedPost(text(node, "id"), text(node, "cuid"), text(node, "slug"), text(node, "url"),
                text(node, "title"), text(node, "subtitle"), instant(text(node, "publishedAt")),
                text(node.path("content"), "markdown"), text(node, "canonicalUrl"),
                text(node.path("coverImage"), "url"), text(node.path("seo"), "title"),
                text(node.path("seo"), "description"), text(node.path("ogMetaData"), "image"), tags,
                text(node.path("series"), "slug"));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    // ---------------------------------------------------------------------------------------------- wire

    /** A query, retried while the failure is one that a later try can fix. Null data means "not found". */
    private JsonNode read(String operation, Map<String, ?> variables, String what) {
        String body = Operations.body(operation, variables);
        for (int attempt = 1; ; attempt++) {
            Unsure u;
            try {
                return exchange(what, body, true, false);
            } catch (Unsure e) {
                u = e;
            }
            Kind giveUp = u.rateLimited ? Kind.RATE_LIMITED : u.notSent ? Kind.NETWORK : Kind.TRANSIENT;
            if (u.tooLarge) {
                // The same question gets the same over-long answer: asking again only downloads it again.
                throw errors.fail(Kind.TRANSIENT, "xpost stopped " + what + " on Hashnode: " + u.what + "; nothing was "
                        + "changed. Check hashnode.endpoint in config/xpost.yaml, or run xpost again later", null);
            }
            if (backoff.tooLong(u.retryAfter)) {
                throw errors.fail(giveUp, "Hashnode asked xpost to wait " + u.retryAfter.toSeconds() + " s before "
                        + what + " (" + u.what + "), longer than xpost waits in one run: run it again later",
                        u.getCause());
            }
            if (attempt >= backoff.maxAttempts()) {
                throw errors.fail(giveUp, "xpost gave up " + what + " on Hashnode after " + attempt
                        + (attempt == 1 ? " try" : " tries") + " (last: "
                        + u.what + "); nothing was changed: " + (u.notSent ? HashnodeErrors.CHECK_NETWORK : "run xpost again later"),
                        u.getCause());
            }
            try {
                backoff.sleep(backoff.delay(attempt, u.retryAfter));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw errors.fail(Kind.TRANSIENT, "Interrupted while waiting to retry " + what, e);
            }
        }
    }

    /**
     * One request and the meaning of its answer: GraphQL data, a {@link PlatformException} that no retry can fix, or
     * {@link Unsure} when a later try might succeed (whether that is safe is the caller's business).
     *
     * @param notFoundIsAbsent true for lookups, where {@code NOT_FOUND} answers "there is none" (null data)
     * @param create           true for {@code publishPost}: sent on a new connection, and a 2xx answer that cannot
     *                         be read as a clean result is {@link Unsure}, since the post may have been committed
     */
    private JsonNode exchange(String what, String body, boolean notFoundIsAbsent, boolean create) throws Unsure {
        Request request = new Request.Builder()
                .url(endpoint)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON))
                .build();
        int code;
        String text;
        Response response;
        try {
            response = (create ? once : http).newCall(request).execute();
            try (response) {
                code = response.code();
                text = response.body().string();
            }
        } catch (ConnectException | UnknownHostException | java.net.NoRouteToHostException e) {
            throw new Unsure("no connection to " + endpoint.host() + " (" + e.getClass().getSimpleName() + ")",
                    null, false, true, e);
        } catch (InterruptedIOException e) {
            throw new Unsure("no answer in time (" + e.getClass().getSimpleName() + ")", null, false, false, e);
        } catch (IOException e) {
            if (Http.tooLarge(e)) {
                throw new Unsure("an answer longer than " + Http.MAX_ANSWER_BYTES / (1024 * 1024) + " MiB, more than"
                        + " xpost reads", null, false, false, true, e);
            }
            throw new Unsure("a broken connection (" + e.getClass().getSimpleName() + ")", null, false, false, e);
        }
        if (create && code >= 200 && code < 300) {
            Optional<String> garbled = HashnodeErrors.garbled(code, response, text);
            if (garbled.isPresent()) {
                throw new Unsure(garbled.get(), null, false, false, null);
            }
        }
        return errors.interpret(what, code, response, text, notFoundIsAbsent);
    }
}
