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

    /** True when LinkedIn never gets this post: it is dated before {@code linkedin.since} (also for preview). */
    static boolean datedBeforeSince(Config config, Post p, String name) {
        return name.equals(Config.LINKEDIN) && config.linkedin().since() != null && p.publishAt() != null
                && LocalDate.ofInstant(p.publishAt(), config.timezone()).isBefore(config.linkedin().since());
    }

    /**
     * @param now   the clock for "is it due?" ({@code --now}); null for the real time
     * @param max   remote posts one run may create ({@code --max}); null for the configured default
     */
    public record Options(List<Path> paths, Instant now, List<String> platforms, Mode mode, Integer max) {
    }

    /** How long a second run waits for the lock of a first one before giving up. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    /** Hashnode's reads may lag its writes by up to ~25 s (API.md §3): a younger intent cannot be looked up yet. */
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
        StateStore store = new StateStore(config.stateFile());
        try (StateLock lock = o.mode() == Mode.LIVE ? StateLock.acquire(config.stateFile(), LOCK_WAIT) : null) {
            Run run = new Run(config, o, now, targets, blog, store, store.load());
            if (lock != null) {
                lock.tookOverFrom().ifPresent(w -> run.warnings.add("took over the lock left by " + w));
            }
            return run.execute();
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
                            "a draft: never published while it has `draft: true`"));
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

        private Outcome settle(Post p, String name, Platform platform, PlatformRecord r, String recordedSlug,
                String fp) {
            Instant since = r.intentAt() != null ? r.intentAt() : now;
            Duration age = Duration.between(since, services.clock().instant());
            if (name.equals(Config.HASHNODE)) {
                if (age.compareTo(HASHNODE_READ_LAG) < 0) {
                    return unknownRow(p, name, "a create was sent " + age.toSeconds() + " s ago and its outcome is "
                            + "unknown; Hashnode's reads lag up to 25 s, so it cannot be looked up yet: run again in "
                            + "a minute");
                }
                Optional<Platform.Found> found = platform.find(p, this);
                if (found.isPresent()) {
                    return adopt(p, name, platform, found.get(), recordedSlug, fp);
                }
                return create(p, name, platform, recordedSlug, fp, "an earlier create left no post on Hashnode");
            }
            if (age.compareTo(LINKEDIN_DUPLICATE_WINDOW) <= 0) {
                return create(p, name, platform, recordedSlug, fp, "settling an earlier create whose outcome is "
                        + "unknown: LinkedIn answers a repeat with the post it already has");
            }
            return unknownRow(p, name, "a LinkedIn create sent at " + since + " may or may not have made a post, and "
                    + "LinkedIn cannot be asked. Look at your LinkedIn activity, then run either `xpost state adopt "
                    + stateKey(p) + " --platform linkedin --id URN` (it is there) or `xpost state forget "
                    + stateKey(p) + " --platform linkedin` (it is not; the next publish creates it)");
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
            PlatformRecord intent = PlatformRecord.intent(services.clock().instant());
            put(p, name, recordedSlug, intent);
            save();
            try {
                Remote remote = platform.create(p, this);
                put(p, name, recordedSlug, record(remote, fp));
                save();
                Outcome.Result result = remote.existing() ? Outcome.Result.ADOPTED : Outcome.Result.CREATED;
                return done(p, name, PlanAction.CREATE, result, remote.id(), remote.url(), remote.note(), List.of());
            } catch (PlatformException e) {
                if (e.kind() == PlatformException.Kind.UNKNOWN_OUTCOME) {
                    put(p, name, recordedSlug, intent.unknown(e.getMessage()));
                    save();
                    return unknownRow(p, name, e.getMessage());
                }
                put(p, name, recordedSlug, intent.failed(e.getMessage()));
                save();
                throw e;
            }
        }

        private Outcome update(Post p, String name, Platform platform, PlatformRecord r, String recordedSlug,
                boolean slugChanged, String fp) {
            Remote existing = Remote.of(r.id(), r.url(), r.slug(), r.cuid());
            if (!live) {
                List<WireRequest> requests = options.mode() == Mode.DRY_RUN
                        ? platform.previewUpdate(p, existing, r.hash(), slugChanged, this) : List.of();
                return new Outcome(p.slug(), p.title(), p.file(), name, PlanAction.UPDATE, null, null, r.id(),
                        r.url(), withUploads(slugChanged ? "slug changed from " + recordedSlug : null,
                        platform.pendingUploads(p, false, this)), null, requests);
            }
            try {
                Remote remote = platform.update(p, existing, r.hash(), slugChanged, this);
                PlatformRecord next = r.sent(fp, now);
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
                return "held back: this run already creates " + max + (max == 1 ? " post" : " posts") + " (--max " + max
                        + ")";
            }
            return null;
        }

        /** False when the post never goes to this platform, so a later part need not wait for it there. */
        private boolean goesTo(Post p, String name) {
            return p.targets(name) && !beforeSince(p, name);
        }

        private boolean beforeSince(Post p, String name) {
            return datedBeforeSince(config, p, name);
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
                    case SKIPPED -> Outcome.Result.SKIPPED;
                    case DRAFT -> Outcome.Result.DRAFT;
                    case IGNORED -> Outcome.Result.IGNORED;
                    case INVALID -> Outcome.Result.INVALID;
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
        public void warn(String message) {
            if (!warnings.contains(message)) {
                warnings.add(message);
            }
        }
    }
}
