package dev.xpost.state;

import java.nio.file.Path;

/**
 * The state file cannot be used: it is broken, too new, locked by another run, or cannot be written. The message
 * is written for the user: it names the file, says what is wrong and what to do.
 */
public final class StateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why; the CLI picks the exit code from it. */
    public enum Kind {
        /** The file is not valid state JSON (syntax, types, missing fields); it was left untouched. */
        CORRUPT,
        /** The file was written by a newer xpost (a higher format version); it was left untouched. */
        TOO_NEW,
        /** Another xpost run holds the lock on the state file. */
        LOCKED,
        /** Reading or writing failed (permissions, disk full, ...). */
        IO
    }

    private final transient Path file;
    private final Kind kind;

    public StateException(Kind kind, Path file, String message) {
        this(kind, file, message, null);
    }

    public StateException(Kind kind, Path file, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.file = file;
    }

    public Kind kind() {
        return kind;
    }

    /** The state file (or its lock file) concerned. */
    public Path file() {
        return file;
    }
}
