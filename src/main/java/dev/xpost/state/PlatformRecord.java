package dev.xpost.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the state file knows about one post on one platform. Immutable: every change returns a new record, which
 * the caller puts back with {@link State#withRecord} and saves.
 *
 * <p>The usual life of a create: {@link #intent(Instant, String)} (saved <em>before</em> anything is sent), then
 * {@link #sending(Map)} (saved just before the create request itself, with what it carries), then
 * {@link #published} on success, {@link #unknown(String, Instant)} when the outcome is unknown, or
 * {@link #failed(String)} when the platform refused it. Later edits: {@link #sent(String, Instant)}.
 *
 * <p>An open create (intent or unknown) keeps what it carried ({@code sent}) and the hash of the file it was made
 * from, so that settling looks for — or sends again, byte for byte — what really went out, whatever the file says
 * by then; the hash then tells whether the settled post must be brought in line with an edited file.
 *
 * @param status        where the post stands; never null
 * @param id            the remote id (a Hashnode post id, a LinkedIn post URN, a dev.to article id); required when
 *                      published
 * @param url           the post's URL as the platform returned it
 * @param hash          the hash of what was last sent (its format is the caller's, e.g. {@code sha256:…});
 *                      null for an adopted post whose remote content is not known. For an open create: the hash
 *                      of what that create carries
 * @param sentAt        when the content with that hash was sent
 * @param intentAt      when the open create was recorded (status intent or unknown); null otherwise
 * @param message       what went wrong with the last attempt, in words for the user; null when nothing did
 * @param fields        the fields the remote post holds because xpost sent them (front matter keys the file set
 *                      at the last create or update, plus any the platform cannot clear after the file dropped
 *                      them), sorted; what a key removed from the file must be cleared from. Null when not known
 *                      (an adopted post, or a record written before xpost kept this list)
 * @param sent          for an open create, what its request carries, in the platform's own keys (Hashnode:
 *                      {@code slug}, {@code title}; LinkedIn: {@code author}, {@code commentary}, {@code card.*});
 *                      null when the request was not built yet (or the record predates this field)
 * @param requestEndedAt for an unknown create, when its request ended without a readable answer: Hashnode's
 *                      read lag counts from here, since the post may have been committed up to that instant
 * @param ext           what only this record's platform knows about the post, in keys that platform's own package
 *                      defines and reads (Hashnode: {@code cuid}, {@code slug}, {@code publicationId}); sorted,
 *                      never null, left out of the file while empty. The state package keeps it without reading it
 * @param source        a digest of everything the request with {@code hash} was made from (the file's bytes, the
 *                      config, the home URL, the build of xpost), taken without rendering; equal now means the
 *                      post would send the same again. Null when not known: the post is rendered and compared by
 *                      {@code hash}. Every change made through the other methods drops it
 */
@JsonPropertyOrder(alphabetic = true)
public record PlatformRecord(
        Status status,
        String id,
        String url,
        String hash,
        Instant sentAt,
        Instant intentAt,
        String message,
        List<String> fields,
        Map<String, String> sent,
        Instant requestEndedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> ext,
        String source) {

    public PlatformRecord {
        fields = fieldList(fields);
        if (status == null) {
            throw new IllegalArgumentException("\"status\" is missing (expected one of: published, intent,"
                    + " unknown, failed)");
        }
        if (status == Status.PUBLISHED && (id == null || id.isBlank())) {
            throw new IllegalArgumentException("a published record needs the remote \"id\"");
        }
        sent = sent == null || sent.isEmpty() ? null : Collections.unmodifiableMap(new TreeMap<>(sent));
        ext = State.sortedCopy(ext, "ext");
    }

    /** The classes of {@link List#of} lists (immutable, without nulls): one for up to two elements, one for more. */
    private static final Class<?> LIST12 = List.of("a").getClass();
    private static final Class<?> LISTN = List.of("a", "b", "c").getClass();

    /**
     * Fields as a record keeps them: sorted, without repeats, immutable; null stays null. A list that is already
     * so (an immutable one in strictly increasing order) is kept as it is rather than copied, so that records read
     * from one state file share one list per set of fields (StateReader).
     */
    static List<String> fieldList(List<String> fields) {
        if (fields == null) {
            return null;
        }
        if (fields.getClass() == LIST12 || fields.getClass() == LISTN) {
            boolean increasing = true;
            for (int i = 1; i < fields.size() && increasing; i++) {
                increasing = fields.get(i - 1).compareTo(fields.get(i)) < 0;
            }
            if (increasing) {
                return fields;
            }
        }
        return List.copyOf(new TreeSet<>(fields));
    }

    /** A record without a {@link #source()} digest. */
    public PlatformRecord(Status status, String id, String url, String hash, Instant sentAt, Instant intentAt,
            String message, List<String> fields, Map<String, String> sent, Instant requestEndedAt,
            Map<String, String> ext) {
        this(status, id, url, hash, sentAt, intentAt, message, fields, sent, requestEndedAt, ext, null);
    }

    /** The same record with the source digest of what {@link #hash()} was made from; null drops it. */
    public PlatformRecord withSource(String newSource) {
        return new PlatformRecord(status, id, url, hash, sentAt, intentAt, message, fields, sent, requestEndedAt,
                ext, newSource);
    }

    /** A record without its sent fields, an open create's details or a platform extension. */
    public PlatformRecord(Status status, String id, String url, String hash, Instant sentAt, Instant intentAt,
            String message) {
        this(status, id, url, hash, sentAt, intentAt, message, null, null, null, null);
    }

    /** A create about to be sent: save this before sending so that a crash leaves a trace. */
    public static PlatformRecord intent(Instant at) {
        return intent(at, null);
    }

    /**
     * A create about to be sent, made from a file whose hash is {@code hash} (null when not known): save this
     * before sending so that a crash leaves a trace.
     */
    public static PlatformRecord intent(Instant at, String hash) {
        Objects.requireNonNull(at, "at");
        return new PlatformRecord(Status.INTENT, null, null, hash, null, at, null);
    }

    /**
     * What the create request carries, recorded just before it goes out (after any uploads).
     *
     * @throws IllegalStateException when this is not an open create
     */
    public PlatformRecord sending(Map<String, String> carried) {
        if (!status.open()) {
            throw new IllegalStateException("only an open create carries a request; this one is " + status.label());
        }
        return new PlatformRecord(status, id, url, hash, sentAt, intentAt, message, fields, carried, requestEndedAt,
                ext);
    }

    /** A post that exists remotely (just created, or adopted): {@code hash} may be null when adopting. */
    public static PlatformRecord published(String id, String url, String hash, Instant sentAt) {
        return new PlatformRecord(Status.PUBLISHED, id, url, hash, sentAt, null, null);
    }

    /**
     * The platform's own details of the post (see {@link #ext()}), merged over those already held: a key with a
     * null value is removed.
     */
    public PlatformRecord withExt(Map<String, String> more) {
        SortedMap<String, String> merged = new TreeMap<>(ext);
        more.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return new PlatformRecord(status, id, url, hash, sentAt, intentAt, message, fields, sent, requestEndedAt,
                merged);
    }

    /** The URL changed (a platform may move a post when its slug changes). */
    public PlatformRecord withUrl(String newUrl) {
        return new PlatformRecord(status, id, newUrl, hash, sentAt, intentAt, message, fields, sent, requestEndedAt,
                ext);
    }

    /** The fields the remote post now holds from xpost (see {@link #fields()}); null when not known. */
    public PlatformRecord withFields(List<String> newFields) {
        return new PlatformRecord(status, id, url, hash, sentAt, intentAt, message, newFields, sent, requestEndedAt,
                ext);
    }

    /**
     * Remembers a problem without changing the status: for a published post whose update failed (the post still
     * exists, so it is not {@link Status#FAILED}). Null clears it.
     */
    public PlatformRecord withMessage(String newMessage) {
        return new PlatformRecord(status, id, url, hash, sentAt, intentAt, newMessage, fields, sent, requestEndedAt,
                ext);
    }

    /**
     * New content was sent to an existing post (an update succeeded): records its hash and time and clears any
     * earlier problem.
     *
     * @throws IllegalStateException when there is no remote post to have sent it to
     */
    public PlatformRecord sent(String newHash, Instant at) {
        if (status != Status.PUBLISHED) {
            throw new IllegalStateException("only a published post can be updated; this one is " + status.label());
        }
        return new PlatformRecord(Status.PUBLISHED, id, url, newHash, at, null, null, fields, null, null, ext);
    }

    /**
     * The create was sent and its outcome is unknown: it must be reconciled before anything is created again.
     *
     * @throws IllegalStateException when the post is already published (an update's unknown outcome changes
     *                               nothing: updates can simply be sent again; use {@link #withMessage})
     */
    public PlatformRecord unknown(String why) {
        return unknown(why, null);
    }

    /**
     * The create was sent and its outcome is unknown; its request ended at {@code endedAt} (null when not known).
     * What it carried is kept, for settling.
     *
     * @throws IllegalStateException when the post is already published
     */
    public PlatformRecord unknown(String why, Instant endedAt) {
        requireNoRemotePost("unknown");
        return new PlatformRecord(Status.UNKNOWN, null, null, hash, null, intentAt, why, null, sent, endedAt, null);
    }

    /**
     * The platform refused the create: no remote post exists, so the next run may try again.
     *
     * @throws IllegalStateException when the post is already published (a failed update leaves it published;
     *                               use {@link #withMessage})
     */
    public PlatformRecord failed(String why) {
        requireNoRemotePost("failed");
        return new PlatformRecord(Status.FAILED, null, null, null, null, null, why);
    }

    private void requireNoRemotePost(String target) {
        if (status == Status.PUBLISHED) {
            throw new IllegalStateException("a published post cannot become " + target
                    + ": it exists remotely; record the problem with withMessage");
        }
    }
}
