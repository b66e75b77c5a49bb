package dev.xpost.post;

/**
 * Where the front matter block is in a file's text: an opening {@code ---} on line 1 and the next line that is
 * exactly {@code ---} (trailing spaces allowed). The text must already have {@code \n} line endings and no BOM.
 *
 * @param kind        whether a block was found, and whether it was closed
 * @param block       the text between the two {@code ---} lines (empty string when there is none)
 * @param firstLine   file line of the block's first line (always 2)
 * @param body        everything after the closing {@code ---} line; the whole text when there is no front matter
 * @param bodyLine    file line where the body starts
 */
record FrontMatter(Kind kind, String block, int firstLine, String body, int bodyLine) {

    enum Kind { NONE, UNCLOSED, PRESENT }

    static FrontMatter split(String text) {
        int firstEnd = text.indexOf('\n');
        if (!isFence(text, 0, firstEnd < 0 ? text.length() : firstEnd)) {
            return new FrontMatter(Kind.NONE, "", 2, text, 1);
        }
        if (firstEnd < 0) {
            return new FrontMatter(Kind.UNCLOSED, "", 2, "", 1);
        }
        int lineStart = firstEnd + 1;
        int line = 2;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            if (isFence(text, lineStart, end)) {
                String block = text.substring(firstEnd + 1, lineStart);
                String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
                return new FrontMatter(Kind.PRESENT, block, 2, body, line + 1);
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
            line++;
        }
        return new FrontMatter(Kind.UNCLOSED, "", 2, "", 1);
    }

    /** True when {@code text} from {@code start} to {@code end} is a fence line (no line is cut out to ask). */
    private static boolean isFence(String text, int start, int end) {
        if (end - start < 3 || !text.startsWith("---", start)) {
            return false;
        }
        for (int i = start + 3; i < end; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }
}
