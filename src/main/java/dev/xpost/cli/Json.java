package dev.xpost.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON as the commands print it ({@code --json}, GitHub annotations) and read back their own report files: keys
 * sorted and indented, so that output diffs well and scripts see a stable shape. Request and response bodies are
 * the {@code http} package's ({@code dev.xpost.http.Json}); the state file's are {@code state.StateJson}'s.
 */
final class Json {
    // The same settings as the bodies' mapper (sorted keys, indented, lenient reading), by construction.
    static final ObjectMapper MAPPER = dev.xpost.http.Json.MAPPER.copy();

    private static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** One line of JSON: a value quoted the way scripts read it (a slug with its quotes and escapes). */
    static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Pretty JSON with sorted keys, for {@code --json} output. */
    static String pretty(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** A JSON file's text as a tree; null when it is not JSON at all, so the caller can say what it found. */
    static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
