package dev.xpost.platform.text;

import java.util.List;
import java.util.Optional;

/**
 * How a platform reads the words of a post, for {@link PlainText}: which runs of prose hold more than words (a
 * platform that links hashtags finds them here) and which links it reads as something other than {@code text: URL}.
 * Code, URLs and footnote marks never pass through it. One instance serves one rendering, so it may count what it
 * made (at most so many hashtags in a text).
 */
public interface Prose {
    /** Words only: no hashtags, every link read as {@code text: URL}. */
    Prose WORDS = new Prose() {
    };

    /**
     * A run of prose as pieces.
     *
     * @param text the words of one run of Markdown text, line breaks already spaces; never empty
     * @return its pieces, whose plain texts concatenated give {@code text} back; by default one {@link Piece.Words}
     */
    default List<Piece> words(String text) {
        return List.of(new Piece.Words(text));
    }

    /**
     * A link the platform reads its own way.
     *
     * @param text the link's text, plain, stripped (empty for an image-only link)
     * @param url  the link's destination, stripped
     * @return the pieces to put in the link's place, or empty to read it the neutral way
     */
    default Optional<List<Piece>> link(String text, String url) {
        return Optional.empty();
    }
}
