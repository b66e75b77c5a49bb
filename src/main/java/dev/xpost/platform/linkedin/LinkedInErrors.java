package dev.xpost.platform.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns LinkedIn's error answers into {@link PlatformException}s whose messages say what went wrong and what to do
 * (reference §6). LinkedIn's own {@code status}, {@code serviceErrorCode}, {@code code} and {@code message} are
 * quoted so that a user can search for them; the token is scrubbed from anything quoted.
 */
final class LinkedInErrors {
    static final String PLATFORM = "linkedin";
    private static final Pattern DUPLICATE_URN = Pattern.compile("urn:li:(?:share|ugcPost|activity):[0-9]+");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM", Locale.ROOT);

    /** What was being done, which decides the advice in a 403 and what a 5xx means. */
    enum Op {
        USERINFO("GET /v2/userinfo"),
        CREATE("creating the post"),
        UPDATE("updating the post text"),
        IMAGE_INIT("starting an image upload"),
        IMAGE_PUT("uploading the image");

        final String what;

        Op(String what) {
            this.what = what;
        }
    }

    private final String token;
    private final String version;
    private final Clock clock;

    LinkedInErrors(String token, String version, Clock clock) {
        this.token = token;
        this.version = version;
        this.clock = clock;
    }

    /** The exception for a non-2xx answer (a 422 duplicate on create is handled before this). */
    PlatformException of(Answer a, Op op, String author) {
        String said = said(a);
        int c = a.code();
        if (c == 401) {
            // LinkedIn answers 401 alike for a token that was never valid (mistyped, cut short, another app's), one
            // whose 60 days are up and one revoked (reference linkedin/API.md): only "refused" is known for sure.
            return ex(Kind.AUTH, "LinkedIn refused the token (HTTP 401): it is invalid, expired or revoked, and "
                    + "LinkedIn's answer does not tell which (tokens live 60 days). Run `xpost auth linkedin` to get "
                    + "a new one, or put a fresh LINKEDIN_ACCESS_TOKEN in .env." + said);
        }
        if (c == 403) {
            return ex(Kind.AUTH, forbidden(op, author) + said);
        }
        if (c == 426) {
            return ex(Kind.CONFIG, versionRefused() + said);
        }
        if (c == 429) {
            return rateLimited(said);
        }
        if (c >= 500) {
            if (op == Op.CREATE) {
                return unknownOutcome("LinkedIn answered HTTP " + c + " while creating the post." + said);
            }
            return ex(Kind.TRANSIENT, "LinkedIn had a server problem (HTTP " + c + ") while " + op.what
                    + ", even after retrying; nothing was changed by xpost. Try again later." + said);
        }
        if (c >= 300 && c < 400) {
            String to = a.headers().get("Location");
            return ex(Kind.CONFIG, "LinkedIn answered with a redirect (HTTP " + c + (to == null ? "" : " to " + to)
                    + ") while " + op.what + "; xpost does not follow redirects, which would carry the token to "
                    + "another address. Check linkedin.apiBase in config/xpost.yaml.");
        }
        if (a.json() == null) {
            return ex(Kind.CONFIG, "LinkedIn answered HTTP " + c + " with " + nonJson(a) + " while " + op.what
                    + "; this is not LinkedIn's API speaking. Check linkedin.apiBase in config/xpost.yaml.");
        }
        if (c == 404 && op == Op.UPDATE) {
            return ex(Kind.REJECTED, "LinkedIn has no such post (HTTP 404): was it deleted on LinkedIn? Remove its "
                    + "LinkedIn record from .xpost/state.json to post it again." + said);
        }
        return ex(Kind.REJECTED, "LinkedIn refused " + op.what + " (HTTP " + c + ")." + said);
    }

    /** True for LinkedIn's "this is a duplicate of a recent post" refusal (422 DUPLICATE_POST). */
    static boolean isDuplicate(Answer a) {
        if (a.code() != 422) {
            return false;
        }
        JsonNode j = a.json();
        String body = a.body() == null ? "" : a.body();
        return body.contains("DUPLICATE_POST")
                || (j != null && j.path("message").asText("").toLowerCase(Locale.ROOT).contains("duplicate"));
    }

    /** The URN a duplicate refusal names ("Content is a duplicate of urn:li:share:…"), if it names one. */
    static Optional<String> duplicateUrn(Answer a) {
        JsonNode j = a.json();
        Matcher m = DUPLICATE_URN.matcher(j == null ? a.body() : j.path("message").asText(""));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    PlatformException rateLimited(String said) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        Duration left = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC));
        return ex(Kind.RATE_LIMITED, String.format(Locale.ROOT, "LinkedIn's daily limit was reached; it resets at "
                        + "midnight UTC (in %dh %02dm). xpost will not call LinkedIn again in this run.%s",
                left.toHours(), left.toMinutesPart(), said));
    }

    PlatformException unknownOutcome(String what) {
        return ex(Kind.UNKNOWN_OUTCOME, what + " LinkedIn may or may not have created the post; it was not retried, "
                + "because LinkedIn has no way to make a retry safe. Check your LinkedIn feed (or the next run's "
                + "duplicate answer) before publishing it again.");
    }

    PlatformException ex(Kind kind, String message) {
        return new PlatformException(PLATFORM, kind, scrub(message));
    }

    PlatformException ex(Kind kind, String message, Throwable cause) {
        // The cause's own message is not trusted to be token-free, so it is not chained into what users see.
        return new PlatformException(PLATFORM, kind, scrub(message + " (" + cause.getClass().getSimpleName() + ")"));
    }

    String scrub(String s) {
        if (s == null || token == null || token.isEmpty()) {
            return s;
        }
        return s.replace(token, "****");
    }

    private String forbidden(Op op, String author) {
        if (op == Op.USERINFO) {
            return "LinkedIn refused to say whose token this is: GET /v2/userinfo needs the openid and profile "
                    + "scopes, from the \"Sign In with LinkedIn using OpenID Connect\" product. Add that product to "
                    + "your LinkedIn app and run `xpost auth linkedin` again, or set linkedin.author in "
                    + "config/xpost.yaml.";
        }
        if (author != null && author.startsWith("urn:li:organization:")) {
            return "LinkedIn refused " + op.what + " as " + author + ": posting for a company page needs the "
                    + "w_organization_social scope (an approved Community Management API product) and an "
                    + "ADMINISTRATOR, CONTENT_ADMIN or DIRECT_SPONSORED_CONTENT_POSTER role on that page.";
        }
        String edit = op == Op.UPDATE ? " A member can only edit their own posts." : "";
        return "LinkedIn refused " + op.what + ": the token lacks the w_member_social scope, which comes with the "
                + "\"Share on LinkedIn\" product. Add that product to your LinkedIn app and run `xpost auth "
                + "linkedin` again." + edit;
    }

    private String versionRefused() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String example = today.minusMonths(2).format(MONTH);
        boolean future = LinkedInClient.isValidVersion(version)
                && version.compareTo(today.minusMonths(1).format(MONTH)) > 0;
        if (future) {
            return "linkedin.version " + version + " is not served by LinkedIn (yet): only released months are. Set "
                    + "linkedin.version in config/xpost.yaml to a recent month, e.g. " + example + ".";
        }
        return "linkedin.version " + version + " is no longer served by LinkedIn (versions are retired about a year "
                + "after release). Set linkedin.version in config/xpost.yaml to a recent month, e.g. " + example + ".";
    }

    /** " LinkedIn said: status 403, serviceErrorCode 100, ACCESS_DENIED: Not enough permissions…" or "". */
    private String said(Answer a) {
        JsonNode j = a.json();
        List<String> parts = new ArrayList<>();
        if (j != null && j.isObject()) {
            if (j.hasNonNull("status")) {
                parts.add("status " + j.get("status").asText());
            }
            if (j.hasNonNull("serviceErrorCode")) {
                parts.add("serviceErrorCode " + j.get("serviceErrorCode").asText());
            }
            String code = j.path("code").asText("");
            String message = j.path("message").asText("");
            String text = code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
            if (!text.isEmpty()) {
                parts.add(text);
            }
        } else if (a.body() != null && !a.body().isBlank()) {
            parts.add("HTTP " + a.code() + " with " + nonJson(a));
        }
        String requestId = a.headers().get("x-li-uuid");
        if (requestId != null) {
            parts.add("request id " + requestId);
        }
        return parts.isEmpty() ? "" : " LinkedIn said: " + String.join(", ", parts) + ".";
    }

    private static String nonJson(Answer a) {
        return a.looksLikeHtml() ? "an HTML page instead of JSON" : "a body that is not JSON";
    }
}
