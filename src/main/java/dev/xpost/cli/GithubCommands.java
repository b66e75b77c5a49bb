package dev.xpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,title=…::message}) made from the JSON document of
 * {@code validate}, {@code plan} or {@code publish}, so that a workflow marks the offending lines of a pull request
 * and the run's page lists what failed. One renderer for {@code --format github} and for the action's report
 * ({@link ActionReport}), both working from the same documents {@code --json} prints.
 *
 * <p>Escaping follows GitHub's workflow command rules (actions/toolkit {@code command.ts}): in the message,
 * {@code %}, CR and LF become {@code %25}, {@code %0D}, {@code %0A}; in a property value also {@code :} and
 * {@code ,} become {@code %3A} and {@code %2C}. A post's text can therefore never start a command of its own.
 */
final class GithubCommands {
    /** Outcomes of a run that a person has to look at: they become {@code ::error::} annotations. */
    private static final Set<String> FAILED = Set.of("failed", "unknown");

    private final Path cwd;
    private final Path workspace;

    /**
     * @param cwd       the folder xpost ran in; the documents' file paths are relative to it
     * @param workspace {@code GITHUB_WORKSPACE} (the repository root, which annotation paths are relative to), or
     *                  null outside GitHub: paths are then given as xpost printed them
     */
    GithubCommands(Path cwd, String workspace) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.workspace = workspace == null || workspace.isBlank() ? null
                : Path.of(workspace).toAbsolutePath().normalize();
    }

    /** {@code %}, CR and LF escaped, as GitHub reads a command's message. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: {@link #escapeData} plus {@code :} and {@code ,}. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * One workflow command line.
     *
     * @param level {@code error}, {@code warning} or {@code notice}
     * @param file  repository-relative path, or null for an annotation of the whole run
     * @param line  1-based line, or 0 for none
     * @param title the annotation's title (a rule id such as {@code invalid-slug}), or null
     */
    static String command(String level, String file, int line, String title, String message) {
        List<String> props = new ArrayList<>();
        if (file != null) {
            props.add("file=" + escapeProperty(file));
        }
        if (file != null && line > 0) {
            props.add("line=" + line);
        }
        if (title != null) {
            props.add("title=" + escapeProperty(title));
        }
        return "::" + level + (props.isEmpty() ? "" : " " + String.join(",", props)) + "::" + escapeData(message);
    }

    /**
     * The annotations of one document: every validation problem at its file and line (severity as level, rule as
     * title), every failed or unknown outcome of a run and every invalid post of a plan at its post's file (a plan
     * knows no line: validate gives it), and every run warning (a LinkedIn
     * token with under 7 days left, a LinkedIn version about to retire) as {@code ::warning::}.
     *
     * @param doc the JSON of {@code validate --json} ({@code problems}) or of {@code plan/publish --json}
     *            ({@code actions}, {@code warnings}, and {@code problems} when invalid posts stopped the run)
     */
    List<String> annotations(JsonNode doc) {
        List<String> lines = new ArrayList<>();
        for (JsonNode p : doc.path("problems")) {
            String level = "error".equals(p.path("severity").asText()) ? "error" : "warning";
            lines.add(command(level, where(p.path("file").asText(null)), p.path("line").asInt(0),
                    p.path("rule").asText(null), p.path("message").asText("")));
        }
        boolean problems = doc.path("problems").size() > 0;
        for (JsonNode a : doc.path("actions")) {
            String outcome = a.path("outcome").asText("");
            if (!problems && "invalid".equals(a.path("action").asText())) {
                // A plan lists an invalid post without its line; validate gives the line.
                lines.add(command("error", where(a.path("file").asText(null)), 0, "xpost: invalid",
                        a.path("message").asText("invalid")));
            } else if (FAILED.contains(outcome)) {
                String post = a.path("post").asText(a.path("file").asText("?"));
                lines.add(command("error", where(a.path("file").asText(null)), 0,
                        "xpost: " + outcome + " on " + a.path("platform").asText("?"),
                        post + ": " + a.path("message").asText(outcome)));
            }
        }
        for (JsonNode w : doc.path("warnings")) {
            lines.add(command("warning", null, 0, "xpost", w.asText()));
        }
        return lines;
    }

    /** A document's file path made relative to the repository root, with forward slashes. */
    String where(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        Path p = cwd.resolve(file).normalize();
        Path rel = workspace != null && p.startsWith(workspace) ? workspace.relativize(p)
                : workspace == null ? Path.of(file) : p;
        return rel.toString().replace('\\', '/');
    }
}
