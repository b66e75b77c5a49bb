package dev.xpost.platform.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Json;
import okhttp3.Headers;

/** One HTTP answer, read fully so that the connection is released before we decide what it means. */
record Answer(int code, Headers headers, String body) {
    boolean ok() {
        return code >= 200 && code < 300;
    }

    /** The body as JSON, or null when it is not JSON (an HTML error page, say). */
    JsonNode json() {
        return Json.parseOrNull(body);
    }

    boolean looksLikeHtml() {
        String b = body == null ? "" : body.stripLeading().toLowerCase(java.util.Locale.ROOT);
        return b.startsWith("<!doctype") || b.startsWith("<html") || b.startsWith("<");
    }
}
