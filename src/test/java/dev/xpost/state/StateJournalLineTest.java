package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a journal line is written field by field now, not as a map of its two fields; its bytes are the ones the
 * state file's own mapper writes for that map, which every journal already on disk was written with.
 */
class StateJournalLineTest {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    /** The line as it was written before: the map {kind: name, value: value}, by the state file's mapper. */
    private static String asMap(String kind, String name, Object value) throws Exception {
        java.lang.reflect.Field f = StateJson.class.getDeclaredField("MAPPER");
        f.setAccessible(true);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(kind, name);
        line.put("value", value);
        return ((ObjectMapper) f.get(null)).writeValueAsString(line);
    }

    @Test
    void everyKindOfLineHasTheBytesOfTheMapItWasWrittenAsBefore() throws Exception {
        State s = State.empty()
                .withRecord("caf\u00e9-\"quoted\"", "posts/caf\u00e9.md", "hashnode", PlatformRecord.published(
                        "6a603fb103e2cb323e780001", "https://b.dev/caf\u00e9", "hash1", AT))
                .withRecord("caf\u00e9-\"quoted\"", "posts/caf\u00e9.md", "linkedin", PlatformRecord.intent(AT, "h"))
                .withRecord("plain", "posts/plain.md", "devto", PlatformRecord.intent(AT, "h2"))
                .withImage("hashnode", "https://img/a.png", "https://cdn/a.png");
        for (Map.Entry<String, PostEntry> e : s.posts().entrySet()) {
            assertEquals(asMap("post", e.getKey(), e.getValue()), StateJson.line("post", e.getKey(), e.getValue()));
        }
        assertEquals(asMap("post", "gone", null), StateJson.line("post", "gone", null));
        assertEquals("{\"post\":\"gone\"}", StateJson.line("post", "gone", null));
        assertEquals(asMap("field", "images", s.images()), StateJson.line("field", "images", s.images()));
        assertEquals(asMap("field", "started", AT), StateJson.line("field", "started", AT));
        assertEquals(asMap("field", "forgotten", null), StateJson.line("field", "forgotten", null));
        assertEquals(asMap("field", "attempts", Map.of("b", 2, "a", 1)),
                StateJson.line("field", "attempts", Map.of("b", 2, "a", 1)));
    }
}
