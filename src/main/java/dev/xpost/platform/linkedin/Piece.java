package dev.xpost.platform.linkedin;

/**
 * A run of rendered text that knows how it is written in little text. Keeping hashtags and URLs as their own pieces
 * lets the renderer emit hashtags unescaped and never cut a teaser in the middle of either.
 */
sealed interface Piece {
    /** The text as a reader sees it. */
    String plain();

    /** The text as sent in {@code commentary}. */
    String little();

    /** Length of {@link #little()} in code points. */
    default int length() {
        return LittleText.codePoints(little());
    }

    /** Ordinary text: every reserved character escaped. */
    record Words(String text) implements Piece {
        @Override
        public String plain() {
            return text;
        }

        @Override
        public String little() {
            return LittleText.escape(text);
        }

        @Override
        public int length() {
            return LittleText.escapedLength(text);
        }
    }

    /** A hashtag xpost emits on purpose: {@code #} left bare so LinkedIn links it. {@code word} is letters/digits. */
    record Hashtag(String word) implements Piece {
        public Hashtag {
            if (!LittleText.isHashtagWord(word)) {
                throw new IllegalArgumentException("not a hashtag word: " + word);
            }
        }

        @Override
        public String plain() {
            return "#" + word;
        }

        @Override
        public String little() {
            return "#" + word;
        }
    }

    /**
     * A footnote reference, {@code [1]}: its own piece so that a teaser which leaves the notes out can leave out
     * the references too.
     */
    record Note(int number) implements Piece {
        @Override
        public String plain() {
            return "[" + number + "]";
        }

        @Override
        public String little() {
            return LittleText.escape(plain());
        }
    }

    /** A URL: escaped like text (LinkedIn's rule for commentary), but never cut. */
    record Url(String url) implements Piece {
        @Override
        public String plain() {
            return url;
        }

        @Override
        public String little() {
            return LittleText.escape(url);
        }

        @Override
        public int length() {
            return LittleText.escapedLength(url);
        }
    }
}
