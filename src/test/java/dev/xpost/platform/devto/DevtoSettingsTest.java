package dev.xpost.platform.devto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.post.PostBuilder;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevtoSettingsTest {
    private static final String WHERE = "config/xpost.yaml";

    @Test
    void anEmptySectionGivesDevtoDefaults() {
        DevtoSettings s = DevtoSettings.parse(WHERE, null).orElseThrow();
        assertEquals("https://dev.to/", s.apiBase().toString());
        assertNull(s.organization());
        assertNull(s.since());
        assertEquals("DEVTO_API_KEY", DevtoSettings.SECRET);
    }

    @Test
    void everyKeyIsRead() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiBase", "http://127.0.0.1:8080/");
        m.put("organization", 4242);
        m.put("since", "2026-01-15");
        DevtoSettings s = DevtoSettings.parse(WHERE, m).orElseThrow();
        assertEquals("http://127.0.0.1:8080/", s.apiBase().toString());
        assertEquals(4242L, s.organization());
        assertEquals(LocalDate.of(2026, 1, 15), s.since());
    }

    @Test
    void disabledSectionGivesNothing() {
        assertTrue(DevtoSettings.parse(WHERE, Map.of("enabled", false)).isEmpty());
    }

    @Test
    void unknownKeyIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DevtoSettings.parse(WHERE, Map.of("apiKey", "secret")));
        assertEquals("config/xpost.yaml: unknown setting devto.apiKey (known under devto: apiBase, enabled, "
                + "organization, since)", e.getMessage());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> DevtoSettings.parse(WHERE, Map.of("apiBse", "https://dev.to/api")));
        assertTrue(typo.getMessage().endsWith("; did you mean apiBase?"), typo::getMessage);
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBecauseTheKeyWouldTravelInClear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DevtoSettings.parse(WHERE, Map.of("apiBase", "http://dev.to")));
        assertTrue(e.getMessage().contains("devto.apiBase") && e.getMessage().contains("DEVTO_API_KEY")
                && e.getMessage().contains("https://"), e.getMessage());
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DevtoSettings.parse(WHERE,
                Map.of("organization", "acme"))).getMessage().contains("devto.organization must be the numeric id"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DevtoSettings.parse(WHERE,
                Map.of("since", "last year"))).getMessage().contains("devto.since must be a date as YYYY-MM-DD"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DevtoSettings.parse(WHERE,
                Map.of("apiBase", "not a url"))).getMessage().contains("is not an http(s) URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DevtoSettings.parse(WHERE,
                Map.of("enabled", "maybe"))).getMessage().contains("devto.enabled must be true or false"));
    }

    @Test
    void postsDatedBeforeSinceInTheBlogsTimeZoneStayOffDevto() {
        DevtoSettings s = DevtoSettings.parse(WHERE, Map.of("since", "2026-01-15")).orElseThrow();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 23:30 UTC on the 14th is already the 15th in Berlin.
        assertEquals(Optional.empty(), s.skipReason(PostBuilder.post("a").at("2026-01-14T23:30:00Z").build(), berlin));
        assertEquals(Optional.of("dated before devto.since (2026-01-15)"),
                s.skipReason(PostBuilder.post("a").at("2026-01-14T22:30:00Z").build(), berlin));
        assertEquals(Optional.empty(), s.skipReason(PostBuilder.post("a").build(), berlin));
        assertEquals(Optional.empty(), DevtoSettings.defaults()
                .skipReason(PostBuilder.post("a").at("2001-01-01T00:00:00Z").build(), berlin));
    }
}
