package dev.xpost.platform.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Backoff;
import dev.xpost.http.Http;
import dev.xpost.http.Json;
import dev.xpost.http.SecureUrl;
import dev.xpost.platform.NoAnswer;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import dev.xpost.platform.linkedin.LinkedInErrors.Op;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * LinkedIn's REST Posts API, for one member or organization (reference {@code reference/linkedin/API.md}).
 *
 * <p>Receives everything through its constructor and never reads the environment. The token is sent, as
 * {@code Authorization: Bearer …}, only to {@code apiBase}'s host — and, for image bytes, to LinkedIn's own upload
 * hosts (see {@link #uploadImage}). It never appears in an exception message.
 *
 * <p>Retries: reads, updates and image uploads are idempotent and are retried with {@link Backoff} on 5xx, timeouts,
 * dropped connections and a 429 with a short {@code Retry-After}. A create is never retried: LinkedIn has no
 * idempotency key, so a create whose answer was lost is reported as {@link Kind#UNKNOWN_OUTCOME}, and the next try
 * learns the truth from LinkedIn's 422 duplicate answer, which {@link #createPost} turns into the existing post.
 *
 * <p>After a 429 (LinkedIn's daily limit) every later call on this client fails at once with
 * {@link Kind#RATE_LIMITED} without sending anything; {@link #rateLimited()} tells a caller to stop early.
 */
public final class LinkedInClient {
    public static final String PLATFORM = LinkedInErrors.PLATFORM;
    public static final HttpUrl DEFAULT_API_BASE = HttpUrl.get("https://api.linkedin.com/");
    /**
     * 202605: a month the reference shows really served in 2026 (crossposter sent it; LinkedIn's Images API page is
     * published for li-lms-2026-05), six months old on 2026-11-26, so it should be served until about 2027-05.
     * Newer months are not known to exist — guessing one risks a 426 (linkedctl had to go back from 202603).
     */
    public static final String DEFAULT_VERSION = "202605";
    /** Versions older than this many months get a warning: LinkedIn retires them about 12 months after release. */
    public static final int WARN_AFTER_MONTHS = 10;

    private static final Pattern VERSION = Pattern.compile("^(20[2-9][0-9])(0[1-9]|1[0-2])$");
    private static final Pattern AUTHOR = Pattern.compile("^urn:li:(person|organization):[A-Za-z0-9_-]+$");
    private static final Pattern POST_URN = Pattern.compile("^urn:li:[A-Za-z]+:[A-Za-z0-9_-]+$");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM", Locale.ROOT);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    /** For creates: a new connection each time ({@link Http#once}). */
    private final OkHttpClient once;
    private final HttpUrl apiBase;
    private final String version;
    private final String token;
    private final Backoff backoff;
    private final Clock clock;
    private final LinkedInErrors errors;
    private volatile PlatformException stopped;

    /**
     * @param http    the shared client (redirects off)
     * @param apiBase {@link #DEFAULT_API_BASE} unless configured (tests pass MockWebServer's URL)
     * @param version {@code LinkedIn-Version}, YYYYMM ({@code linkedin.version})
     * @param token   the member's access token
     * @param backoff waits between tries of idempotent calls
     */
    public LinkedInClient(OkHttpClient http, HttpUrl apiBase, String version, String token, Backoff backoff) {
        this(http, apiBase, version, token, backoff, Clock.systemUTC());
    }

    /** As above, with the clock that dates the daily-limit reset and the version advice. */
    public LinkedInClient(OkHttpClient http, HttpUrl apiBase, String version, String token, Backoff backoff,
                          Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.once = Http.once(http);
        this.apiBase = apiBase == null ? DEFAULT_API_BASE : apiBase;
        if (!SecureUrl.allowed(this.apiBase)) {
            // Also refused by the config loader; here for every other way a client gets built.
            throw new PlatformException(PLATFORM, Kind.CONFIG, SecureUrl.problem("linkedin.apiBase",
                    this.apiBase.toString(), "LINKEDIN_ACCESS_TOKEN").orElseThrow());
        }
        this.version = version;
        this.token = token;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.errors = new LinkedInErrors(token, version, clock);
    }

    /** The member id of the token's owner ({@code GET /v2/userinfo} → {@code sub}); the author is {@code urn:li:person:<sub>}. */
    public String userinfoSub() {
        preflight();
        // /v2 is LinkedIn's unversioned API: no LinkedIn-Version header there.
        Request req = authorized(new Request.Builder().url(url("v2/userinfo"))).get().build();
        Answer a = send(req, Op.USERINFO, true, null);
        if (!a.ok()) {
            throw errors.of(a, Op.USERINFO, null);
        }
        JsonNode j = a.json();
        String sub = j == null ? "" : j.path("sub").asText("");
        if (sub.isBlank()) {
            throw errors.ex(Kind.CONFIG, "LinkedIn's GET /v2/userinfo answer has no `sub` ("
                    + (j == null ? "it is not JSON" : "fields: " + fieldNames(j))
                    + "); check linkedin.apiBase in config/xpost.yaml, or set linkedin.author.");
        }
        return sub;
    }

    /**
     * Creates a post ({@code POST /rest/posts}) with the rendering's commentary and, when it has one, its link card.
     *
     * @param author       {@code urn:li:person:…} or {@code urn:li:organization:…}
     * @param rendering    what to send; must have no errors
     * @param thumbnailUrn an image URN from {@link #uploadImage} for the card, or null
     * @return the new post, or — when LinkedIn refuses it as a duplicate — the existing post it names, flagged
     * @throws PlatformException UNKNOWN_OUTCOME when the post may or may not exist (5xx, timeout, dropped
     *                           connection, a success without the new post's id); never retried
     */
    public CreatedPost createPost(String author, Rendering rendering, String thumbnailUrn) {
        preflight();
        if (rendering.hasErrors()) {
            throw errors.ex(Kind.REJECTED, "this post cannot go to LinkedIn: " + rendering.problems().stream()
                    .filter(p -> p.isError()).map(p -> p.message()).findFirst().orElse(""));
        }
        return createPost(author, rendering.commentary(), rendering.card(), thumbnailUrn);
    }

    /**
     * Creates a post from its parts, exactly as given: the same parts give the same bytes on the wire, so sending
     * a recorded create again lets LinkedIn's duplicate rule recognise it.
     *
     * <p>A 2xx answer is a success when it carries the new post's URN in {@code x-restli-id}, whatever its body
     * (LinkedIn's 201 has none; an HTML page there changes nothing). Without that header the post may or may not
     * exist: {@link Kind#UNKNOWN_OUTCOME}.
     *
     * @param commentary the text, already escaped
     * @param card       the link card, or null for a text-only post
     * @throws PlatformException UNKNOWN_OUTCOME when the post may or may not exist; never retried
     */
    public CreatedPost createPost(String author, String commentary, Card card, String thumbnailUrn) {
        preflight();
        checkAuthor(author);
        Request req = rest(url("rest/posts"))
                .post(json(createBody(author, commentary, card, thumbnailUrn)))
                .build();
        Answer a = send(req, Op.CREATE, false, author);
        if (a.ok()) {
            String id = a.headers().get("x-restli-id");
            String urn = id == null ? "" : URLDecoder.decode(id.strip(), StandardCharsets.UTF_8);
            if (!POST_URN.matcher(urn).matches()) {
                throw errors.unknownOutcome("LinkedIn answered HTTP " + a.code() + " but "
                        + (id == null ? "without the new post's id (no x-restli-id header"
                                + (a.looksLikeHtml() ? ", and an HTML page as its body)." : ").")
                                : "with an id that is not a post URN (" + id + ")."));
            }
            return new CreatedPost(urn, CreatedPost.urlOf(urn), false);
        }
        if (LinkedInErrors.isDuplicate(a)) {
            String urn = LinkedInErrors.duplicateUrn(a).orElseThrow(() -> errors.ex(Kind.REJECTED,
                    "LinkedIn refused the post as a duplicate of a recent one but did not say which (HTTP 422). "
                            + "Check your LinkedIn feed: if the post is there, record it instead of posting again."));
            return new CreatedPost(urn, CreatedPost.urlOf(urn), true);
        }
        throw errors.of(a, Op.CREATE, author);
    }

    /** The JSON body of {@code POST /rest/posts}, as sent (and as {@code --dry-run} shows it). */
    public static Object createBody(String author, Rendering rendering, String thumbnailUrn) {
        return createBody(author, rendering.commentary(), rendering.card(), thumbnailUrn);
    }

    static Object createBody(String author, String commentary, Card card, String thumbnailUrn) {
        WireBodies.Article article = card == null ? null
                : new WireBodies.Article(card.source(), card.title(), card.description(), thumbnailUrn);
        return WireBodies.CreatePost.of(author, commentary, article);
    }

    /** The JSON body of the {@code PARTIAL_UPDATE} of a post's text. */
    public static Object updateBody(String commentary) {
        return WireBodies.PartialUpdate.commentary(commentary);
    }

    /**
     * Replaces the text of a post ({@code PARTIAL_UPDATE} of {@code commentary}). The link card cannot be changed
     * after publishing (reference §2.4).
     *
     * @param urn        the post URN as stored
     * @param commentary the new text, already escaped (a {@link Rendering#commentary()})
     */
    public void updateCommentary(String urn, String commentary) {
        preflight();
        if (urn == null || !POST_URN.matcher(urn).matches()) {
            throw errors.ex(Kind.REJECTED, "\"" + urn + "\" is not a LinkedIn post URN (urn:li:share:… or "
                    + "urn:li:ugcPost:…); check the LinkedIn record of this post in .xpost/state.json.");
        }
        HttpUrl target = apiBase.newBuilder().addPathSegments("rest/posts")
                .addEncodedPathSegment(URLEncoder.encode(urn, StandardCharsets.UTF_8)).build();
        Request req = rest(target)
                .header("X-RestLi-Method", "PARTIAL_UPDATE")
                .post(json(updateBody(commentary)))
                .build();
        Answer a = send(req, Op.UPDATE, true, null);
        if (!a.ok()) {
            throw errors.of(a, Op.UPDATE, null);
        }
    }

    /**
     * Uploads an image (Images API: {@code initializeUpload}, then one {@code PUT} of the bytes) and returns its
     * {@code urn:li:image:…}, for a card thumbnail.
     *
     * <p>The reference (§5) says the PUT needs the Bearer token. LinkedIn's upload URLs are on its own hosts
     * ({@code https://www.linkedin.com/dms-uploads/…}), so the token goes to the upload URL only when it is on
     * {@code apiBase}'s host or is https on linkedin.com; any other host gets the bytes without it. The PUT carries
     * no Rest.li headers: the upload host is not a Rest.li endpoint, and one implementation warns against them.
     *
     * <p>LinkedIn processes images asynchronously and a member token cannot poll their status; callers should wait
     * a few seconds before using the URN in a post.
     *
     * @param owner       the post's author URN (the image owner must be the author)
     * @param bytes       JPEG, PNG or GIF
     * @param contentType its MIME type, e.g. {@code image/png}; null for {@code application/octet-stream}
     */
    public String uploadImage(String owner, byte[] bytes, String contentType) {
        preflight();
        checkAuthor(owner);
        Request init = rest(apiBase.newBuilder().addPathSegments("rest/images")
                .addQueryParameter("action", "initializeUpload").build())
                .post(json(WireBodies.InitializeUpload.owner(owner)))
                .build();
        // Retrying initializeUpload at worst leaves an unused upload slot behind on LinkedIn's side.
        Answer a = send(init, Op.IMAGE_INIT, true, owner);
        if (!a.ok()) {
            throw errors.of(a, Op.IMAGE_INIT, owner);
        }
        JsonNode value = a.json() == null ? null : a.json().path("value");
        String uploadUrl = value == null ? "" : value.path("uploadUrl").asText("");
        String image = value == null ? "" : value.path("image").asText("");
        HttpUrl upload = HttpUrl.parse(uploadUrl);
        if (upload == null || !image.startsWith("urn:li:image:")) {
            throw errors.ex(Kind.REJECTED, "LinkedIn's answer to initializeUpload has no usable "
                    + (upload == null ? "value.uploadUrl" : "value.image") + "; the image was not uploaded.");
        }
        MediaType type = MediaType.parse(contentType == null ? "application/octet-stream" : contentType);
        Request.Builder put = new Request.Builder().url(upload)
                .put(RequestBody.create(bytes, type == null ? MediaType.get("application/octet-stream") : type));
        if (sendsTokenTo(apiBase, upload)) {
            put.header("Authorization", "Bearer " + token);
        }
        Answer p = send(put.build(), Op.IMAGE_PUT, true, owner);
        if (!p.ok()) {
            throw errors.of(p, Op.IMAGE_PUT, owner);
        }
        return image;
    }

    /** True once LinkedIn's daily limit was hit: nothing more will be sent through this client. */
    public boolean rateLimited() {
        return stopped != null;
    }

    /**
     * A warning when {@code version} is older than {@value #WARN_AFTER_MONTHS} months on {@code today} (LinkedIn
     * retires versions about a year after release) or lies in the future. Empty for a recent version, and for an
     * invalid one: check that with {@link #isValidVersion} first.
     */
    public static Optional<String> versionWarning(String version, LocalDate today) {
        if (!isValidVersion(version)) {
            return Optional.empty();
        }
        YearMonth v = YearMonth.parse(version, MONTH);
        YearMonth now = YearMonth.from(today);
        long age = ChronoUnit.MONTHS.between(v, now);
        String example = now.minusMonths(2).format(MONTH);
        if (age > WARN_AFTER_MONTHS) {
            return Optional.of("linkedin.version " + version + " is " + age + " months old; LinkedIn retires versions "
                    + "after about a year, and then every call fails with HTTP 426. Set linkedin.version in "
                    + "config/xpost.yaml to a recent month, e.g. " + example + ".");
        }
        if (age < 0) {
            return Optional.of("linkedin.version " + version + " is in the future; LinkedIn serves only released "
                    + "months and answers HTTP 426 otherwise. Use a recent month, e.g. " + example + ".");
        }
        return Optional.empty();
    }

    /** True for a {@code LinkedIn-Version} value: a month written YYYYMM. */
    public static boolean isValidVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /** Whether the token may go to {@code target}: the API's own origin, or LinkedIn over https. */
    static boolean sendsTokenTo(HttpUrl apiBase, HttpUrl target) {
        boolean sameOrigin = target.scheme().equals(apiBase.scheme()) && target.host().equalsIgnoreCase(apiBase.host())
                && target.port() == apiBase.port();
        return sameOrigin || (target.isHttps() && LinkedInProse.isLinkedInHost(target.host()));
    }

    // ---- plumbing ----

    private void preflight() {
        PlatformException s = stopped;
        if (s != null) {
            throw new PlatformException(PLATFORM, s.kind(), s.getMessage());
        }
        if (token == null || token.isBlank()) {
            throw errors.ex(Kind.AUTH, "No LinkedIn token: run `xpost auth linkedin`, or put LINKEDIN_ACCESS_TOKEN "
                    + "in .env.");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw errors.ex(Kind.AUTH, "LINKEDIN_ACCESS_TOKEN contains spaces, line breaks or other characters a "
                    + "token cannot have; copy it again, or run `xpost auth linkedin`.");
        }
        if (!isValidVersion(version)) {
            throw errors.ex(Kind.CONFIG, "linkedin.version \"" + version + "\" is not a month written YYYYMM; set it "
                    + "in config/xpost.yaml, e.g. " + DEFAULT_VERSION + ".");
        }
    }

    private void checkAuthor(String author) {
        if (author == null || !AUTHOR.matcher(author).matches()) {
            throw errors.ex(Kind.CONFIG, "\"" + author + "\" is not a LinkedIn author: expected urn:li:person:<id> "
                    + "(from `xpost auth linkedin`) or urn:li:organization:<number> in linkedin.author.");
        }
    }

    private HttpUrl url(String path) {
        return apiBase.newBuilder().addPathSegments(path).build();
    }

    private Request.Builder rest(HttpUrl url) {
        return authorized(new Request.Builder().url(url))
                .header("LinkedIn-Version", version)
                .header("X-Restli-Protocol-Version", "2.0.0");
    }

    /** A JSON body built by Jackson; bytes, so that OkHttp sends {@code Content-Type: application/json} as is. */
    private static RequestBody json(Object body) {
        return RequestBody.create(Json.compact(body).getBytes(StandardCharsets.UTF_8), JSON);
    }

    private Request.Builder authorized(Request.Builder b) {
        return b.header("Authorization", "Bearer " + token);
    }

    /**
     * Sends {@code req}; for idempotent calls retries server errors, timeouts, dropped connections and short-waited
     * 429s. Returns the last answer; throws only for what has no answer (I/O) or for the daily limit.
     */
    private Answer send(Request req, Op op, boolean idempotent, String author) {
        for (int attempt = 1; ; attempt++) {
            Answer a;
            try {
                a = execute(idempotent ? http : once, req);
            } catch (IOException e) {
                if (Http.tooLarge(e)) {
                    if (!idempotent) {
                        throw errors.unknownOutcome("LinkedIn's answer was longer than " + Http.MAX_ANSWER_BYTES
                                / (1024 * 1024) + " MiB, more than xpost reads, so it could not be read.");
                    }
                    // The same question gets the same over-long answer: asking again only downloads it again.
                    throw errors.ex(Kind.TRANSIENT, "LinkedIn's answer while " + op.what + " was longer than "
                            + Http.MAX_ANSWER_BYTES / (1024 * 1024) + " MiB, more than xpost reads; nothing was "
                            + "changed by xpost. Check linkedin.apiBase in config/xpost.yaml, or try again later.");
                }
                boolean notSent = e instanceof ConnectException || e instanceof UnknownHostException
                        || e instanceof NoRouteToHostException;
                if (!idempotent && !notSent) {
                    throw errors.unknownOutcome("The connection to LinkedIn failed after the request was sent ("
                            + (e instanceof InterruptedIOException ? "timed out" : "connection dropped") + ").");
                }
                if (!idempotent || attempt >= backoff.maxAttempts()) {
                    throw errors.ex(notSent ? Kind.NETWORK : Kind.TRANSIENT, NoAnswer.said("LinkedIn",
                            req.url().host(), e) + " while " + op.what + (notSent ? " (nothing was sent). Check the "
                            + "network, or the endpoint (linkedin.apiBase in "
                            + "config/xpost.yaml), and try again." : ". Try again later."), e);
                }
                pause(backoff.delay(attempt, null));
                continue;
            }
            if (a.code() == 429) {
                Duration retryAfter = Backoff.parseRetryAfter(a.headers().get("Retry-After"), clock.instant());
                boolean shortWait = retryAfter != null && !backoff.tooLong(retryAfter);
                if (idempotent && shortWait && attempt < backoff.maxAttempts()) {
                    pause(backoff.delay(attempt, retryAfter));
                    continue;
                }
                PlatformException limit = errors.of(a, op, author);
                stopped = limit;
                throw limit;
            }
            if (idempotent && a.code() >= 500 && attempt < backoff.maxAttempts()) {
                pause(backoff.delay(attempt, Backoff.parseRetryAfter(a.headers().get("Retry-After"),
                        clock.instant())));
                continue;
            }
            return a;
        }
    }

    private Answer execute(OkHttpClient client, Request req) throws IOException {
        try (Response r = client.newCall(req).execute()) {
            ResponseBody body = r.body();
            return new Answer(r.code(), r.headers(), body == null ? "" : body.string());
        }
    }

    private void pause(Duration d) {
        try {
            backoff.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.ex(Kind.TRANSIENT, "Interrupted while waiting to retry a LinkedIn call.");
        }
    }

    private static String fieldNames(JsonNode j) {
        StringBuilder b = new StringBuilder();
        j.fieldNames().forEachRemaining(n -> b.append(b.length() == 0 ? "" : ", ").append(n));
        return b.length() == 0 ? "none" : b.toString();
    }
}
