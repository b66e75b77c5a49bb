package dev.xpost.platform;

import dev.xpost.post.Post;
import java.util.List;
import java.util.Optional;

/**
 * One publishing platform, as the publish engine sees it. Implementations hold one wire client each
 * ({@code platform.hashnode}, {@code platform.linkedin}); they never touch the state file: the engine records
 * what they return. Every method may throw {@link PlatformException}.
 */
public interface Platform {
    String name();

    /** True when a token is set, so the remote side may be read; a dry run without one works offline. */
    boolean online();

    /**
     * Once per run, before any post, and without any request: local checks (warnings about a version or a token
     * about to expire) and what the state file remembers. What must be asked of the platform (publication id,
     * author URN) is asked on first need, so that a run with nothing to do sends nothing.
     */
    void prepare(Session session);

    /**
     * A digest of everything this post would send now. The engine stores it after each create or update; a
     * post whose digest equals the stored one is unchanged and costs no request.
     */
    String fingerprint(Post post, Session session);

    /**
     * The remote post that already is this post, when the platform can tell (Hashnode: by the cuid of a backup,
     * then by slug). Empty when there is none, or when the platform cannot read its posts (LinkedIn).
     */
    Optional<Found> find(Post post, Session session);

    /**
     * @param remote    the existing post
     * @param sameContent true when its content equals what the file would send; null when unknown
     */
    record Found(Remote remote, Boolean sameContent) {
    }

    /**
     * The identity this post carries on this platform from before xpost knew it (Hashnode: the cuid of a backup),
     * or null. A post with one is adopted by it and never created by a plain publish: when {@link #find} finds
     * nothing, it is gone.
     */
    default String identity(Post post) {
        return null;
    }

    /** The requests {@link #create} would send, for {@code --dry-run}. */
    List<WireRequest> previewCreate(Post post, Session session);

    /** The requests {@link #update} would send, for {@code --dry-run}. */
    List<WireRequest> previewUpdate(Post post, Remote existing, String recordedFingerprint, boolean slugChanged,
            Session session);

    /**
     * The local images a create or update of this post would upload first (as paths for people), so that
     * {@code plan} can say so; empty when there are none or all are uploaded already.
     *
     * @param create true for a create, false for an update
     */
    default List<String> pendingUploads(Post post, boolean create, Session session) {
        return List.of();
    }

    /** Creates the post. Never retried inside: an unknown outcome is thrown as {@code UNKNOWN_OUTCOME}. */
    Remote create(Post post, Session session);

    /**
     * Brings an existing remote post in line with the file.
     *
     * @param recordedFingerprint what was last sent (null when adopted and unknown), so the adapter can tell
     *                            which part changed
     * @param slugChanged         the author changed the post's slug since it was last sent
     */
    Remote update(Post post, Remote existing, String recordedFingerprint, boolean slugChanged, Session session);
}
