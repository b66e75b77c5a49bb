package dev.xpost.post;

import java.nio.file.Path;

/**
 * One finding about one file, printed as {@code path:line: severity: message (rule)}.
 *
 * @param file the post file (as the user named it, relative to the working folder where possible)
 * @param line 1-based line in the file; 0 when the problem is about the whole file
 * @param rule a stable kebab-case id, so that users and tests can match on it
 */
public record Problem(Path file, int line, Severity severity, String rule, String message) {

    public static Problem error(Path file, int line, String rule, String message) {
        return new Problem(file, line, Severity.ERROR, rule, message);
    }

    public static Problem warning(Path file, int line, String rule, String message) {
        return new Problem(file, line, Severity.WARNING, rule, message);
    }

    /**
     * This problem as it counts for a draft: an error becomes a warning that says so, because a draft is never
     * sent and a half-written one must not block the posts that are due.
     */
    public Problem forDraft() {
        if (!isError()) {
            return this;
        }
        return new Problem(file, line, Severity.WARNING, rule, message + " (a draft: fix it before publishing)");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ": " + severity.label() + ": " + message + " (" + rule + ")";
    }
}
