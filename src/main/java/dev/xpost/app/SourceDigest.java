package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.http.Version;
import dev.xpost.platform.Capabilities;
import dev.xpost.platform.Session;
import dev.xpost.post.LocalImages;
import dev.xpost.post.Post;
import dev.xpost.post.PostSource;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.Status;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * A digest of everything a platform's request for a post is made from, taken without rendering it: the file's bytes
 * ({@link Post#fileDigest()}), what the post takes from outside its file (its path in the blog folder, the slug and
 * cuid it is recorded by, draft, publish time), the whole config but the blog folder's path (every platform's
 * settings, the timezone), the home URL a linking platform points to, and the build of xpost that renders it (its
 * version, and the size and CRC of its jar, so any new build renders again once) on its Java runtime (whose Unicode
 * tables decide how LinkedIn text is cut and counted). Recorded as {@code source} next to the hash of what was sent:
 * a post whose source digest equals the recorded one would send the same request, so {@code plan} and
 * {@code publish} call it unchanged without rendering it. After a new build, the first publish renders every post
 * once and records the new digests (a change of the state file to commit).
 *
 * <p>Null, meaning "render and compare", whenever an input is not covered: a post not read from a file as it is, or
 * one that may reference a local image (what it sends then depends on the image's bytes and its uploaded URL).
 */
final class SourceDigest {
    private final String settings;

    /**
     * The digests {@link #knownUnchanged} found equal to the recorded ones, by file, with what each was made from
     * (one per platform, chained): the run asks again for each of them when it compares the post, and would hash it
     * a second time (10,000 posts: 0.5 s of a 4 s plan). Held for the whole run, one per post of the blog, so it
     * holds only references to what the post and the state already hold (no digest text of its own: about 80 bytes
     * a post, where a list per post and the file digest's text cost 230).
     */
    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    /** What the SHA-256 of every digest starts with: the settings' digest and a line feed, as UTF-8 bytes. */
    private final byte[] prefix;

    /**
     * One SHA-256 per thread that has already taken {@link #prefix}: copied for each post rather than made anew
     * ({@code MessageDigest.getInstance} looks the provider up each time) and fed the prefix again (a whole block
     * of SHA-256, a fifth of a typical digest's work under the C1 compiler xpost runs with).
     */
    private final ThreadLocal<MessageDigest> primed;

    private record Known(String platform, PostSource file, String slug, String cuid, boolean draft,
            Instant publishAt, String home, String digest, Known next) {
        boolean madeFrom(Post post, String platform, String home) {
            return this.platform.equals(platform) && file.sameBytes(post.source())
                    && Objects.equals(slug, post.slug()) && Objects.equals(cuid, post.cuid()) && draft == post.draft()
                    && Objects.equals(publishAt, post.publishAt()) && this.home.equals(home);
        }
    }

    /** Where the run stands: posts are named relative to it, and the digest names them relative to the blog. */
    private final Path cwd;
    private final Config config;
    private final boolean atRoot;

    /** @param cwd where the run stands (the paths of its posts are relative to it) */
    SourceDigest(Config config, Path cwd) {
        this.config = config;
        this.cwd = cwd;
        this.atRoot = cwd.toAbsolutePath().normalize().equals(config.root().toAbsolutePath().normalize());
        // Hashed once: the config is the same for every post, and SHA-256 under C1 costs ~20 ns a byte.
        // The blog folder's own path is no source of any request: a fresh clone elsewhere (each CI run may check
        // out anew) must find its posts unchanged. Every other value of the config is, whatever its section.
        this.settings = sha256(build() + " java " + Runtime.version() + "\n"
                + config.toString().replace(config.root().toString(), "<blog>"));
        this.prefix = (settings + "\n").getBytes(StandardCharsets.UTF_8);
        this.primed = ThreadLocal.withInitial(() -> {
            MessageDigest sha = sha256();
            sha.update(prefix);
            return sha;
        });
    }

    /**
     * @param linksHome true for a platform whose request carries the home post's URL (LinkedIn, dev.to): the URL
     *                  is then a source; the home platform's own URL is an answer, not a source of its request
     * @return {@code src:<64 hex>}, or null when this post's request must be rendered to be compared
     */
    String of(Post post, String platform, boolean linksHome, Session session) {
        return of(post, platform, linksHome ? session.homeUrl(post).orElse("") : "", true);
    }

    /**
     * @param home   the home post's URL for a linking platform, else the empty string
     * @param lookUp false when this post cannot be among {@link #known} yet (its first read): spares a look-up in
     *               a map of the whole blog
     */
    private String of(Post post, String platform, String home, boolean lookUp) {
        if (post.source() == null || post.source().mayHaveLocalImages() || LocalImages.isLocal(post.cover())
                || LocalImages.isLocal(post.ogImage())) {
            return null;
        }
        for (Known k = lookUp ? known.get(post.file()) : null; k != null; k = k.next()) {
            if (k.madeFrom(post, platform, home)) {
                return k.digest();
            }
        }
        // The file as the state names it (relative to the blog folder): a run from a sub-folder, where the post's
        // path as shown differs, finds it unchanged all the same (it rewrote every post's digest).
        return "src:" + digest(platform + "\n" + blogPath(post.file()) + "\n" + post.fileDigest()
                + "\n" + post.slug() + "\n" + post.cuid() + "\n" + post.draft() + "\n" + instant(post.publishAt())
                + "\n" + home);
    }

    /**
     * {@link Config#fileKey} of a post's file as shown: from the blog folder (nearly every run) a path inside it is
     * already that, and is not resolved and relativised again for each post and platform.
     */
    private String blogPath(Path shown) {
        if (atRoot && !shown.isAbsolute() && !shown.startsWith("..")) {
            String s = shown.toString();
            return java.io.File.separatorChar == '/' ? s : s.replace('\\', '/');
        }
        return config.fileKey(cwd.resolve(shown));
    }

    /** The hex SHA-256 of the settings' digest, a line feed and {@code rest}, as UTF-8. */
    String digest(String rest) {
        MessageDigest sha = primed.get();
        try {
            sha = (MessageDigest) sha.clone();
        } catch (CloneNotSupportedException e) {
            sha = sha256();
            sha.update(prefix);
        }
        return HexFormat.of().formatHex(sha.digest(rest.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@link Instant#toString()}, which each digest holds: written by hand for the years 0 to 9999 (the ISO
     * formatter costs a fifth of a digest under C1), the JDK's text for any other (null too, as "null").
     */
    static String instant(Instant at) {
        if (at == null || at.getEpochSecond() < FIRST_SECOND || at.getEpochSecond() > LAST_SECOND) {
            return String.valueOf(at);
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0,
                java.time.ZoneOffset.UTC);
        int nano = at.getNano();
        int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        byte[] out = new byte[20 + (digits == 0 ? 0 : 1 + digits)];
        put(out, 0, t.getYear(), 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        if (digits > 0) {
            out[19] = '.';
            put(out, 20, nano / POWERS[9 - digits], digits);
        }
        out[out.length - 1] = 'Z';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years ISO-8601 writes with four digits and no sign. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long LAST_SECOND = 253_402_300_799L;
    private static final int[] POWERS = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** {@code value} in {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void put(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * "Is this post known unchanged?", asked of each post by its front matter alone before its body is read
     * ({@link Blog#load(Config, Path, List, List, Predicate)}): yes when the post goes to at least one of
     * {@code platforms}, and on every one of them that it targets its record is published, carries the hash of
     * what was sent and a source digest equal to the one computed now. Such a post would send what it sent, so
     * its body need not be decoded, scanned or judged: it was, when that digest was recorded ({@code validate}
     * judges every body). Anything else (no record, another status, a digest that cannot be computed, a home URL
     * this state does not know) is a no: the post is read and judged fully, as any post a run may send.
     *
     * @param platforms the platforms of this run
     * @param home      the home platform (whose URL linking platforms carry), or null
     */
    Predicate<Post> knownUnchanged(State state, List<String> platforms, Function<String, Capabilities> caps,
            String home) {
        return post -> {
            if (!post.publishable() || post.slug() == null) {
                return false;
            }
            boolean any = false;
            for (String name : platforms) {
                if (!post.targets(name)) {
                    continue;
                }
                PlatformRecord rec = state.recordFor(post.slug(), name).orElse(null);
                if (rec == null || rec.status() != Status.PUBLISHED || rec.hash() == null || rec.source() == null) {
                    return false;
                }
                String homeUrl = caps.apply(name).linksHome() && home != null
                        ? state.recordFor(post.slug(), home).filter(r -> r.status() == Status.PUBLISHED)
                                .map(PlatformRecord::url).orElse("")
                        : "";
                // Each post is asked once, when it is read: none of its digests is known yet (and were one, hashing
                // again would give it).
                if (!rec.source().equals(of(post, name, homeUrl, false))) {
                    return false;
                }
                String digest = rec.source();
                Known first = new Known(name, post.source(), post.slug(), post.cuid(), post.draft(),
                        post.publishAt(), homeUrl, digest, null);
                if (known.putIfAbsent(post.file(), first) != null) {
                    known.compute(post.file(), (f, next) -> new Known(name, post.source(), post.slug(), post.cuid(),
                            post.draft(), post.publishAt(), homeUrl, digest, next));
                }
                any = true;
            }
            return any;
        };
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The jar xpost runs from, by its size and a CRC-32C of its bytes (a few ms for its 7 MB), so that the same
     * build restored from a cache, with a new file time, is the same renderer; the classes folder of a development
     * run by its time. Unknown: a value no other run shares, so nothing is called unchanged by its source digest.
     */
    static String build() {
        return Build.ID;
    }

    /** Computed once a run: the source digests and the read cache both ask. */
    private static final class Build {
        static final String ID = "xpost " + Version.get() + " " + compute();
    }

    private static String compute() {
        try {
            Path where = Path.of(SourceDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                // Mapped, not read into an array: a 7 MB array to allocate and zero before the copy was most of
                // this on every run (the sample blog's plan: about 30 of its 550 ms).
                try (java.nio.channels.FileChannel jar = java.nio.channels.FileChannel.open(where)) {
                    CRC32C crc = new CRC32C();
                    long size = jar.size();
                    crc.update(jar.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size));
                    return size + " " + Long.toHexString(crc.getValue());
                }
            }
            return where + " " + Files.getLastModifiedTime(where).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime();
        }
    }
}
