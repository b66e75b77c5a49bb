package dev.xpost.state;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Passes JSON text to {@code out} through {@code mask} in pieces of about {@code piece} characters, each ending
 * outside any JSON string, so that the state file is written as it is serialised instead of from one string of the
 * whole (50,000 posts: a 38 MB text, and twice that while it was built).
 *
 * <p>Masking a piece at a time hides what masking the whole text would: the mask replaces only secrets that can
 * appear in JSON solely inside a string (Services#maskInJson: no quote, backslash or control character in them),
 * and no string is ever split between two pieces, escapes included. Not thread-safe, as any {@link Writer}.
 */
final class MaskedJsonWriter extends Writer {
    /** Characters held before a piece is masked and written (the pieces end at the next point outside a string). */
    static final int PIECE = 1 << 16;

    private final Writer out;
    private final UnaryOperator<String> mask;
    private final int piece;
    private final StringBuilder pending = new StringBuilder();
    /** Where the scan of {@link #pending} stands: inside a string, and just after its backslash. */
    private boolean inString;
    private boolean escaped;
    /** The length of the start of {@link #pending} that ends outside any string. */
    private int safe;

    /**
     * @param out  where the masked text goes; flushed by {@link #flush}, never closed here (the caller writes on)
     * @param mask applied to each piece; must map a string-complete piece of JSON to one (as it maps the whole)
     */
    MaskedJsonWriter(Writer out, UnaryOperator<String> mask) {
        this(out, mask, PIECE);
    }

    /** @param piece the characters held before a piece is written: tests make it small to cut often */
    MaskedJsonWriter(Writer out, UnaryOperator<String> mask, int piece) {
        this.out = Objects.requireNonNull(out, "out");
        this.mask = Objects.requireNonNull(mask, "mask");
        this.piece = piece;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, chars.length);
        int start = pending.length();
        pending.append(chars, off, len);
        for (int i = 0; i < len; i++) {
            char c = chars[off + i];
            if (escaped) {
                escaped = false;
            } else if (inString) {
                if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            }
            if (!inString) {
                safe = start + i + 1;
            }
        }
        if (safe >= piece) {
            emit(safe);
        }
    }

    /** Masks and writes the first {@code end} characters held, keeping the rest for the next piece. */
    private void emit(int end) throws IOException {
        out.write(mask.apply(pending.substring(0, end)));
        pending.delete(0, end);
        safe -= end;
    }

    /**
     * Writes what is held up to the last point outside a string (all of it once the JSON is complete), then
     * flushes {@code out}.
     */
    @Override
    public void flush() throws IOException {
        if (safe > 0) {
            emit(safe);
        }
        out.flush();
    }

    /**
     * Writes everything held (a string left open, in text that is not whole JSON, is masked as it stands) and
     * flushes {@code out} without closing it.
     */
    @Override
    public void close() throws IOException {
        if (pending.length() > 0) {
            safe = pending.length();
            emit(safe);
        }
        out.flush();
    }
}
