package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcut for the common date shapes ({@link Dates#common}) gives exactly what the general parsers give: the
 * same instant for every text it takes, and it leaves every other text (odd spellings, values out of range,
 * garbage) to them, so that every accepted text, every refused one and every message stays the same.
 */
class DatesCommonShapesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("+05:45"));

    /** Parses both ways; the outcome as text: the instant, or the general parser's message. */
    private static String outcome(String text, ZoneId zone, boolean shortcut) {
        try {
            return String.valueOf(shortcut ? Dates.parse(text, zone) : Dates.parseGenerally(text, zone));
        } catch (DateTimeParseException e) {
            return "refused: " + e.getMessage() + " at " + e.getErrorIndex() + " of " + e.getParsedString();
        }
    }

    private static void assertSame(String text) {
        for (ZoneId zone : ZONES) {
            assertEquals(outcome(text, zone, false), outcome(text, zone, true), () -> text + " in " + zone);
        }
    }

    @Test
    void theShapesPostsUseTakeTheShortcutAndGiveTheGeneralInstant() {
        String[] common = {
            "Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)",
            "Thu May 30 2024 15:05:57 GMT+0530 (India Standard Time)",
            "Fri Jan 05 2024 15:00:00 GMT-0800 (Pacific Standard Time)",
            "Sat Dec 16 2023 21:36:40 GMT+0000", "Sun Jan 01 2023 00:00:00 GMT-1800", "Wed Feb 29 2024 23:59:59 GMT+1400",
            "sat dec 16 2023 21:36:40 GMT+0000   (UTC) (more)",
            "Mon Dec 16 2023 21:36:40 GMT+0000 ()",
            "2024-05-30", "2024-05-30T15:05", "2024-05-30T15:05:57", "2024-05-30T15:05:57Z",
            "2024-05-30T15:05:57+02:00", "2024-05-30T15:05-03:30", "2024-05-30T15:05:57.5Z",
            "2024-05-30T15:05:57.123456789+14:00", "2024-02-29T00:00:00.000Z", "2024-03-31T02:30",
            "2024-10-27T02:30", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00",
        };
        for (String text : common) {
            assertNotNull(Dates.common(text, ZONES.get(1)), text);
            assertSame(text);
            assertSame("  " + text + "\t");
        }
    }

    @Test
    void everyOddOrWrongTextIsLeftToTheGeneralParsers() {
        String[] odd = {
            "saturday DEC 16 2023 21:36:40 GMT+02:00", "Dec 16 2023 21:36:40 GMT", "Sat Dec 5 2023 21:36:40 GMT+0000",
            "Sat Dec 16 2023 21:36:40 gmt+0000", "Sat Dec 16 2023 21:36:40 GMT+0000 (UTC", "Sat Dec 16 2023 21:36:40 GMT+0000 x",
            "Sat Dec 16 2023 21:36:40 GMT+0000 x (UTC)", "Sat Dex 16 2023 21:36:40 GMT+0000", "Sxt Dec 16 2023 21:36:40 GMT+0000",
            "Sat Dec 32 2023 21:36:40 GMT+0000", "Sat Feb 29 2023 21:36:40 GMT+0000", "Sat Dec 16 2023 24:00:00 GMT+0000",
            "Sat Dec 16 2023 21:60:40 GMT+0000", "Sat Dec 16 2023 21:36:60 GMT+0000", "Sat Dec 16 2023 21:36:40 GMT+1900",
            "Sat Dec 16 2023 21:36:40 GMT+0060", "Sat Dec 16 2023 21:36:40 GMT+1815", "Sat Dec 16 2023 21:36:40 GMT-1801", "Sat Dec 16 2023 21:36:40 GMT*0000", "Sat Dec 16 2023 21:36:40 GMT+00a0",
            "Sat Dec 16 ２０２３ 21:36:40 GMT+0000", "Saṫ Dec 16 2023 21:36:40 GMT+0000", "ſat Dec 16 2023 21:36:40 GMT+0000",
            "Sat Dec 16 2023 21:36:40 GMT+0000(UTC)", "Sat  Dec 16 2023 21:36:40 GMT+0000",
            "2024-05-30t15:05", "2024-05-30 15:05", "2024-05-30T15:05 +02:00", "2024-05-30T15:05:57z",
            "2024-05-30T15:05:57+0200", "2024-05-30T15:05:57+02", "2024-05-30T15:05:57.Z", "2024-05-30T15:05:57.1234567891Z",
            "2024-05-30T15:05:5", "2024-05-30T15:05:57:00", "2024-05-30T15:05.5", "2024-05-30T15:0", "2024-05-30T1505",
            "2024-05-30T25:00", "2024-05-30T15:05:57+19:00", "2024-05-30T15:05:57+02:60", "2024-02-30", "2024-13-01",
            "2024-5-30", "24-05-30", "2024/05/30", "2024-05-30x", "2024-05-30T", "2024-05-30T15:05:57.5.3",
            "2024-05-30T15:05:57.5:3", "2024-05-30T15:05:57+02:00x", "2024-05-30T15:05:57Zulu", "２０２４-05-30",
            "", "   ", "tomorrow", "12345", "2024", "+2024-05-30", "-", "2024-05-30T15:05:57-00:00",
        };
        for (String text : odd) {
            assertSame(text);
        }
    }

    @Test
    void generatedDatesOfEveryShapeAgree() {
        Random random = new Random(42);
        String[] weekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "MON", "sun"};
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "DEC"};
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            int year = random.nextInt(12) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(40);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(31);
            int hour = random.nextInt(25);
            int minute = random.nextInt(61);
            int second = random.nextInt(61);
            int offsetHours = random.nextInt(20);
            int offsetMinutes = random.nextInt(4) * 15 + (random.nextInt(20) == 0 ? 60 : 0);
            String sign = random.nextBoolean() ? "+" : "-";
            texts.add(String.format("%s %s %02d %04d %02d:%02d:%02d GMT%s%02d%02d%s",
                    weekdays[random.nextInt(weekdays.length)], months[random.nextInt(months.length)], day, year,
                    hour, minute, second, sign, offsetHours, offsetMinutes,
                    random.nextBoolean() ? " (Some Zone Name)" : ""));
            String date = String.format("%04d-%02d-%02d", year, month, day);
            String time = String.format("%02d:%02d", hour, minute)
                    + (random.nextBoolean() ? String.format(":%02d", second) : "")
                    + (random.nextInt(3) == 0 ? "." + "123456789".substring(0, 1 + random.nextInt(9)) : "");
            String zone = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> "Z";
                default -> String.format("%s%02d:%02d", sign, offsetHours, offsetMinutes);
            };
            texts.add(random.nextInt(5) == 0 ? date : date + "T" + time + zone);
        }
        int common = 0;
        for (String text : texts) {
            assertSame(text);
            common += Dates.common(text, ZONES.get(0)) != null ? 1 : 0;
        }
        assertTrue(common > texts.size() / 3, "most generated dates take the shortcut: " + common);
    }
}
