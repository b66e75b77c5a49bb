package dev.xpost.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * The one output boundary: everything xpost prints goes through here, line by line, and leaves with every known
 * secret masked, whoever wrote it (a result, a warning, a server's echo, a stack trace). A line is held until its
 * end or a flush, so that a secret printed in pieces is still seen whole; secrets never hold a line break
 * ({@code .env} refuses them).
 */
final class MaskingWriter extends Writer {
    private final Writer target;
    private final UnaryOperator<String> mask;
    private final StringBuilder line = new StringBuilder();

    /**
     * @param mask asked at each line's end, so that it masks the secrets known by then (those of a {@code .env}
     *             read after the command started too)
     */
    MaskingWriter(Writer target, UnaryOperator<String> mask) {
        this.target = target;
        this.mask = mask;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        synchronized (lock) {
            // Appended a line at a time, not a char at a time: a report of 10,000 rows is written here whole.
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    line.append(buf, start, i + 1 - start);
                    emit();
                    start = i + 1;
                }
            }
            line.append(buf, start, off + len - start);
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            emit();
            target.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        target.close();
    }

    private void emit() throws IOException {
        if (!line.isEmpty()) {
            target.write(mask.apply(line.toString()));
            line.setLength(0);
        }
    }
}
