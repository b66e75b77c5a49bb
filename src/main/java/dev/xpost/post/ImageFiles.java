package dev.xpost.post;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files behind {@link LocalImages} references of one blog: where each is, whether Hashnode would take it
 * (jpg/jpeg, png, gif, webp or avif by extension and by its first bytes; no SVG; at most 8 MB), and its content
 * hash, the name under which an upload is remembered (so a renamed file or a second post using the same picture
 * uploads nothing again).
 *
 * <p>Checking only stats the file and reads its first bytes; hashing reads it all and is done for publishing only.
 */
public final class ImageFiles {
    /** Hashnode's limit for one image (API.md §7). */
    public static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final int HEAD = 32;

    /** The kinds of image Hashnode accepts, with their extensions and MIME types. */
    public enum Type {
        JPEG("image/jpeg", "jpg", "jpeg"), PNG("image/png", "png"), GIF("image/gif", "gif"),
        WEBP("image/webp", "webp"), AVIF("image/avif", "avif");

        private final String mime;
        private final List<String> extensions;

        Type(String mime, String... extensions) {
            this.mime = mime;
            this.extensions = List.of(extensions);
        }

        public String mime() {
            return mime;
        }

        static Optional<Type> byExtension(String fileName) {
            String ext = extension(fileName);
            for (Type t : values()) {
                if (t.extensions.contains(ext)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }

        /** The type the first bytes of {@code bytes} announce, if one of these: the file's own word, not its name. */
        public static Optional<Type> ofBytes(byte[] bytes) {
            return Optional.ofNullable(sniff(bytes, Math.min(bytes.length, HEAD)));
        }

        /** The type the first bytes of a file announce, or null when they announce none of these. */
        static Type sniff(byte[] h, int n) {
            if (n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
                return JPEG;
            }
            if (n >= 8 && (h[0] & 0xFF) == 0x89 && ascii(h, 1, "PNG") && h[4] == 0x0D && h[5] == 0x0A
                    && h[6] == 0x1A && h[7] == 0x0A) {
                return PNG;
            }
            if (n >= 6 && (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a"))) {
                return GIF;
            }
            if (n >= 12 && ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) {
                return WEBP;
            }
            if (n >= 12 && ascii(h, 4, "ftyp")) {
                // ISO-BMFF: the major brand, then compatible brands, name AVIF (still image or sequence).
                for (int i = 8; i + 4 <= n; i += 4) {
                    if (ascii(h, i, "avif") || ascii(h, i, "avis")) {
                        return AVIF;
                    }
                }
            }
            return null;
        }

        private static boolean ascii(byte[] h, int at, String s) {
            for (int i = 0; i < s.length(); i++) {
                if (h[at + i] != (byte) s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A local image that passed every check.
     *
     * @param ref  where the post names it
     * @param path the file, absolute
     * @param type by its first bytes (the extension agrees that it is an accepted image)
     * @param size in bytes
     */
    public record Image(LocalImages.Ref ref, Path path, Type type, long size) {
    }

    /**
     * The outcome of checking one reference: an image, or the rule it breaks and why.
     */
    public record Check(LocalImages.Ref ref, Image image, String rule, String message) {
        public boolean ok() {
            return image != null;
        }

        static Check fail(LocalImages.Ref ref, String rule, String message) {
            return new Check(ref, null, rule, message);
        }
    }

    private final Path cwd;
    private final Path root;
    private final BlogFiles inBlog;
    private final Map<Path, Hashed> hashes = new ConcurrentHashMap<>();

    private record Hashed(long size, long modified, String hash) {
    }

    /**
     * @param cwd  what post files are relative to ({@link Post#file()})
     * @param root the blog folder: a leading {@code /} starts there, and no image may be outside it
     */
    public ImageFiles(Path cwd, Path root) {
        this(cwd, root, root);
    }

    /**
     * @param postsDir the configured posts folder: when it is a link to a folder kept elsewhere, pictures next to the
     *                 posts there are the blog's own too (as its posts are)
     */
    public ImageFiles(Path cwd, Path root, Path postsDir) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.root = root.toAbsolutePath().normalize();
        this.inBlog = new BlogFiles(this.root, this.root, postsDir);
    }

    /** Every problem with the post's local images, each at the line of the reference. */
    public List<Problem> problems(Post post) {
        List<LocalImages.Ref> refs = LocalImages.of(post);
        if (refs.isEmpty()) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>();
        for (LocalImages.Ref ref : refs) {
            Check c = check(post, ref);
            if (!c.ok()) {
                out.add(Problem.error(post.file(), ref.line(), c.rule(), c.message()));
            }
        }
        return out;
    }

    /** Resolves and checks one reference: the file exists in the blog, is an accepted image, is small enough. */
    public Check check(Post post, LocalImages.Ref ref) {
        String what = LocalImages.describe(ref);
        Path target;
        try {
            target = resolve(post, ref.path());
            if (target.startsWith(root) && !Files.exists(target) && ref.path().contains("%")) {
                // Markdown paths are URLs: `my%20diagram.png` names `my diagram.png`.
                Path decoded = resolve(post, URLDecoder.decode(ref.path().replace("+", "%2B"),
                        StandardCharsets.UTF_8));
                if (Files.exists(decoded)) {
                    target = decoded;
                }
            }
        } catch (IllegalArgumentException e) { // InvalidPathException, or a bad %-escape
            return Check.fail(ref, "missing-image", what + " is not a usable file path");
        }
        if (!target.startsWith(root)) {
            return Check.fail(ref, "image-outside-blog", what + " is outside the blog folder " + root
                    + ": keep images inside it (a CI checkout has nothing else), relative to the post or starting "
                    + "with / for the blog folder");
        }
        String shown = display(target);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (IOException e) {
            return Check.fail(ref, "missing-image", what + ": no such file (looked for " + shown + ")");
        }
        Optional<BlogFiles.Refusal> refused = inBlog.check(target, what);
        if (refused.isPresent()) {
            // A link out of the blog escapes it as surely as `../../x.png` does: the same rule.
            BlogFiles.Refusal r = refused.get();
            return Check.fail(ref, r.rule().equals(BlogFiles.OUTSIDE_BLOG) ? "image-outside-blog" : r.rule(),
                    r.message());
        }
        if (!attrs.isRegularFile()) {
            return Check.fail(ref, "missing-image", what + " is a folder, not an image (" + shown + ")");
        }
        String name = target.getFileName().toString();
        String ext = extension(name);
        if (ext.equals("svg") || ext.equals("svgz")) {
            return Check.fail(ref, "unsupported-image", what + " is an SVG, and Hashnode does not accept SVG "
                    + "images: export it as PNG or WebP");
        }
        Optional<Type> named = Type.byExtension(name);
        if (named.isEmpty()) {
            return Check.fail(ref, "unsupported-image", what + " is not a kind of image Hashnode accepts: use jpg, "
                    + "jpeg, png, gif, webp or avif");
        }
        if (attrs.size() > MAX_BYTES) {
            return Check.fail(ref, "image-too-large", String.format(Locale.ROOT, "%s is %.1f MB, and Hashnode "
                    + "accepts images of at most 8 MB: make it smaller", what, attrs.size() / (1024.0 * 1024.0)));
        }
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = Files.newInputStream(target)) {
            n = in.readNBytes(head, 0, HEAD);
        } catch (IOException e) {
            return Check.fail(ref, "missing-image", what + " cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
        Type sniffed = Type.sniff(head, n);
        if (sniffed == null) {
            String start = new String(head, 0, n, StandardCharsets.ISO_8859_1).stripLeading();
            if (start.startsWith("<svg") || start.startsWith("<?xml")) {
                return Check.fail(ref, "unsupported-image", what + " is an SVG file named ." + ext
                        + ", and Hashnode does not accept SVG images: export it as PNG or WebP");
            }
            return Check.fail(ref, "not-an-image", what + " is named ." + ext + " but is not " + article(named.get())
                    + " image" + (n == 0 ? " (the file is empty)" : " (its first bytes are not an image's)")
                    + ": replace it with the real picture");
        }
        return new Check(ref, new Image(ref, target, sniffed, attrs.size()), null, null);
    }

    /**
     * The image's content hash, {@code sha256:<hex>}: the name its upload is remembered by. Remembered for the
     * run while the file keeps its size and time, so a post's fingerprint and its upload read the file once.
     */
    public String hash(Image image) throws IOException {
        Path p = image.path();
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        long modified = a.lastModifiedTime().toMillis();
        Hashed known = hashes.get(p);
        if (known != null && known.size() == a.size() && known.modified() == modified) {
            return known.hash();
        }
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[64 * 1024];
            for (int r; (r = in.read(buf)) > 0; ) {
                digest.update(buf, 0, r);
            }
        }
        String hash = "sha256:" + HexFormat.of().formatHex(digest.digest());
        hashes.put(p, new Hashed(a.size(), modified, hash));
        return hash;
    }

    /** The bytes to upload, refusing a file that grew past the limit since it was checked. */
    public byte[] read(Image image) throws IOException {
        if (Files.size(image.path()) > MAX_BYTES) {
            throw new IOException(display(image.path()) + " is larger than 8 MB");
        }
        return Files.readAllBytes(image.path());
    }

    /** {@code sha256:<hex>} of some bytes, as {@link #hash} names a file. */
    public static String hashOf(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** A path for messages: relative to the blog folder. */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    private Path resolve(Post post, String path) {
        if (path.startsWith("/")) {
            return root.resolve(path.replaceFirst("^/+", "")).normalize();
        }
        Path postFile = cwd.resolve(post.file()).toAbsolutePath().normalize();
        Path dir = postFile.getParent() == null ? root : postFile.getParent();
        return dir.resolve(path).normalize();
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String article(Type t) {
        return switch (t) {
            case AVIF -> "an AVIF";
            default -> "a " + t.name();
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
