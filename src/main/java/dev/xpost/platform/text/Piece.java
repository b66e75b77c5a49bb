package dev.xpost.platform.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of rendered plain text. Hashtags, footnote marks and URLs are pieces of their own so that a platform can write
 * each its own way (LinkedIn escapes words but leaves the {@code #} of its hashtags bare) and never cut a text in the
 * middle of one.
 */
public sealed interface Piece {
    /** The text as a reader sees it. */
    String plain();

    /** The pieces' {@link #plain()} texts, concatenated. */
    static String plain(List<Piece> pieces) {
        StringBuilder b = new StringBuilder();
        pieces.forEach(p -> b.append(p.plain()));
        return b.toString();
    }

    /** Adjacent {@link Words} joined into one piece, so that text-level tidying sees whole lines. */
    static List<Piece> merge(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces.size());
        StringBuilder words = new StringBuilder();
        for (Piece p : pieces) {
            if (p instanceof Words w) {
                words.append(w.text());
            } else {
                if (words.length() > 0) {
                    out.add(new Words(words.toString()));
                    words.setLength(0);
                }
                out.add(p);
            }
        }
        if (words.length() > 0) {
            out.add(new Words(words.toString()));
        }
        return out;
    }

    /** Ordinary text, possibly several lines. */
    record Words(String text) implements Piece {
        @Override
        public String plain() {
            return text;
        }
    }

    /**
     * A hashtag a platform links, read as {@code #word}. The renderer makes one only where a {@link Prose} says so.
     *
     * @param word letters and digits, at least one letter (see {@link #isWord})
     * @throws IllegalArgumentException when {@code word} is not such a word
     */
    record Hashtag(String word) implements Piece {
        public Hashtag {
            if (!isWord(word)) {
                throw new IllegalArgumentException("not a hashtag word: " + word);
            }
        }

        @Override
        public String plain() {
            return "#" + word;
        }

        /**
         * True for a word that can follow {@code #} in a hashtag: letters and digits only, at least one letter.
         * Anything else ({@code _}, {@code -}, punctuation) ends a hashtag early where platforms link them.
         */
        public static boolean isWord(String word) {
            if (word == null || word.isEmpty()) {
                return false;
            }
            boolean letter = false;
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                if (Character.isLetter(cp)) {
                    letter = true;
                } else if (!Character.isDigit(cp)) {
                    return false;
                }
                i += Character.charCount(cp);
            }
            return letter;
        }
    }

    /**
     * A footnote reference, read as {@code [1]}: its own piece so that a text which leaves the notes out can leave
     * out the references too.
     *
     * @param number the note's number, from 1, in order of first use
     */
    record Note(int number) implements Piece {
        @Override
        public String plain() {
            return "[" + number + "]";
        }
    }

    /** An absolute http(s) URL, shown as it is; a text is never cut inside one. */
    record Url(String url) implements Piece {
        @Override
        public String plain() {
            return url;
        }
    }
}
