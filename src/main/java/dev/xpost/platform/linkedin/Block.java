package dev.xpost.platform.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One block of rendered text (a paragraph, a heading, a whole list...); blocks are joined by a blank line. */
record Block(Kind kind, List<Piece> pieces) {
    enum Kind { TITLE, HEADING, PARAGRAPH, LIST, CODE, QUOTE, TABLE, NOTES, LINK, HASHTAGS }

    private static final Pattern SPACE_BEFORE_NEWLINE = Pattern.compile("[ \\t]+\n");
    private static final Pattern SPACE_RUNS = Pattern.compile("(?<=\\S)[ \\t]{2,}");

    Block {
        pieces = List.copyOf(pieces);
    }

    String plain() {
        return Pieces.plain(pieces);
    }

    /** Length as sent, in code points. */
    int length() {
        return Pieces.length(pieces);
    }

    boolean isBlank() {
        return plain().isBlank();
    }

    /**
     * The block with adjacent words merged, spaces before line ends dropped, the ends trimmed and, in running text,
     * runs of spaces after a word collapsed (a dropped image or tag in mid-sentence leaves two spaces behind).
     */
    Block tidy() {
        List<Piece> merged = Pieces.merge(pieces);
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
     * A space after a hashtag that the next piece would otherwise lengthen: LinkedIn reads a hashtag up to the first
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
        return Pieces.merge(out);
    }
}
