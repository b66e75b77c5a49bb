package dev.xpost.platform.hashnode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Backoff;
import dev.xpost.http.Http;
import dev.xpost.http.Json;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * Turns Hashnode's answers into their meaning for {@link HashnodeClient}: GraphQL data, a {@link PlatformException}
 * whose message says what went wrong and what to do, or {@link Unsure} when another try might succeed (reference
 * {@code hashnode/API.md}, errors). Hashnode's own error codes and messages are quoted so that a user can search for
 * them; the token is scrubbed from anything quoted.
 */
final class HashnodeErrors {
    static final String TOKEN_REJECTED = "HASHNODE_TOKEN was rejected. Create a personal access token at "
            + "https://hashnode.com/settings/developer and put it in .env as HASHNODE_TOKEN=…";

    /** What to do when Hashnode cannot be reached at all: nothing there refused anything. */
    static final String CHECK_NETWORK = "check the network, or the endpoint (hashnode.endpoint in "
            + "config/xpost.yaml), then run xpost again";

    private static final Pattern PRO_PLAN = Pattern.compile("pro plan", Pattern.CASE_INSENSITIVE);
    private static final int EXCERPT = 200;

    private final HttpUrl endpoint;
    private final String token;
    private final Clock clock;

    /**
     * @param endpoint the GraphQL endpoint, named in messages about it
     * @param token    HASHNODE_TOKEN, masked in everything quoted
     * @param clock    for reading a {@code Retry-After} date
     */
    HashnodeErrors(HttpUrl endpoint, String token, Clock clock) {
        this.endpoint = endpoint;
        this.token = token;
        this.clock = clock;
    }

    /** True when a failure is Hashnode's Pro gate: the publication has no active Pro plan. */
    static boolean isProGate(PlatformException e) {
        return e.kind() == Kind.AUTH && e.getMessage() != null && PRO_PLAN.matcher(e.getMessage()).find();
    }

    /** True when a failure is about HASHNODE_TOKEN itself: missing, malformed or rejected. */
    static boolean isTokenProblem(PlatformException e) {
        return e.kind() == Kind.AUTH && e.getMessage() != null && e.getMessage().startsWith("HASHNODE_TOKEN");
    }

    /**
     * Why a 2xx answer to {@code publishPost} does not prove that nothing was created, when it is not a clean
     * GraphQL result: not JSON (an HTML page), no {@code data}, or {@code errors} next to a {@code publishPost}
     * that is there or is named deeper than its own field (the mutation ran; only part of its answer failed).
     * Empty for a clean answer, and for errors that refused the mutation itself (its field null or absent).
     */
    static Optional<String> garbled(int code, Response response, String text) {
        JsonNode json = Json.parseOrNull(text);
        if (json == null || !json.isObject()) {
            return Optional.of("HTTP " + code + " with " + (isHtml(response, text) ? "an HTML page"
                    : text.isBlank() ? "an empty body" : "a body that is not GraphQL JSON") + " instead of the result");
        }
        JsonNode errors = json.get("errors");
        JsonNode payload = json.path("data").path("publishPost");
        boolean hasErrors = errors != null && errors.isArray() && !errors.isEmpty();
        if (!hasErrors) {
            return json.path("data").isObject() ? Optional.empty()
                    : Optional.of("HTTP " + code + " with JSON that holds neither data nor errors");
        }
        boolean deeper = false;
        for (JsonNode e : errors) {
            deeper |= e.path("path").isArray() && e.path("path").size() > 1;
        }
        if (payload.isObject() || deeper) {
            return Optional.of("HTTP " + code + " with both a result and errors");
        }
        return Optional.empty();
    }

    /**
     * The meaning of one answer that is not a garbled create.
     *
     * @param what             what was being done, for messages ("publishing posts/a.md")
     * @param notFoundIsAbsent true for lookups, where {@code NOT_FOUND} answers "there is none" (null data)
     * @return the GraphQL {@code data}; null for "not found" when {@code notFoundIsAbsent}
     * @throws PlatformException when no retry can fix it
     * @throws Unsure            when a later try might succeed
     */
    JsonNode interpret(String what, int code, Response response, String text, boolean notFoundIsAbsent)
            throws Unsure {
        if (code >= 300 && code < 400) {
            String location = response.header("Location");
            throw fail(Kind.CONFIG, "The Hashnode endpoint " + endpoint + " answered with a redirect (HTTP " + code
                    + ") to " + (location == null ? "another address" : excerpt(location)) + " instead of GraphQL: "
                    + "the endpoint has moved. " + setEndpoint(), null);
        }
        if (code == 401) {
            throw fail(Kind.AUTH, TOKEN_REJECTED, null);
        }
        Duration retryAfter = Backoff.parseRetryAfter(response.header("Retry-After"), clock.instant());
        if (code == 429) {
            throw new Unsure("HTTP 429 Too Many Requests", retryAfter, true, false, null);
        }
        if (code >= 500) {
            throw new Unsure("HTTP " + code, retryAfter, false, false, null);
        }
        if (code == 413) {
            throw fail(Kind.REJECTED, "Hashnode refused " + what + ": the request is too large (HTTP 413). "
                    + "Hashnode accepts at most 100 KB per request: shorten the post", null);
        }
        JsonNode json = Json.parseOrNull(text);
        JsonNode errors = json != null && json.isObject() ? json.get("errors") : null;
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            // Errors win over data: with errors present, data is null or partial and must not pass as success.
            return graphqlErrors(what, errors, notFoundIsAbsent);
        }
        boolean html = isHtml(response, text);
        if (code >= 200 && code < 300) {
            JsonNode data = json != null && json.isObject() ? json.get("data") : null;
            if (data != null && data.isObject()) {
                return data;
            }
            throw fail(Kind.CONFIG, notGraphql(code, html, text), null);
        }
        if (html || code == 400) {
            throw fail(Kind.CONFIG, notGraphql(code, html, text), null);
        }
        throw fail(Kind.REJECTED, "Hashnode refused " + what + " with HTTP " + code
                + (text.isBlank() ? "" : ": " + excerpt(text)), null);
    }

    private JsonNode graphqlErrors(String what, JsonNode errors, boolean notFoundIsAbsent) throws Unsure {
        List<String> messages = new ArrayList<>();
        String worst = null;
        for (JsonNode e : errors) {
            String code = HashnodeClient.text(e.path("extensions"), "code");
            String message = HashnodeClient.text(e, "message");
            if (message != null && !messages.contains(message)) {
                messages.add(message);
            }
            if (worst == null || rank(code) < rank(worst)) {
                worst = code == null ? "" : code;
            }
        }
        String said = excerpt(String.join("; ", messages));
        String quoted = said.isEmpty() ? "" : " \"" + said + "\"";
        switch (worst) {
            case "UNAUTHENTICATED":
                throw fail(Kind.AUTH, TOKEN_REJECTED, null);
            case "FORBIDDEN":
                if (PRO_PLAN.matcher(said).find()) {
                    throw fail(Kind.AUTH, "Hashnode refused" + quoted + ": writing through the API (and reading a "
                            + "publication) needs a Hashnode Pro plan on the publication. Upgrade it in the "
                            + "Hashnode dashboard, then run xpost again", null);
                }
                throw fail(Kind.AUTH, "Hashnode refused" + quoted + ": the user of HASHNODE_TOKEN lacks permission "
                        + "on the publication (not a member of it, or a contributor, who cannot publish). Use the "
                        + "token of an owner or editor of the publication", null);
            case "GRAPHQL_VALIDATION_FAILED":
            case "GRAPHQL_PARSE_FAILED":
                throw fail(Kind.CONFIG, "Hashnode did not understand xpost's request when " + what + quoted
                        + ": the API at " + endpoint + " is not the one this xpost was built for. Check "
                        + "hashnode.endpoint in config/xpost.yaml (Hashnode's endpoint is " + HashnodeClient.DEFAULT_ENDPOINT
                        + ") or update xpost", null);
            case "INTERNAL_SERVER_ERROR":
                throw new Unsure("Hashnode's INTERNAL_SERVER_ERROR" + quoted, null, false, false, null);
            case "NOT_FOUND":
                if (notFoundIsAbsent) {
                    return null;
                }
                throw fail(Kind.REJECTED, "Hashnode rejected " + what + ":" + quoted + " (NOT_FOUND)", null);
            case "BAD_USER_INPUT":
            case "BAD_REQUEST":
                throw fail(Kind.REJECTED, "Hashnode rejected " + what + ":" + quoted + " (" + worst + ")", null);
            default:
                // No code, or one xpost does not know: nothing says the request was refused before it did
                // anything, so for a create the outcome is unknown (settled by a lookup), never "not created".
                throw new Unsure("Hashnode's error" + quoted + (worst.isEmpty() ? " (no error code)" : " (" + worst
                        + ")"), null, false, false, null);
        }
    }

    /** Which error decides when several come back: the one that stops most. */
    private static int rank(String code) {
        if (code == null) {
            return 6;
        }
        switch (code) {
            case "UNAUTHENTICATED":
                return 0;
            case "FORBIDDEN":
                return 1;
            case "GRAPHQL_VALIDATION_FAILED":
            case "GRAPHQL_PARSE_FAILED":
                return 2;
            case "BAD_USER_INPUT":
                return 3;
            case "NOT_FOUND":
                return 4;
            case "INTERNAL_SERVER_ERROR":
                return 7;
            default:
                return 5;
        }
    }

    private String notGraphql(int code, boolean html, String text) {
        String got = html ? "an HTML page"
                : text.isBlank() ? "an empty body"
                : "something that is not GraphQL JSON (\"" + excerpt(text) + "\")";
        return "The Hashnode endpoint " + endpoint + " answered with " + got + " instead of GraphQL (HTTP " + code
                + "): the endpoint has moved or is blocking xpost. " + setEndpoint();
    }

    private static String setEndpoint() {
        return "Set hashnode.endpoint in config/xpost.yaml (Hashnode's endpoint since 2026 is " + HashnodeClient.DEFAULT_ENDPOINT
                + ")";
    }

    private static boolean isHtml(Response response, String text) {
        String type = response.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).contains("html")
                || text.stripLeading().startsWith("<");
    }

    private String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        String masked = mask(flat);
        return masked.length() <= EXCERPT ? masked : masked.substring(0, EXCERPT) + "…";
    }

    private String mask(String text) {
        return text == null ? null : text.replace(token, "****");
    }

    PlatformException fail(Kind kind, String message, Throwable cause) {
        return new PlatformException(HashnodeClient.PLATFORM, kind, mask(message), cause);
    }

    /** A failure that another try could fix; whether trying again is safe depends on the operation. */
    static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;

        final String what;
        final Duration retryAfter;
        final boolean rateLimited;
        /** Nothing reached the server (no connection): even a create is safe to send again. */
        final boolean notSent;
        /** The answer was longer than xpost reads ({@link Http#MAX_ANSWER_BYTES}): asking again will not help. */
        final boolean tooLarge;

        Unsure(String what, Duration retryAfter, boolean rateLimited, boolean notSent, Throwable cause) {
            this(what, retryAfter, rateLimited, notSent, false, cause);
        }

        Unsure(String what, Duration retryAfter, boolean rateLimited, boolean notSent, boolean tooLarge,
                Throwable cause) {
            super(what, cause, false, false);
            this.what = what;
            this.retryAfter = retryAfter;
            this.rateLimited = rateLimited;
            this.notSent = notSent;
            this.tooLarge = tooLarge;
        }
    }
}
