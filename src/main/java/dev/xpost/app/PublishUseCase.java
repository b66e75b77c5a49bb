package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Remote;
import dev.xpost.platform.Session;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.Post;
import dev.xpost.post.ReadResult;
import dev.xpost.state.HashnodeInfo;
import dev.xpost.state.LinkedinInfo;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.StateLock;
import dev.xpost.state.StateStore;
import dev.xpost.state.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The publish engine behind {@code plan}, {@code publish --dry-run} and {@code publish}: one walk over the due
 * posts, oldest first, deciding per post and platform what to do, and on a real run doing it with the state file
 * written after every remote call. Plans and dry runs walk the same path and assume every step succeeds, so what
 * they show is what a real run would do.
 */
public final class PublishUseCase {
    public enum Mode { PLAN, DRY_RUN, LIVE }

    /**
     * @param now   the clock for "is it due?" ({@code --now}); null for the real time
     * @param max   remote posts one run may create ({@code --max}); null for the configured default
     */
    public record Options(List<Path> paths, Instant now, List<String> platforms, Mode mode, Integer max) {
    }

    /** How long a second run waits for the lock of a first one before giving up. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    /**
     * Hashnode's reads may lag its writes by up to ~25 s (API.md §3): a post that may have been committed less than
     * this long ago (counted from when its request ended) cannot be looked up yet.
     */
    static final Duration HASHNODE_READ_LAG = Duration.ofSeconds(30);
    /**
     * LinkedIn answers a repeated create with 422 and the URN of the post it already has, for about ten minutes
     * (API.md §6). Within that window an unsettled create is settled by sending it again; after it, only the
     * user can tell, so xpost asks.
     */
    static final Duration LINKEDIN_DUPLICATE_WINDOW = Duration.ofMinutes(10);

    private final Services services;
    private final PlatformFactory factory;

    public PublishUseCase(Services services, PlatformFactory factory) {
        this.services = services;
        this.factory = factory;
    }

    public RunReport run(Options o) {
        Config config = services.config();
        Instant now = o.now() != null ? o.now() : services.clock().instant();
        List<String> targets = Platforms.select(config, o.platforms());
        Blog blog = Blog.load(config, services.cwd(), o.paths());
        if (o.mode() != Mode.PLAN && blog.errorCount() > 0) {
            return new RunReport(o.mode(), now, config.timezone(), targets, List.of(), blog.problems(), true,
                    List.of());
        }
        StateStore store = services.stateStore();
        try (StateLock lock = o.mode() == Mode.LIVE ? StateLock.acquire(config.stateFile(), LOCK_WAIT) : null) {
            Run run = new Run(config, o, now, targets, blog, store, store.load());
            if (lock != null) {
                lock.tookOverFrom().ifPresent(w -> run.warnings.add("took over the lock left by " + w));
            }
            return run.execute();
        }
    }

    /** A create between its intent and its answer: what {@link Run#sending} adds to. */
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

    /** One run's working set; lives for one call of {@link #run}. */
    private final class Run implements Session {
        final Config config;
        final Options options;
        final Instant now;
        final List<String> targets;
        final Blog blog;
        final StateStore store;
        State state;
        final boolean live;
        final int max;
        int created;
        final List<Outcome> outcomes = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<String, PlatformException> stopped = new HashMap<>();
        /** Creates a plan or dry run assumes succeeded, so that later steps (part 2, LinkedIn) see them. */
        final Set<String> assumed = new HashSet<>();
        final Map<String, Post> seriesPrevious = new HashMap<>();
        boolean dirty;
        /** The create in flight, whose intent {@link #sending} completes; null between creates. */
        Opening opening;

        Run(Config config, Options options, Instant now, List<String> targets, Blog blog, StateStore store,
                State state) {
            this.config = config;
            this.options = options;
            this.now = now;
            this.targets = targets;
            this.blog = blog;
            this.store = store;
            this.state = state;
            this.live = options.mode() == Mode.LIVE;
            this.max = options.max() != null ? options.max() : config.maxCreates();
        }

        RunReport execute() {
            List<Post> due = new ArrayList<>();
            for (ReadResult r : blog.results()) {
                if (r.post() == null) {
                    outcomes.add(new Outcome(null, null, r.file(), null, PlanAction.INVALID, null, null, null, null,
                            firstError(r.file()), null, null));
                }
            }
            List<Post> posts = new ArrayList<>(blog.posts());
            // Oldest first, as they went out in time; undated posts are due "now" and sort there.
            posts.sort(Comparator.comparing((Post p) -> p.publishAt() == null ? now : p.publishAt())
                    .thenComparing(p -> p.file().toString()));
            for (Post p : posts) {
                if (p.ignored()) {
                    outcomes.add(row(p, null, PlanAction.IGNORED, null, "ignorePost: true"));
                } else if (blog.firstError(p.file()).isPresent()) {
                    outcomes.add(row(p, null, PlanAction.INVALID, null, firstError(p.file())));
                } else if (p.draft()) {
                    outcomes.add(row(p, null, PlanAction.DRAFT, null,
                            "a draft: never published until `draft: true` goes"));
                } else {
                    due.add(p);
                }
            }
            linkSeries(due);
            Map<String, Platform> platforms = new LinkedHashMap<>();
            for (String name : targets) {
                try {
                    Platform platform = factory.create(name, services, options.mode());
                    platforms.put(name, platform);
                    platform.prepare(this);
                } catch (PlatformException e) {
                    stopped.put(name, e);
                }
            }
            if (targets.isEmpty()) {
                for (Post p : due) {
                    boolean scheduled = p.publishAt() != null && p.publishAt().isAfter(now);
                    outcomes.add(row(p, null, scheduled ? PlanAction.SCHEDULED : PlanAction.CREATE,
                            scheduled ? p.publishAt() : null, null));
                }
            }
            for (Post p : due) {
                for (String name : targets) {
                    outcomes.add(step(p, name, platforms.get(name)));
                }
            }
            if (live && dirty) {
                store.save(state);
            }
            return new RunReport(options.mode(), now, config.timezone(), targets, outcomes, blog.problems(), false,
                    warnings);
        }

        private Outcome step(Post p, String name, Platform platform) {
            if (!p.targets(name)) {
                return row(p, name, PlanAction.SKIPPED, null, "not in this post's platforms: "
                        + String.join(", ", p.platforms()));
            }
            if (beforeSince(p, name)) {
                return row(p, name, PlanAction.SKIPPED, null, "dated before linkedin.since ("
                        + config.linkedin().since() + ")");
            }
            if (p.publishAt() != null && p.publishAt().isAfter(now)) {
                return row(p, name, PlanAction.SCHEDULED, p.publishAt(), null);
            }
            String key = stateKey(p);
            Optional<PlatformRecord> rec = state.recordFor(p.slug(), name);
            String recordedSlug = p.slug();
            if (rec.isEmpty()) {
                Optional<String> old = state.slugOf(key);
                if (old.isPresent() && !old.get().equals(p.slug())) {
                    recordedSlug = old.get();
                    rec = state.recordFor(recordedSlug, name);
                }
            }
            boolean slugChanged = !recordedSlug.equals(p.slug());
            PlatformException stop = stopped.get(name);
            if (stop != null) {
                return failedRow(p, name, guessAction(rec), "not attempted: " + stop.getMessage(), stop.kind());
            }
            try {
                String fp = platform.fingerprint(p, this);
                if (rec.isPresent() && rec.get().status() == Status.PUBLISHED) {
                    PlatformRecord r = rec.get();
                    if (fp.equals(r.hash()) && !slugChanged) {
                        Optional<String> drift = platform.drift(p, r.fields());
                        if (drift.isPresent()) {
                            return done(p, name, PlanAction.DRIFT, Outcome.Result.DRIFT, r.id(), r.url(),
                                    drift.get(), List.of());
                        }
                        return done(p, name, PlanAction.UNCHANGED, Outcome.Result.UNCHANGED, r.id(), r.url(), null,
                                List.of());
                    }
                    return update(p, name, platform, r, recordedSlug, slugChanged, fp);
                }
                if (rec.isPresent() && rec.get().status().open()) {
                    return settle(p, name, platform, rec.get(), recordedSlug, fp);
                }
                return createOrAdopt(p, name, platform, recordedSlug, fp);
            } catch (PlatformException e) {
                if (e.stopsPlatform()) {
                    stopped.put(name, e);
                }
                return failedRow(p, name, guessAction(rec), e.getMessage(), e.kind());
            }
        }

        private Outcome createOrAdopt(Post p, String name, Platform platform, String recordedSlug, String fp) {
            Optional<Platform.Found> found = platform.online() || live ? platform.find(p, this) : Optional.empty();
            if (found.isEmpty() && !platform.online() && !live && name.equals(Config.HASHNODE) && p.cuid() != null) {
                // Offline we cannot look; a backup's cuid says the post is on Hashnode already.
                return row(p, name, PlanAction.ADOPT, null, "cuid " + p.cuid() + ": already on Hashnode "
                        + "(not checked: no HASHNODE_TOKEN)");
            }
            if (found.isPresent()) {
                return adopt(p, name, platform, found.get(), recordedSlug, fp);
            }
            return create(p, name, platform, recordedSlug, fp, null);
        }

        private Outcome adopt(Post p, String name, Platform platform, Platform.Found found, String recordedSlug,
                String fp) {
            Remote remote = found.remote();
            boolean same = Boolean.TRUE.equals(found.sameContent());
            if (!live) {
                if (same) {
                    return withRemote(row(p, name, PlanAction.ADOPT, null, "already on " + name + ": "
                            + remote.url()), remote);
                }
                List<WireRequest> requests = options.mode() == Mode.DRY_RUN
                        ? platform.previewUpdate(p, remote, null, false, this) : List.of();
                return new Outcome(p.slug(), p.title(), p.file(), name, PlanAction.UPDATE, null, null, remote.id(),
                        remote.url(), "adopt " + remote.url() + " (already on " + name + ") and update it: its "
                        + "content differs from the file", null, requests);
            }
            PlatformRecord r = record(remote, same ? fp : null);
            // No remote call made this record, so it waits for the run's last save: saving each of the hundreds
            // of posts of an adopted backup on its own costs a write and an fsync apiece. A crash before that save
            // loses only what the next run finds again with the same reads.
            put(p, name, recordedSlug, r);
            if (same) {
                return done(p, name, PlanAction.ADOPT, Outcome.Result.ADOPTED, remote.id(), remote.url(),
                        "already on " + name + ": recorded it instead of creating a twin", List.of());
            }
            return update(p, name, platform, r, p.slug(), false, fp);
        }

        /**
         * An earlier create whose outcome is unknown (or a run that died around one): find out what it did before
         * anything is created again. Hashnode is read for what the create carried (its slug and title, not the
         * file's) once its reads can show it; LinkedIn is sent the very same create again within its duplicate
         * window and answers with the post it has. A settled post then gets the file's edits made since.
         */
        private Outcome settle(Post p, String name, Platform platform, PlatformRecord r, String recordedSlug,
                String fp) {
            Instant clock = services.clock().instant();
            Instant future = r.intentAt() != null && r.intentAt().isAfter(clock) ? r.intentAt()
                    : r.requestEndedAt() != null && r.requestEndedAt().isAfter(clock) ? r.requestEndedAt() : null;
            boolean untimed = r.intentAt() == null || future != null;
            if (untimed) {
                warn("the open " + name + " create of " + stateKey(p) + " has " + (future == null
                        ? "no time (`intentAt`) in the state file" : "a time in the future (" + future + "; clock "
                        + "skew or a hand edit)") + ": settled as if it were old enough");
            }
            // Hashnode's read lag counts from the latest moment the post could have been committed; LinkedIn's
            // duplicate window from the earliest, since a repeat is only caught while the first post is recent.
            Instant since = untimed ? null : name.equals(Config.HASHNODE) ? latestCommit(r) : r.intentAt();
            Duration age = untimed ? ChronoUnit.FOREVER.getDuration() : Duration.between(since, clock);
            Map<String, String> sent = r.sent() == null ? Map.of() : r.sent();
            if (name.equals(Config.HASHNODE)) {
                if (age.compareTo(HASHNODE_READ_LAG) < 0) {
                    return unknownRow(p, name, "the outcome of a create sent at " + r.intentAt() + " is unknown, "
                            + "and Hashnode's reads lag up to 25 s behind its writes, so it cannot be looked up "
                            + "before " + since.plus(HASHNODE_READ_LAG) + ": run again in a minute");
                }
                Optional<Platform.Found> found = platform.findSent(p, sent, this);
                if (found.isPresent()) {
                    if (!live || r.hash() == null) {
                        // Without the hash of what was sent (an older xpost's intent), the post is compared with
                        // the file as any found post is.
                        return adopt(p, name, platform, found.get(), recordedSlug, fp);
                    }
                    // The intent is kept under the slug the create sent, so a changed slug shows here.
                    return settled(p, name, platform, found.get().remote(), r.hash(), recordedSlug,
                            !recordedSlug.equals(p.slug()), fp, "the earlier create whose answer was lost did make the "
                            + "post (" + found.get().remote().url() + "): recorded it instead of creating a twin");
                }
                return create(p, name, platform, recordedSlug, fp, "an earlier create left no post on Hashnode");
            }
            if (age.compareTo(LINKEDIN_DUPLICATE_WINDOW) <= 0) {
                String why = "settling an earlier create whose outcome is unknown: LinkedIn answers a repeat with "
                        + "the post it already has";
                if (!live) {
                    return create(p, name, platform, recordedSlug, fp, why);
                }
                Remote remote;
                try {
                    remote = platform.resend(p, sent, this);
                } catch (PlatformException e) {
                    // A re-send that failed proves nothing about the first create: the record stays open.
                    PlatformRecord open = e.kind() == PlatformException.Kind.UNKNOWN_OUTCOME
                            ? r.unknown(e.getMessage(), services.clock().instant()) : r.withMessage(e.getMessage());
                    put(p, name, recordedSlug, open);
                    save();
                    if (e.kind() == PlatformException.Kind.UNKNOWN_OUTCOME) {
                        return unknownRow(p, name, e.getMessage());
                    }
                    throw e;
                }
                if (remote.existing()) {
                    // The duplicate answer may name another post's URN (identical text), not this create's.
                    refuseForeign(p, name, remote);
                }
                // Without a record of what was sent (an older xpost's intent), the file as it is now went out.
                String sentHash = r.hash() != null && !sent.isEmpty() ? r.hash() : fp;
                return settled(p, name, platform, remote, sentHash, recordedSlug, false, fp, remote.note());
            }
            return unknownRow(p, name, "a LinkedIn create sent at " + (untimed ? "an unknown time" : since)
                    + " may or may not have made a post, and LinkedIn cannot be asked. Look at your LinkedIn activity, "
                    + "then run either `xpost state adopt " + stateKey(p) + " --platform linkedin --id URN` (it is "
                    + "there) or `xpost state forget " + stateKey(p) + " --platform linkedin` (it is not; the next "
                    + "publish creates it)");
        }

        /**
         * The latest moment the post of an open create may have been committed: when its request ended, for an
         * unknown outcome; for an intent left by a run that died, the request may have been in flight up to the
         * call timeout after the intent was written.
         */
        private Instant latestCommit(PlatformRecord r) {
            if (r.requestEndedAt() != null) {
                return r.requestEndedAt();
            }
            return r.status() == Status.INTENT ? r.intentAt().plus(config.http().callTimeout()) : r.intentAt();
        }

        /**
         * Records the post an open create turned out to have made, under the hash of what that create carried,
         * then brings it in line with the file when the file changed since (text, fields, slug).
         */
        private Outcome settled(Post p, String name, Platform platform, Remote remote, String sentHash,
                String recordedSlug, boolean slugChanged, String fp, String note) {
            PlatformRecord r = record(remote, sentHash);
            put(p, name, recordedSlug, r);
            save();
            // Found by a lookup, or named by LinkedIn's duplicate answer: the first create made it. Else a re-send
            // just made it.
            Outcome.Result result = remote.existing() || name.equals(Config.HASHNODE) ? Outcome.Result.ADOPTED
                    : Outcome.Result.CREATED;
            if (fp.equals(r.hash()) && !slugChanged) {
                return done(p, name, PlanAction.CREATE, result, remote.id(), remote.url(), note, List.of());
            }
            Outcome o = update(p, name, platform, r, p.slug(), slugChanged, fp);
            String message = note == null ? "settled, then updated to the file as it is now"
                    : note + "; then updated to the file as it is now";
            return new Outcome(o.slug(), o.title(), o.file(), o.platform(), o.action(), o.result(), o.when(), o.id(),
                    o.url(), o.message() == null ? message : message + "; " + o.message(), o.failure(),
                    o.requests());
        }

        private Outcome create(Post p, String name, Platform platform, String recordedSlug, String fp, String why) {
            String held = heldBack(p, name);
            if (held != null) {
                return row(p, name, PlanAction.HELD, null, held);
            }
            created++;
            if (!live) {
                assumed.add(name + " " + p.slug());
                List<WireRequest> requests = options.mode() == Mode.DRY_RUN
                        ? platform.previewCreate(p, this) : List.of();
                return new Outcome(p.slug(), p.title(), p.file(), name, PlanAction.CREATE, null, null, null, null,
                        withUploads(why, platform.pendingUploads(p, true, this)), null, requests);
            }
            PlatformRecord intent = PlatformRecord.intent(services.clock().instant(), fp);
            put(p, name, recordedSlug, intent);
            save();
            opening = new Opening(p, name, intent);
            try {
                Remote remote = platform.create(p, this);
                if (remote.existing()) {
                    refuseForeign(p, name, remote);
                }
                put(p, name, p.slug(), record(remote, fp).withFields(platform.fieldsAfterSync(p, List.of())));
                save();
                Outcome.Result result = remote.existing() ? Outcome.Result.ADOPTED : Outcome.Result.CREATED;
                return done(p, name, PlanAction.CREATE, result, remote.id(), remote.url(), remote.note(), List.of());
            } catch (PlatformException e) {
                PlatformRecord sent = opening.intent;
                if (e.kind() == PlatformException.Kind.UNKNOWN_OUTCOME) {
                    put(p, name, p.slug(), sent.unknown(e.getMessage(), services.clock().instant()));
                    save();
                    return unknownRow(p, name, e.getMessage());
                }
                put(p, name, p.slug(), sent.failed(e.getMessage()));
                save();
                throw e;
            } finally {
                opening = null;
            }
        }

        private Outcome update(Post p, String name, Platform platform, PlatformRecord r, String recordedSlug,
                boolean slugChanged, String fp) {
            Remote existing = Remote.of(r.id(), r.url(), r.slug(), r.cuid());
            if (!live) {
                List<WireRequest> requests = options.mode() == Mode.DRY_RUN
                        ? platform.previewUpdate(p, existing, r.hash(), slugChanged, this) : List.of();
                String note = withUploads(slugChanged ? "slug changed from " + recordedSlug : null,
                        platform.pendingUploads(p, false, this));
                String drift = platform.drift(p, platform.fieldsAfterSync(p, r.fields())).orElse(null);
                return new Outcome(p.slug(), p.title(), p.file(), name, PlanAction.UPDATE, null, null, r.id(),
                        r.url(), drift == null ? note : note == null ? drift : note + "; " + drift, null, requests);
            }
            try {
                Remote remote = platform.update(p, existing, r.hash(), slugChanged, this);
                List<String> held = platform.fieldsAfterSync(p, r.fields());
                PlatformRecord next = r.sent(fp, now).withFields(held);
                String drift = platform.drift(p, held).orElse(null);
                if (drift != null) {
                    remote = remote.withNote(remote.note() == null ? drift : remote.note() + "; " + drift);
                }
                if (remote.url() != null) {
                    next = next.withUrl(remote.url());
                }
                if (remote.slug() != null) {
                    next = next.withSlug(remote.slug());
                }
                put(p, name, recordedSlug, next);
                save();
                return done(p, name, PlanAction.UPDATE, Outcome.Result.UPDATED, r.id(), next.url(), remote.note(),
                        List.of());
            } catch (PlatformException e) {
                // The record stays where it was: a refused slug change must be tried again next run, not forgotten.
                state = state.withRecord(recordedSlug, stateKey(p), name, r.withMessage(e.getMessage()));
                dirty = true;
                save();
                throw e;
            }
        }

        /**
         * A create answered "already there" (LinkedIn's 422 duplicate) names a post this one may not adopt: one
         * recorded for another post (the same hand-written text), or one the user forgot (deleted by hand; LinkedIn
         * keeps naming it for a day or two). A URN belongs to one post, so this post fails instead.
         */
        private void refuseForeign(Post p, String name, Remote remote) {
            String owner = null;
            for (var e : state.posts().entrySet()) {
                if (!e.getKey().equals(p.slug()) && e.getValue().record(name)
                        .map(r -> remote.id().equals(r.id())).orElse(false)) {
                    owner = e.getValue().file();
                }
            }
            Optional<String> forgotten = state.forgottenBy(remote.id());
            if (owner == null && forgotten.isEmpty()) {
                return;
            }
            String whose = owner != null ? "which is " + owner + "'s post there (its text is identical)"
                    : "which was forgotten with `xpost state forget` (deleted by hand; " + name + " keeps naming a "
                    + "deleted post for a day or two)";
            throw new PlatformException(name, PlatformException.Kind.REJECTED, name + " refused " + p.file()
                    + " as a duplicate of " + remote.id() + ", " + whose + ", so it was not recorded for this post. "
                    + "Make this post's " + name + " text differ (e.g. edit `linkedin.text`), or wait a day or two "
                    + "and publish again" + (owner == null ? "; if " + remote.id() + " does still exist, `xpost state "
                    + "adopt " + stateKey(p) + " --platform " + name + " --id " + remote.id() + "` records it" : ""));
        }

        /** A plan says which local images a step would upload first. */
        private static String withUploads(String message, List<String> uploads) {
            if (uploads.isEmpty()) {
                return message;
            }
            String note = "uploads " + String.join(", ", uploads) + " first";
            return message == null ? note : message + "; " + note;
        }

        /** Why a create must wait, or null when it may go. */
        private String heldBack(Post p, String name) {
            Post previous = seriesPrevious.get(p.slug());
            if (previous != null && goesTo(previous, name) && !isOn(previous, name)) {
                return "waiting for part " + previous.part() + " (" + previous.slug() + ") to be on " + name;
            }
            if (name.equals(Config.LINKEDIN) && config.hashnode() != null && p.targets(Config.HASHNODE)
                    && !isOn(p, Config.HASHNODE)) {
                return "waiting for the Hashnode post: the LinkedIn post links to it";
            }
            if (created >= max) {
                return "held back: this run already creates " + max + " posts (--max " + max + ")";
            }
            return null;
        }

        /** False when the post never goes to this platform, so a later part need not wait for it there. */
        private boolean goesTo(Post p, String name) {
            return p.targets(name) && !beforeSince(p, name);
        }

        private boolean beforeSince(Post p, String name) {
            return name.equals(Config.LINKEDIN) && config.linkedin().since() != null && p.publishAt() != null
                    && LocalDate.ofInstant(p.publishAt(), config.timezone()).isBefore(config.linkedin().since());
        }

        private boolean isOn(Post p, String name) {
            return assumed.contains(name + " " + p.slug()) || state.recordFor(p.slug(), name)
                    .map(r -> r.status() == Status.PUBLISHED).orElse(false);
        }

        /** Within a series, each numbered part waits for the part before it. */
        private void linkSeries(List<Post> due) {
            Map<String, List<Post>> bySeries = new HashMap<>();
            for (Post p : due) {
                if (p.series() != null && p.part() != null) {
                    bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
                }
            }
            for (List<Post> parts : bySeries.values()) {
                parts.sort(Comparator.comparing(Post::part));
                for (int i = 1; i < parts.size(); i++) {
                    seriesPrevious.put(parts.get(i).slug(), parts.get(i - 1));
                }
            }
        }

        private PlatformRecord record(Remote remote, String fp) {
            PlatformRecord r = PlatformRecord.published(remote.id(), remote.url(), fp, now);
            if (remote.slug() != null || remote.cuid() != null) {
                r = r.withHashnode(remote.cuid(), remote.slug(),
                        state.hashnode() == null ? null : state.hashnode().publicationId());
            }
            return r;
        }

        /** Records under the post's current slug; a record kept under an old slug moves with it. */
        private void put(Post p, String name, String recordedSlug, PlatformRecord r) {
            if (!recordedSlug.equals(p.slug())) {
                state = state.forget(recordedSlug, name);
            }
            state = state.withRecord(p.slug(), stateKey(p), name, r);
            dirty = true;
        }

        private void save() {
            if (live) {
                store.save(state);
                dirty = false;
            }
        }

        private String stateKey(Post p) {
            return config.fileKey(services.cwd().resolve(p.file()));
        }

        private String firstError(Path file) {
            return blog.firstError(file).orElse("unreadable");
        }

        private PlanAction guessAction(Optional<PlatformRecord> rec) {
            return rec.map(r -> r.status() == Status.PUBLISHED ? PlanAction.UPDATE : PlanAction.CREATE)
                    .orElse(PlanAction.CREATE);
        }

        private Outcome row(Post p, String platform, PlanAction action, Instant when, String message) {
            Outcome.Result result = null;
            if (live) {
                result = switch (action) {
                    case SCHEDULED -> Outcome.Result.SCHEDULED;
                    case HELD -> Outcome.Result.HELD;
                    case SKIPPED, DRAFT, IGNORED, INVALID -> Outcome.Result.SKIPPED;
                    default -> null;
                };
            }
            return new Outcome(p.slug(), p.title(), p.file(), platform, action, result, when, null, null, message,
                    null, null);
        }

        private Outcome withRemote(Outcome o, Remote r) {
            return new Outcome(o.slug(), o.title(), o.file(), o.platform(), o.action(), o.result(), o.when(), r.id(),
                    r.url(), o.message(), o.failure(), o.requests());
        }

        private Outcome done(Post p, String platform, PlanAction action, Outcome.Result result, String id,
                String url, String message, List<WireRequest> requests) {
            return new Outcome(p.slug(), p.title(), p.file(), platform, action, live ? result : null, null, id, url,
                    message, null, requests);
        }

        private Outcome failedRow(Post p, String platform, PlanAction action, String message,
                PlatformException.Kind kind) {
            return new Outcome(p.slug(), p.title(), p.file(), platform, action, Outcome.Result.FAILED, null, null,
                    null, message, kind, null);
        }

        private Outcome unknownRow(Post p, String platform, String message) {
            return new Outcome(p.slug(), p.title(), p.file(), platform, PlanAction.CREATE, Outcome.Result.UNKNOWN,
                    null, null, null, message, PlatformException.Kind.UNKNOWN_OUTCOME, null);
        }

        // Session

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public Optional<String> remembered(String key) {
            return switch (key) {
                // Remembered for the configured publication only: a changed config means resolving again.
                case Session.PUBLICATION_ID -> Optional.ofNullable(state.hashnode())
                        .filter(h -> config.hashnode() != null
                                && config.hashnode().publication().equals(h.publicationHost()))
                        .map(HashnodeInfo::publicationId);
                case Session.LINKEDIN_AUTHOR -> Optional.ofNullable(state.linkedin()).map(LinkedinInfo::author);
                default -> throw new IllegalArgumentException("no such state key: " + key);
            };
        }

        @Override
        public void remember(String key, String value) {
            if (!live) {
                return;
            }
            switch (key) {
                case Session.PUBLICATION_ID -> state = state.withHashnode(new HashnodeInfo(value,
                        config.hashnode() == null ? null : config.hashnode().publication()));
                case Session.LINKEDIN_AUTHOR -> state = state.withLinkedin(new LinkedinInfo(value));
                default -> throw new IllegalArgumentException("no such state key: " + key);
            }
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
        public Optional<String> hashnodeUrl(Post p) {
            Optional<String> recorded = state.recordFor(p.slug(), Config.HASHNODE)
                    .filter(r -> r.status() == Status.PUBLISHED).map(PlatformRecord::url);
            if (recorded.isPresent() || !assumed.contains(Config.HASHNODE + " " + p.slug())) {
                return recorded;
            }
            // A plan assumes the Hashnode create succeeds; its URL is then the publication host and the slug.
            return ReadOnlySession.predictedHashnodeUrl(config, p);
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
                rec = state.slugOf(stateKey(p)).flatMap(old -> state.recordFor(old, platform));
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
}
