package dev.xpost.platform;

/**
 * A request xpost would send, as {@code publish --dry-run} shows it: never a secret in it.
 *
 * @param operation a name for people: the GraphQL operation ({@code publishPost}) or the REST call
 * @param method    HTTP method
 * @param url       full URL
 * @param body      the JSON body (GraphQL variables for Hashnode), as a Jackson-serialisable value
 */
public record WireRequest(String operation, String method, String url, Object body) {
}
