package dev.xpost.platform.devto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Backoff;
import dev.xpost.http.Http;
import dev.xpost.http.Json;
import dev.xpost.http.SecureUrl;
import dev.xpost.platform.NoAnswer;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * dev.to's (Forem's) v1 REST API for the key owner's own articles (reference {@code reference/devto/API.md}).
 *
 * <p>Every request carries {@code api-key} and the v1 {@code Accept: application/vnd.forem.api-v1+json} (without
 * it dev.to serves the deprecated v0 API: §1.1), and goes to {@code apiBase}'s host only: URLs are built from it
 * and the shared client follows no redirect. The User-Agent is the shared client's {@code xpost/<version>} (dev.to
 * answers 403 to requests without one: §1.3). The key never appears in an exception message.
 *
 * <p>Retries: reads and updates ({@code PUT} is "patch what you send", so the same PUT twice is harmless) are
 * retried with {@link Backoff} on 5xx, timeouts and dropped connections. A create is never retried after it may
 * have reached dev.to: there is no idempotency key and duplicates are allowed (§5.4), so a 5xx, a timeout or a
 * dropped connection is {@link Kind#UNKNOWN_OUTCOME}, settled by reading the author's articles back. Any call is
 * tried again after a 429 whose {@code Retry-After} is at most {@link #SHORT_WAIT} (Rack::Attack's one write per
 * second, decided before anything is saved: §6); a longer one (the article limiters answer 30 s) stops every later
 * call on this client for the run with {@link Kind#RATE_LIMITED}. Writes go at least {@link #WRITE_GAP} apart (§6).
 */
public final class DevtoClient {
    public static final String PLATFORM = DevtoSettings.PLATFORM;
    /** Selects the v1 API (§1.1). */
    public static final String ACCEPT = "application/vnd.forem.api-v1+json";
    /** Rack::Attack allows one write per second per IP and key; 1.1 s keeps clear of its window edges (§6). */
    static final Duration WRITE_GAP = Duration.ofMillis(1100);
    /** The longest {@code Retry-After} waited out within a run. */
    static final Duration SHORT_WAIT = Duration.ofSeconds(2);
    /** The most dev.to serves per page of {@code /me/all} (§4.2): one read for almost every blog. */
    static final int PER_PAGE = 1000;
    private static final int MAX_PAGES = 1000;
    private static final MediaType JSON = MediaType.get("application/json");

    /** What was being done, for messages. */
    enum Op {
        LIST("reading your articles (GET /api/articles/me/all)"),
        CREATE("creating the article"),
        UPDATE("updating the article");

        final String what;

        Op(String what) {
            this.what = what;
        }
    }

    /** One answer, read fully so that the connection is released before deciding what it means. */
    record Answer(int code, Headers headers, String body) {
        boolean ok() {
            return code >= 200 && code < 300;
        }

        JsonNode json() {
            return Json.parseOrNull(body);
        }

        boolean html() {
            return body != null && body.stripLeading().startsWith("<");
        }
    }

    private final OkHttpClient http;
    private final OkHttpClient once;
    private final HttpUrl apiBase;
    private final String apiKey;
    private final Backoff backoff;
    private final Clock clock;
    private final int perPage;
    private Instant lastWrite;
    private volatile PlatformException stopped;

    /**
     * @param http    the shared client ({@link Http#newClient}: no redirects, answers capped, User-Agent set)
     * @param apiBase {@link DevtoSettings#apiBase()}; tests pass MockWebServer's URL
     * @param apiKey  {@value DevtoSettings#SECRET}
     * @param backoff waits between tries, and before a write that would come too soon after the last
     * @param clock   for the gap between writes and for a {@code Retry-After} given as a date
     * @throws PlatformException CONFIG when {@code apiBase} would carry the key unencrypted across a network
     */
    public DevtoClient(OkHttpClient http, HttpUrl apiBase, String apiKey, Backoff backoff, Clock clock) {
        this(http, apiBase, apiKey, backoff, clock, PER_PAGE);
    }

    DevtoClient(OkHttpClient http, HttpUrl apiBase, String apiKey, Backoff backoff, Clock clock, int perPage) {
        this.http = Objects.requireNonNull(http, "http");
        this.once = Http.once(http);
        this.apiBase = apiBase == null ? HttpUrl.get(DevtoSettings.DEFAULT_API_BASE) : apiBase;
        if (!SecureUrl.allowed(this.apiBase)) {
            // Also refused by DevtoSettings.parse; here for every other way a client gets built.
            throw new PlatformException(PLATFORM, Kind.CONFIG, SecureUrl.problem("devto.apiBase",
                    this.apiBase.toString(), DevtoSettings.SECRET).orElseThrow());
        }
        this.apiKey = apiKey;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.perPage = perPage;
    }

    /** The URL of {@code path} under the API base ({@code api/articles}), as sent and as previews show it. */
    public static String url(HttpUrl apiBase, String path) {
        return apiBase.newBuilder().addPathSegments(path).build().toString();
    }

    /** The JSON body of a create or update: the fields wrapped in {@code article} (unwrapped ones give 422: §2.1). */
    public static Map<String, Object> body(Map<String, Object> article) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("article", article);
        return m;
    }

    /**
     * {@code POST /api/articles}: creates an article. Success is a 2xx whose JSON carries the new article's id.
     *
     * @param article the fields (title, body_markdown, published, tags as an array, …)
     * @throws PlatformException UNKNOWN_OUTCOME when the article may or may not exist (5xx, timeout, dropped
     *                           connection, a success without an id); REJECTED with dev.to's sentence on 422; AUTH,
     *                           RATE_LIMITED, NETWORK, CONFIG as described in the class comment
     */
    public DevtoArticle create(Map<String, Object> article) {
        preflight();
        Request req = api(url(apiBase, "api/articles")).post(json(body(article))).build();
        Answer a = send(req, Op.CREATE, false);
        if (!a.ok()) {
            throw of(a, Op.CREATE, null);
        }
        DevtoArticle created = DevtoArticle.of(a.json());
        if (created == null) {
            throw unknownOutcome("dev.to answered HTTP " + a.code() + " but without the new article's id ("
                    + (a.html() ? "an HTML page" : "the body is not an article") + ").");
        }
        return created;
    }

    /**
     * {@code PUT /api/articles/{id}}: replaces the fields sent ("patch what you send": §3).
     *
     * @return the article as dev.to answers it, or null when the 2xx answer is not an article (the update was
     *         made; the caller keeps what it knew)
     * @throws PlatformException REJECTED on 404 (not this key's article) and 422; TRANSIENT after retries of a
     *                           5xx or timeout; AUTH, RATE_LIMITED, NETWORK, CONFIG
     */
    public DevtoArticle update(long id, Map<String, Object> article) {
        preflight();
        Request req = api(url(apiBase, "api/articles/" + id)).put(json(body(article))).build();
        Answer a = send(req, Op.UPDATE, true);
        if (!a.ok()) {
            throw of(a, Op.UPDATE, id);
        }
        return DevtoArticle.of(a.json());
    }

    /**
     * Every article of the key's owner, drafts and scheduled ones included ({@code GET /api/articles/me/all},
     * paged until a page is not full: §4.2). In dev.to's order: drafts first, then newest published first.
     */
    public List<DevtoArticle> myArticles() {
        preflight();
        List<DevtoArticle> out = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode j = myArticlesPage(page, perPage);
            for (JsonNode item : j) {
                DevtoArticle article = DevtoArticle.of(item);
                if (article != null) {
                    out.add(article);
                }
            }
            if (j.size() < perPage) {
                return out;
            }
        }
        return out;
    }

    /**
     * Whether dev.to accepts the key, and whose it is, with one read: the first item of
     * {@code GET /api/articles/me/all} (API.md §4: it needs the key, 401 otherwise; each item carries
     * {@code user.username}, §4.3). API.md documents no endpoint that names the key's user by itself, so an account
     * without any article yet is accepted without a name.
     *
     * @return the key's username; empty when the key is accepted but the account has no article to tell it
     * @throws PlatformException AUTH for a refused key, NETWORK when dev.to could not be reached, CONFIG when
     *                           what answered is not dev.to's API, TRANSIENT for its server trouble
     */
    public Optional<String> username() {
        preflight();
        JsonNode j = myArticlesPage(1, 1);
        String name = j.path(0).path("user").path("username").asText("");
        return name.isBlank() ? Optional.empty() : Optional.of(name.strip());
    }

    /** One page of {@code GET /api/articles/me/all}, as the JSON list dev.to answers (API.md §4). */
    private JsonNode myArticlesPage(int page, int perPage) {
        HttpUrl u = apiBase.newBuilder().addPathSegments("api/articles/me/all")
                .addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("per_page", Integer.toString(perPage)).build();
        Answer a = send(api(u.toString()).get().build(), Op.LIST, true);
        if (!a.ok()) {
            throw of(a, Op.LIST, null);
        }
        JsonNode j = a.json();
        if (j == null || !j.isArray()) {
            throw ex(Kind.CONFIG, "dev.to answered GET /api/articles/me/all with " + (j == null
                    ? (a.html() ? "an HTML page" : "a body that is not JSON") : "JSON that is not a list")
                    + "; this is not dev.to's API speaking. Check devto.apiBase in config/xpost.yaml.");
        }
        return j;
    }

    /** True once a long rate limit was hit: nothing more goes to dev.to through this client. */
    public boolean rateLimited() {
        return stopped != null;
    }

    // ---- plumbing ----

    private void preflight() {
        PlatformException s = stopped;
        if (s != null) {
            throw new PlatformException(PLATFORM, s.kind(), s.getMessage());
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw ex(Kind.AUTH, "No dev.to API key: create one at https://dev.to/settings/extensions (\"DEV "
                    + "Community API Keys\") and put it in .env as " + DevtoSettings.SECRET + "=…");
        }
        if (!apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ex(Kind.AUTH, DevtoSettings.SECRET + " contains spaces, line breaks or other characters an API "
                    + "key cannot have; copy it again from https://dev.to/settings/extensions.");
        }
    }

    private Request.Builder api(String url) {
        return new Request.Builder().url(url)
                .header("api-key", apiKey)
                .header("Accept", ACCEPT);
    }

    /** Bytes, so that OkHttp sends {@code Content-Type: application/json} without a charset suffix. */
    private static RequestBody json(Object body) {
        return RequestBody.create(Json.compact(body).getBytes(StandardCharsets.UTF_8), JSON);
    }

    private Answer send(Request req, Op op, boolean idempotent) {
        boolean write = !req.method().equals("GET");
        for (int attempt = 1; ; attempt++) {
            if (write) {
                spaceWrites();
            }
            Answer a;
            try {
                a = execute(idempotent ? http : once, req);
            } catch (IOException e) {
                if (Http.tooLarge(e)) {
                    if (!idempotent) {
                        throw unknownOutcome("dev.to's answer was longer than " + Http.MAX_ANSWER_BYTES
                                / (1024 * 1024) + " MiB, more than xpost reads, so it could not be read.");
                    }
                    throw ex(Kind.TRANSIENT, "dev.to's answer while " + op.what + " was longer than "
                            + Http.MAX_ANSWER_BYTES / (1024 * 1024) + " MiB, more than xpost reads. Check "
                            + "devto.apiBase in config/xpost.yaml, or try again later.");
                }
                boolean notSent = e instanceof ConnectException || e instanceof UnknownHostException
                        || e instanceof NoRouteToHostException;
                if (!idempotent && !notSent) {
                    throw unknownOutcome("The connection to dev.to failed after the request was sent ("
                            + (e instanceof InterruptedIOException ? "timed out" : "connection dropped") + ").");
                }
                if (!idempotent || attempt >= backoff.maxAttempts()) {
                    throw ex(notSent ? Kind.NETWORK : Kind.TRANSIENT, NoAnswer.said("dev.to", req.url().host(), e)
                            + " while " + op.what + (notSent ? " (nothing was sent). Check the "
                            + "network, or devto.apiBase in config/xpost.yaml, and try again."
                            : ". Nothing was changed by xpost; try again later."));
                }
                pause(backoff.delay(attempt, null));
                continue;
            }
            if (a.code() == 429) {
                Duration retryAfter = Backoff.parseRetryAfter(a.headers().get("Retry-After"), clock.instant());
                if (retryAfter != null && retryAfter.compareTo(SHORT_WAIT) <= 0
                        && attempt < backoff.maxAttempts()) {
                    // A 429 is decided before the article is saved (§5.4), so even a create may go again.
                    pause(retryAfter);
                    continue;
                }
                PlatformException limit = rateLimitedBy(a, retryAfter);
                stopped = limit;
                throw limit;
            }
            if (idempotent && a.code() >= 500 && attempt < backoff.maxAttempts()) {
                pause(backoff.delay(attempt, null));
                continue;
            }
            return a;
        }
    }

    private void spaceWrites() {
        Instant now = clock.instant();
        if (lastWrite != null) {
            Duration since = Duration.between(lastWrite, now);
            if (since.compareTo(WRITE_GAP) < 0) {
                pause(WRITE_GAP.minus(since));
            }
        }
        lastWrite = clock.instant();
    }

    private static Answer execute(OkHttpClient client, Request req) throws IOException {
        try (Response r = client.newCall(req).execute()) {
            return new Answer(r.code(), r.headers(), r.body().string());
        }
    }

    private void pause(Duration d) {
        try {
            backoff.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ex(Kind.TRANSIENT, "Interrupted while waiting to call dev.to.");
        }
    }

    /** The exception for a non-2xx answer other than a 429. */
    private PlatformException of(Answer a, Op op, Long id) {
        String said = said(a);
        int c = a.code();
        if (c == 401) {
            return ex(Kind.AUTH, "dev.to refused the API key (HTTP 401) while " + op.what + ": check "
                    + DevtoSettings.SECRET + " (keys are made at https://dev.to/settings/extensions; a suspended "
                    + "account's key is refused too). If the same key worked minutes ago, dev.to's edge may be "
                    + "serving a cached refusal: try again in a minute." + said);
        }
        if (c == 403) {
            return ex(Kind.AUTH, "dev.to refused the request (HTTP 403) while " + op.what + ": its bot filter "
                    + "or the API key's permissions said no. Check " + DevtoSettings.SECRET + " and that nothing "
                    + "between you and dev.to rewrites the User-Agent." + said);
        }
        if (c >= 500) {
            if (op == Op.CREATE) {
                return unknownOutcome("dev.to answered HTTP " + c + " while creating the article." + said);
            }
            return ex(Kind.TRANSIENT, "dev.to had a server problem (HTTP " + c + ") while " + op.what
                    + ", even after retrying; nothing was changed by xpost. Try again later." + said);
        }
        // A create answered by something that is not dev.to's API (a redirect, a page) proves nothing about
        // whether the article was made on the way: unknown, settled by reading the articles back, never "failed".
        if (c >= 300 && c < 400) {
            String to = a.headers().get("Location");
            if (op == Op.CREATE) {
                return unknownOutcome("dev.to answered the create with a redirect (HTTP " + c + (to == null ? ""
                        : " to " + to) + "), which xpost does not follow (it would carry the API key elsewhere); "
                        + "check devto.apiBase in config/xpost.yaml.");
            }
            return ex(Kind.CONFIG, "dev.to answered with a redirect (HTTP " + c + (to == null ? "" : " to " + to)
                    + ") while " + op.what + "; xpost does not follow redirects, which would carry the API key to "
                    + "another address. Check devto.apiBase in config/xpost.yaml.");
        }
        JsonNode j = a.json();
        if (j == null || !j.isObject()) {
            if (op == Op.CREATE && c != 401 && c != 403) {
                return unknownOutcome("dev.to answered the create with HTTP " + c + " and " + (a.html()
                        ? "an HTML page" : "a body that is not JSON") + ": not dev.to's API speaking; check "
                        + "devto.apiBase in config/xpost.yaml.");
            }
            return ex(Kind.CONFIG, "dev.to answered HTTP " + c + " with " + (a.html() ? "an HTML page"
                    : "a body that is not JSON") + " while " + op.what + "; this is not dev.to's API speaking. "
                    + "Check devto.apiBase in config/xpost.yaml.");
        }
        if (c == 404 && op == Op.UPDATE) {
            return ex(Kind.REJECTED, "dev.to has no article " + id + " for this API key (HTTP 404): it was "
                    + "deleted, or belongs to another account. Run `xpost state forget <slug> --platform devto` to "
                    + "let xpost find or create it again." + said);
        }
        if (c == 422) {
            return ex(Kind.REJECTED, "dev.to refused " + op.what + " (HTTP 422): " + error(j)
                    + ". Fix the post and run xpost again.");
        }
        return ex(Kind.REJECTED, "dev.to refused " + op.what + " (HTTP " + c + ")." + said);
    }

    private PlatformException rateLimitedBy(Answer a, Duration retryAfter) {
        String wait = retryAfter == null ? "" : " (it asks to wait " + retryAfter.toSeconds() + " s)";
        return ex(Kind.RATE_LIMITED, "dev.to's rate limit was reached" + wait + "; xpost will not call dev.to "
                + "again in this run. Run xpost again later: what was not sent goes then." + said(a));
    }

    private PlatformException unknownOutcome(String what) {
        return ex(Kind.UNKNOWN_OUTCOME, what + " dev.to may or may not have created the article. It was not sent "
                + "again, because dev.to has no way to make a retry safe and allows duplicates; the next run "
                + "looks for it among your dev.to articles (by canonical URL and title) before creating anything.");
    }

    private static String error(JsonNode j) {
        String e = j.path("error").asText("");
        return e.isBlank() ? "no reason given" : e.strip();
    }

    /** " dev.to said: …" or "". */
    private static String said(Answer a) {
        JsonNode j = a.json();
        if (j != null && j.isObject() && !j.path("error").asText("").isBlank()) {
            return " dev.to said: " + j.path("error").asText().strip() + ".";
        }
        if (a.body() != null && !a.body().isBlank() && j == null) {
            String text = a.body().strip();
            if (!a.html() && text.length() <= 200) {
                return " dev.to said: " + text + ".";
            }
            return " (dev.to's answer was " + (a.html() ? "an HTML page" : "not JSON") + ")";
        }
        return "";
    }

    private PlatformException ex(Kind kind, String message) {
        return new PlatformException(PLATFORM, kind, scrub(message));
    }

    private String scrub(String s) {
        return apiKey == null || apiKey.length() < 4 ? s : s.replace(apiKey, "****");
    }
}
