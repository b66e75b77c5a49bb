package dev.xpost.platform.linkedin;

import dev.xpost.post.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What xpost would send to LinkedIn for one post.
 *
 * @param commentary the text as sent: little text, escaped; hashtags xpost emits are left as {@code #word}
 * @param plainText  the same text unescaped, as readers will see it ({@code unescape(commentary)})
 * @param card       the link card, or null when the post has no link URL
 * @param form       which text was chosen
 * @param problems   what stops this post from going to LinkedIn (errors) or is worth a look (warnings)
 */
public record Rendering(String commentary, String plainText, Card card, Form form, List<Problem> problems) {
    /** Which text a rendering carries. */
    public enum Form {
        /** The whole post. */
        FULL,
        /** The opening of the post and a link to the rest. */
        TEASER,
        /** The front matter's {@code linkedin: {text: …}}. */
        HAND_WRITTEN
    }

    /**
     * Width of the reader view, in columns: about what LinkedIn's feed fits on one line on a computer (it depends on
     * the screen and the font; a phone fits fewer).
     */
    public static final int READER_WIDTH = 60;
    /** Lines the feed shows before "…more"; what is above them is what most readers ever see. */
    public static final int READER_FOLD_LINES = 3;

    public Rendering {
        problems = List.copyOf(problems);
    }

    /** Length of the commentary as sent, in code points: what is checked against {@link LinkedInRenderer#MAX_LENGTH}. */
    public int length() {
        return commentary.codePointCount(0, commentary.length());
    }

    /** True when this post must not be sent. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /**
     * The text as a reader sees it in the feed: unescaped, wrapped at {@link #READER_WIDTH} columns the way the
     * feed wraps (at spaces; a word longer than a line is broken; no hanging indent), with a "…more" line where
     * the feed folds the post after {@link #READER_FOLD_LINES} lines. Wide characters (CJK, emoji) count two
     * columns, combining marks none.
     */
    public String readerView() {
        List<String> lines = new ArrayList<>();
        for (String line : plainText.split("\n", -1)) {
            lines.addAll(wrap(line, READER_WIDTH));
        }
        if (lines.size() > READER_FOLD_LINES) {
            lines.add(READER_FOLD_LINES, "\u2500\u2500\u2500 \u2026more \u2500\u2500\u2500");
        }
        return String.join("\n", lines);
    }

    /**
     * Exactly what would be sent, for {@code xpost preview POST --platform linkedin}: the text as readers will see
     * it ({@link #readerView()}), the commentary as sent (escaped), then the card fields, then any problems. The
     * thumbnail is not shown: it is uploaded when publishing.
     */
    public String preview() {
        StringBuilder b = new StringBuilder();
        b.append("LinkedIn post: ").append(describe(form)).append(", ")
                .append(String.format(Locale.ROOT, "%,d of %,d characters", length(), LinkedInRenderer.MAX_LENGTH)).append('\n');
        b.append(String.format(Locale.ROOT, "--- as readers see it (wrapped at %d columns; the feed shows %d lines, "
                + "then \u2026more) ---", READER_WIDTH, READER_FOLD_LINES)).append('\n');
        b.append(readerView()).append('\n');
        b.append("--- commentary (as sent, little-text escaped) ---\n");
        b.append(commentary).append('\n');
        if (card == null) {
            b.append("--- no link card (the post has no canonical URL and is not on Hashnode) ---\n");
        } else {
            b.append("--- link card (content.article) ---\n");
            b.append("source:      ").append(card.source()).append('\n');
            b.append("title:       ").append(orNone(card.title())).append('\n');
            b.append("description: ").append(orNone(card.description())).append('\n');
        }
        if (!problems.isEmpty()) {
            b.append("--- problems ---\n");
            problems.forEach(p -> b.append(p.severity().label()).append(": ").append(p.message()).append('\n'));
        }
        return b.toString();
    }

    /** One line cut into lines of at most {@code width} columns, at spaces where it can. */
    static List<String> wrap(String line, int width) {
        List<String> out = new ArrayList<>();
        // The indent of a nested list item is kept on its first line; the feed does not indent what wraps.
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        StringBuilder current = new StringBuilder(line.substring(0, lead));
        int used = lead;
        int i = lead;
        while (i < line.length()) {
            int end = line.indexOf(' ', i);
            end = end < 0 ? line.length() : end;
            String word = line.substring(i, end);
            int w = columns(word);
            int space = used == 0 || (used == lead && current.length() == lead) ? 0 : 1;
            if (used + space + w <= width) {
                current.append(space == 1 ? " " : "").append(word);
                used += space + w;
            } else if (w <= width) {
                out.add(current.toString());
                current.setLength(0);
                current.append(word);
                used = w;
            } else {
                // A word wider than the line (a long URL): the feed breaks it wherever the line ends.
                int j = 0;
                if (current.length() > 0) {
                    current.append(' ');
                    used++;
                }
                while (j < word.length()) {
                    int cp = word.codePointAt(j);
                    int cw = columns(cp);
                    if (used + cw > width && used > 0) {
                        out.add(current.toString());
                        current.setLength(0);
                        used = 0;
                    }
                    current.appendCodePoint(cp);
                    used += cw;
                    j += Character.charCount(cp);
                }
            }
            i = end + 1;
            if (end == line.length() - 1) {
                // A trailing space: nothing follows it.
                break;
            }
        }
        out.add(current.toString());
        return out;
    }

    private static int columns(String s) {
        return s.codePoints().map(Rendering::columns).sum();
    }

    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0xFE0F) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    private static String describe(Form form) {
        return switch (form) {
            case FULL -> "the whole post";
            case TEASER -> "a teaser with a link to the post";
            case HAND_WRITTEN -> "the hand-written linkedin.text";
        };
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
    }
}
