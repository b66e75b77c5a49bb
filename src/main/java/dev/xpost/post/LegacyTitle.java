package dev.xpost.post;

/**
 * The title of an old Hashnode backup without front matter: the first ATX heading of level 1 or 2
 * ({@code # Title} or {@code ## Title}) outside fenced code blocks, so that a {@code # comment} in a shell snippet
 * is never taken for one.
 *
 * @param text the heading text, closing {@code #}s removed
 * @param line its 1-based line
 */
record LegacyTitle(String text, int line) {

    /** The title heading, or null when the text has none. */
    static LegacyTitle find(String text) {
        char fenceChar = 0;
        int fenceLength = 0;
        int line = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            line++;
            String raw = text.substring(start, end);
            int indent = indent(raw);
            if (indent <= 3) {
                String rest = raw.substring(indent);
                int run = run(rest);
                if (run >= 3 && (rest.charAt(0) == '`' || rest.charAt(0) == '~')) {
                    if (fenceChar == 0) {
                        // A backtick fence's info string may not contain backticks (CommonMark 4.5).
                        if (rest.charAt(0) == '~' || rest.indexOf('`', run) < 0) {
                            fenceChar = rest.charAt(0);
                            fenceLength = run;
                        }
                    } else if (rest.charAt(0) == fenceChar && run >= fenceLength && rest.substring(run).isBlank()) {
                        fenceChar = 0;
                    }
                } else if (fenceChar == 0 && rest.startsWith("#")) {
                    String heading = heading(rest);
                    if (heading != null && !heading.isEmpty()) {
                        return new LegacyTitle(heading, line);
                    }
                }
            }
            start = end + 1;
        }
        return null;
    }

    /** Text of a level 1 or 2 ATX heading, or null when the line is not one. */
    private static String heading(String rest) {
        int level = 0;
        while (level < rest.length() && rest.charAt(level) == '#') {
            level++;
        }
        if (level > 2 || (level < rest.length() && rest.charAt(level) != ' ' && rest.charAt(level) != '\t')) {
            return null;
        }
        String content = rest.substring(level).strip();
        // A closing sequence is #s preceded by a space (or the whole content); "C#" keeps its #.
        int end = content.length();
        while (end > 0 && content.charAt(end - 1) == '#') {
            end--;
        }
        if (end == 0) {
            return "";
        }
        if (end < content.length() && (content.charAt(end - 1) == ' ' || content.charAt(end - 1) == '\t')) {
            content = content.substring(0, end).strip();
        }
        return content;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int run(String rest) {
        if (rest.isEmpty()) {
            return 0;
        }
        char c = rest.charAt(0);
        int i = 0;
        while (i < rest.length() && rest.charAt(i) == c) {
            i++;
        }
        return i;
    }
}
