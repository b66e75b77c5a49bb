package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatesTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static void assertParses(String expected, String text, ZoneId zone) {
        assertEquals(Instant.parse(expected), Dates.parse(text, zone), text + " in " + zone);
    }

    @Test
    void javaScriptFormWithZoneNameFromHashnodeBackups() {
        assertParses("2023-12-16T21:36:40Z", "Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)", BERLIN);
        assertParses("2024-05-30T09:35:57Z", "Thu May 30 2024 15:05:57 GMT+0530 (India Standard Time)", UTC);
        assertParses("2024-01-05T23:00:00Z", "Fri Jan 05 2024 15:00:00 GMT-0800 (Pacific Standard Time)", UTC);
    }

    @Test
    void javaScriptFormWithoutZoneNameOrWithOddSpelling() {
        assertParses("2023-12-16T21:36:40Z", "Sat Dec 16 2023 21:36:40 GMT+0000", BERLIN);
        assertParses("2023-12-16T19:36:40Z", "saturday DEC 16 2023 21:36:40 GMT+02:00", UTC);
        assertParses("2023-12-16T21:36:40Z", "Dec 16 2023 21:36:40 GMT", UTC);
    }

    @Test
    void wrongWeekdayIsNotAnError() {
        // 16 Dec 2023 was a Saturday; a hand-edited "Mon" still names one clear instant.
        assertParses("2023-12-16T21:36:40Z", "Mon Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)", UTC);
    }

    @Test
    void isoWithOffsetOrZ() {
        assertParses("2024-05-30T15:05:57Z", "2024-05-30T15:05:57Z", BERLIN);
        assertParses("2024-05-30T13:05:57Z", "2024-05-30T15:05:57+02:00", NEW_YORK);
        assertParses("2024-05-30T15:05:57.250Z", "2024-05-30T15:05:57.25Z", UTC);
        assertParses("2024-05-30T15:05:57.123456789Z", "2024-05-30T15:05:57.123456789Z", UTC);
        assertParses("2024-05-30T20:05:00Z", "2024-05-30 15:05-05:00", UTC);
    }

    @Test
    void isoLocalTimesAreInTheConfiguredZone() {
        assertParses("2024-05-30T13:05:00Z", "2024-05-30T15:05", BERLIN);
        assertParses("2024-05-30T19:05:57Z", "2024-05-30 15:05:57", NEW_YORK);
        assertParses("2024-01-30T14:05:57Z", "2024-01-30T15:05:57", BERLIN);
        assertParses("2024-05-30T15:05:57Z", "  2024-05-30T15:05:57  ", UTC);
    }

    @Test
    void bareDateIsMidnightInTheConfiguredZone() {
        assertParses("2024-05-30T00:00:00Z", "2024-05-30", UTC);
        assertParses("2024-05-29T22:00:00Z", "2024-05-30", BERLIN);
        assertParses("2024-01-15T05:00:00Z", "2024-01-15", NEW_YORK);
    }

    @Test
    void dstGapMovesForwardByTheGap() {
        // 2026-03-29 02:00 → 03:00 in Berlin: 02:30 does not exist and becomes 03:30 CEST (01:30Z).
        assertParses("2026-03-29T01:30:00Z", "2026-03-29T02:30", BERLIN);
        // 2026-03-08 02:00 → 03:00 in New York: 02:30 becomes 03:30 EDT (07:30Z).
        assertParses("2026-03-08T07:30:00Z", "2026-03-08T02:30", NEW_YORK);
        assertParses("2026-03-29T00:59:00Z", "2026-03-29T01:59", BERLIN);
        assertParses("2026-03-29T01:00:00Z", "2026-03-29T03:00", BERLIN);
    }

    @Test
    void dstOverlapTakesTheEarlierOffset() {
        // 2026-10-25 03:00 → 02:00 in Berlin: 02:30 happens twice; the first (CEST, +02:00) is taken.
        assertParses("2026-10-25T00:30:00Z", "2026-10-25T02:30", BERLIN);
        // 2026-11-01 02:00 → 01:00 in New York: 01:30 happens twice; the first (EDT, -04:00) is taken.
        assertParses("2026-11-01T05:30:00Z", "2026-11-01T01:30", NEW_YORK);
        // An explicit offset picks the second one.
        assertParses("2026-11-01T06:30:00Z", "2026-11-01T01:30-05:00", NEW_YORK);
    }

    @Test
    void garbageIsADateTimeParseExceptionNamingTheTextAndTheForms() {
        for (String bad : List.of("next tuesday", "2024-13-01", "2024-02-30", "2024-05-30T25:00", "30/05/2024",
                "Sat Foo 16 2023 21:36:40 GMT+0000", "Sat Dec 16 2023 21:36:40 GMT+0000 trailing", "2024",
                "Sat Dec 16 2023")) {
            DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> Dates.parse(bad, UTC), bad);
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
            assertTrue(e.getMessage().contains("2024-05-30T15:05:57+02:00"), e.getMessage());
        }
        DateTimeParseException empty = assertThrows(DateTimeParseException.class, () -> Dates.parse("  ", UTC));
        assertTrue(empty.getMessage().contains("empty"));
        assertThrows(DateTimeParseException.class, () -> Dates.parse(null, UTC));
    }

    @Test
    void toJavaScriptWritesTheBackupForm() {
        Instant instant = Instant.parse("2023-12-16T21:36:40Z");
        assertEquals("Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)", Dates.toJavaScript(instant, UTC));
        assertEquals("Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)",
                Dates.toJavaScript(instant, ZoneOffset.UTC));
        assertEquals("Sun Dec 17 2023 03:06:40 GMT+0530 (India Standard Time)",
                Dates.toJavaScript(instant, ZoneId.of("Asia/Kolkata")));
        assertEquals("Sat Dec 16 2023 13:36:40 GMT-0800 (Pacific Standard Time)",
                Dates.toJavaScript(instant, ZoneId.of("America/Los_Angeles")));
        assertEquals("Sat Dec 16 2023 23:36:40 GMT+0200 (GMT+02:00)", Dates.toJavaScript(instant, ZoneOffset.ofHours(2)));
    }

    @Test
    void toJavaScriptRoundTrips() {
        Instant start = Instant.parse("2026-03-29T00:15:42Z");
        for (ZoneId zone : List.of(UTC, BERLIN, NEW_YORK, ZoneId.of("Asia/Kolkata"), ZoneOffset.ofHoursMinutes(-3, -30))) {
            for (int hours = 0; hours < 48; hours += 5) {
                Instant instant = start.plus(hours, ChronoUnit.HOURS);
                String text = Dates.toJavaScript(instant, zone);
                assertEquals(instant, Dates.parse(text, UTC), text);
            }
        }
    }
}
