package dev.xpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GitHub Action's report of one xpost run ({@code action/run.sh} calls it after
 * {@code xpost COMMAND --json > FILE}): workflow annotations and a short listing on stdout, the step outputs
 * appended to {@code $GITHUB_OUTPUT}, and a Markdown job summary appended to {@code $GITHUB_STEP_SUMMARY}.
 * In Java rather than in jq so that it is the same renderer as {@code --format github}, tested in JUnit, and
 * needs nothing on the runner but the JVM that runs xpost.
 *
 * <p>Usage: {@code java -cp xpost.jar dev.xpost.cli.ActionReport COMMAND EXIT_CODE JSON_FILE}. Always exits 0 when
 * it could write its files: the job's exit code is xpost's, set by the action's last step.
 */
public final class ActionReport {
    /** Rows in the summary table at most: GitHub refuses a step summary over 1 MiB. */
    static final int MAX_ROWS = 300;
    /** The outputs the action declares; each is written, 0 when nothing had that outcome. */
    static final List<String> COUNTS = List.of("created", "updated", "adopted", "held", "failed", "unknown",
            "scheduled", "unchanged");
    /** What a person should see listed: the rest (unchanged, skipped, draft, ignored) is only counted. */
    private static final Set<String> LISTED = Set.of("created", "updated", "adopted", "held", "failed", "unknown",
            "scheduled", "invalid");

    private ActionReport() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        if (args.length != 3) {
            System.err.println("usage: ActionReport COMMAND EXIT_CODE JSON_FILE");
            System.exit(ExitCodes.USAGE);
        }
        int code = run(args[0], Integer.parseInt(args[1]), Path.of(args[2]), System.getenv(), Path.of(""), out);
        out.flush();
        System.exit(code);
    }

    /**
     * @param json the file xpost's {@code --json} output went to; empty or not JSON when xpost failed before it
     *             had a result (a usage or config error): the summary then says to read the log
     * @return 0, or 2 when an output file could not be written
     */
    static int run(String command, int exitCode, Path json, Map<String, String> env, Path cwd, PrintWriter out) {
        JsonNode doc = null;
        try {
            doc = Files.isRegularFile(json) ? Json.parseOrNull(Files.readString(json, StandardCharsets.UTF_8))
                    : null;
        } catch (IOException e) {
            out.println("::warning title=xpost::cannot read " + GithubCommands.escapeData(json.toString()));
        }
        if (doc != null && !doc.isObject()) {
            doc = null;
        }
        GithubCommands github = new GithubCommands(cwd, env.get("GITHUB_WORKSPACE"));
        if (doc != null) {
            github.annotations(doc).forEach(out::println);
        }
        Map<String, String> outputs = outputs(doc, json);
        String summary = summary(command, exitCode, doc, github);
        out.println(headline(command, exitCode, doc));
        try {
            append(env.get("GITHUB_OUTPUT"), outputLines(outputs));
            append(env.get("GITHUB_STEP_SUMMARY"), summary);
        } catch (UncheckedIOException e) {
            out.println("::error title=xpost::" + GithubCommands.escapeData(e.getCause().getMessage()));
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    /**
     * json, the counts of {@link #COUNTS}, and errors/warnings of validation; {@code exit-code} is written by
     * run.sh itself, so that it is there even when this report fails.
     */
    static Map<String, String> outputs(JsonNode doc, Path json) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("json", json.toAbsolutePath().toString());
        Map<String, Integer> counts = counts(doc);
        for (String c : COUNTS) {
            o.put(c, Integer.toString(counts.getOrDefault(c, 0)));
        }
        int errors = 0;
        int warnings = 0;
        if (doc != null) {
            for (JsonNode p : doc.path("problems")) {
                if ("error".equals(p.path("severity").asText())) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        o.put("errors", Integer.toString(errors));
        o.put("warnings", Integer.toString(warnings));
        return o;
    }

    /**
     * Per outcome of a publish; for a plan or dry run, what would happen (create counts as created, update as
     * updated, adopt as adopted), so that the same outputs answer "would this run post anything?".
     */
    static Map<String, Integer> counts(JsonNode doc) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (doc != null) {
            for (JsonNode a : doc.path("actions")) {
                counts.merge(label(a), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String label(JsonNode action) {
        String outcome = action.path("outcome").asText("");
        if (!outcome.isEmpty()) {
            return outcome;
        }
        String planned = action.path("action").asText("");
        return switch (planned) {
            case "create" -> "created";
            case "update" -> "updated";
            case "adopt" -> "adopted";
            default -> planned;
        };
    }

    static String headline(String command, int exitCode, JsonNode doc) {
        String what = exitCode == 0 ? "" : " (" + ExitCodes.NAMES.getOrDefault(Integer.toString(exitCode),
                "see the log") + ")";
        return "xpost " + command + ": exit " + exitCode + what + (doc == null ? "" : ": " + countsLine(doc,
                command.equals("plan")));
    }

    /** @param planned a plan's document: counted in its own words ("2 create"), nothing has happened yet */
    private static String countsLine(JsonNode doc, boolean planned) {
        if (doc.path("posts").isArray()) {
            Map<String, Integer> states = new LinkedHashMap<>();
            doc.path("posts").forEach(p -> states.merge(p.path("state").asText("?"), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            states.forEach((k, n) -> parts.add(n + " " + k));
            return parts.isEmpty() ? "no posts" : String.join(", ", parts);
        }
        if (doc.has("actions")) {
            List<String> parts = new ArrayList<>();
            Map<String, Integer> counts = counts(doc);
            if (planned) {
                counts = new LinkedHashMap<>();
                for (JsonNode a : doc.path("actions")) {
                    counts.merge(a.path("action").asText("?"), 1, Integer::sum);
                }
            }
            counts.forEach((k, n) -> parts.add(n + " " + k));
            return parts.isEmpty() ? "nothing to do" : String.join(", ", parts);
        }
        return Output.plural(doc.path("posts").asInt(), "post") + " checked, "
                + Output.plural(doc.path("errors").asInt(), "error") + ", "
                + Output.plural(doc.path("warnings").asInt(), "warning");
    }

    /** The job summary: a headline, then a table of what happened to each post (or of each problem). */
    static String summary(String command, int exitCode, JsonNode doc, GithubCommands github) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(cell(headline(command, exitCode, doc))).append("\n\n");
        if (doc == null) {
            md.append("xpost gave no result document; the step's log says why.\n\n");
            return md.toString();
        }
        List<String> rows = new ArrayList<>();
        if (doc.path("posts").isArray()) {
            // status: what is not simply in sync (or a draft) is what a person may want to look at.
            for (JsonNode p : doc.path("posts")) {
                String state = p.path("state").asText("");
                if (state.equals("in sync") || state.equals("draft")) {
                    continue;
                }
                String detail = p.path("message").asText("");
                rows.add(row(p.path("post").asText(p.path("file").asText("?")), p.path("url").asText(""),
                        p.path("platform").asText("-"), state, detail.isEmpty() ? p.path("when").asText("") : detail));
            }
            if (!rows.isEmpty()) {
                md.append("| post | platform | state | details |\n|---|---|---|---|\n");
            }
        }
        if (doc.has("actions")) {
            for (JsonNode a : doc.path("actions")) {
                String label = label(a);
                if (!LISTED.contains(label)) {
                    continue;
                }
                if (command.equals("plan")) {
                    label = "would " + a.path("action").asText(label);
                }
                String url = a.path("url").asText("");
                String post = a.path("post").asText(a.path("file").asText("?"));
                String detail = a.path("message").asText("");
                if (detail.isEmpty() && a.hasNonNull("when")) {
                    detail = a.path("when").asText();
                }
                rows.add(row(post, url, a.path("platform").asText("-"), label, detail));
            }
            if (!rows.isEmpty()) {
                md.append("| post | platform | outcome | details |\n|---|---|---|---|\n");
            }
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode p : doc.path("problems")) {
            problems.add("| `" + cell(github.where(p.path("file").asText("?")) + ":" + p.path("line").asInt(1))
                    + "` | " + cell(p.path("severity").asText()) + " | " + cell(p.path("rule").asText()) + " | "
                    + cell(p.path("message").asText()) + " |");
        }
        appendRows(md, rows);
        if (!problems.isEmpty()) {
            md.append(rows.isEmpty() ? "" : "\n").append("| where | severity | rule | problem |\n|---|---|---|---|\n");
            appendRows(md, problems);
        }
        for (JsonNode w : doc.path("warnings")) {
            md.append("\n> **warning:** ").append(cell(w.asText())).append('\n');
        }
        return md.append('\n').toString();
    }

    private static String row(String post, String url, String platform, String label, String detail) {
        return "| " + (url.isEmpty() ? "`" + cell(post) + "`" : "[" + cell(post) + "](" + url + ")") + " | "
                + cell(platform) + " | " + cell(label) + " | " + cell(detail) + " |";
    }

    private static void appendRows(StringBuilder md, List<String> rows) {
        rows.stream().limit(MAX_ROWS).forEach(r -> md.append(r).append('\n'));
        if (rows.size() > MAX_ROWS) {
            md.append("\n… and ").append(rows.size() - MAX_ROWS).append(" more rows (see the `json` output).\n");
        }
    }

    /** A Markdown table cell: one line, pipes escaped. */
    static String cell(String s) {
        return s.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }

    private static String outputLines(Map<String, String> outputs) {
        StringBuilder b = new StringBuilder();
        outputs.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    /** Appends to a file GitHub gave through the environment; outside GitHub (unset) there is nothing to do. */
    private static void append(String file, String text) {
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
