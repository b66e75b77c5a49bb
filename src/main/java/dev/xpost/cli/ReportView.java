package dev.xpost.cli;

import dev.xpost.app.Outcome;
import dev.xpost.app.PlanAction;
import dev.xpost.app.PublishUseCase;
import dev.xpost.app.RunReport;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.Problem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** Renders a plan or a publish run as a table (text) or one JSON document, and asks {@link ExitCodes} for its exit code. */
final class ReportView {
    private ReportView() {
    }

    /** The exit code of a run (a plan's is the one its publish would have), as {@link ExitCodes#decide} picks it. */
    static int exitCode(RunReport r) {
        return ExitCodes.decide(ExitCodes.findings(r));
    }

    /** Prints the report as text or JSON (the output masks every known secret, whatever a platform echoed back). */
    static void print(RunReport report, boolean json, boolean verbose, Cli cli) {
        if (json) {
            cli.out().println(Json.pretty(json(report)));
        } else {
            text(report, cli.out(), cli.err(), cli.ansi(), verbose);
        }
        cli.out().flush();
    }

    /** The run's problems, failures and warnings as GitHub workflow commands. */
    static void github(RunReport report, Cli cli) {
        for (String line : cli.github().annotations(Json.MAPPER.valueToTree(json(report)))) {
            cli.out().println(line);
        }
        cli.out().flush();
    }

    /**
     * @param verbose also list the rows where nothing happens, by rule, on every run until something changes:
     *                unchanged and skipped (a post dated before LinkedIn's cutoff, a platform the post leaves
     *                out). A cron job on a blog of hundreds of posts would otherwise log hundreds of lines that say
     *                nothing happened (the counts say it), and a moved-in blog one skipped LinkedIn row per old
     *                post on every run. The same in a plan and a dry run as in a real run, so that the three show
     *                the same rows for the same state; a plan of 50,000 posts no longer prints 50,000 lines to
     *                say there is nothing to do. Drafts, ignored files, gone posts and every other row are listed.
     */
    static void text(RunReport r, PrintWriter console, PrintWriter err, Ansi ansi, boolean verbose) {
        // Flushed once, before the warnings, not at each line as the console's own println does: a plan of 10,000
        // posts made 10,000 writes to the terminal. Every line is still masked (the console's writer masks).
        PrintWriter out = new PrintWriter(console, false);
        String title = switch (r.mode()) {
            case PLAN -> "Plan for ";
            case DRY_RUN -> "Dry run (nothing is sent) for ";
            case LIVE -> "Publish run at ";
        };
        out.println(title + Output.when(r.now(), r.zone()) + (r.platforms().isEmpty() ? " (no platform configured)"
                : " on " + String.join(", ", r.platforms())));
        List<String> counts = new ArrayList<>();
        if (r.mode() == PublishUseCase.Mode.LIVE) {
            r.resultCounts().forEach((k, n) -> counts.add(n + " " + k.label()));
        } else {
            r.actionCounts().forEach((k, n) -> counts.add(n + " " + k.label()));
        }
        out.println(counts.isEmpty() ? "Nothing to do: no posts found." : String.join(", ", counts));
        if (!r.outcomes().isEmpty()) {
            out.println();
        }
        List<Outcome> listed = verbose ? r.outcomes() : r.outcomes().stream().filter(o -> quiet(o) == null).toList();
        // How many of each were left out, in the order the counts line names them.
        Map<String, Integer> folded = new LinkedHashMap<>();
        folded.put("unchanged", 0);
        folded.put("skipped", 0);
        if (!verbose) {
            r.outcomes().forEach(o -> {
                String label = quiet(o);
                if (label != null) {
                    folded.merge(label, 1, Integer::sum);
                }
            });
        }
        folded.values().removeIf(n -> n == 0);
        // As wide as the longest slug, as status sizes it: a long slug no longer pushes its own detail out of line.
        int width = listed.stream().mapToInt(o -> name(o).length()).max().orElse(4);
        // A platform that could not be asked fails every row with one long message: said in full on its first row
        // only (500 posts gave 500 copies); --verbose and --json give it on every row.
        Map<String, String> failuresSaid = new HashMap<>();
        for (Outcome o : listed) {
            String label = o.result() != null ? o.result().label() : o.action().label();
            String detail;
            if (o.when() != null) {
                detail = Output.when(o.when(), r.zone());
            } else if (o.message() != null) {
                detail = Terminal.clean(o.message());
                if (!verbose && o.failure() != null && o.platform() != null) {
                    String first = failuresSaid.putIfAbsent(o.platform() + "\n" + detail, name(o));
                    if (first != null) {
                        detail = "the same as " + first + " above";
                    }
                }
            } else {
                detail = o.url() == null ? "" : o.url();
            }
            String colour = o.result() == Outcome.Result.FAILED || o.result() == Outcome.Result.UNKNOWN
                    ? "@|bold,red " : o.result() == Outcome.Result.CREATED || o.result() == Outcome.Result.UPDATED
                    ? "@|green " : null;
            String shown = padded(label, 10);
            if (colour != null) {
                shown = ansi.string(colour + shown + "|@");
            }
            // As String.format("  %s %-9s %-<width>s  %s") did, without parsing that format again for each row.
            out.println(("  " + shown + " " + padded(o.platform() == null ? "-" : o.platform(), 9) + " "
                    + padded(name(o), width) + "  " + detail)
                    .stripTrailing());
            for (WireRequest w : o.requests()) {
                out.println("      " + w.operation() + ": " + w.method() + " " + w.url());
                for (String line : Json.pretty(w.body()).split("\n")) {
                    out.println("        " + line);
                }
            }
        }
        if (!folded.isEmpty()) {
            List<String> parts = new ArrayList<>();
            folded.forEach((label, n) -> parts.add(n + " " + label));
            out.println("  (" + String.join(", ", parts) + " not listed; --verbose lists them)");
        }
        if (r.invalid()) {
            out.println();
            for (Problem p : r.problems()) {
                if (p.isError()) {
                    out.println(Output.problem(p, ansi));
                }
            }
            long invalid = r.outcomes().stream().filter(o -> o.action() == PlanAction.INVALID).count();
            out.println(Output.plural(invalid, "invalid post") + (r.mode() == PublishUseCase.Mode.LIVE ? " not sent"
                    : " would not be sent") + ", nor what depends on " + (invalid == 1 ? "it" : "them")
                    + " (later parts of its series, its LinkedIn post); every other due post "
                    + (r.mode() == PublishUseCase.Mode.LIVE ? "went out" : "would go out")
                    + ". xpost validate shows every problem.");
        }
        out.flush();
        for (String w : r.warnings()) {
            err.println(ansi.string("@|yellow warning:|@ ") + Terminal.clean(w));
        }
    }

    /**
     * For a row only counted unless {@code --verbose} (unchanged or skipped: by its outcome in a real run, by its
     * action in a plan or a dry run, which have none), its word; null for a row that is listed.
     */
    private static String quiet(Outcome o) {
        if (o.result() != null) {
            return o.result() == Outcome.Result.UNCHANGED ? "unchanged"
                    : o.result() == Outcome.Result.SKIPPED ? "skipped" : null;
        }
        return o.action() == PlanAction.UNCHANGED ? "unchanged" : o.action() == PlanAction.SKIPPED ? "skipped" : null;
    }

    /** A row's post: its slug, or the file's path when it has none; without escape sequences (a file's name). */
    private static String name(Outcome o) {
        return Terminal.clean(o.slug() == null ? o.file().toString() : o.slug());
    }

    /** {@code text} and spaces up to {@code width} chars, as {@code %-<width>s} formats it. */
    private static String padded(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    static Map<String, Object> json(RunReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        doc.put("now", r.now().toString());
        doc.put("timezone", r.zone().getId());
        doc.put("platforms", r.platforms());
        // A real run counts what happened; a plan or dry run what would.
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (r.mode() == PublishUseCase.Mode.LIVE) {
            r.resultCounts().forEach((k, n) -> counts.put(k.label(), n));
        } else {
            r.actionCounts().forEach((k, n) -> counts.put(k.label(), n));
        }
        doc.put("counts", counts);
        List<Map<String, Object>> actions = new ArrayList<>();
        for (Outcome o : r.outcomes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("post", o.slug());
            m.put("file", o.file() == null ? null : o.file().toString());
            m.put("platform", o.platform());
            m.put("action", o.action().label());
            m.put("outcome", o.result() == null ? null : o.result().label());
            m.put("id", o.id());
            m.put("url", o.url());
            m.put("when", o.when() == null ? null : o.when().toString());
            m.put("message", o.message());
            // On a dry run every item has its requests, an empty list where nothing would be sent ("every key is
            // always there", README: JSON output); a plan and a real run have none to show.
            if (r.mode() == PublishUseCase.Mode.DRY_RUN || !o.requests().isEmpty()) {
                List<Map<String, Object>> reqs = new ArrayList<>();
                for (WireRequest w : o.requests()) {
                    Map<String, Object> q = new LinkedHashMap<>();
                    q.put("operation", w.operation());
                    q.put("method", w.method());
                    q.put("url", w.url());
                    q.put("body", w.body());
                    reqs.add(q);
                }
                m.put("requests", reqs);
            }
            actions.add(m);
        }
        doc.put("actions", actions);
        doc.put("warnings", r.warnings());
        if (r.invalid()) {
            List<Map<String, Object>> problems = new ArrayList<>();
            for (Problem p : r.problems()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", p.file().toString());
                m.put("line", Math.max(1, p.line()));
                m.put("severity", p.severity().label());
                m.put("rule", p.rule());
                m.put("message", p.message());
                problems.add(m);
            }
            doc.put("problems", problems);
        }
        return doc;
    }
}
