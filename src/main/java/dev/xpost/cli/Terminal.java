package dev.xpost.cli;

import java.util.regex.Pattern;

/**
 * Text from elsewhere (a platform's error body, an OAuth {@code error_description}, a message kept in the state
 * file) made safe to print: a server must not be able to move the cursor, recolour or clear the terminal, retitle
 * the window or hide text with a carriage return.
 */
final class Terminal {
    /**
     * ANSI escape sequences, whole: CSI ({@code ESC [ … final}, or its C1 form), OSC ({@code ESC ] … BEL or ESC \}),
     * and the others ({@code ESC c}, {@code ESC ( B}).
     */
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]"
            + "|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u001B[ -/]*[0-~]|\u009B[0-?]*[ -/]*[@-~]");

    private Terminal() {
    }

    /**
     * {@code text} without escape sequences and without C0 and C1 control characters other than newline and tab;
     * null stays null.
     */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        if (text.chars().noneMatch(Terminal::isControl)) {
            return text;
        }
        String s = ESCAPES.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F;
    }
}
