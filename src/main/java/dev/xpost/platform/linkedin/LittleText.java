package dev.xpost.platform.linkedin;

import dev.xpost.platform.text.Piece;
import java.util.ArrayList;
import java.util.List;

/**
 * LinkedIn's "little" text format, which the {@code commentary} field is written in. Every reserved character must
 * be preceded by a backslash, or LinkedIn accepts the post (201) and silently cuts it at the first unescaped one
 * (reference §3). Escaping is done in one pass over code points so that the backslashes it adds are never escaped
 * again.
 */
final class LittleText {
    /** The 15 reserved characters of the little-text grammar (reference §3). All are ASCII. */
    static final String RESERVED = "\\|{}@[]()<>#*_~";

    private LittleText() {
    }

    static boolean isReserved(int codePoint) {
        return codePoint < 128 && RESERVED.indexOf(codePoint) >= 0;
    }

    static String escape(String plain) {
        StringBuilder b = new StringBuilder(plain.length() + 16);
        plain.codePoints().forEach(cp -> {
            if (isReserved(cp)) {
                b.append('\\');
            }
            b.appendCodePoint(cp);
        });
        return b.toString();
    }

    /**
     * The inverse of {@link #escape}. A backslash that does not escape a reserved character cannot come from
     * {@link #escape}; it is kept as it is rather than guessed at.
     */
    static String unescape(String little) {
        StringBuilder b = new StringBuilder(little.length());
        int i = 0;
        while (i < little.length()) {
            char c = little.charAt(i);
            if (c == '\\' && i + 1 < little.length() && isReserved(little.charAt(i + 1))) {
                b.append(little.charAt(i + 1));
                i += 2;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** Length of the escaped form of {@code plain}, in code points, without building it. */
    static int escapedLength(String plain) {
        int[] n = {0};
        plain.codePoints().forEach(cp -> n[0] += isReserved(cp) ? 2 : 1);
        return n[0];
    }

    static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * True for a word that can follow {@code #} in a hashtag xpost emits: letters and digits only, at least one
     * letter. Anything else ({@code _}, {@code -}, punctuation) would end the hashtag early on LinkedIn or need an
     * escape in the middle of it, so such words are written as escaped text instead.
     */
    static boolean isHashtagWord(String word) {
        return Piece.Hashtag.isWord(word);
    }

    /**
     * Splits hand-written text into words and the hashtags written in it, so that {@code #word} stays a clickable
     * hashtag while everything else, including a {@code #} in "C#" or "#1" or "issue #42", is escaped. A hashtag
     * starts at a {@code #} that is at the start or follows a character that is not a letter, digit, {@code #} or
     * {@code _}, and its word ends before the next character that is not a letter or digit; a word followed by
     * {@code _} or {@code #} is not treated as a hashtag, nor is a {@code #} inside a URL ({@code https://…/#Intro}).
     */
    static List<Piece> withHashtags(String text) {
        return withHashtags(text, false);
    }

    /**
     * {@link #withHashtags(String)}; with {@code letterFirst} a hashtag must also begin with a letter, the rule for
     * text converted from Markdown, where {@code #2024} or {@code #1st} is more likely a number than a hashtag.
     */
    static List<Piece> withHashtags(String text, boolean letterFirst) {
        List<Piece> out = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == '#' && startsHashtag(text, i) && !inUrl(text, i)
                    && (!letterFirst || (i + 1 < text.length() && Character.isLetter(text.codePointAt(i + 1))))) {
                int end = i + 1;
                while (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String word = text.substring(i + 1, end);
                boolean endsCleanly = end == text.length() || (text.charAt(end) != '_' && text.charAt(end) != '#');
                if (endsCleanly && isHashtagWord(word)) {
                    if (words.length() > 0) {
                        out.add(new Piece.Words(words.toString()));
                        words.setLength(0);
                    }
                    out.add(new Piece.Hashtag(word));
                    i = end;
                    continue;
                }
            }
            words.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (words.length() > 0) {
            out.add(new Piece.Words(words.toString()));
        }
        return out;
    }

    /** True when the whitespace-separated word around {@code at} is a URL. */
    private static boolean inUrl(String text, int at) {
        int start = at;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String head = text.substring(start, at);
        return head.contains("://") || head.regionMatches(true, 0, "www.", 0, 4);
    }

    private static boolean startsHashtag(String text, int at) {
        if (at == 0) {
            return true;
        }
        int before = text.codePointBefore(at);
        return !Character.isLetterOrDigit(before) && before != '#' && before != '_' && before != '&';
    }
}
