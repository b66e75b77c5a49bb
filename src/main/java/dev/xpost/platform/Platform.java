package dev.xpost.platform;

import dev.xpost.post.Post;
import java.util.List;
import java.util.Map;
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
     * The posts this run may ask {@link #find} about (due, and not yet recorded on this platform), told before the
     * first of them: a platform that can look several up in one request does so here. Never throws: a failed
     * look-ahead is reported by {@link #find} on each of those posts.
     */
    default void lookAhead(List<Post> posts, Session session) {
    }

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

    /**
     * The fields the remote post holds from xpost after a create ({@code before} empty) or an update of this post:
     * the front matter keys the file sets, plus those of {@code before} that the platform cannot clear. The engine
     * records the list, and {@link #update} reads it back through {@link Session#recordedFields} to clear a key the
     * file dropped. Null when the platform keeps no such list (LinkedIn edits only its text).
     *
     * @param before what was recorded before; null when not known
     */
    default List<String> fieldsAfterSync(Post post, List<String> before) {
        return null;
    }

    /**
     * Why the remote post differs from the file in a way no request can fix (a field the API cannot clear), with
     * what the user must do in the platform's own pages; empty when nothing does. Decided from the file and the
     * recorded {@code fields} alone, so {@code plan} and {@code status} say it without a request.
     */
    default Optional<String> drift(Post post, List<String> fields) {
        return Optional.empty();
    }

    /**
     * What the state record of {@code remote} keeps beyond the neutral core (its {@code ext}): by default the slug
     * and cuid the platform returned ({@link Remote#ext()}); a platform adds what only it reads back.
     */
    default Map<String, String> recordExt(Remote remote) {
        return remote.ext();
    }

    /**
     * Creates the post. Never retried inside: an unknown outcome is thrown as {@code UNKNOWN_OUTCOME}. Just before
     * the create request goes out, tells {@link Session#sending} what it carries.
     */
    Remote create(Post post, Session session);

    /**
     * Settling a create whose outcome is unknown, on a platform that can be read (Hashnode): the remote post that
     * create made, looked for by what it carried ({@code sent}, as given to {@link Session#sending}), not by what
     * the file says now. Empty when there is none. {@code sent} is empty for a create recorded without it (made
     * by an older xpost); the post is then looked for as {@link #find} does.
     */
    default Optional<Found> findSent(Post post, Map<String, String> sent, Session session) {
        return find(post, session);
    }

    /**
     * Settling a create whose outcome is unknown, on a platform that cannot be read but refuses a repeat
     * (LinkedIn): sends the recorded create again, byte for byte, so that the platform answers with the post it
     * already has ({@link Remote#existing()}), or creates it when the first create did not. Not retried; fails as
     * {@link #create} does. With an empty {@code sent} (an older xpost's record), sends what the file says now.
     */
    default Remote resend(Post post, Map<String, String> sent, Session session) {
        return create(post, session);
    }

    /**
     * Brings an existing remote post in line with the file.
     *
     * @param recordedFingerprint what was last sent (null when adopted and unknown), so the adapter can tell
     *                            which part changed
     * @param slugChanged         the author changed the post's slug since it was last sent
     */
    Remote update(Post post, Remote existing, String recordedFingerprint, boolean slugChanged, Session session);
}
