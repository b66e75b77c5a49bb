package dev.xpost.e2e;

/**
 * What a fake platform does instead of answering normally, for the next N calls of one operation. The names say
 * what the client sees; whether a create was stored before the fault is chosen per injection
 * ({@link Faults#inject}), since a timeout, a dropped connection or a 5xx can come after the platform committed.
 */
enum Fault {
    /** The request was read in full, then the connection closed before any answer. */
    DROPPED_AFTER_REQUEST,
    /** HTTP 500. */
    HTTP_500,
    /** HTTP 429 with {@code Retry-After: 30}. */
    HTTP_429,
    /** The answer's headers come later than the client's read timeout. */
    HEADERS_DELAY,
    /** The headers come at once, the body later than the client's read timeout. */
    BODY_DELAY,
    /** A 200 answer with an HTML page, as a moved endpoint or a login wall gives. */
    HTML_PAGE,
    /** HTTP 401. */
    HTTP_401,
    /** HTTP 400 with the platform's JSON error (LinkedIn: a field of the create is invalid). */
    HTTP_400,
    /** HTTP 422 with the platform's JSON error (dev.to: a validation failed, nothing was saved). */
    HTTP_422,
    /** HTTP 426 (LinkedIn: the LinkedIn-Version is not served). */
    HTTP_426,
    /** GraphQL error UNAUTHENTICATED inside a 200 (Hashnode). */
    GRAPHQL_UNAUTHENTICATED,
    /** GraphQL error FORBIDDEN with Hashnode's Pro plan message (Hashnode). */
    GRAPHQL_FORBIDDEN_PRO,
    /** GraphQL error BAD_USER_INPUT (Hashnode). */
    GRAPHQL_BAD_USER_INPUT,
    /**
     * The platform commits the create {@link Faults#LATE_COMMIT_AT} into the request, by the run's clock, and its
     * answer comes later than the client's read timeout: the post is younger than the request.
     */
    LATE_COMMIT,
    /**
     * A success that cannot be read: Hashnode answers 200 with the new post in {@code data} and an error next to
     * it; LinkedIn answers 201 with an HTML page and no {@code x-restli-id}; dev.to stores the article and answers
     * 201 with its JSON cut off halfway.
     */
    GARBLED_2XX,
    /** A 2xx whose body never ends (chunked without end), after the normal headers. */
    ENDLESS_BODY,
    /** A 2xx that declares a 3 GB body. */
    DECLARED_3GB;

    /** True for the faults whose answer may come after the platform stored the post. */
    boolean mayCommit() {
        return this == DROPPED_AFTER_REQUEST || this == HTTP_500 || this == HEADERS_DELAY || this == BODY_DELAY
                || this == LATE_COMMIT || this == GARBLED_2XX || this == ENDLESS_BODY || this == DECLARED_3GB;
    }
}
