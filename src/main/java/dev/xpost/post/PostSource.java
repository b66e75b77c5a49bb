package dev.xpost.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Where a post's body can be read again, so that a run over 50,000 posts need not hold 50,000 bodies: the file, its
 * size and a 64-bit check of its bytes as first read, and how many characters at the end of its text are the body.
 * Reading again verifies the bytes against the check, so a body is never paired with front matter read from another
 * version of the file.
 *
 * <p>The check is CRC-32C and CRC-32 together (two different polynomials, 64 bits) plus the size: both are hardware
 * instructions the JVM uses even under the C1 compiler xpost runs with, about 40 times faster than SHA-256 there
 * (10,000 real-sized posts: 35 ms against 1.2 s of CPU). It guards against edits, not against someone forging a
 * file to collide, which a person editing their own blog has no reason to do; an edit escapes it with a
 * probability of about 2^-64.
 */
public final class PostSource {
    private final Path path;
    private final Path shownAs;
    private final long size;
    private final long check;
    private final int bodyChars;
    /** Where the body starts in the file's bytes, for a post read by its front matter alone; else -1. */
    private final int bodyByte;
    private final boolean localImages;

    private PostSource(Path path, Path shownAs, long size, long check, int bodyChars, int bodyByte,
            boolean localImages) {
        this.path = path;
        this.shownAs = shownAs;
        this.size = size;
        this.check = check;
        this.bodyChars = bodyChars;
        this.bodyByte = bodyByte;
        this.localImages = localImages;
    }

    /**
     * @param path      the file as it can be opened
     * @param shownAs   the file as messages name it
     * @param content   its bytes, exactly as read
     * @param text      the text the body was cut from (decoded, BOM dropped, line endings normalised)
     * @param body      the body: a suffix of {@code text}, else the post cannot be read again (null is returned)
     */
    static PostSource of(Path path, Path shownAs, byte[] content, String text, String body) {
        if (body == null || !text.endsWith(body)) {
            return null;
        }
        boolean images = LocalImages.mayHaveLocal(body);
        return new PostSource(path.toAbsolutePath(), shownAs, content.length, check(content), body.length(), -1,
                images);
    }

    /**
     * The source of a post read by its front matter alone ({@link PostReader#read(Path, Path, BlogFiles,
     * java.util.function.Predicate)}): its body was neither decoded nor scanned, and is the file's bytes from
     * {@code bodyByte} on (just after a line feed, so line endings normalise the same on both sides of the cut).
     * {@code check} is {@link #check(byte[], int)} of the file's {@code length} bytes. {@link #mayHaveLocalImages()}
     * is false: such a post is kept only when its recorded source digest matched, and no source digest is ever
     * recorded for a body that may hold a local image (the same bytes scan the same).
     */
    static PostSource ofHead(Path path, Path shownAs, long length, long check, int bodyByte) {
        return new PostSource(path.toAbsolutePath(), shownAs, length, check, -1, bodyByte, false);
    }

    /** {@link #check(byte[])} of the bytes first read. */
    long check() {
        return check;
    }

    /** CRC-32C in the high half, CRC-32 in the low half. */
    static long check(byte[] content) {
        return check(content, content.length);
    }

    /** {@link #check(byte[])} of the first {@code length} bytes. */
    static long check(byte[] content, int length) {
        CRC32C c = new CRC32C();
        c.update(content, 0, length);
        CRC32 d = new CRC32();
        d.update(content, 0, length);
        return c.getValue() << 32 | d.getValue();
    }

    /**
     * The file's bytes as first read, in short: {@code crc64:<16 hex>:<size>}. Equal for equal bytes; an edit
     * changes it (see the class comment for how surely).
     */
    public String digest() {
        // Asked of every post on every run (source digests): String.format would cost more than the CRCs.
        String hex = Long.toHexString(check);
        return "crc64:" + "0".repeat(16 - hex.length()) + hex + ":" + size;
    }

    /**
     * True when {@code other} was read from the same bytes as this one, as far as {@link #digest()} tells: equal
     * digests, without making their text.
     */
    public boolean sameBytes(PostSource other) {
        return other != null && size == other.size && check == other.check;
    }

    /**
     * True when the body may hold a reference to a local image (a quick scan that errs towards yes): what is sent
     * then depends on other files' bytes too.
     */
    public boolean mayHaveLocalImages() {
        return localImages;
    }

    /**
     * True when the body was scanned when it was read and cannot hold a local image: what {@link LocalImages#of}
     * then need not scan again. False for a post read by its front matter alone (its body was not scanned).
     */
    boolean scannedWithoutLocalImages() {
        return bodyByte < 0 && !localImages;
    }

    /**
     * The body, read again from the file.
     *
     * @throws Changed when the file no longer holds the bytes first read (edited, replaced, removed or unreadable)
     */
    public String readBody() {
        byte[] content;
        // Only a regular file, and never more than the bytes first read plus one: a post swapped for a FIFO would
        // block the run (holding the lock) and one linked to /dev/zero would fill the memory.
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new Changed(shownAs, "is no longer a regular file");
        }
        try (java.io.InputStream in = Files.newInputStream(path)) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, size + 1));
        } catch (IOException e) {
            throw new Changed(shownAs, "cannot be read again (" + e.getMessage() + ")");
        }
        if (content.length != size || check(content) != check) {
            throw new Changed(shownAs, "changed on disk");
        }
        if (bodyByte >= 0) {
            String body = new String(content, bodyByte, content.length - bodyByte, StandardCharsets.UTF_8);
            return body.indexOf('\r') >= 0 ? body.replace("\r\n", "\n").replace('\r', '\n') : body;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return text.substring(text.length() - bodyChars);
    }

    /** Equal for the same bytes of the same file: two reads of one file give equal posts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PostSource s && path.equals(s.path) && shownAs.equals(s.shownAs) && size == s.size
                && check == s.check && bodyChars == s.bodyChars && bodyByte == s.bodyByte
                && localImages == s.localImages;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(check) * 31 + path.hashCode();
    }

    @Override
    public String toString() {
        return shownAs + " " + digest();
    }

    /**
     * A post file that no longer holds what xpost read from it at the start of the run: nothing made from it may be
     * sent, since its front matter and its body would come from two versions of the file.
     */
    public static final class Changed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Changed(Path file, String what) {
            super(file + " " + what + " since xpost read it at the start of this run: nothing was sent for it, so "
                    + "that its front matter and body never come from two versions of the file; run again");
        }
    }
}
