package dev.xpost.post;

import java.nio.file.Path;
import java.util.List;

/** Character-level checks done in one pass over the text, without regular expressions (they run on every body). */
final class TextScan {
    /** Enough to point at the problem; a file full of them needs one fix, not a thousand warnings. */
    static final int MAX_REPORTED = 10;

    private TextScan() {
    }

    /**
     * True for the characters YAML refuses and Markdown never needs: C0 and C1 controls other than tab and line
     * feed (carriage returns are gone by now), DEL, and the non-characters U+FFFE and U+FFFF.
     */
    static boolean isControl(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n';
        }
        return (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF';
    }

    static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * Removes control characters from front matter text, one warning per character (up to a limit).
     *
     * @return the text without them (the same instance when there were none)
     */
    static String removeControls(String text, int firstLine, Path file, List<Problem> problems) {
        StringBuilder cleaned = null;
        int line = firstLine;
        int found = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (isControl(c)) {
                if (cleaned == null) {
                    cleaned = new StringBuilder(text.length()).append(text, 0, i);
                }
                found++;
                if (found <= MAX_REPORTED) {
                    problems.add(Problem.warning(file, line, "control-character",
                            codePoint(c) + " on line " + line + " removed (an invisible control character, "
                                    + "usually pasted by accident)"));
                }
                continue;
            }
            if (cleaned != null) {
                cleaned.append(c);
            }
        }
        reportRest(found, "in the front matter were removed", firstLine, file, problems);
        return cleaned == null ? text : cleaned.toString();
    }

    /** Warns about control characters in the body, which is kept as written. */
    static void reportControls(String body, int firstLine, Path file, List<Problem> problems) {
        int line = firstLine;
        int found = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                line++;
            } else if (isControl(c)) {
                found++;
                if (found <= MAX_REPORTED) {
                    problems.add(Problem.warning(file, line, "control-character",
                            codePoint(c) + " on line " + line + " in the body (kept; it is invisible and usually "
                                    + "pasted by accident, remove it unless you meant it)"));
                }
            }
        }
        reportRest(found, "in the body were kept", firstLine, file, problems);
    }

    private static void reportRest(int found, String what, int line, Path file, List<Problem> problems) {
        if (found > MAX_REPORTED) {
            problems.add(Problem.warning(file, line, "control-character",
                    (found - MAX_REPORTED) + " more control characters " + what));
        }
    }

    /** True when the text holds nothing but whitespace. */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when the front matter holds no YAML: only blank lines and comments. */
    static boolean hasNoKeys(String block) {
        for (String line : block.split("\n", -1)) {
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return false;
            }
        }
        return true;
    }
}
