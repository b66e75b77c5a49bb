package dev.xpost.platform.linkedin;

import dev.xpost.platform.Finding;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformContext;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformSetup;
import dev.xpost.platform.TokenStatus;
import dev.xpost.post.Post;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * LinkedIn as a blog configures it ({@code linkedin:}): its adapter, its doctor and auth status lines (one
 * {@code GET /v2/userinfo}, nothing written), and which old posts never go to it.
 *
 * <p>Whether LinkedIn still serves {@code linkedin.version} is judged by its age alone: the only call doctor makes,
 * {@code GET /v2/userinfo}, is unversioned and cannot answer 426, and every versioned call would need a post or
 * an upload. LinkedIn retires a version about a year after its month, so one older than
 * {@value LinkedInClient#WARN_AFTER_MONTHS} months (or in the future) fails the check ({@link
 * LinkedInClient#versionWarning}).
 *
 * @param apiBase   where the REST API lives
 * @param version   {@code YYYYMM}
 * @param author    {@code urn:li:person:…}, {@code urn:li:organization:…} or {@code auto}
 * @param mode      {@code auto}, {@code full} or {@code teaser}
 * @param since     posts dated before this day are never cross-posted; null for no limit
 * @param oauthBase where {@code xpost auth linkedin} signs in (LinkedIn's www host)
 * @param loginPort the loopback port of the login redirect, as registered in the LinkedIn app
 */
public record LinkedInSetup(String apiBase, String version, String author, String mode, LocalDate since,
        String oauthBase, int loginPort) implements PlatformSetup {
    static final String TOKEN = "LINKEDIN_ACCESS_TOKEN";
    static final String CLIENT_ID = "LINKEDIN_CLIENT_ID";
    static final String CLIENT_SECRET = "LINKEDIN_CLIENT_SECRET";
    /** Written by {@code xpost auth linkedin}: when the token expires. */
    static final String EXPIRES = "LINKEDIN_TOKEN_EXPIRES_AT";
    /** Scopes of the token, as LinkedIn granted them, kept next to it for {@code auth status}. */
    public static final String SCOPE = "LINKEDIN_TOKEN_SCOPE";
    /** Below this many days left, the token should be renewed ({@code publish} warns too). */
    public static final long RENEW_DAYS = 7;
    public static final String DEFAULT_OAUTH_BASE = LinkedInLogin.DEFAULT_OAUTH_BASE;
    /** The redirect port linkedctl made common: register {@code http://127.0.0.1:18920/callback}. */
    public static final int DEFAULT_LOGIN_PORT = LinkedInLogin.DEFAULT_PORT;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM", Locale.ROOT);

    /**
     * The section's values; the config loader has already refused unknown keys and bad values (version, author,
     * mode, since, URLs that would carry a secret in clear), in the words its tests pin.
     */
    static LinkedInSetup of(Map<String, Object> section) {
        String since = text(section, "since", null);
        String port = text(section, "loginPort", null);
        return new LinkedInSetup(text(section, "apiBase", "https://api.linkedin.com"),
                text(section, "version", LinkedInClient.DEFAULT_VERSION), text(section, "author", "auto"),
                text(section, "mode", "auto").toLowerCase(Locale.ROOT), since == null ? null : LocalDate.parse(since),
                text(section, "oauthBase", DEFAULT_OAUTH_BASE),
                port == null ? DEFAULT_LOGIN_PORT : Integer.parseInt(port));
    }

    /** The settings of a blog without a {@code linkedin:} section, for {@code xpost auth linkedin}. */
    public static LinkedInSetup defaults() {
        return of(Map.of());
    }

    private static String text(Map<String, Object> section, String key, String dflt) {
        Object v = section.get(key);
        String s = v == null ? "" : String.valueOf(v).strip();
        return s.isEmpty() ? dflt : s;
    }

    private HttpUrl api() {
        // One slash before the paths: replaceAll("/*$", "/") made "https://host//v2/userinfo" of "https://host/"
        // (the empty match at the end is replaced too), a URL LinkedIn need not answer as /v2/userinfo.
        HttpUrl url = HttpUrl.parse(apiBase.endsWith("/") ? apiBase : apiBase + "/");
        if (url == null) {
            throw new PlatformException(LinkedInClient.PLATFORM, PlatformException.Kind.CONFIG, "linkedin.apiBase \""
                    + apiBase + "\" is not a URL: fix it in config/xpost.yaml");
        }
        return url;
    }

    @Override
    public Platform open(PlatformContext ctx, boolean live) {
        Optional<String> token = ctx.secret(TOKEN);
        HttpUrl url = HttpUrl.parse(apiBase.endsWith("/") ? apiBase : apiBase + "/");
        if (url == null) {
            throw new PlatformException(LinkedInClient.PLATFORM, PlatformException.Kind.CONFIG, "linkedin.apiBase \""
                    + apiBase + "\" is not a URL");
        }
        if (token.isEmpty() && live) {
            throw new PlatformException(LinkedInClient.PLATFORM, PlatformException.Kind.AUTH, "LINKEDIN_ACCESS_TOKEN "
                    + "is not set: run `xpost auth linkedin`, or put a token in .env as LINKEDIN_ACCESS_TOKEN=… (in "
                    + "CI, a repository secret)");
        }
        LinkedInClient client = token.map(t -> new LinkedInClient(ctx.http(), url, version, t, ctx.backoff(),
                ctx.clock())).orElse(null);
        Instant expires = ctx.secret(EXPIRES).map(LinkedInSetup::instantOrNull).orElse(null);
        return new LinkedInPlatform(client, ctx.http(), url, version, author,
                LinkedInMode.parse(mode).orElse(LinkedInMode.AUTO), expires, ctx.images());
    }

    private static Instant instantOrNull(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The token owner's member id ({@code sub} of {@code GET /v2/userinfo}); empty when no token is set. */
    private Optional<String> memberId(PlatformContext ctx) {
        Optional<String> token = ctx.secret(TOKEN);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LinkedInClient(ctx.http(), api(), version, token.get(), ctx.backoff(), ctx.clock())
                .userinfoSub());
    }

    /**
     * The token's life, from {@code LINKEDIN_TOKEN_EXPIRES_AT} (written by {@code xpost auth linkedin}).
     *
     * @param expiresAt null when not recorded or unreadable
     * @param daysLeft  whole days from now; negative once expired
     * @param readable  false when a value is there but is not an ISO instant
     */
    public record Expiry(Instant expiresAt, long daysLeft, boolean readable) {
        public boolean known() {
            return expiresAt != null;
        }

        /** How it reads in a status line. */
        public String describe() {
            if (!readable) {
                return "expiry unreadable in .env";
            }
            if (expiresAt == null) {
                return "expiry unknown (tokens live 60 days; `xpost auth linkedin` records it)";
            }
            return daysLeft < 0 ? "expired on " + expiresAt + ": run `xpost auth linkedin`"
                    : daysLeft + (daysLeft == 1 ? " day" : " days") + " left (until " + expiresAt + ")"
                    + (daysLeft < RENEW_DAYS ? ": renew soon with `xpost auth linkedin`" : "");
        }
    }

    /** The token's expiry as recorded in the environment or {@code .env}. */
    public static Expiry expiry(PlatformContext ctx) {
        Optional<String> text = ctx.secret(EXPIRES);
        if (text.isEmpty()) {
            return new Expiry(null, 0, true);
        }
        try {
            Instant at = Instant.parse(text.get());
            Instant now = ctx.clock().instant();
            long days = Duration.between(now, at).toDays();
            // toDays() rounds toward zero: an hour past the expiry is still "0 days" without this.
            return new Expiry(at, at.isBefore(now) ? Math.min(days, -1) : days, true);
        } catch (DateTimeParseException e) {
            return new Expiry(null, 0, false);
        }
    }

    @Override
    public List<Finding> doctor(PlatformContext ctx) {
        List<Finding> out = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC);
        Optional<String> versionProblem = LinkedInClient.versionWarning(version, today);
        if (!LinkedInClient.isValidVersion(version)) {
            out.add(Finding.fail("linkedin version", "linkedin.version \"" + version + "\" is not a LinkedIn "
                    + "version", "set it in config/xpost.yaml to a recent month written YYYYMM, e.g. "
                    + LinkedInClient.DEFAULT_VERSION, Finding.Trouble.CONFIG));
        } else if (versionProblem.isPresent()) {
            out.add(new Finding(Finding.Mark.FAIL, "linkedin version", versionProblem.get(), null,
                    Finding.Trouble.CONFIG, null));
        } else {
            long age = ChronoUnit.MONTHS.between(YearMonth.parse(version, MONTH), YearMonth.from(today));
            out.add(Finding.ok("linkedin version", version + " is " + age + (age == 1 ? " month" : " months")
                    + " old (LinkedIn serves a version for about a year; judged by age: /v2/userinfo is unversioned)"));
        }
        if (ctx.secret(TOKEN).isEmpty()) {
            out.add(Finding.fail("linkedin token", "LINKEDIN_ACCESS_TOKEN is not set", "run `xpost auth linkedin` "
                    + "(or put a token in .env as LINKEDIN_ACCESS_TOKEN=…; in CI, a repository secret)",
                    Finding.Trouble.AUTH));
            return out;
        }
        try {
            String member = memberId(ctx).orElseThrow();
            out.add(Finding.ok("linkedin token", "accepted for urn:li:person:" + member
                    + (author.equals("auto") ? " (the author of the posts)" : "; posts go out as " + author)));
        } catch (PlatformException e) {
            out.add(Finding.failed("linkedin token", e));
        }
        Expiry expiry = expiry(ctx);
        if (!expiry.readable()) {
            out.add(Finding.warn("linkedin token expiry", "LINKEDIN_TOKEN_EXPIRES_AT is not a time such as "
                    + "2027-01-25T12:00:00Z", "run `xpost auth linkedin`, which records it"));
        } else if (!expiry.known()) {
            out.add(Finding.skipped("linkedin token expiry", "unknown: LINKEDIN_TOKEN_EXPIRES_AT is not set "
                    + "(LinkedIn tokens live 60 days; `xpost auth linkedin` records it)"));
        } else if (expiry.daysLeft() < 0) {
            out.add(Finding.fail("linkedin token expiry", "the token expired on " + expiry.expiresAt(),
                    "run `xpost auth linkedin`", Finding.Trouble.AUTH));
        } else if (expiry.daysLeft() < RENEW_DAYS) {
            out.add(Finding.warn("linkedin token expiry", expiry.daysLeft() + (expiry.daysLeft() == 1 ? " day"
                    : " days") + " left (until " + expiry.expiresAt() + ")", "renew it soon with `xpost auth "
                    + "linkedin`"));
        } else {
            out.add(Finding.ok("linkedin token expiry", expiry.daysLeft() + " days left (until "
                    + expiry.expiresAt() + ")"));
        }
        return out;
    }

    @Override
    public TokenStatus authStatus(PlatformContext ctx) {
        if (ctx.secret(TOKEN).isEmpty()) {
            return TokenStatus.missing("LINKEDIN_ACCESS_TOKEN is not set (run: xpost auth linkedin)");
        }
        String left = expiry(ctx).describe();
        String scope = ctx.secret(SCOPE).map(s -> "scopes " + s + "; ").orElse("");
        try {
            return TokenStatus.accepted("token accepted for urn:li:person:" + memberId(ctx).orElseThrow() + "; "
                    + scope + left);
        } catch (PlatformException e) {
            return new TokenStatus(false, e.getMessage() + " (" + left + ")", e.kind());
        }
    }

    /**
     * What {@code xpost auth linkedin} got: the {@code .env} entries to write (token, expiry, granted scopes) and
     * when the token expires. The token is not shown by {@link #toString()}.
     */
    public record SignedIn(Map<String, String> values, Instant expiresAt) {
        @Override
        public String toString() {
            return "SignedIn[" + values.keySet() + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * {@code xpost auth linkedin}: signs in with the author's own LinkedIn app (OAuth on a loopback redirect).
     *
     * @param port the redirect port, or null for {@code linkedin.loginPort}
     * @throws PlatformException CONFIG when the app's client id or secret is not set or {@code linkedin.oauthBase}
     *                           is not a URL; AUTH and others as {@link LinkedInLogin#run} says
     */
    public SignedIn signIn(PlatformContext ctx, Integer port, java.util.function.Consumer<String> showUrl,
            Duration timeout) {
        int p = port != null ? port : loginPort;
        String id = ctx.secret(CLIENT_ID).orElseThrow(() -> new PlatformException(LinkedInClient.PLATFORM,
                PlatformException.Kind.CONFIG, "LINKEDIN_CLIENT_ID is not set: create an app at "
                + "https://www.linkedin.com/developers/apps with the products \"Share on LinkedIn\" and \"Sign In "
                + "with LinkedIn using OpenID Connect\", add the redirect URL http://127.0.0.1:" + p + "/callback, "
                + "and put its client id and secret in .env as LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET"));
        String secret = ctx.secret(CLIENT_SECRET).orElseThrow(() -> new PlatformException(LinkedInClient.PLATFORM,
                PlatformException.Kind.CONFIG, "LINKEDIN_CLIENT_SECRET is not set: copy it from your LinkedIn app's "
                + "Auth tab into .env"));
        HttpUrl base = HttpUrl.parse(oauthBase);
        if (base == null) {
            throw new PlatformException(LinkedInClient.PLATFORM, PlatformException.Kind.CONFIG,
                    "linkedin.oauthBase is not a URL");
        }
        LinkedInLogin.Token token = new LinkedInLogin(ctx.http(), base, id, secret, p, ctx.clock())
                .run(showUrl, timeout);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put(TOKEN, token.accessToken());
        values.put(EXPIRES, token.expiresAt().toString());
        if (!token.scope().isBlank()) {
            values.put(SCOPE, token.scope().replace(' ', ','));
        }
        return new SignedIn(java.util.Collections.unmodifiableMap(values), token.expiresAt());
    }

    /**
     * Which old posts never go to LinkedIn, so that moving a blog in never floods it:
     * <ul>
     *   <li>with {@code linkedin.since}, a post dated before that day;</li>
     *   <li>a post that was on Hashnode before xpost knew it (adopted) goes only when dated on or after the
     *       cutoff: {@code linkedin.since}, or when that is not set, the day xpost first recorded this blog. An
     *       adopted post with no date is old;</li>
     *   <li>{@code linkedin: {post: true}} in the post's front matter sends it anyway.</li>
     * </ul>
     */
    @Override
    public Optional<String> oldPostsNote() {
        return Optional.of(" (undated, or dated before " + (since != null ? "linkedin.since"
                : "the day xpost first recorded this blog, as linkedin.since is not set") + "); "
                + "`linkedin: {post: true}` in a post's front matter sends it anyway");
    }

    @Override
    public Optional<String> skipReason(Post p, ZoneId zone, boolean adopted, LocalDate firstDay) {
        if (p.linkedinDespiteSince()) {
            return Optional.empty();
        }
        LocalDate day = p.publishAt() == null ? null : LocalDate.ofInstant(p.publishAt(), zone);
        if (since != null && day != null && day.isBefore(since)) {
            return Optional.of("dated before linkedin.since (" + since + ")");
        }
        if (!adopted) {
            return Optional.empty();
        }
        if (day == null) {
            return Optional.of("undated and on Hashnode before xpost knew it: an old post (linkedin: {post: true} "
                    + "sends it)");
        }
        if (since == null && day.isBefore(firstDay)) {
            return Optional.of("dated before xpost first recorded this blog (" + firstDay + "; linkedin.since is "
                    + "not set)");
        }
        return Optional.empty();
    }
}
