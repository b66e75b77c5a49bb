package dev.xpost.post;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Publish times as authors and Hashnode write them (DESIGN.md §3): JavaScript {@code Date.toString()} as found in
 * Hashnode backups, ISO-8601 with or without an offset, or a bare date. Times without an offset are in the
 * configured zone.
 */
public final class Dates {
    static final String ACCEPTED = "write it as 2024-05-30, 2024-05-30T15:05, 2024-05-30T15:05:57+02:00 (or Z), "
            + "or like Sat Dec 16 2023 21:36:40 GMT+0000";

    private static final Set<String> WEEKDAYS = Set.of(
            "mon", "tue", "wed", "thu", "fri", "sat", "sun",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private static final DateTimeFormatter TO_JAVASCRIPT =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzzz", Locale.ENGLISH);

    private Dates() {
    }

    /**
     * The instant a publish time names.
     *
     * @param text as written in the front matter
     * @param zone the zone for times that carry no offset
     * @throws DateTimeParseException naming the text and the accepted forms
     */
    public static Instant parse(String text, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        String s = text == null ? "" : text.strip();
        Instant common = s.isEmpty() ? null : common(s, zone);
        return common != null ? common : general(s, zone);
    }

    /** As {@link #parse} without the shortcut for the common shapes: what {@link #common} must agree with. */
    static Instant parseGenerally(String text, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return general(text == null ? "" : text.strip(), zone);
    }

    /** @param s the text, stripped */
    private static Instant general(String s, ZoneId zone) {
        if (s.isEmpty()) {
            throw new DateTimeParseException("the date is empty; " + ACCEPTED, s, 0);
        }
        try {
            if (Character.isLetter(s.charAt(0))) {
                return parseJavaScript(s);
            }
            return parseIso(s, zone);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("\"" + s + "\" is not a date xpost can read; " + ACCEPTED, s, 0, e);
        }
    }

    /**
     * JavaScript's {@code Date.toString()} in the given zone, the form Hashnode backups use:
     * {@code Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)}.
     */
    public static String toJavaScript(Instant instant, ZoneId zone) {
        ZonedDateTime at = instant.atZone(zone);
        return TO_JAVASCRIPT.format(at) + " (" + zoneName(at) + ")";
    }

    private static String zoneName(ZonedDateTime at) {
        ZoneId zone = at.getZone();
        if (zone instanceof ZoneOffset offset) {
            // A bare offset has no long name in the JDK ("Z", "+02:00"); name it the way a browser would.
            return offset.getTotalSeconds() == 0 ? "Coordinated Universal Time" : "GMT" + offset.getId();
        }
        return ZONE_NAME.format(at);
    }

    /**
     * The shapes nearly every post uses, read in place from fixed positions (no words or digits cut out of the
     * text): a Hashnode backup's {@code Sat Dec 16 2023 21:36:40 GMT+0000 (Zone Name)}, and ISO's
     * {@code 2024-05-30}, {@code 2024-05-30T15:05[:57[.fraction]]} with nothing, {@code Z} or {@code ±HH:MM} after
     * it. Null for any other text and for any value out of range, which the general parsers then read or refuse
     * with their message: this only ever gives the instant they give (DatesTest compares both on every shape).
     *
     * @param s the text, stripped, not empty
     */
    static Instant common(String s, ZoneId zone) {
        try {
            char first = s.charAt(0);
            if (first >= '0' && first <= '9') {
                return commonIso(s, zone);
            }
            return commonJavaScript(s);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code Www Mmm DD YYYY HH:MM:SS GMT±HHMM}, maybe followed by spaces and a {@code (Zone Name)}. */
    private static Instant commonJavaScript(String s) {
        int n = s.length();
        if (n < 33 || s.charAt(3) != ' ' || s.charAt(7) != ' ' || s.charAt(10) != ' ' || s.charAt(15) != ' '
                || s.charAt(18) != ':' || s.charAt(21) != ':' || s.charAt(24) != ' ' || !s.startsWith("GMT", 25)) {
            return null;
        }
        if (n > 33) {
            // What the general parser drops: the first "(" to the end, when the text ends with ")".
            int paren = s.indexOf('(');
            if (s.charAt(n - 1) != ')' || paren < 33) {
                return null;
            }
            for (int i = 33; i < paren; i++) {
                if (s.charAt(i) != ' ') {
                    return null;
                }
            }
        }
        if (!isWeekday(letters(s, 0))) {
            return null;
        }
        int month = month(letters(s, 4));
        int day = digits(s, 8, 10);
        int year = digits(s, 11, 15);
        int hour = digits(s, 16, 18);
        int minute = digits(s, 19, 21);
        int second = digits(s, 22, 24);
        char sign = s.charAt(28);
        int offsetHours = digits(s, 29, 31);
        int offsetMinutes = digits(s, 31, 33);
        if (month == 0 || (day | year | hour | minute | second | offsetHours | offsetMinutes) < 0
                || (sign != '+' && sign != '-') || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        // The offsets ZoneOffset.ofHoursMinutes takes: up to 18 hours, and not a minute more.
        if (offsetHours > 18 || offsetMinutes > 59 || offsetHours == 18 && offsetMinutes > 0) {
            return null;
        }
        int offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3600
                + minute * 60 + second - offsetSeconds);
    }

    /** The three ASCII letters at {@code from}, lower-cased, in one int; -1 when one is not an ASCII letter. */
    private static int letters(String s, int from) {
        int packed = 0;
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return -1;
            }
            packed = packed << 8 | (c | 0x20);
        }
        return packed;
    }

    private static int packed(String name) {
        return name.charAt(0) << 16 | name.charAt(1) << 8 | name.charAt(2);
    }

    private static final int[] WEEKDAY_LETTERS = {packed("mon"), packed("tue"), packed("wed"), packed("thu"),
        packed("fri"), packed("sat"), packed("sun")};
    private static final int[] MONTH_LETTERS = new int[12];

    static {
        for (int i = 0; i < 12; i++) {
            MONTH_LETTERS[i] = packed(MONTHS.get(i));
        }
    }

    /** True for the {@link #letters} of a three-letter weekday as {@link #WEEKDAYS} holds it. */
    private static boolean isWeekday(int letters) {
        for (int day : WEEKDAY_LETTERS) {
            if (day == letters) {
                return true;
            }
        }
        return false;
    }

    /** 1 to 12 for the {@link #letters} of a month as {@link #MONTHS} holds it; 0 for none. */
    private static int month(int letters) {
        for (int i = 0; i < 12; i++) {
            if (MONTH_LETTERS[i] == letters) {
                return i + 1;
            }
        }
        return 0;
    }

    /** {@code YYYY-MM-DD[THH:MM[:SS[.fraction]][Z|±HH:MM]]}. */
    private static Instant commonIso(String s, ZoneId zone) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if ((year | month | day) < 0) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (n == 10) {
            return date.atStartOfDay(zone).toInstant();
        }
        if (n < 16 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = 0;
        int nano = 0;
        int at = 16;
        if (at < n && s.charAt(at) == ':') {
            second = n < 19 ? -1 : digits(s, 17, 19);
            at = 19;
            if (at < n && s.charAt(at) == '.') {
                int end = at + 1;
                while (end < n && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
                    end++;
                }
                int count = end - at - 1;
                if (count < 1 || count > 9) {
                    return null;
                }
                nano = digits(s, at + 1, end) * TENS[9 - count];
                at = end;
            }
        }
        // The general parser takes the whole run of digits, colons and dots as the time.
        if ((hour | minute | second) < 0 || at < n && "0123456789:.".indexOf(s.charAt(at)) >= 0) {
            return null;
        }
        LocalTime time = LocalTime.of(hour, minute, second, nano);
        ZoneOffset offset;
        if (at == n) {
            return ZonedDateTime.of(date, time, zone).toInstant();
        } else if (n - at == 1 && s.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (n - at == 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':') {
            int hours = digits(s, at + 1, at + 3);
            int minutes = digits(s, at + 4, at + 6);
            if ((hours | minutes) < 0) {
                return null;
            }
            int direction = s.charAt(at) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(direction * hours, direction * minutes);
        } else {
            return null;
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + time.toSecondOfDay() - offset.getTotalSeconds(),
                nano);
    }

    private static final int[] TENS = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The ASCII digits from {@code from} to {@code to} as a number; -1 when one is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /*
     * Both forms are parsed by hand rather than with DateTimeFormatter: on a cold JVM a formatter parse costs tens
     * of microseconds, which for 10,000 posts is a visible part of the CLI's start-up budget (see ReadBenchmark).
     * LocalDate.of and LocalTime.of still check every field's range.
     */

    /** {@code [Weekday] Mon D YYYY HH:MM:SS GMT±HHMM [(Zone Name)]}. */
    private static Instant parseJavaScript(String s) {
        String rest = s;
        // The zone name in parentheses is for humans and varies by browser locale; only the offset counts.
        int paren = rest.indexOf('(');
        if (paren > 0 && rest.endsWith(")")) {
            rest = rest.substring(0, paren);
        }
        List<String> parts = words(rest);
        int at = 0;
        if (!parts.isEmpty() && WEEKDAYS.contains(parts.get(0).toLowerCase(Locale.ROOT))) {
            // Checked loosely on purpose: a hand-edited date with the wrong weekday still names one instant.
            at = 1;
        }
        if (parts.size() - at != 5) {
            throw new DateTimeException("expected month, day, year, time and GMT offset");
        }
        int month = MONTHS.indexOf(parts.get(at).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) {
            throw new DateTimeException("unknown month " + parts.get(at));
        }
        LocalDate date = LocalDate.of(number(parts.get(at + 2), 4, 4), month, number(parts.get(at + 1), 1, 2));
        String clock = parts.get(at + 3);
        LocalTime time = time(clock, 0, clock.length(), true);
        String zone = parts.get(at + 4);
        if (!zone.regionMatches(true, 0, "GMT", 0, 3)) {
            throw new DateTimeException("expected GMT+hhmm");
        }
        ZoneOffset offset = zone.length() == 3 ? ZoneOffset.UTC : offset(zone, 3);
        return OffsetDateTime.of(date, time, offset).toInstant();
    }

    /** {@code YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM|±HH]]}. */
    private static Instant parseIso(String s, ZoneId zone) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw new DateTimeException("not an ISO date");
        }
        LocalDate date = LocalDate.of(number(s.substring(0, 4), 4, 4), number(s.substring(5, 7), 2, 2),
                number(s.substring(8, 10), 2, 2));
        if (s.length() == 10) {
            // atStartOfDay, not atTime(MIDNIGHT): in zones that skip midnight it gives the first valid instant.
            return date.atStartOfDay(zone).toInstant();
        }
        char separator = s.charAt(10);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            throw new DateTimeException("expected T between date and time");
        }
        int timeEnd = 11;
        while (timeEnd < s.length() && "0123456789:.".indexOf(s.charAt(timeEnd)) >= 0) {
            timeEnd++;
        }
        LocalTime time = time(s, 11, timeEnd, false);
        int zoneStart = timeEnd;
        while (zoneStart < s.length() && s.charAt(zoneStart) == ' ') {
            zoneStart++;
        }
        if (zoneStart == s.length()) {
            // ZonedDateTime.of resolves wall-clock times the DST change makes odd: in a gap (02:30 on a
            // spring-forward night) the time moves forward by the length of the gap (03:30); in an overlap (02:30
            // on a fall-back night) the earlier offset wins, i.e. the first of the two 02:30s. That is what a
            // reader of the file most likely meant, and it never fails.
            return ZonedDateTime.of(date, time, zone).toInstant();
        }
        String suffix = s.substring(zoneStart);
        ZoneOffset offset = suffix.equalsIgnoreCase("Z") ? ZoneOffset.UTC : offset(suffix, 0);
        return OffsetDateTime.of(date, time, offset).toInstant();
    }

    /** {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.fraction} (up to nanoseconds). */
    private static LocalTime time(String s, int from, int to, boolean secondsRequired) {
        String text = s.substring(from, to);
        int length = text.length();
        if (length < 5 || text.charAt(2) != ':' || (secondsRequired && length < 8)) {
            throw new DateTimeException("expected HH:MM or HH:MM:SS");
        }
        int hour = number(text.substring(0, 2), 2, 2);
        int minute = number(text.substring(3, 5), 2, 2);
        if (length == 5) {
            return LocalTime.of(hour, minute);
        }
        if (length < 8 || text.charAt(5) != ':') {
            throw new DateTimeException("expected HH:MM:SS");
        }
        int second = number(text.substring(6, 8), 2, 2);
        int nano = 0;
        if (length > 8) {
            if (text.charAt(8) != '.' || length == 9 || length > 18) {
                throw new DateTimeException("expected .fraction after the seconds");
            }
            String fraction = (text.substring(9) + "00000000").substring(0, 9);
            nano = number(fraction, 9, 9);
        }
        return LocalTime.of(hour, minute, second, nano);
    }

    /** {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH}, starting at {@code from}. */
    private static ZoneOffset offset(String s, int from) {
        String text = s.substring(from);
        if (text.length() < 3 || (text.charAt(0) != '+' && text.charAt(0) != '-')) {
            throw new DateTimeException("expected an offset such as +02:00");
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String digits = text.length() == 6 && text.charAt(3) == ':' ? text.substring(1, 3) + text.substring(4)
                : text.substring(1);
        if (digits.length() != 2 && digits.length() != 4) {
            throw new DateTimeException("expected an offset such as +02:00");
        }
        int hours = number(digits.substring(0, 2), 2, 2);
        int minutes = digits.length() == 4 ? number(digits.substring(2), 2, 2) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** The text split at runs of spaces. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>(7);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || text.charAt(i) == ' ';
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /** A run of ASCII digits of the given length range. */
    private static int number(String text, int minDigits, int maxDigits) {
        if (text.length() < minDigits || text.length() > maxDigits) {
            throw new DateTimeException("wrong number of digits in " + text);
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a number: " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
