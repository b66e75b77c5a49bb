package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.http.Version;
import dev.xpost.platform.Session;
import dev.xpost.post.LocalImages;
import dev.xpost.post.Post;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * A digest of everything a platform's request for a post is made from, taken without rendering it: the file's bytes
 * ({@link Post#fileDigest()}), what the post takes from outside its file (its path, the slug and cuid it is recorded
 * by, draft, publish time), the whole config but the blog folder's path (every platform's settings, the
 * timezone), the home URL a linking platform points to, and the build of xpost that renders it (its version, and
 * the size and CRC of its jar, so any new build renders again once). Recorded as {@code source} next to the hash
 * of what was sent: a post whose source digest equals the recorded one would send the same request, so
 * {@code plan} and {@code publish} call it unchanged without rendering it. After a new build, the first publish
 * renders every post once and records the new digests (a change of the state file to commit).
 *
 * <p>Null, meaning "render and compare", whenever an input is not covered: a post not read from a file as it is, or
 * one that may reference a local image (what it sends then depends on the image's bytes and its uploaded URL).
 */
final class SourceDigest {
    private final String settings;

    SourceDigest(Config config) {
        // Hashed once: the config is the same for every post, and SHA-256 under C1 costs ~20 ns a byte.
        // The blog folder's own path is no source of any request: a fresh clone elsewhere (each CI run may check
        // out anew) must find its posts unchanged. Every other value of the config is, whatever its section.
        this.settings = sha256("xpost " + Version.get() + " " + build() + "\n"
                + config.toString().replace(config.root().toString(), "<blog>"));
    }

    /**
     * @param linksHome true for a platform whose request carries the home post's URL (LinkedIn, dev.to): the URL
     *                  is then a source; the home platform's own URL is an answer, not a source of its request
     * @return {@code src:<64 hex>}, or null when this post's request must be rendered to be compared
     */
    String of(Post post, String platform, boolean linksHome, Session session) {
        String file = post.fileDigest();
        if (file == null || post.source().mayHaveLocalImages() || LocalImages.isLocal(post.cover())
                || LocalImages.isLocal(post.ogImage())) {
            return null;
        }
        String home = linksHome ? session.homeUrl(post).orElse("") : "";
        return "src:" + sha256(settings + "\n" + platform + "\n" + post.file() + "\n" + file + "\n" + post.slug()
                + "\n" + post.cuid() + "\n" + post.draft() + "\n" + post.publishAt() + "\n" + home);
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The jar xpost runs from, by its size and a CRC-32C of its bytes (about 5 ms for its 7 MB), so that the same
     * build restored from a cache, with a new file time, is the same renderer; the classes folder of a development
     * run by its time. Unknown: a value no other run shares, so nothing is called unchanged by its source digest.
     */
    private static String build() {
        try {
            Path where = Path.of(SourceDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                CRC32C crc = new CRC32C();
                crc.update(Files.readAllBytes(where));
                return Files.size(where) + " " + Long.toHexString(crc.getValue());
            }
            return where + " " + Files.getLastModifiedTime(where).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime();
        }
    }
}
