package dev.xpost.post;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
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

    /** "Dec 16 2023 21:36:40 GMT+0000" (the weekday is stripped first; see {@link #parseJavaScript}). */
    private static final DateTimeFormatter JAVASCRIPT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMM d uuuu HH:mm:ss")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendLiteral("GMT")
            .optionalStart().appendOffset("+HH:MM", "+00:00").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "+0000").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

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

    /** True when the text is in JavaScript's {@code Date.toString()} form, the mark of a Hashnode backup. */
    static boolean isJavaScript(String text) {
        if (text == null || text.isBlank() || !Character.isLetter(text.strip().charAt(0))) {
            return false;
        }
        try {
            parseJavaScript(text.strip());
            return true;
        } catch (DateTimeException e) {
            return false;
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

    private static Instant parseJavaScript(String s) {
        String rest = s;
        // The zone name in parentheses is for humans and varies by browser locale; only the offset counts.
        int paren = rest.indexOf('(');
        if (paren > 0 && rest.endsWith(")")) {
            rest = rest.substring(0, paren).strip();
        }
        int space = rest.indexOf(' ');
        if (space > 0 && WEEKDAYS.contains(rest.substring(0, space).toLowerCase(Locale.ROOT))) {
            // Checked loosely on purpose: a hand-edited date with the wrong weekday still names one instant.
            rest = rest.substring(space + 1).strip();
        }
        return OffsetDateTime.parse(rest, JAVASCRIPT).toInstant();
    }

    private static Instant parseIso(String s, ZoneId zone) {
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11).strip() : s;
        if (iso.length() == 10) {
            // atStartOfDay, not atTime(MIDNIGHT): in zones that skip midnight it gives the first valid instant.
            return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
        }
        TemporalAccessor parsed = ISO.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime offsetDateTime) {
            return offsetDateTime.toInstant();
        }
        // ZonedDateTime.of resolves wall-clock times the DST change makes odd: in a gap (02:30 on a spring-forward
        // night) the time moves forward by the length of the gap (03:30); in an overlap (02:30 on a fall-back
        // night) the earlier offset wins, i.e. the first of the two 02:30s. That is what a reader of the file
        // most likely meant, and it never fails.
        return ZonedDateTime.of((LocalDateTime) parsed, zone).toInstant();
    }
}
