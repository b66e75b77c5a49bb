package dev.xpost.post;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds unquoted front-matter values that YAML cuts at a comment: in {@code title: Lessons from PR #42} everything
 * from {@code " #"} on is a comment, so the title reads {@code Lessons from PR}, silently. Each such value is a
 * warning naming the line, what was cut, and the quoted form that keeps it.
 */
final class CommentCut {
    /** A top-level {@code key: value} line or a list item {@code - value}, capturing the value as written. */
    private static final Pattern LINE = Pattern.compile("^(?:([A-Za-z_][\\w.-]*)\\s*:|\\s*-)\\s+(\\S.*)$");

    private CommentCut() {
    }

    /**
     * @param block     the front matter text between the {@code ---} lines
     * @param firstLine the file line of the block's first line
     */
    static void check(Path file, String block, int firstLine, List<Problem> out) {
        // Nothing is cut without a `#`: most front matter has none, and then no line is split out or matched.
        if (block.indexOf('#') < 0) {
            return;
        }
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            String value = m.group(2);
            char first = value.charAt(0);
            // Quoted, block and flow values follow other rules; a value that is only a comment is an empty value.
            if (first == '"' || first == '\'' || first == '|' || first == '>' || first == '[' || first == '{'
                    || first == '#') {
                continue;
            }
            int cut = value.indexOf(" #");
            int tab = value.indexOf("\t#");
            if (cut < 0 || (tab >= 0 && tab < cut)) {
                cut = tab;
            }
            if (cut < 0) {
                continue;
            }
            String kept = value.substring(0, cut).strip();
            String lost = value.substring(cut).strip();
            String key = m.group(1);
            String whole = value.strip();
            String fix = "if it belongs to the value, quote it: " + (key == null ? "- " : key + ": ") + "\""
                    + whole.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            if ("tags".equals(key)) {
                // A hashtag-style list means more tags, not one tag with a # in it.
                fix = "if those are more tags, list them: tags: "
                        + String.join(", ", whole.replace("#", " ").strip().split("[\\s,]+"));
            }
            out.add(Problem.warning(file, firstLine + i, "comment-cut", (key == null ? "a list entry" : "`" + key
                    + "`") + " is read as \"" + kept + "\": YAML takes `" + lost + "` for a comment; " + fix));
        }
    }
}
