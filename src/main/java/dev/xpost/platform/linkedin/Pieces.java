package dev.xpost.platform.linkedin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Helpers over lists of {@link Piece}s and {@link Block}s. */
final class Pieces {
    static final String BLOCK_SEPARATOR = "\n\n";

    private Pieces() {
    }

    static String plain(List<Piece> pieces) {
        StringBuilder b = new StringBuilder();
        pieces.forEach(p -> b.append(p.plain()));
        return b.toString();
    }

    static String little(List<Piece> pieces) {
        StringBuilder b = new StringBuilder();
        pieces.forEach(p -> b.append(p.little()));
        return b.toString();
    }

    static int length(List<Piece> pieces) {
        int n = 0;
        for (Piece p : pieces) {
            n += p.length();
        }
        return n;
    }

    /** Adjacent words joined into one piece, so that text-level tidying sees whole lines. */
    static List<Piece> merge(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces.size());
        StringBuilder words = new StringBuilder();
        for (Piece p : pieces) {
            if (p instanceof Piece.Words w) {
                words.append(w.text());
            } else {
                if (words.length() > 0) {
                    out.add(new Piece.Words(words.toString()));
                    words.setLength(0);
                }
                out.add(p);
            }
        }
        if (words.length() > 0) {
            out.add(new Piece.Words(words.toString()));
        }
        return out;
    }

    /** Blocks joined by a blank line. */
    static List<Piece> join(List<Block> blocks) {
        return join(blocks, BLOCK_SEPARATOR);
    }

    static List<Piece> join(List<Block> blocks, String separator) {
        List<Piece> out = new ArrayList<>();
        for (Block b : blocks) {
            if (!out.isEmpty()) {
                out.add(new Piece.Words(separator));
            }
            out.addAll(b.pieces());
        }
        return merge(out);
    }

    /** The hashtags emitted in these blocks, lower-cased (LinkedIn hashtags are case-insensitive). */
    static Set<String> hashtags(List<Block> blocks) {
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
     * Every line of {@code pieces} prefixed: the first with {@code first}, the others with {@code rest} (trailing
     * spaces of the prefix dropped on empty lines). Used for list markers and quote marks.
     */
    static List<Piece> prefixLines(List<Piece> pieces, String first, String rest) {
        List<Piece> out = new ArrayList<>();
        out.add(new Piece.Words(first));
        for (Piece p : merge(pieces)) {
            if (!(p instanceof Piece.Words w)) {
                out.add(p);
                continue;
            }
            String[] lines = w.text().split("\n", -1);
            StringBuilder b = new StringBuilder(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                // An empty line inside this piece stays empty; the last line may go on with a URL or hashtag piece.
                boolean emptyLine = lines[i].isEmpty() && i < lines.length - 1;
                b.append('\n').append(emptyLine ? rest.stripTrailing() : rest).append(lines[i]);
            }
            out.add(new Piece.Words(b.toString()));
        }
        return merge(out);
    }
}
