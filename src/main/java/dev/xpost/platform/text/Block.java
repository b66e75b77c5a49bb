package dev.xpost.platform.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One block of rendered text (a paragraph, a heading, a whole list...); blocks are joined by a blank line.
 *
 * @param kind   what the block came from; {@link PlainText} makes HEADING, PARAGRAPH, LIST, CODE, QUOTE, TABLE and
 *               NOTES, and a platform composing a text adds its own TITLE, LINK and HASHTAGS blocks
 * @param pieces its text
 */
public record Block(Kind kind, List<Piece> pieces) {
    /** What a block holds. */
    public enum Kind { TITLE, HEADING, PARAGRAPH, LIST, CODE, QUOTE, TABLE, NOTES, LINK, HASHTAGS }

    /** What {@link #join(List)} puts between two blocks: a blank line. */
    public static final String SEPARATOR = "\n\n";

    private static final Pattern SPACE_BEFORE_NEWLINE = Pattern.compile("[ \\t]+\n");
    private static final Pattern SPACE_RUNS = Pattern.compile("(?<=\\S)[ \\t]{2,}");

    public Block {
        pieces = List.copyOf(pieces);
    }

    /** The block's text as a reader sees it. */
    public String plain() {
        return Piece.plain(pieces);
    }

    /** True when the block has no visible text. */
    public boolean isBlank() {
        return plain().isBlank();
    }

    /** Blocks joined by a blank line ({@link #SEPARATOR}), adjacent words merged. */
    public static List<Piece> join(List<Block> blocks) {
        return join(blocks, SEPARATOR);
    }

    /** Blocks joined by {@code separator}, adjacent words merged. */
    public static List<Piece> join(List<Block> blocks, String separator) {
        List<Piece> out = new ArrayList<>();
        for (Block b : blocks) {
            if (!out.isEmpty()) {
                out.add(new Piece.Words(separator));
            }
            out.addAll(b.pieces());
        }
        return Piece.merge(out);
    }

    /** The words of the {@link Piece.Hashtag}s in these blocks, lower-cased (hashtags are case-insensitive). */
    public static Set<String> hashtags(List<Block> blocks) {
        Set<String> out = new LinkedHashSet<>();
        for (Block b : blocks) {
            for (Piece p : b.pieces()) {
                if (p instanceof Piece.Hashtag h) {
                    out.add(h.word().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /**
     * The block with adjacent words merged, spaces before line ends dropped, the ends trimmed and, in running text,
     * runs of spaces after a word collapsed (a dropped image or tag in mid-sentence leaves two spaces behind).
     */
    public Block tidy() {
        List<Piece> merged = Piece.merge(pieces);
        List<Piece> out = new ArrayList<>(merged.size());
        for (int i = 0; i < merged.size(); i++) {
            Piece p = merged.get(i);
            if (p instanceof Piece.Words w) {
                String t = SPACE_BEFORE_NEWLINE.matcher(w.text()).replaceAll("\n");
                if (kind == Kind.PARAGRAPH || kind == Kind.HEADING || kind == Kind.TITLE) {
                    t = SPACE_RUNS.matcher(t).replaceAll(" ");
                }
                if (i == 0) {
                    t = kind == Kind.CODE ? t.replaceAll("^\n+", "") : t.stripLeading();
                }
                if (i == merged.size() - 1) {
                    t = t.stripTrailing();
                }
                if (!t.isEmpty()) {
                    out.add(new Piece.Words(t));
                }
            } else {
                out.add(p);
            }
        }
        return new Block(kind, separateHashtags(out));
    }

    /**
     * A space after a hashtag that the next piece would otherwise lengthen: a hashtag is read up to the first
     * character that is not a letter or digit, so {@code [hashtag#AWS](…)rocks} would link "#AWSrocks".
     */
    private static List<Piece> separateHashtags(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            out.add(pieces.get(i));
            if (pieces.get(i) instanceof Piece.Hashtag && i + 1 < pieces.size()) {
                String next = pieces.get(i + 1).plain();
                if (!next.isEmpty() && (Character.isLetterOrDigit(next.codePointAt(0)) || next.charAt(0) == '_')) {
                    out.add(new Piece.Words(" "));
                }
            }
        }
        return Piece.merge(out);
    }
}
