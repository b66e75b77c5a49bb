package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.Capabilities;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.Remote;
import dev.xpost.platform.Session;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.Post;
import dev.xpost.post.PostSource;
import dev.xpost.post.PostReader;
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
import java.util.function.Supplier;

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
     * @param recreateGone {@code --recreate-gone}: create posts whose Hashnode identity the publication does not
     *              hold (an author moving to another publication), in date order under {@code max}, instead of
     *              reporting them as gone
     */
    public record Options(List<Path> paths, Instant now, List<String> platforms, Mode mode, Integer max,
            boolean recreateGone) {
        public Options(List<Path> paths, Instant now, List<String> platforms, Mode mode, Integer max) {
            this(paths, now, platforms, mode, max, false);
        }
    }

    /** How long a second run waits for the lock of a first one before giving up. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    /** How a plan without a token marks what it assumed rather than asked. */
    static final String NOT_CHECKED = "not checked: no HASHNODE_TOKEN";

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
        // An invalid post blocks itself and what depends on it (later parts, its LinkedIn step), not the blog.
        Blog blog = Blog.load(config, services.cwd(), o.paths(), services.knownSecrets());
        StateStore store = services.stateStore();
        try (StateLock lock = o.mode() == Mode.LIVE ? StateLock.acquire(config.stateFile(), LOCK_WAIT) : null) {
            Run run = new Run(config, o, now, targets, blog, store, store.load());
            if (lock != null) {
                lock.tookOverFrom().ifPresent(w -> run.warnings.add("took over the lock left by " + w));
            }
            try {
                return run.execute();
            } finally {
                // Whatever the run ended with (exit 5 and 6 included), the state file is written whole once and
                // the journal of its remote calls removed.
                run.compact();
            }
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
        /** Publishable posts per slug in the whole blog: a record under a shared slug is checked for its owner. */
        final Map<String, Integer> slugCount = new HashMap<>();
        /** Slugs of posts this run found on Hashnode by slug (no cuid): adopted, so old ones skip LinkedIn. */
        final Set<String> adoptedHere = new HashSet<>();
        /** Cuids found gone in this run (or by an earlier one): their other platforms have nothing to link to. */
        final Set<String> goneHere = new HashSet<>();
        /** Posts whose slug could not be learnt from Hashnode because the lookup failed (not because it is gone). */
        final Map<Path, PlatformException> slugLookupFailures = new HashMap<>();
        int oldSkipped;
        boolean dirty;
        /** The state as last appended to the journal (or as loaded). */
        State saved;
        /** Something went to the journal since the state file was last written whole. */
        boolean journaled;
        /** The create in flight, whose intent {@link #sending} completes; null between creates. */
        Opening opening;
        /** What each request is made from, to tell an unchanged post without rendering it. */
        final SourceDigest sources;
        /** Source digests learnt for unchanged records, put all at once at the end (one copy of the state). */
        final List<State.Change> sourcesLearnt = new ArrayList<>();

        Run(Config config, Options options, Instant now, List<String> targets, Blog blog, StateStore store,
                State state) {
            this.config = config;
            this.options = options;
            this.now = now;
            this.targets = targets;
            this.blog = blog;
            this.store = store;
            this.state = state;
            this.saved = state;
            this.live = options.mode() == Mode.LIVE;
            this.max = options.max() != null ? options.max() : config.maxCreates();
            this.sources = new SourceDigest(config);
        }

        RunReport execute() {
            if (live && state.started() == null) {
                state = state.withStarted(services.clock().instant());
                dirty = true;
            }
            List<Post> due = new ArrayList<>();
            for (ReadResult r : blog.results()) {
                if (r.post() == null) {
                    // A backup's draft file stays a draft even when it cannot be read: it never blocks a run.
                    boolean draft = PostReader.isBackupDraft(r.file());
                    outcomes.add(new Outcome(null, null, r.file(), null, draft ? PlanAction.DRAFT : PlanAction.INVALID,
                            live ? (draft ? Outcome.Result.DRAFT : Outcome.Result.INVALID) : null, null, null, null,
                            draft ? "a draft (a backup's draft file): never published" : firstError(r.file()), null,
                            null));
                }
            }
            List<Post> posts = new ArrayList<>(blog.posts());
            // Oldest first, as they went out in time; undated posts are due "now" and sort there.
            posts.sort(Comparator.comparing((Post p) -> p.publishAt() == null ? now : p.publishAt())
                    .thenComparing(p -> p.file().toString()));
            for (Post p : posts) {
                if (p.ignored()) {
                    outcomes.add(row(p, null, PlanAction.IGNORED, null, "ignorePost: true"));
                } else if (p.draft()) {
                    outcomes.add(row(p, null, PlanAction.DRAFT, null, PostReader.isBackupDraft(p.file())
                            && !p.lines().containsKey("draft") ? "a draft (a backup's draft file): never published "
                            + "until its front matter says `draft: false`"
                            : "a draft: never published while it has `draft: true`"));
                } else if (blog.firstError(p.file()).isPresent()) {
                    outcomes.add(row(p, null, PlanAction.INVALID, null, firstError(p.file())));
                } else {
                    due.add(p);
                }
            }
            for (Post p : blog.everyPost()) {
                if (p.publishable() && p.slug() != null) {
                    slugCount.merge(p.slug(), 1, Integer::sum);
                }
            }
            // Series order is judged against the whole blog: a part waits for the part before it even when that
            // one is invalid or was not named on the command line.
            linkSeries(blog.everyPost().stream().filter(Post::publishable).toList());
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
            lookAhead(due, platforms);
            for (Post p : due) {
                String home = PlatformModules.home().orElse(null);
                Post post = withKnownSlug(p, home, home == null ? null : platforms.get(home));
                for (String name : targets) {
                    outcomes.add(step(post, name, platforms.get(name)));
                }
            }
            if (!sourcesLearnt.isEmpty()) {
                state = state.withRecords(sourcesLearnt);
                dirty = true;
            }
            compact();
            notes();
            boolean invalid = outcomes.stream().anyMatch(o -> o.action() == PlanAction.INVALID);
            return new RunReport(options.mode(), now, config.timezone(), targets, outcomes, blog.problems(), invalid,
                    warnings);
        }

        /**
         * Tells each platform the due posts it has no record of, before the first step: Hashnode looks up the slugs
         * of new posts 20 to a request, instead of one request each (or a listing of the whole publication).
         */
        private void lookAhead(List<Post> due, Map<String, Platform> platforms) {
            for (String name : targets) {
                Platform platform = platforms.get(name);
                if (platform == null || stopped.containsKey(name)) {
                    continue;
                }
                List<Post> unrecorded = new ArrayList<>();
                for (Post p : due) {
                    if (p.targets(name) && p.slug() != null && (p.publishAt() == null || !p.publishAt().isAfter(now))
                            && recordOf(p, p.slug(), name).isEmpty() && state.slugOf(stateKey(p)).isEmpty()) {
                        unrecorded.add(p);
                    }
                }
                if (!unrecorded.isEmpty()) {
                    platform.lookAhead(unrecorded, this);
                }
            }
        }

        /** One line each for what a moving-in author must know about the whole run. */
        private void notes() {
            long unchecked = outcomes.stream().filter(o -> o.action() == PlanAction.ADOPT && o.message() != null
                    && o.message().contains(NOT_CHECKED)).count();
            if (unchecked > 0) {
                warnings.add(unchecked + (unchecked == 1 ? " post" : " posts") + " with a Hashnode cuid could not be "
                        + "checked (no HASHNODE_TOKEN): shown as adopt; a real run adopts those the publication "
                        + "holds and reports the others as gone");
            }
            long gone = outcomes.stream().filter(o -> o.action() == PlanAction.GONE).count();
            if (gone > 0) {
                warnings.add(gone + (gone == 1 ? " post is" : " posts are") + " gone from Hashnode (deleted there, "
                        + "or never a post) and were not created: remove `cuid:` (and rename a <cuid>.md file) to "
                        + "publish one as a new post, or run publish --recreate-gone to create them all");
            }
            if (oldSkipped > 0) {
                warnings.add(oldSkipped + (oldSkipped == 1 ? " post that was" : " posts that were") + " on Hashnode "
                        + "before xpost knew " + (oldSkipped == 1 ? "it is" : "them are") + " not sent to LinkedIn "
                        + "(undated, or dated before " + (config.linkedin().since() != null ? "linkedin.since"
                        : "the day xpost first recorded this blog, as linkedin.since is not set") + "); "
                        + "`linkedin: {post: true}` in a post's front matter sends it anyway");
            }
        }

        /**
         * A post adopted by its cuid whose title gives no slug (a legacy file titled in Persian, say) is recorded
         * under the slug Hashnode holds it by: the one the state file knows for its file, or the one found.
         */
        private Post withKnownSlug(Post p, String home, Platform hashnode) {
            if (p.slug() != null || !p.hasIdentity()) {
                return p;
            }
            Optional<String> recorded = state.slugOf(stateKey(p));
            if (recorded.isPresent()) {
                return p.withSlug(recorded.get());
            }
            if (hashnode != null && (hashnode.online() || live) && !stopped.containsKey(home)
                    && !state.gone().containsKey(p.cuid())) {
                try {
                    Optional<Platform.Found> found = hashnode.find(p, this);
                    if (found.isPresent() && found.get().remote().slug() != null) {
                        return p.withSlug(found.get().remote().slug());
                    }
                } catch (PlatformException e) {
                    // Reported on the post's row: a failed lookup proves nothing, so the post is never called gone.
                    slugLookupFailures.put(p.file(), e);
                }
            }
            return p;
        }

        private Outcome step(Post p, String name, Platform platform) {
            if (!p.targets(name)) {
                return row(p, name, PlanAction.SKIPPED, null, "not in this post's platforms: "
                        + String.join(", ", p.platforms()));
            }
            if (caps(name).linksHome() && p.cuid() != null && goneHere.contains(p.cuid())) {
                return row(p, name, PlanAction.SKIPPED, null, "its " + homeName() + " post is gone: nothing to link "
                        + "to");
            }
            String tooOld = skippedAsOld(p, name);
            if (tooOld != null) {
                return row(p, name, PlanAction.SKIPPED, null, tooOld);
            }
            if (p.publishAt() != null && p.publishAt().isAfter(now)) {
                return row(p, name, PlanAction.SCHEDULED, p.publishAt(), null);
            }
            if (p.slug() == null) {
                return slugless(p, name, platform);
            }
            String key = stateKey(p);
            Optional<PlatformRecord> rec = recordOf(p, p.slug(), name);
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
                if (rec.isEmpty() || !(rec.get().status() == Status.PUBLISHED || rec.get().status().open())) {
                    // The body is rendered (for its digest) only when a create or an adopt needs it: a plan of
                    // 10,000 new posts holds all but --max of them back, and renders none.
                    return createOrAdopt(p, name, platform, recordedSlug, once(() -> platform.fingerprint(p, this)));
                }
                // Made from the same sources as what was last sent: the same request, so not rendered at all.
                // A plan has nothing to record it in, so it is taken only when there is one to compare with.
                String source = live || rec.get().source() != null
                        ? sources.of(p, name, caps(name).linksHome(), this) : null;
                boolean same = source != null && source.equals(rec.get().source()) && rec.get().hash() != null
                        && rec.get().status() == Status.PUBLISHED;
                Post post = same ? p : p.withBody();
                String fp = same ? rec.get().hash() : platform.fingerprint(post, this);
                if (rec.get().status() == Status.PUBLISHED) {
                    PlatformRecord r = rec.get();
                    if (fp.equals(r.hash()) && !slugChanged) {
                        if (live && source != null && !same) {
                            // Recorded once (a record from before source digests, or a new build of xpost), so
                            // that the next run need not render this post to find it unchanged.
                            sourcesLearnt.add(new State.Change(p.slug(), stateKey(p), name, r.withSource(source)));
                        }
                        Optional<String> drift = platform.drift(p, r.fields());
                        if (drift.isPresent()) {
                            return done(p, name, PlanAction.DRIFT, Outcome.Result.DRIFT, r.id(), r.url(),
                                    drift.get(), List.of());
                        }
                        return done(p, name, PlanAction.UNCHANGED, Outcome.Result.UNCHANGED, r.id(), r.url(), null,
                                List.of());
                    }
                    return update(post, name, platform, r, recordedSlug, slugChanged, fp);
                }
                // Only a create xpost sent leaves an open record, and that create carried no cuid: settle it by the
                // slug it was sent with, not by the identity of a post that is gone.
                return settle(post.hasIdentity() ? post.withCuid(null) : post, name, platform, rec.get(), recordedSlug,
                        fp);
            } catch (PostSource.Changed e) {
                return failedRow(p, name, guessAction(rec), e.getMessage(), PlatformException.Kind.REJECTED);
            } catch (PlatformException e) {
                if (e.stopsPlatform()) {
                    stopped.put(name, e);
                }
                return failedRow(p, name, guessAction(rec), e.getMessage(), e.kind());
            }
        }

        /** A post with a Hashnode identity but no slug, whose slug could not be learnt from Hashnode. */
        private Outcome slugless(Post p, String name, Platform platform) {
            PlatformException stop = stopped.get(name);
            if (stop != null) {
                return failedRow(p, name, PlanAction.ADOPT, "not attempted: " + stop.getMessage(), stop.kind());
            }
            if (platform != null && platform.identity(p) != null) {
                if (!platform.online() && !state.gone().containsKey(p.cuid())) {
                    return unchecked(p, name);
                }
                PlatformException failed = slugLookupFailures.get(p.file());
                if (failed != null) {
                    return failedRow(p, name, PlanAction.ADOPT, failed.getMessage(), failed.kind());
                }
                goneHere.add(p.cuid());
                if (live) {
                    state = state.withGone(p.cuid(), stateKey(p));
                    dirty = true;
                }
                return row(p, name, PlanAction.GONE, null, gone(p, name) + (options.recreateGone() ? "; it has no "
                        + "slug to be created with: write one with `slug:`" : ""));
            }
            return row(p, name, PlanAction.HELD, null, "waiting for the Hashnode post: the LinkedIn post links to it");
        }

        /**
         * A post with a Hashnode identity that could not be looked up for want of a token: a plan assumes it is
         * there (a backup's cuid says so); a real run never decides "gone" without asking.
         */
        private Outcome unchecked(Post p, String name) {
            if (!live) {
                return row(p, name, PlanAction.ADOPT, null, "cuid " + p.cuid() + ": already on Hashnode ("
                        + NOT_CHECKED + ")");
            }
            return failedRow(p, name, PlanAction.ADOPT, "HASHNODE_TOKEN is not set, so xpost cannot look up cuid "
                    + p.cuid() + " on Hashnode. Create a personal access token at https://hashnode.com/settings/"
                    + "developer and put it in .env as HASHNODE_TOKEN=… (or in the environment)",
                    PlatformException.Kind.AUTH);
        }

        /** What a gone row says: what it means and the ways out. */
        private String gone(Post p, String name) {
            return "cuid " + p.cuid() + " is not on " + name + " (deleted there, or never a post, such as a reply "
                    + "in an old backup): not created. To publish it as a new post, remove `cuid:` (and rename a "
                    + "<cuid>.md file); to re-create every gone post, publish --recreate-gone";
        }

        /** Computes once, on first need. */
        private static Supplier<String> once(Supplier<String> compute) {
            return new Supplier<>() {
                private String value;

                @Override
                public String get() {
                    if (value == null) {
                        value = compute.get();
                    }
                    return value;
                }
            };
        }

        private Outcome createOrAdopt(Post p, String name, Platform platform, String recordedSlug,
                Supplier<String> fp) {
            String identity = platform.identity(p);
            if (identity != null && state.gone().containsKey(identity) && !options.recreateGone()) {
                // Found gone by an earlier run: said again without asking, so a settled blog costs no request.
                goneHere.add(identity);
                return row(p, name, PlanAction.GONE, null, gone(p, name));
            }
            Optional<Platform.Found> found = platform.online() || live ? platform.find(p, this) : Optional.empty();
            if (found.isEmpty() && identity != null) {
                if (!platform.online()) {
                    return unchecked(p, name);
                }
                if (!options.recreateGone()) {
                    goneHere.add(identity);
                    if (live) {
                        state = state.withGone(identity, stateKey(p));
                        dirty = true;
                    }
                    return row(p, name, PlanAction.GONE, null, gone(p, name));
                }
                Outcome made = create(p, name, platform, recordedSlug, fp, "re-created (--recreate-gone): cuid "
                        + identity + " is not on " + name);
                if (made.result() == Outcome.Result.CREATED || made.result() == Outcome.Result.ADOPTED) {
                    state = state.withoutGone(identity);
                    dirty = true;
                }
                return made;
            }
            if (found.isPresent()) {
                if (caps(name).home()) {
                    adoptedHere.add(p.slug());
                }
                return adopt(p, name, platform, found.get(), recordedSlug, fp);
            }
            return create(p, name, platform, recordedSlug, fp, null);
        }

        private Outcome adopt(Post p, String name, Platform platform, Platform.Found found, String recordedSlug,
                Supplier<String> fp) {
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
            PlatformRecord r = record(remote, same ? fp.get() : null)
                    .withSource(same ? sources.of(p, name, caps(name).linksHome(), this) : null);
            // No remote call made this record, so it waits for the run's last save: saving each of the hundreds
            // of posts of an adopted backup on its own costs a write and an fsync apiece. A crash before that save
            // loses only what the next run finds again with the same reads.
            put(p, name, recordedSlug, r);
            if (same) {
                return done(p, name, PlanAction.ADOPT, Outcome.Result.ADOPTED, remote.id(), remote.url(),
                        "already on " + name + ": recorded it instead of creating a twin", List.of());
            }
            return update(p, name, platform, r, p.slug(), false, fp.get());
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
            Capabilities caps = caps(name);
            // A read lag counts from the latest moment the post could have been committed; a duplicate window
            // from the earliest, since a repeat is only caught while the first post is recent.
            Instant since = untimed ? null : caps.settle() == Capabilities.Settle.LOOKUP ? latestCommit(r)
                    : r.intentAt();
            Duration age = untimed ? ChronoUnit.FOREVER.getDuration() : Duration.between(since, clock);
            Map<String, String> sent = r.sent() == null ? Map.of() : r.sent();
            if (caps.settle() == Capabilities.Settle.LOOKUP) {
                if (age.compareTo(caps.settleWindow()) < 0) {
                    return unknownRow(p, name, "the outcome of a create sent at " + r.intentAt() + " is unknown, "
                            + "and " + caps.displayName() + "'s reads lag behind its writes, so it cannot be looked "
                            + "up before "
                            + since.plus(caps.settleWindow()) + ": run again in a minute");
                }
                Optional<Platform.Found> found = platform.findSent(p, sent, this);
                if (found.isPresent()) {
                    if (!live || r.hash() == null) {
                        // Without the hash of what was sent (an older xpost's intent), the post is compared with
                        // the file as any found post is.
                        return adopt(p, name, platform, found.get(), recordedSlug, () -> fp);
                    }
                    // The intent is kept under the slug the create sent, so a changed slug shows here.
                    return settled(p, name, platform, found.get().remote(), r.hash(), recordedSlug,
                            !recordedSlug.equals(p.slug()), fp, "the earlier create whose answer was lost did make the "
                            + "post (" + found.get().remote().url() + "): recorded it instead of creating a twin");
                }
                return create(p, name, platform, recordedSlug, () -> fp, "an earlier create left no post on "
                        + caps.displayName());
            }
            if (caps.settle() == Capabilities.Settle.RESEND && age.compareTo(caps.settleWindow()) <= 0) {
                String why = "settling an earlier create whose outcome is unknown: " + caps.displayName()
                        + " answers a repeat with the post it already has";
                if (!live) {
                    return create(p, name, platform, recordedSlug, () -> fp, why);
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
            return unknownRow(p, name, "a " + caps.displayName() + " create sent at " + (untimed ? "an unknown time"
                    : since) + " may or may not have made a post, and " + caps.displayName() + " cannot be asked. Look "
                    + "at your " + caps.displayName() + " activity, then run either `xpost state adopt " + stateKey(p)
                    + " --platform " + name + " --id " + caps.idName() + "` (it is there) or `xpost state forget " + stateKey(p) + " --platform " + name
                    + "` (it is not; the next publish creates it)");
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
            Outcome.Result result = remote.existing() || caps(name).settle() == Capabilities.Settle.LOOKUP
                    ? Outcome.Result.ADOPTED
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

        private Outcome create(Post p, String name, Platform platform, String recordedSlug, Supplier<String> fp,
                String why) {
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
            // One read of the file for the whole create, made before the intent: a file edited meanwhile fails
            // here (PostSource.Changed), when nothing is recorded or sent yet.
            p = p.withBody();
            PlatformRecord intent = PlatformRecord.intent(services.clock().instant(), fp.get());
            put(p, name, recordedSlug, intent);
            save();
            opening = new Opening(p, name, intent);
            try {
                Remote remote = platform.create(p, this);
                if (remote.existing()) {
                    refuseForeign(p, name, remote);
                } else if (ownerOf(p, name, remote.id()) != null) {
                    // A new post cannot have an id another post already holds: the answer cannot be trusted, so
                    // nothing is recorded for either post and the next run settles this create by what it sent.
                    throw new PlatformException(name, PlatformException.Kind.UNKNOWN_OUTCOME, name + " answered the "
                            + "create of " + p.file() + " with " + remote.id() + ", which is the id of "
                            + ownerOf(p, name, remote.id()) + "'s post: not recorded for this post; the next run "
                            + "settles the create by what it sent");
                }
                put(p, name, p.slug(), record(remote, fp.get()).withFields(platform.fieldsAfterSync(p, List.of()))
                        .withSource(sources.of(p, name, caps(name).linksHome(), this)));
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
            Post post = p.withBody();
            try {
                Remote remote = platform.update(post, existing, r.hash(), slugChanged, this);
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
                put(p, name, recordedSlug, next.withSource(sources.of(p, name, caps(name).linksHome(), this)));
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
        /** The file of another post whose record on this platform holds {@code id}; null when none does. */
        private String ownerOf(Post p, String name, String id) {
            for (var e : state.posts().entrySet()) {
                if (!e.getKey().equals(p.slug()) && e.getValue().record(name)
                        .map(r -> id != null && id.equals(r.id())).orElse(false)) {
                    return e.getValue().file();
                }
            }
            return null;
        }

        private void refuseForeign(Post p, String name, Remote remote) {
            String owner = ownerOf(p, name, remote.id());
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
            String home = PlatformModules.home().orElse(null);
            if (caps(name).linksHome() && home != null && config.platforms().contains(home) && p.targets(home)
                    && !isOn(p, home)) {
                return "waiting for the " + homeName() + " post: the " + caps(name).displayName() + " post links "
                        + "to it";
            }
            if (created >= max) {
                return "held back: this run already creates " + max + (max == 1 ? " post" : " posts") + " (--max " + max
                        + ")";
            }
            return null;
        }

        /** False when the post never goes to this platform, so a later part need not wait for it there. */
        private boolean goesTo(Post p, String name) {
            return p.targets(name) && LinkedInCutoff.reason(config, state, services.clock().instant(), p, name,
                    adopted(p)) == null;
        }

        /** Why an old post is not sent to this platform (LinkedIn), or null when it goes. */
        private String skippedAsOld(Post p, String name) {
            String reason = LinkedInCutoff.reason(config, state, services.clock().instant(), p, name, adopted(p));
            if (reason != null && adopted(p)) {
                oldSkipped++;
            }
            return reason;
        }

        /** On Hashnode before xpost knew it: by its cuid, or found by its slug in this run. */
        private boolean adopted(Post p) {
            return p.hasIdentity() || (p.slug() != null && adoptedHere.contains(p.slug()));
        }

        private boolean isOn(Post p, String name) {
            return p.slug() != null && (assumed.contains(name + " " + p.slug()) || recordOf(p, p.slug(), name)
                    .map(r -> r.status() == Status.PUBLISHED).orElse(false));
        }

        /**
         * The state's record of this post, if it is this post's: when files share a slug (a deleted post's file
         * beside its live namesake), the record kept under that slug belongs to the file it names, and a Hashnode
         * record to the cuid it names.
         */
        private Optional<PlatformRecord> recordOf(Post p, String slug, String name) {
            Optional<PlatformRecord> rec = state.recordFor(slug, name);
            if (rec.isEmpty()) {
                return rec;
            }
            if (p.cuid() != null && rec.get().cuid() != null && !p.cuid().equals(rec.get().cuid())) {
                return Optional.empty();
            }
            if (slugCount.getOrDefault(slug, 0) > 1
                    && !state.post(slug).map(e -> stateKey(p).equals(e.file())).orElse(false)) {
                return Optional.empty();
            }
            return rec;
        }

        /** Within a series, each numbered part waits for the part before it. */
        private void linkSeries(List<Post> due) {
            Map<String, List<Post>> bySeries = new HashMap<>();
            for (Post p : due) {
                if (p.series() != null && p.part() != null && p.slug() != null) {
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

        /**
         * Records the changes since the last call, durably, before the run goes on: a line per changed post in the
         * state journal, so a remote call costs a write the size of its record, not of the whole state file.
         */
        private void save() {
            if (live) {
                store.append(saved, state);
                saved = state;
                journaled = true;
                dirty = false;
            }
        }

        /** The end of the run: the state file written whole when anything changed, and the journal removed. */
        void compact() {
            // A journal left by a run that died was replayed on load: folding it in now keeps it from lingering.
            if (live && (dirty || journaled || java.nio.file.Files.exists(store.journal()))) {
                store.compact(saved, state);
                saved = state;
                journaled = false;
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
                    case GONE -> Outcome.Result.GONE;
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

        /**
         * A step that failed. A plan or dry run sends nothing, so a platform it could not ask leaves what publish
         * would do unknown: shown as {@code unknown}, never as a create it cannot vouch for.
         */
        private Outcome failedRow(Post p, String platform, PlanAction action, String message,
                PlatformException.Kind kind) {
            if (!live) {
                return new Outcome(p.slug(), p.title(), p.file(), platform, PlanAction.UNKNOWN, null, null, null,
                        null, "could not ask " + platform + ": " + message, kind, null);
            }
            return new Outcome(p.slug(), p.title(), p.file(), platform, action, Outcome.Result.FAILED, null, null,
                    null, message, kind, null);
        }

        private Capabilities caps(String platform) {
            return PlatformModules.capabilities(platform);
        }

        /** The home platform's name as people write it, for messages about the post others link to. */
        private String homeName() {
            return PlatformModules.home().map(PlatformModules::capabilities).map(Capabilities::displayName)
                    .orElse("home");
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
            Optional<String> recorded = (p.slug() == null ? Optional.<PlatformRecord>empty()
                    : recordOf(p, p.slug(), Config.HASHNODE))
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
