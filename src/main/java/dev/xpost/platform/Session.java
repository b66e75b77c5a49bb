package dev.xpost.platform;

import dev.xpost.post.Post;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform adapter may ask of the run it is part of. The run owns the state file; adapters only see this.
 */
public interface Session {

    /** The clock for "is it due?" and for back-dating. */
    Instant now();

    /**
     * A value remembered across runs, from the state file. Keys are {@code <platform>.<name>}, defined by the
     * platform's own package (e.g. {@code hashnode.publicationId}); the run keeps them under that platform's
     * account in the state file.
     */
    Optional<String> remembered(String key);

    /** Remembers a value across runs; the run writes it to the state file. Ignored on a dry run. */
    void remember(String key, String value);

    /** An image already uploaded to a platform, by its source (a URL, or the content hash of a local file). */
    Optional<String> uploadedImage(String platform, String source);

    /** Remembers an upload so that no later run uploads the same image again. Ignored on a dry run. */
    void rememberImage(String platform, String source, String remote);

    /**
     * The URL this post has on the home platform ({@link Capabilities#home()}), where platforms that
     * {@link Capabilities#linksHome() link home} point: the one recorded when xpost published it there, or in a
     * plan or preview the one the home platform will give it ({@link PlatformSetup#predictedUrl}); empty when
     * neither is known.
     */
    Optional<String> homeUrl(Post post);

    /**
     * The fields the state file records as held by this post on {@code platform}
     * ({@link Platform#fieldsAfterSync}); empty when not known.
     */
    default Optional<List<String>> recordedFields(Post post, String platform) {
        return Optional.empty();
    }

    /**
     * How many runs in a row failed, for a passing reason, to fetch {@code source} (a cover URL) for
     * {@code platform}; 0 when none did. Kept in the state file, so that a picture is tried a bounded number of runs.
     */
    default int failedFetches(String platform, String source) {
        return 0;
    }

    /** Records that count; 0 forgets it. Ignored on a dry run. */
    default void rememberFailedFetches(String platform, String source, int runs) {
    }

    /** A warning for the user (stderr), such as a LinkedIn version about to retire. */
    void warn(String message);

    /**
     * Told by {@link Platform#create} just before the create request itself goes out (after any uploads), with
     * what it carries in the platform's own keys. A real run records it in the open intent and saves it before
     * the request, so that settling an unknown outcome looks for, or sends again, exactly this. Ignored elsewhere.
     */
    default void sending(Map<String, String> carried) {
    }
}
