package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.Session;
import dev.xpost.post.Post;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.StateStore;
import dev.xpost.state.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one owner of a run's state: every change to it goes through here, and here is the {@link Session} the
 * platforms see. Exactly once rests on its order: {@link #openCreate} records the intent and saves it before a
 * create request, {@link #sending} adds what the create carries and forces both to disk, and the result is
 * {@link #put} and {@link #save}d right after the answer. Saves append a line per changed post to the state journal;
 * {@link #compact} forces it and writes the state file whole when that is worth it, once at the end of the run.
 * One fsync per create, the one before its request: the result line need not be forced, since if a power cut loses
 * it the forced intent makes the next run settle the create (a lookup, or a re-send the platform answers with the
 * post it has), never create it twice; the next create's force or the end of the run makes it durable meanwhile.
 * Saves that record no create (adoptions, settled posts, updates, uploads, gone cuids) are what the next run finds
 * again with the same reads, so they wait for the next force as well (see StateStore's notes on the journal). On a plan or dry run (not live) nothing is written, and what a
 * platform asks to remember is dropped.
 */
final class Ledger implements Session {
    private final Config config;
    private final StateStore store;
    private final boolean live;
    private final Instant now;
    private final Planner planner;
    private final Planner.Facts facts;
    private final java.util.function.Function<Post, String> stateKey;
    private final List<String> warnings = new ArrayList<>();
    private State state;
    /** The state as last appended to the journal (or as loaded). */
    private State saved;
    /** Something changed since the last save. */
    private boolean dirty;
    /** Something went to the journal since the state file was last written whole. */
    private boolean journaled;
    /**
     * The slugs whose entries may differ from {@link #saved}: a save writes and compares only these, so that it
     * costs what changed, not the blog's size. Every change to a post goes through {@link #put} or {@link #keep},
     * which add to it; a change missed here would be a record lost from the journal.
     */
    private final java.util.Set<String> touched = new java.util.HashSet<>();
    /** See {@link #owners()}; null until first asked. */
    private java.util.Map<String, java.util.Set<String>> owners;
    /** The create in flight, whose intent {@link #sending} completes; null between creates. */
    private Opening opening;

    /** A create between its intent and its answer: what {@link #sending} adds to. */
    private static final class Opening {
        final Post post;
        final String platform;
        PlatformRecord intent;

        Opening(Post post, String platform, PlatformRecord intent) {
            this.post = post;
            this.platform = platform;
            this.intent = intent;
        }
    }

    /**
     * @param planner answers "is this record this post's?" and "is the home post assumed made?" for
     *                {@link #homeUrl}
     * @param facts   the run's facts, read for creates a plan assumes
     */
    Ledger(Config config, StateStore store, State loaded, boolean live, Instant now, Planner planner,
            Planner.Facts facts, java.util.function.Function<Post, String> stateKey) {
        this.config = config;
        this.store = store;
        this.state = loaded;
        this.saved = loaded;
        this.live = live;
        this.now = now;
        this.planner = planner;
        this.facts = facts;
        this.stateKey = stateKey;
    }

    /** The state as it is now, with every change of this run (saved or not). */
    State state() {
        return state;
    }

    List<String> warnings() {
        return warnings;
    }

    /** A warning about the whole run (said once by the caller, so added as it is). */
    void note(String warning) {
        warnings.add(warning);
    }

    /** The first live run on a blog marks when xpost started knowing it (the LinkedIn cutoff counts from it). */
    void markStarted(Instant at) {
        if (live && state.started() == null) {
            state = state.withStarted(at);
            dirty = true;
        }
    }

    /** Records under the post's current slug; a record kept under an old slug moves with it. Not yet saved. */
    void put(Post p, String name, String recordedSlug, PlatformRecord r) {
        if (!recordedSlug.equals(p.slug())) {
            state = state.forget(recordedSlug, name);
            touched.add(recordedSlug);
        }
        state = state.withRecord(p.slug(), stateKey.apply(p), name, r);
        touched.add(p.slug());
        own(name, r, p.slug());
        dirty = true;
    }

    /**
     * Many records at once, each under the slug it names (source digests learnt for unchanged posts): one copy of
     * the state for all of them. Not yet saved.
     */
    void putAll(List<State.Change> changes) {
        state = state.withRecords(changes);
        changes.forEach(c -> touched.add(c.slug()));
        dirty = true;
    }

    /** Records under the slug the record was kept by, whatever the post's slug is now. Not yet saved. */
    void keep(Post p, String name, String recordedSlug, PlatformRecord r) {
        state = state.withRecord(recordedSlug, stateKey.apply(p), name, r);
        touched.add(recordedSlug);
        own(name, r, recordedSlug);
        dirty = true;
    }

    /** A cuid the home platform does not hold (only a real run records it; a plan only says it). */
    void markGone(String cuid, Post p) {
        if (live) {
            state = state.withGone(cuid, stateKey.apply(p));
            dirty = true;
        }
    }

    /** A gone cuid re-created with {@code --recreate-gone}. */
    void clearGone(String cuid) {
        state = state.withoutGone(cuid);
        dirty = true;
    }

    /**
     * Records and saves the intent of a create: a run that dies after its request went out leaves an open record
     * that the next run settles instead of creating a twin. It is forced to disk by {@link #sending}, which every
     * platform's create calls just before its request (uploads go first and need no intent). Pair with
     * {@link #closeCreate}.
     */
    void openCreate(Post p, String name, String recordedSlug, PlatformRecord intent) {
        put(p, name, recordedSlug, intent);
        save();
        opening = new Opening(p, name, intent);
    }

    /** The intent of the create in flight, with what {@link #sending} added. */
    PlatformRecord openIntent() {
        return opening.intent;
    }

    void closeCreate() {
        opening = null;
    }

    /**
     * The file of another post whose record on this platform holds {@code id}; null when none does. A remote id
     * belongs to one post. Asked after every create, so it looks the id up instead of reading every post.
     */
    String ownerOf(Post p, String name, String id) {
        if (id == null) {
            return null;
        }
        for (String slug : owners().getOrDefault(name + " " + id, java.util.Set.of())) {
            // The index only grows: a slug it names may since have lost or moved the record, so ask the state.
            var entry = state.posts().get(slug);
            if (!slug.equals(p.slug()) && entry != null && entry.record(name)
                    .map(r -> id.equals(r.id())).orElse(false)) {
                return entry.file();
            }
        }
        return null;
    }

    /**
     * "platform id" → the slugs whose record held that id at some point of the run: built from the state the first
     * time it is asked, then added to by every {@link #put} and {@link #keep} (the only ways a record comes in).
     */
    private java.util.Map<String, java.util.Set<String>> owners() {
        if (owners == null) {
            owners = new java.util.HashMap<>();
            state.posts().forEach((slug, entry) -> entry.platforms().forEach((platform, r) -> own(platform, r, slug)));
        }
        return owners;
    }

    private void own(String platform, PlatformRecord r, String slug) {
        if (owners != null && r.id() != null) {
            owners.computeIfAbsent(platform + " " + r.id(), k -> new java.util.TreeSet<>()).add(slug);
        }
    }

    /**
     * Records the changes since the last call before the run goes on: a line per changed post in the state
     * journal, so a remote call costs a write the size of its record, not of the whole state file. Not forced to
     * disk (see the class notes): the next create's intent or the end of the run forces it.
     */
    void save() {
        save(false);
    }

    private void save(boolean force) {
        if (live) {
            store.append(saved, state, touched, force);
            saved = state;
            touched.clear();
            journaled = true;
            dirty = false;
        }
    }

    /**
     * The end of a live run: the last changes go to the journal, which the store folds into the state file when it
     * finds it worth it (an older format always is).
     */
    void compact() {
        if (live) {
            store.compact(saved, state, touched);
            saved = state;
            touched.clear();
            journaled = false;
            dirty = false;
        }
    }

    // Session

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Optional<String> remembered(String key) {
        return ReadOnlySession.account(state, key);
    }

    @Override
    public void remember(String key, String value) {
        if (!live) {
            return;
        }
        state = ReadOnlySession.withAccount(state, key, value);
        dirty = true;
    }

    @Override
    public Optional<String> uploadedImage(String platform, String source) {
        return state.image(platform, source);
    }

    @Override
    public void rememberImage(String platform, String source, String remote) {
        if (live) {
            state = state.withImage(platform, source, remote);
            dirty = true;
        }
    }

    @Override
    public Optional<String> homeUrl(Post p) {
        String home = planner.home();
        if (home == null) {
            return Optional.empty();
        }
        Optional<String> recorded = (p.slug() == null ? Optional.<PlatformRecord>empty()
                : planner.recordOf(p, p.slug(), home, state))
                .filter(r -> r.status() == Status.PUBLISHED).map(PlatformRecord::url);
        if (recorded.isPresent() || !facts.assumed.contains(home + " " + p.slug())) {
            return recorded;
        }
        // A plan assumes the home create succeeds; its URL is then the one the home platform predicts.
        return ReadOnlySession.predictedHomeUrl(config, p);
    }

    @Override
    public int failedFetches(String platform, String source) {
        return state.attempts(platform, source);
    }

    @Override
    public void rememberFailedFetches(String platform, String source, int runs) {
        if (live && state.attempts(platform, source) != runs) {
            state = state.withAttempts(platform, source, runs);
            dirty = true;
        }
    }

    @Override
    public Optional<List<String>> recordedFields(Post p, String platform) {
        Optional<PlatformRecord> rec = state.recordFor(p.slug(), platform);
        if (rec.isEmpty()) {
            // A renamed slug: the record still sits under the old one until this step moves it.
            rec = state.slugOf(stateKey.apply(p)).flatMap(old -> state.recordFor(old, platform));
        }
        return rec.map(PlatformRecord::fields);
    }

    @Override
    public void sending(Map<String, String> carried) {
        if (!live || opening == null) {
            return;
        }
        opening.intent = opening.intent.sending(carried);
        put(opening.post, opening.platform, opening.post.slug(), opening.intent);
        // The create's one fsync: the intent and what it carries are on disk before its request goes out.
        save(true);
    }

    @Override
    public void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }
}
