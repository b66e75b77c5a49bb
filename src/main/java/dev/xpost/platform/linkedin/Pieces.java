package dev.xpost.platform.linkedin;

import dev.xpost.platform.text.Block;
import dev.xpost.platform.text.Piece;
import java.util.List;

/** Pieces of text as LinkedIn's commentary carries them: little-text escaped, hashtags bare. */
final class Pieces {
    private Pieces() {
    }

    /** The pieces as sent in {@code commentary}: words, URLs and notes escaped, the {@code #} of hashtags bare. */
    static String little(List<Piece> pieces) {
        StringBuilder b = new StringBuilder();
        pieces.forEach(p -> b.append(little(p)));
        return b.toString();
    }

    static String little(Piece p) {
        return p instanceof Piece.Hashtag ? p.plain() : LittleText.escape(p.plain());
    }

    /** Length as sent, in code points. */
    static int length(Piece p) {
        return p instanceof Piece.Hashtag ? LittleText.codePoints(p.plain()) : LittleText.escapedLength(p.plain());
    }

    /** Length as sent, in code points. */
    static int length(List<Piece> pieces) {
        int n = 0;
        for (Piece p : pieces) {
            n += length(p);
        }
        return n;
    }

    /** Length of a block as sent, in code points. */
    static int length(Block b) {
        return length(b.pieces());
    }
}
