package dev.xpost.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The contents of {@code .xpost/state.json}: which post is where on which platform. Immutable: every change
 * returns a new State, which the caller saves with {@link StateStore#save}. Maps are sorted so that the file's
 * git diffs read well; it holds no secret (there is no field for one).
 *
 * @param version   the format version, {@value #FORMAT_VERSION}
 * @param accounts  what a platform resolved once and keeps for later runs (the Hashnode publication id, the
 *                  LinkedIn author URN): platform name → key → value, in keys the platform's own package defines;
 *                  sorted, left out of the file while empty. Version 1 kept these as top-level {@code hashnode}
 *                  and {@code linkedin} objects
 * @param images    uploads already done, so an image is uploaded once: {@link #imageKey} → remote URL or URN
 * @param posts     slug → the post's file and platform records
 * @param started   when xpost first recorded this blog (its first real run, or the first one after this field came
 *                  in); null before. Without {@code linkedin.since}, a post that was on Hashnode before xpost knew
 *                  it goes to LinkedIn only when dated on or after this day. Optional: older files have none.
 * @param forgotten remote ids (LinkedIn URNs, Hashnode post ids) that a post once held and the user dropped with
 *                  {@code xpost state forget}: id → the post's file. A platform that names one of them again (LinkedIn's
 *                  422 duplicate answer keeps naming a deleted post for a day or two) must not have it adopted
 * @param attempts  failed tries of something a later run tries again, by {@link #imageKey} (a LinkedIn card picture
 *                  whose download failed for a passing reason) → runs that failed so far; gone once it succeeds
 * @param gone      Hashnode cuids a real run found the publication does not hold (deleted there, or never a post)
 *                  → the file that carries it; remembered so that later runs report them without asking again
 */
@JsonPropertyOrder(alphabetic = true)
public record State(
        int version,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, SortedMap<String, String>> accounts,
        SortedMap<String, String> images,
        SortedMap<String, PostEntry> posts,
        Instant started,
        // Left out of the file while empty, so that a state file without them reads and diffs as before.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> forgotten,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, Integer> attempts,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> gone) {

    /** The format this xpost reads and writes. A file with a higher version was written by a newer xpost. */
    public static final int FORMAT_VERSION = 2;

    public State {
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("format version " + version + " is not " + FORMAT_VERSION);
        }
        accounts = accounts(accounts);
        images = sortedCopy(images, "images");
        posts = PostMap.of(sortedCopy(posts, "posts"));
        forgotten = sortedCopy(forgotten, "forgotten");
        attempts = sortedCopy(attempts, "attempts");
        gone = sortedCopy(gone, "gone");
    }

    /** The state of a blog where nothing was published yet (what a missing state file means). */
    public static State empty() {
        return new State(FORMAT_VERSION, null, null, null, null, null, null, null);
    }

    /** The key under which an upload is remembered: the platform, then the source URL or content hash. */
    public static String imageKey(String platform, String source) {
        requireName(platform, "platform");
        requireName(source, "image source");
        return platform + " " + source;
    }

    /**
     * The post recorded under this slug, if any; none for a null slug (a backup's post whose title gives no slug
     * has no record under a slug until it is adopted).
     */
    public Optional<PostEntry> post(String slug) {
        return slug == null ? Optional.empty() : Optional.ofNullable(posts.get(slug));
    }

    /** The record of one post on one platform, if any. */
    public Optional<PlatformRecord> recordFor(String slug, String platform) {
        return post(slug).flatMap(entry -> entry.record(platform));
    }

    /** The slug recorded for this file, if any (files are relative to the blog root, with {@code /}). */
    public Optional<String> slugOf(String file) {
        // From an index of the posts' files, not by reading every post: asked for each post without a record,
        // thousands of times when a backup moves in (issue 15).
        return ((PostMap) posts).slugOf(file);
    }

    /**
     * Puts (adds or replaces) the record of one post on one platform; the post's file is set to {@code file},
     * which follows a post that was moved or renamed.
     */
    public State withRecord(String slug, String file, String platform, PlatformRecord record) {
        requireName(slug, "slug");
        requireName(file, "file");
        requireName(platform, "platform");
        Objects.requireNonNull(record, "record");
        PostEntry entry = posts.getOrDefault(slug, new PostEntry(file, null)).with(file, platform, record);
        return withPosts(((PostMap) posts).with(slug, entry));
    }

    /** One record to put with {@link #withRecords}; the arguments of {@link #withRecord}. */
    public record Change(String slug, String file, String platform, PlatformRecord record) {
    }

    /**
     * Puts many records at once, as {@link #withRecord} one after the other would, with one copy of the posts
     * instead of one per record: an import of N posts costs N, not N² (issue 15).
     */
    public State withRecords(List<Change> changes) {
        if (changes.isEmpty()) {
            return this;
        }
        SortedMap<String, PostEntry> copy = new TreeMap<>(posts);
        for (Change c : changes) {
            requireName(c.slug(), "slug");
            requireName(c.file(), "file");
            requireName(c.platform(), "platform");
            Objects.requireNonNull(c.record(), "record");
            PostEntry entry = copy.getOrDefault(c.slug(), new PostEntry(c.file(), null)).with(c.file(), c.platform(),
                    c.record());
            copy.put(c.slug(), entry);
        }
        return withPosts(Collections.unmodifiableSortedMap(copy));
    }

    /**
     * Forgets one post on one platform, so the next publish treats it as new there; the post itself is forgotten
     * when no platform is left. Nothing happens remotely. Unknown slugs and platforms are ignored.
     */
    public State forget(String slug, String platform) {
        PostEntry entry = posts.get(slug);
        if (entry == null || !entry.platforms().containsKey(platform)) {
            return this;
        }
        PostEntry rest = entry.without(platform);
        return rest.platforms().isEmpty() ? forget(slug) : withPosts(((PostMap) posts).with(slug, rest));
    }

    /** Forgets a post on every platform. Nothing happens remotely. An unknown slug is ignored. */
    public State forget(String slug) {
        if (!posts.containsKey(slug)) {
            return this;
        }
        return withPosts(((PostMap) posts).without(slug));
    }

    /**
     * Every create that may have happened without being recorded (status intent or unknown), sorted by slug
     * then platform. Each must be reconciled before anything is created again for that post on that platform.
     */
    public List<OpenIntent> openIntents() {
        List<OpenIntent> open = new ArrayList<>();
        posts.forEach((slug, entry) -> entry.platforms().forEach((platform, record) -> {
            if (record.status().open()) {
                open.add(new OpenIntent(slug, entry.file(), platform, record));
            }
        }));
        return List.copyOf(open);
    }

    /** One fact a platform keeps across runs (see {@link #accounts()}), if it is there. */
    public Optional<String> account(String platform, String key) {
        return Optional.ofNullable(accounts.getOrDefault(platform, Collections.emptySortedMap()).get(key));
    }

    /** Keeps (or, with a null value, drops) one fact of a platform's account; see {@link #accounts()}. */
    public State withAccount(String platform, String key, String value) {
        requireName(platform, "platform");
        requireName(key, "account key");
        SortedMap<String, SortedMap<String, String>> copy = new TreeMap<>(accounts);
        SortedMap<String, String> facts = new TreeMap<>(accounts.getOrDefault(platform, Collections.emptySortedMap()));
        if (value == null) {
            facts.remove(key);
        } else {
            facts.put(key, value);
        }
        copy.put(platform, facts);
        return new State(version, copy, images, posts, started, forgotten, attempts, gone);
    }

    /** The remembered upload of an image to a platform (by source URL or content hash), if any. */
    public Optional<String> image(String platform, String source) {
        return Optional.ofNullable(images.get(imageKey(platform, source)));
    }

    /** Remembers an upload: the remote URL (Hashnode CDN) or URN (LinkedIn image) of an image. */
    public State withImage(String platform, String source, String remote) {
        requireName(remote, "remote image");
        return new State(version, accounts, put(images, imageKey(platform, source), remote), posts, started,
                forgotten, attempts, gone);
    }

    /** Records when xpost first recorded this blog; see {@link #started()}. */
    public State withStarted(Instant at) {
        return new State(version, accounts, images, posts, Objects.requireNonNull(at, "at"), forgotten,
                attempts, gone);
    }

    /** Remembers that the publication does not hold this cuid; see {@link #gone()}. */
    public State withGone(String cuid, String file) {
        requireName(cuid, "cuid");
        requireName(file, "file");
        return new State(version, accounts, images, posts, started, forgotten, attempts,
                put(gone, cuid, file));
    }

    /** Forgets a gone cuid: a post created from that file (--recreate-gone) is no longer gone. */
    public State withoutGone(String cuid) {
        if (!gone.containsKey(cuid)) {
            return this;
        }
        SortedMap<String, String> copy = new TreeMap<>(gone);
        copy.remove(cuid);
        return new State(version, accounts, images, posts, started, forgotten, attempts, copy);
    }

    /**
     * Remembers that the user forgot the remote post {@code id} (held by the post in {@code file}), so that no later
     * run adopts it again on a platform's word.
     */
    public State withForgotten(String id, String file) {
        requireName(id, "remote id");
        requireName(file, "file");
        return new State(version, accounts, images, posts, started, put(forgotten, id, file), attempts, gone);
    }

    /** The file of the post that held this remote id before the user forgot it, if it was forgotten. */
    public Optional<String> forgottenBy(String id) {
        return Optional.ofNullable(id == null ? null : forgotten.get(id));
    }

    /** Drops a tombstone: the user said, with {@code xpost state adopt}, that the post is there after all. */
    public State withoutForgotten(String id) {
        if (!forgotten.containsKey(id)) {
            return this;
        }
        SortedMap<String, String> copy = new TreeMap<>(forgotten);
        copy.remove(id);
        return new State(version, accounts, images, posts, started, copy, attempts, gone);
    }

    /** How many runs already failed to fetch this source for this platform (0 when none did). */
    public int attempts(String platform, String source) {
        return attempts.getOrDefault(imageKey(platform, source), 0);
    }

    /** Sets the failed runs of one source; 0 drops the entry. */
    public State withAttempts(String platform, String source, int count) {
        String key = imageKey(platform, source);
        SortedMap<String, Integer> copy = new TreeMap<>(attempts);
        if (count <= 0) {
            copy.remove(key);
        } else {
            copy.put(key, count);
        }
        return new State(version, accounts, images, posts, started, forgotten, copy, gone);
    }

    /** This state without its posts: the rest of it, for replaying a journal over. */
    State withoutPosts() {
        return withPosts(Collections.emptySortedMap());
    }

    /** This state with these posts in place of its own. */
    State withAllPosts(SortedMap<String, PostEntry> newPosts) {
        return withPosts(newPosts);
    }

    private State withPosts(SortedMap<String, PostEntry> newPosts) {
        return new State(version, accounts, images, newPosts, started, forgotten, attempts, gone);
    }

    /** A sorted, unmodifiable copy of every platform's facts; a platform left without any is dropped. */
    private static SortedMap<String, SortedMap<String, String>> accounts(
            Map<String, ? extends Map<String, String>> accounts) {
        SortedMap<String, SortedMap<String, String>> out = new TreeMap<>();
        sortedCopy(accounts, "accounts").forEach((platform, facts) -> {
            SortedMap<String, String> copy = sortedCopy(facts, "accounts." + platform);
            if (!copy.isEmpty()) {
                out.put(platform, copy);
            }
        });
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * A copy of a map with one key put, made unmodifiable here so that the constructor keeps it as it is (see
     * {@link #sortedCopy}): one linear copy per change (TreeMap builds a copy of a sorted map from its sorted run),
     * where there were two and a check of every entry. Callers check the key and value.
     */
    private static <V> SortedMap<String, V> put(SortedMap<String, V> map, String key, V value) {
        SortedMap<String, V> copy = new TreeMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The class of the maps this record holds: unmodifiable views of a TreeMap of natural order that no one else
     * holds, made by {@link #sortedCopy} (after checking every entry) or by this record's own changes (after
     * checking the one entry changed). Nothing outside this package makes one.
     */
    private static final Class<?> FROZEN = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    /**
     * A sorted, unmodifiable copy; null means empty. A blank key or a null value is refused here because that is
     * where a hand-edited file ({@code "posts": {"x": null}}) arrives, and the message ends up in front of the user.
     */
    @SuppressWarnings("unchecked")
    static <V> SortedMap<String, V> sortedCopy(Map<String, V> map, String what) {
        if (map == null) {
            return Collections.emptySortedMap();
        }
        if (map.isEmpty()) {
            // One shared empty map rather than a TreeMap and its view per record without ext (issue 15: every
            // record of a 50,000-post state made one, each change of it another).
            return Collections.emptySortedMap();
        }
        if (map instanceof PostMap) {
            // The posts of another state (see PostMap): checked when each entry went in, and never changed.
            return (SortedMap<String, V>) map;
        }
        if (map.getClass() == FROZEN && ((SortedMap<String, V>) map).comparator() == null) {
            // Already checked, sorted and unmodifiable (see FROZEN): a record made from another's maps keeps
            // them instead of copying and checking each again, which cost every change of a 50,000-post state
            // two passes over its posts (issue 15), and an unchanged map stays the same object, so a journal
            // save compares it in constant time.
            return (SortedMap<String, V>) map;
        }
        map.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("\"" + what + "\" has an empty key");
            }
            if (value == null) {
                throw new IllegalArgumentException("\"" + what + "\" has no value for \"" + key + "\"");
            }
        });
        // A map already sorted by its keys' natural order is copied in linear time (TreeMap builds it from the
        // sorted run); every change of a 50,000-post state makes such a copy.
        SortedMap<String, V> copy = map instanceof SortedMap<String, V> sorted && sorted.comparator() == null
                ? new TreeMap<>(sorted) : new TreeMap<>(map);
        return Collections.unmodifiableSortedMap(copy);
    }
}
