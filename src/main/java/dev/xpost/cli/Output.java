package dev.xpost.cli;

import dev.xpost.post.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/** Small text-rendering helpers shared by the commands. */
final class Output {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Output() {
    }

    /** {@code path:line: severity: message (rule)}, the format editors and CI annotations understand. */
    static String problem(Problem p, Ansi ansi) {
        String sev = p.isError() ? "@|bold,red error|@" : "@|yellow warning|@";
        return p.file() + ":" + Math.max(p.line(), 1) + ": " + ansi.string(sev) + ": " + p.message() + " ("
                + p.rule() + ")";
    }

    /** A time in the configured zone, with UTC beside it when that differs. */
    static String when(Instant t, ZoneId zone) {
        String local = WHEN.format(t.atZone(zone)) + " " + zone.getId();
        if (zone.getRules().getOffset(t).equals(ZoneOffset.UTC)) {
            return local.endsWith(" UTC") || local.endsWith(" Z") ? local : local + " (UTC)";
        }
        return local + " (" + WHEN.format(t.atZone(ZoneOffset.UTC)) + " UTC)";
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
