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
 * create request, {@link #sending} adds what the create carries, and the result is {@link #put} and {@link #save}d
 * right after the answer. Saves append a line per changed post to the state journal; {@link #compact} writes the
 * state file whole once at the end of the run. On a plan or dry run (not live) nothing is written, and what a
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
        }
        state = state.withRecord(p.slug(), stateKey.apply(p), name, r);
        dirty = true;
    }

    /**
     * Many records at once, each under the slug it names (source digests learnt for unchanged posts): one copy of
     * the state for all of them. Not yet saved.
     */
    void putAll(List<State.Change> changes) {
        state = state.withRecords(changes);
        dirty = true;
    }

    /** Records under the slug the record was kept by, whatever the post's slug is now. Not yet saved. */
    void keep(Post p, String name, String recordedSlug, PlatformRecord r) {
        state = state.withRecord(recordedSlug, stateKey.apply(p), name, r);
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
     * Records and saves the intent of a create before its request goes out: a run that dies after this point
     * leaves an open record that the next run settles instead of creating a twin. Pair with {@link #closeCreate}.
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
     * belongs to one post.
     */
    String ownerOf(Post p, String name, String id) {
        for (var e : state.posts().entrySet()) {
            if (!e.getKey().equals(p.slug()) && e.getValue().record(name)
                    .map(r -> id != null && id.equals(r.id())).orElse(false)) {
                return e.getValue().file();
            }
        }
        return null;
    }

    /**
     * Records the changes since the last call, durably, before the run goes on: a line per changed post in the
     * state journal, so a remote call costs a write the size of its record, not of the whole state file.
     */
    void save() {
        if (live) {
            store.append(saved, state);
            saved = state;
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
            store.compact(saved, state);
            saved = state;
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
        save();
    }

    @Override
    public void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }
}
