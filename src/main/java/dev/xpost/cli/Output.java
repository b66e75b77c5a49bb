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
        // A file name or a quoted value may hold control characters (an ESC in a name): never sent to the terminal.
        return Terminal.clean(p.file().toString()).replace('\n', ' ') + ":" + Math.max(p.line(), 1) + ": "
                + ansi.string(sev) + ": " + Terminal.clean(p.message()).replace('\n', ' ') + " (" + p.rule() + ")";
    }

    /** A time in the configured zone, with UTC beside it when that differs. */
    static String when(Instant t, ZoneId zone) {
        String local = WHEN.format(t.atZone(zone)) + " " + zone.getId();
        if (zone.getRules().getOffset(t).equals(ZoneOffset.UTC)) {
            return local.endsWith(" UTC") || local.endsWith(" Z") ? local : local + " (UTC)";
        }
        return local + " (" + WHEN.format(t.atZone(ZoneOffset.UTC)) + " UTC)";
    }

    /**
     * The start of every JSON item about a post on a platform, in {@code plan}, {@code publish}, {@code status},
     * {@code preview} and {@code state show}: {@code post} (slug), {@code file}, {@code platform}, in that order and
     * with those names (README: JSON output). Null values are kept, so every item has the same keys.
     */
    static java.util.Map<String, Object> item(String post, Object file, String platform) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("post", post);
        m.put("file", file == null ? null : file.toString());
        m.put("platform", platform);
        return m;
    }

    /** One request of a preview, with the keys of a dry run's {@code requests}: operation, method, url, body. */
    static java.util.Map<String, Object> request(dev.xpost.platform.WireRequest w) {
        java.util.Map<String, Object> q = new java.util.LinkedHashMap<>();
        q.put("operation", w.operation());
        q.put("method", w.method());
        q.put("url", w.url());
        q.put("body", w.body());
        return q;
    }

    /** Prints one JSON document on stdout, secrets masked. */
    static void json(Cli cli, Object doc) {
        cli.out().println(Json.pretty(doc));
        cli.out().flush();
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
