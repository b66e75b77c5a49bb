package dev.xpost.app;

/**
 * A command asked about one post that has errors (such as {@code preview} of a post with an invalid slug): the
 * message says which and sends the user to {@code xpost validate}; exit 3, as an invalid post in a run.
 */
public final class InvalidPostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidPostException(String message) {
        super(message);
    }
}
