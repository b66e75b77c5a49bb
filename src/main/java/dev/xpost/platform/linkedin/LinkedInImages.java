package dev.xpost.platform.linkedin;

import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Session;
import dev.xpost.post.ImageFiles;
import dev.xpost.post.LocalImages;
import dev.xpost.post.Post;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The picture of a LinkedIn link card: the post's cover, a file in the blog or a URL ({@link CoverDownload}),
 * uploaded once through the Images API and remembered in the state file (by content hash for a file, by URL for a
 * URL), so that every card showing it uses the same image URN. Only a create sends a card: LinkedIn cannot edit one.
 */
final class LinkedInImages {
    private static final String PLATFORM = LinkedInClient.PLATFORM;
    /** Runs in a row a cover download may fail for a passing reason before the post goes without the picture. */
    static final int COVER_RUNS = 3;

    private final LinkedInClient client;
    private final OkHttpClient http;
    private final ImageFiles files;

    /**
     * @param client null without a token (then only {@link #identity} and {@link #pendingUpload} are of use)
     * @param http   for downloading a cover image (no token is sent with it)
     * @param files  the blog's local images, for a cover that is a file
     */
    LinkedInImages(LinkedInClient client, OkHttpClient http, ImageFiles files) {
        this.client = client;
        this.http = http;
        this.files = files;
    }

    /** What the card's picture is, for the fingerprint: the cover file's content hash, its URL, or "" for none. */
    String identity(Post post) {
        return post.cover() == null ? "" : LocalImages.isLocal(post.cover()) ? localCover(post).hash() : post.cover();
    }

    /**
     * The thumbnail's image URN for the card of a post being created, uploading the cover if it never was.
     *
     * @param author the post's author URN, asked for only when an upload is needed
     * @return the image URN, or null for a card without a picture (no cover, or one LinkedIn cannot use)
     * @throws PlatformException TRANSIENT when a cover download failed for a passing reason (the post waits for the
     *                           next run); REJECTED when a cover file cannot be read
     */
    String thumbnail(Post post, Session session, Supplier<String> author) {
        if (LocalImages.isLocal(post.cover())) {
            return localThumbnail(post, session, author);
        }
        return post.cover() == null ? null : remoteThumbnail(post, post.cover(), session, author);
    }

    /** The cover file a create would upload first, as shown to the user; empty when there is none to upload. */
    List<String> pendingUpload(Post post, Session session) {
        LocalCover local = localCover(post);
        return local.usable() && session.uploadedImage(PLATFORM, local.hash()).isEmpty()
                ? List.of(files.display(local.image().path())) : List.of();
    }

    /**
     * The cover's image URN: uploaded once per cover URL, remembered in the state file after that. A picture is
     * never what holds a post back for good: one LinkedIn cannot use (404, 403, not a JPG/PNG/GIF, too large) gives
     * a card without it and a warning; a download that failed for a passing reason (5xx, timeout) holds the post
     * for the next run, at most {@link #COVER_RUNS} runs in a row, counted in the state file, then it goes without.
     *
     * @return the image URN, or null for a card without a picture
     */
    private String remoteThumbnail(Post post, String cover, Session session, Supplier<String> author) {
        Optional<String> known = session.uploadedImage(PLATFORM, cover);
        if (known.isPresent()) {
            return known.get();
        }
        CoverDownload.Result got = CoverDownload.fetch(http, cover);
        if (got.kind() == CoverDownload.Kind.PERMANENT) {
            session.warn(post.file() + ": the cover " + cover + " " + got.reason() + ": the LinkedIn card goes "
                    + "without a picture");
            return null;
        }
        int runs = session.failedFetches(PLATFORM, cover);
        if (got.kind() == CoverDownload.Kind.TRANSIENT) {
            session.rememberFailedFetches(PLATFORM, cover, runs + 1);
            if (runs + 1 >= COVER_RUNS) {
                session.warn(post.file() + ": the cover " + cover + " " + got.reason() + ", in " + (runs + 1)
                        + " runs in a row: the LinkedIn card goes without a picture");
                return null;
            }
            throw new PlatformException(PLATFORM, PlatformException.Kind.TRANSIENT, "the cover " + cover + " "
                    + got.reason() + " (run " + (runs + 1) + " of " + COVER_RUNS + "), so the LinkedIn post was not "
                    + "sent; it goes out with the next run, and without the picture if it fails " + COVER_RUNS
                    + " runs in a row");
        }
        String urn = client.uploadImage(author.get(), got.bytes(), got.type().mime());
        session.rememberImage(PLATFORM, cover, urn);
        if (runs > 0) {
            session.rememberFailedFetches(PLATFORM, cover, 0);
        }
        return urn;
    }

    /** A cover that is a file in the blog, checked, with its content hash (what its upload is remembered by). */
    record LocalCover(ImageFiles.Image image, String hash) {
        /** LinkedIn's card takes JPG, PNG and GIF thumbnails (API.md §5); Hashnode also takes WebP and AVIF. */
        boolean usable() {
            return image.type() == ImageFiles.Type.JPEG || image.type() == ImageFiles.Type.PNG
                    || image.type() == ImageFiles.Type.GIF;
        }
    }

    /**
     * The post's cover, a file in the blog, checked and hashed.
     *
     * @throws PlatformException REJECTED when the file is missing, outside the blog, not a picture or unreadable
     */
    LocalCover localCover(Post post) {
        LocalImages.Ref ref = new LocalImages.Ref(LocalImages.Place.COVER, post.cover().strip(), -1, -1,
                post.line("cover"));
        ImageFiles.Check c = files.check(post, ref);
        if (!c.ok()) {
            throw new PlatformException(PLATFORM, PlatformException.Kind.REJECTED, post.file() + ":" + ref.line() + ": "
                    + c.message() + " (" + c.rule() + ")");
        }
        try {
            return new LocalCover(c.image(), files.hash(c.image()));
        } catch (IOException e) {
            throw new PlatformException(PLATFORM, PlatformException.Kind.REJECTED, post.file() + ": cannot read the "
                    + "cover " + post.cover() + " (" + e.getMessage() + ")");
        }
    }

    /** A local cover's image URN: uploaded once per content, remembered by its hash in the state file. */
    private String localThumbnail(Post post, Session session, Supplier<String> author) {
        LocalCover local = localCover(post);
        String shown = files.display(local.image().path());
        if (!local.usable()) {
            session.warn(post.file() + ": LinkedIn's card takes a JPG, PNG or GIF picture, and the cover " + shown
                    + " is " + local.image().type().mime() + ": the card goes without one");
            return null;
        }
        Optional<String> known = session.uploadedImage(PLATFORM, local.hash());
        if (known.isPresent()) {
            return known.get();
        }
        byte[] bytes;
        try {
            bytes = files.read(local.image());
        } catch (IOException e) {
            throw new PlatformException(PLATFORM, PlatformException.Kind.REJECTED, "cannot read the cover " + shown
                    + " of " + post.file() + " (" + e.getMessage() + "); the post was not sent");
        }
        String hash = ImageFiles.hashOf(bytes);
        String urn = client.uploadImage(author.get(), bytes, local.image().type().mime());
        session.rememberImage(PLATFORM, hash, urn);
        return urn;
    }
}
