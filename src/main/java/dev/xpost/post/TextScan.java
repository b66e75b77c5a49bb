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

    /**
     * False when UTF-8 {@code content} cannot hold a control character ({@link #isControl}), so that the
     * character scans need not run: no byte below 0x20 but tab, line feed and carriage return (carriage returns
     * become line feeds), no DEL, no C1 control (0xC2 then 0x80-0x9F) and no U+FFFE or U+FFFF (0xEF 0xBF 0xBE or
     * 0xBF). True means "maybe" (then the exact scans decide). Eight bytes at a time, since xpost runs under the C1
     * compiler, which does not vectorise a byte loop, and nearly every body of a blog takes this way out.
     */
    static boolean mayHoldControls(byte[] content) {
        return mayHoldControls(content, content.length);
    }

    /**
     * As {@link #mayHoldControls(byte[])} for the first {@code n} bytes (a front matter read alone): a character
     * that starts before {@code n} is looked at whole.
     */
    static boolean mayHoldControls(byte[] content, int n) {
        int i = 0;
        for (int words = n - 7; i < words; i += 8) {
            long w = (long) LONGS.get(content, i);
            // Some byte below 0x20 (every word holding a line feed or a tab: cheap to look closer), or a DEL, 0xC2
            // or 0xEF byte: each a lead the byte check below decides on.
            if (((w - BELOW_SPACE) & ~w & HIGH_BITS) != 0 || hasZero(w ^ DELS) || hasZero(w ^ C2S)
                    || hasZero(w ^ EFS)) {
                for (int j = i; j < i + 8; j++) {
                    if (controlAt(content, j)) {
                        return true;
                    }
                }
            }
        }
        for (; i < n; i++) {
            if (controlAt(content, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean controlAt(byte[] b, int i) {
        int c = b[i] & 0xFF;
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (c == 0x7F) {
            return true;
        }
        if (c == 0xC2) {
            // Past the end: not valid UTF-8, which the decoding reports; say maybe.
            return i + 1 >= b.length || (b[i + 1] & 0xFF) >= 0x80 && (b[i + 1] & 0xFF) <= 0x9F;
        }
        if (c == 0xEF) {
            return i + 2 >= b.length || (b[i + 1] & 0xFF) == 0xBF && ((b[i + 2] & 0xFF) == 0xBE
                    || (b[i + 2] & 0xFF) == 0xBF);
        }
        return false;
    }

    private static boolean hasZero(long x) {
        return ((x - ONES) & ~x & HIGH_BITS) != 0;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long BELOW_SPACE = ONES * 0x20;
    private static final long DELS = ONES * 0x7F;
    private static final long C2S = ONES * 0xC2;
    private static final long EFS = ONES * 0xEF;

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
        // Line by line, as if each were stripped: the first character that is not whitespace decides. No line is
        // cut out of the block (every post's front matter passes here; the first key line ends the scan).
        int length = block.length();
        boolean lineStart = true;
        for (int i = 0; i < length; ) {
            int c = block.codePointAt(i);
            if (c == '\n') {
                lineStart = true;
            } else if (lineStart && !Character.isWhitespace(c)) {
                if (c != '#') {
                    return false;
                }
                lineStart = false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
