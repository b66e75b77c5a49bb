package dev.xpost.platform.linkedin;

import dev.xpost.platform.text.Block;
import dev.xpost.platform.text.Piece;
import java.util.ArrayList;
import java.util.List;

/**
 * Shortens a block to a budget for a teaser. Cuts only between whitespace-separated words, so never inside a word,
 * a URL, a hashtag or an escape sequence (escaping happens per piece after the cut), and never between the two
 * halves of a surrogate pair. Lengths are counted as sent: escaped, in code points.
 */
final class Cutter {
    static final String ELLIPSIS = "\u2026";

    private Cutter() {
    }

    /**
     * The longest prefix of {@code block} that fits in {@code budget}: ending at a sentence when that keeps at least
     * half of what a word-boundary cut would, else at a word followed by "…". Null when not even one word fits.
     */
    static Block cut(Block block, int budget) {
        List<Piece> atoms = atoms(block.pieces());
        int bestWord = -1;
        int bestWordLength = 0;
        int bestSentence = -1;
        int bestSentenceLength = 0;
        int length = 0;
        for (int i = 0; i < atoms.size(); i++) {
            length += Pieces.length(atoms.get(i));
            boolean boundary = i == atoms.size() - 1 || endsWithSpace(atoms.get(i)) || startsWithSpace(atoms.get(i + 1));
            if (!boundary) {
                continue;
            }
            String prefix = Piece.plain(atoms.subList(0, i + 1));
            String trimmed = prefix.stripTrailing();
            if (trimmed.isEmpty()) {
                continue;
            }
            // Whitespace is never reserved, so trimming it shortens the escaped text by the same count.
            int kept = length - (LittleText.codePoints(prefix) - LittleText.codePoints(trimmed));
            if (endsSentence(trimmed) && kept <= budget) {
                bestSentence = i;
                bestSentenceLength = kept;
            }
            int withEllipsis = kept + (endsWithUrl(atoms.get(i), trimmed) ? 2 : 1);
            if (withEllipsis <= budget) {
                bestWord = i;
                bestWordLength = withEllipsis;
            }
            if (kept > budget) {
                break;
            }
        }
        if (bestSentence >= 0 && bestSentenceLength * 2 >= bestWordLength) {
            return build(block.kind(), atoms.subList(0, bestSentence + 1), false);
        }
        if (bestWord >= 0) {
            return build(block.kind(), atoms.subList(0, bestWord + 1), true);
        }
        return null;
    }

    private static Block build(Block.Kind kind, List<Piece> atoms, boolean ellipsis) {
        List<Piece> pieces = new ArrayList<>(Piece.merge(atoms));
        int last = pieces.size() - 1;
        if (pieces.get(last) instanceof Piece.Words w) {
            pieces.set(last, new Piece.Words(w.text().stripTrailing()));
        }
        if (ellipsis) {
            // Glued to a URL the ellipsis would become part of the link LinkedIn makes of it.
            boolean url = endsWithUrl(atoms.get(atoms.size() - 1), Piece.plain(atoms).stripTrailing());
            pieces.add(new Piece.Words(url ? " " + ELLIPSIS : ELLIPSIS));
        }
        return new Block(kind, pieces);
    }

    /** Words split into "word + following whitespace" atoms (leading whitespace is an atom of its own). */
    private static List<Piece> atoms(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>();
        for (Piece p : pieces) {
            if (!(p instanceof Piece.Words w)) {
                out.add(p);
                continue;
            }
            String t = w.text();
            int start = 0;
            int i = 0;
            while (i < t.length()) {
                int cp = t.codePointAt(i);
                int next = i + Character.charCount(cp);
                boolean space = Character.isWhitespace(cp);
                boolean nextIsWord = next < t.length() && !Character.isWhitespace(t.codePointAt(next));
                if (space && nextIsWord) {
                    out.add(new Piece.Words(t.substring(start, next)));
                    start = next;
                }
                i = next;
            }
            if (start < t.length()) {
                out.add(new Piece.Words(t.substring(start)));
            }
        }
        return out;
    }

    private static boolean endsWithUrl(Piece last, String trimmed) {
        int space = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\n'));
        return last instanceof Piece.Url || trimmed.substring(space + 1).contains("://");
    }

    private static boolean endsWithSpace(Piece p) {
        String s = p.plain();
        return !s.isEmpty() && Character.isWhitespace(s.codePointBefore(s.length()));
    }

    private static boolean startsWithSpace(Piece p) {
        String s = p.plain();
        return !s.isEmpty() && Character.isWhitespace(s.codePointAt(0));
    }

    private static boolean endsSentence(String s) {
        int i = s.length();
        // Closing quotes and brackets after the full stop still end the sentence: 'He said "no."'
        while (i > 0 && "\"')]\u201D\u2019\u00BB".indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        return i > 0 && ".!?\u2026\u3002".indexOf(s.charAt(i - 1)) >= 0;
    }
}
