package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.Capabilities;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Remote;
import dev.xpost.post.Post;
import dev.xpost.post.PostReader;
import dev.xpost.post.ReadResult;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.function.Function;

/**
 * Decides what each (post, platform) row of a run should do, as a pure function of the posts, the state (an
 * immutable {@link State} value), the clock, each platform's {@link Capabilities} and the run's options: no HTTP,
 * no file write, no {@link dev.xpost.platform.Platform} call.
 *
 * <p>What only the platform can tell is left to the {@link Executor} as a step of its own, never guessed here:
 * <ul>
 * <li>whether the platform already holds a post with no record (Hashnode by cuid or slug): the planner says
 * {@link CreateOrAdopt}; the executor looks it up ({@code Platform.find}), adopts what it finds, and asks
 * {@link #heldBack} only when a create is left, so an adopt never counts against {@code --max};</li>
 * <li>whether a published post changed: the planner says {@link Sync}; the executor renders the fingerprint (only
 * for such rows, so a plan of 10,000 held posts renders none) and compares it with the recorded one;</li>
 * <li>how an open intent settles: the planner says {@link Settle} with {@link #settling} deciding lookup, re-send or
 * ask from the capabilities and the age of the intent; the executor does the reads or the re-send.</li>
 * </ul>
 * Decisions depend on what happened earlier in the same run (a part 1 just created lets part 2 go; a Hashnode post
 * found gone makes LinkedIn skip it), so they are asked step by step with the run's {@link Facts}, which the
 * executor updates after each step. {@link #plan} is the same walk with every step assumed to succeed and nothing
 * found remotely: what a plan without a token shows.
 */
final class Planner {
    /** What a plan or run learnt so far that later rows depend on. Updated by the executor, read here. */
    static final class Facts {
        /** Remote creates this run made or (plan, dry run) would make, counted against {@code --max}. */
        int created;
        /** "platform slug" of creates a plan or dry run assumes succeeded, so later steps (part 2, LinkedIn) see them. */
        final Set<String> assumed = new HashSet<>();
        /** Slugs of posts this run found on the home platform by slug (no cuid): adopted, so old ones skip LinkedIn. */
        final Set<String> adoptedHere = new HashSet<>();
        /** Cuids found gone in this run (or by an earlier one): their other platforms have nothing to link to. */
        final Set<String> goneHere = new HashSet<>();
        /** Platforms stopped for the rest of the run (a refused token, a rate limit), with why. */
        final Map<String, PlatformException> stopped = new HashMap<>();
        /** Posts whose slug could not be learnt from the home platform because the lookup failed (not gone). */
        final Map<Path, PlatformException> slugLookupFailures = new HashMap<>();
        /** Adopted old posts skipped on each platform that skips them, counted for one warning per platform. */
        final Map<String, Integer> oldSkipped = new LinkedHashMap<>();
    }

    /** What one step is. Rows that send nothing are final here; the others name what the executor must do. */
    sealed interface Step permits Row, NotAttempted, Slugless, CreateOrAdopt, Sync, Settle {
    }

    /** Nothing to send: skipped, scheduled, held, gone, draft, ignored, invalid. */
    record Row(PlanAction action, Instant when, String message) implements Step {
    }

    /** The platform was stopped earlier in the run; {@code guess} is what the row would have done. */
    record NotAttempted(PlanAction guess, PlatformException stop) implements Step {
    }

    /** A post with a home identity (cuid) whose slug could not be learnt: gone, unchecked, or failed. */
    record Slugless() implements Step {
    }

    /** No usable record: look for the post on the platform, then adopt it or create it (unless held back). */
    record CreateOrAdopt(String recordedSlug) implements Step {
    }

    /** Published: compare what the file would send now with what was sent, and update when they differ. */
    record Sync(PlatformRecord record, String recordedSlug, boolean slugChanged) implements Step {
    }

    /** An open intent (a create whose outcome is unknown, or a run that died around one): settle it first. */
    record Settle(PlatformRecord record, String recordedSlug) implements Step {
    }

    /** One planned row: a post (null for an unreadable file) on a platform (null for rows of the post itself). */
    record Planned(Post post, Path file, String platform, Step step) {
    }

    /** The rows decided before any platform (unreadable, ignored, drafts, invalid), and the due posts in order. */
    record Intake(List<Planned> rows, List<Post> due) {
    }

    /** How an open create settles, from the capabilities and the intent's age. */
    enum SettleBy { LOOKUP_TOO_EARLY, LOOKUP, RESEND, ASK }

    /**
     * @param since   the moment the age counts from (latest commit for a lookup, the intent for a re-send); null
     *                when the intent has no usable time
     * @param warning what to tell the user about an intent without a usable time; null when it has one
     */
    record Settling(SettleBy by, Instant since, String warning) {
    }

    private final Config config;
    private final Instant now;
    private final Clock clock;
    private final int max;
    private final boolean recreateGone;
    private final Function<String, Capabilities> capabilities;
    private final String home;
    private final Function<Post, String> stateKey;
    private final Map<String, Post> seriesPrevious = new HashMap<>();
    /** Publishable posts per slug in the whole blog: a record under a shared slug is checked for its owner. */
    private final Map<String, Integer> slugCount = new HashMap<>();

    /**
     * @param now          the clock for "is it due?" ({@code --now})
     * @param clock        the wall clock, for the age of intents and the LinkedIn cutoff
     * @param max          remote creates one run may make ({@code --max})
     * @param capabilities each platform's capabilities, by name
     * @param home         the home platform's name (Hashnode), or null
     * @param stateKey     a post's key in the state file (its file, relative to the blog)
     * @param everyPost    every post of the blog, named on the command line or not: series order and shared slugs
     *                     are judged against the whole blog
     */
    Planner(Config config, Instant now, Clock clock, int max, boolean recreateGone,
            Function<String, Capabilities> capabilities, String home, Function<Post, String> stateKey,
            List<Post> everyPost) {
        this.config = config;
        this.now = now;
        this.clock = clock;
        this.max = max;
        this.recreateGone = recreateGone;
        this.capabilities = capabilities;
        this.home = home;
        this.stateKey = stateKey;
        List<Post> publishable = everyPost.stream().filter(Post::publishable).toList();
        for (Post p : publishable) {
            if (p.slug() != null) {
                slugCount.merge(p.slug(), 1, Integer::sum);
            }
        }
        // A part waits for the part before it even when that one is invalid or was not named on the command line.
        linkSeries(publishable);
    }

    /**
     * The rows that need no platform, and the due posts oldest first (as they went out in time; undated posts are
     * due "now" and sort there). An invalid post blocks itself and what depends on it, not the blog.
     */
    Intake intake(Blog blog) {
        List<Planned> rows = new ArrayList<>();
        for (ReadResult r : blog.results()) {
            if (r.post() == null) {
                // A backup's draft file stays a draft even when it cannot be read: it never blocks a run.
                boolean draft = PostReader.isBackupDraft(r.file());
                if (!draft && blog.firstError(r.file()).isEmpty()) {
                    // Not a post at all, and no error said so (an empty file): validate warns, so plan ignores it.
                    String why = r.problems().stream().map(dev.xpost.post.Problem::message).findFirst()
                            .orElse("not a post");
                    rows.add(new Planned(null, r.file(), null, new Row(PlanAction.IGNORED, null, why)));
                    continue;
                }
                rows.add(new Planned(null, r.file(), null, new Row(draft ? PlanAction.DRAFT : PlanAction.INVALID,
                        null, draft ? "a draft (a backup's draft file): never published"
                                : blog.firstError(r.file()).orElse("unreadable"))));
            }
        }
        List<Post> posts = new ArrayList<>(blog.posts());
        posts.sort(Comparator.comparing((Post p) -> p.publishAt() == null ? now : p.publishAt())
                .thenComparing(p -> p.file().toString()));
        List<Post> due = new ArrayList<>();
        for (Post p : posts) {
            if (p.ignored()) {
                rows.add(new Planned(p, p.file(), null, new Row(PlanAction.IGNORED, null, "ignorePost: true")));
            } else if (p.draft()) {
                rows.add(new Planned(p, p.file(), null, new Row(PlanAction.DRAFT, null,
                        PostReader.isBackupDraft(p.file()) && !p.lines().containsKey("draft")
                                ? "a draft (a backup's draft file): never published until its front matter says "
                                + "`draft: false`"
                                : "a draft: never published while it has `draft: true`")));
            } else if (blog.firstError(p.file()).isPresent()) {
                rows.add(new Planned(p, p.file(), null, new Row(PlanAction.INVALID, null,
                        blog.firstError(p.file()).orElse("unreadable"))));
            } else {
                due.add(p);
            }
        }
        return new Intake(rows, due);
    }

    /** True when the post is due and has no record on the platform: one the platform may be asked about ahead. */
    boolean unrecorded(Post p, String name, State state) {
        return p.targets(name) && p.slug() != null && (p.publishAt() == null || !p.publishAt().isAfter(now))
                && recordOf(p, p.slug(), name, state).isEmpty() && state.slugOf(stateKey.apply(p)).isEmpty();
    }

    /** What the row of this post on this platform is, given the state and what the run learnt so far. */
    Step decide(Post p, String name, State state, Facts f) {
        if (!p.targets(name)) {
            return new Row(PlanAction.SKIPPED, null, "not in this post's platforms: " + String.join(", ",
                    p.platforms()));
        }
        if (caps(name).linksHome() && p.cuid() != null && f.goneHere.contains(p.cuid())) {
            return new Row(PlanAction.SKIPPED, null, "its " + homeName() + " post is gone: nothing to link to");
        }
        String tooOld = skippedAsOld(p, name, state, f);
        if (tooOld != null) {
            return new Row(PlanAction.SKIPPED, null, tooOld);
        }
        if (p.publishAt() != null && p.publishAt().isAfter(now)) {
            return new Row(PlanAction.SCHEDULED, p.publishAt(), null);
        }
        if (p.slug() == null) {
            return new Slugless();
        }
        Optional<PlatformRecord> rec = recordOf(p, p.slug(), name, state);
        String recordedSlug = p.slug();
        if (rec.isEmpty()) {
            Optional<String> old = state.slugOf(stateKey.apply(p));
            if (old.isPresent() && !old.get().equals(p.slug())) {
                recordedSlug = old.get();
                rec = state.recordFor(recordedSlug, name);
            }
        }
        PlatformException stop = f.stopped.get(name);
        if (stop != null) {
            return new NotAttempted(guessAction(rec), stop);
        }
        if (rec.isEmpty() || !(rec.get().status() == Status.PUBLISHED || rec.get().status().open())) {
            return new CreateOrAdopt(recordedSlug);
        }
        if (rec.get().status() == Status.PUBLISHED) {
            return new Sync(rec.get(), recordedSlug, !recordedSlug.equals(p.slug()));
        }
        return new Settle(rec.get(), recordedSlug);
    }

    /** What a row that failed would have done, for its failure row. */
    static PlanAction guessAction(Optional<PlatformRecord> rec) {
        return rec.map(r -> r.status() == Status.PUBLISHED ? PlanAction.UPDATE : PlanAction.CREATE)
                .orElse(PlanAction.CREATE);
    }

    /** True when a post carrying this home identity was found gone by an earlier run and is not to be re-created. */
    boolean knownGone(String identity, State state) {
        return identity != null && state.gone().containsKey(identity) && !recreateGone;
    }

    boolean recreateGone() {
        return recreateGone;
    }

    /** Why a create must wait (an earlier series part, the home post it links to, {@code --max}), or null. */
    String heldBack(Post p, String name, State state, Facts f) {
        Post previous = seriesPrevious.get(p.slug());
        if (previous != null && goesTo(previous, name, state, f) && !isOn(previous, name, state, f)) {
            return "waiting for part " + previous.part() + " (" + previous.slug() + ") to be on " + name;
        }
        if (caps(name).linksHome() && home != null && config.platforms().contains(home) && p.targets(home)
                && !isOn(p, home, state, f)) {
            return "waiting for the " + homeName() + " post: the " + caps(name).displayName() + " post links to it";
        }
        if (f.created >= max) {
            return "held back: this run already creates " + max + (max == 1 ? " post" : " posts") + " (--max " + max
                    + ")";
        }
        return null;
    }

    /**
     * How an open create is settled now: by the platform's {@link Capabilities#settle()} and the age of the intent,
     * counted from the latest moment it may have been committed for a read lag, from the intent for a duplicate
     * window (a repeat is only caught while the first post is recent).
     */
    Settling settling(PlatformRecord r, String name, Post p) {
        Instant wall = clock.instant();
        Instant future = r.intentAt() != null && r.intentAt().isAfter(wall) ? r.intentAt()
                : r.requestEndedAt() != null && r.requestEndedAt().isAfter(wall) ? r.requestEndedAt() : null;
        boolean untimed = r.intentAt() == null || future != null;
        String warning = untimed ? "the open " + name + " create of " + stateKey.apply(p) + " has " + (future == null
                ? "no time (`intentAt`) in the state file" : "a time in the future (" + future + "; clock "
                + "skew or a hand edit)") + ": settled as if it were old enough" : null;
        Capabilities caps = caps(name);
        Instant since = untimed ? null : caps.settle() == Capabilities.Settle.LOOKUP ? latestCommit(r) : r.intentAt();
        Duration age = untimed ? ChronoUnit.FOREVER.getDuration() : Duration.between(since, wall);
        if (caps.settle() == Capabilities.Settle.LOOKUP) {
            return new Settling(age.compareTo(caps.settleWindow()) < 0 ? SettleBy.LOOKUP_TOO_EARLY : SettleBy.LOOKUP,
                    since, warning);
        }
        if (caps.settle() == Capabilities.Settle.RESEND && age.compareTo(caps.settleWindow()) <= 0) {
            return new Settling(SettleBy.RESEND, since, warning);
        }
        return new Settling(SettleBy.ASK, since, warning);
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
     * The whole run as a plan without a token sees it: every row in order, each create assumed to succeed and
     * nothing found on a platform (a row with no record is a create unless held back; a known-gone cuid is gone).
     * The executor walks the same decisions with real answers.
     *
     * @param identity a post's identity on a platform from before xpost knew it (the home platform's cuid), or
     *                 null; see {@code Platform.identity}
     */
    List<Planned> plan(Blog blog, List<String> targets, State state, java.util.function.BiFunction<Post, String,
            String> identity) {
        Facts f = new Facts();
        Intake intake = intake(blog);
        List<Planned> rows = new ArrayList<>(intake.rows());
        for (Post p : intake.due()) {
            for (String name : targets) {
                Step step = decide(p, name, state, f);
                if (step instanceof CreateOrAdopt) {
                    String id = identity.apply(p, name);
                    if (knownGone(id, state)) {
                        f.goneHere.add(id);
                        step = new Row(PlanAction.GONE, null, gone(id, name));
                    } else {
                        String held = heldBack(p, name, state, f);
                        if (held != null) {
                            step = new Row(PlanAction.HELD, null, held);
                        } else {
                            f.created++;
                            f.assumed.add(name + " " + p.slug());
                        }
                    }
                }
                rows.add(new Planned(p, p.file(), name, step));
            }
        }
        return rows;
    }

    /** What a gone row says: what it means and the ways out. */
    static String gone(String cuid, String name) {
        return "cuid " + cuid + " is not on " + name + " (deleted there, or never a post, such as a reply "
                + "in an old backup): not created. To publish it as a new post, remove `cuid:` (and rename a "
                + "<cuid>.md file); to re-create every gone post, publish --recreate-gone";
    }

    /** False when the post never goes to this platform, so a later part need not wait for it there. */
    private boolean goesTo(Post p, String name, State state, Facts f) {
        return p.targets(name) && LinkedInCutoff.reason(config, state, clock.instant(), p, name,
                adopted(p, f)) == null;
    }

    /** Why an old post is not sent to this platform (one that skips old posts), or null when it goes. */
    private String skippedAsOld(Post p, String name, State state, Facts f) {
        String reason = LinkedInCutoff.reason(config, state, clock.instant(), p, name, adopted(p, f));
        if (reason != null && adopted(p, f)) {
            f.oldSkipped.merge(name, 1, Integer::sum);
        }
        return reason;
    }

    /** On the home platform before xpost knew it: by its cuid, or found by its slug in this run. */
    private static boolean adopted(Post p, Facts f) {
        return p.hasIdentity() || (p.slug() != null && f.adoptedHere.contains(p.slug()));
    }

    /** Published on the platform, by the state or (plan, dry run) by a create assumed to succeed. */
    boolean isOn(Post p, String name, State state, Facts f) {
        return p.slug() != null && (f.assumed.contains(name + " " + p.slug()) || recordOf(p, p.slug(), name, state)
                .map(r -> r.status() == Status.PUBLISHED).orElse(false));
    }

    /**
     * The state's record of this post, if it is this post's: when files share a slug (a deleted post's file
     * beside its live namesake), the record kept under that slug belongs to the file it names, and a Hashnode
     * record to the cuid it names.
     */
    Optional<PlatformRecord> recordOf(Post p, String slug, String name, State state) {
        Optional<PlatformRecord> rec = state.recordFor(slug, name);
        if (rec.isEmpty()) {
            return rec;
        }
        String cuid = rec.get().ext().get(Remote.CUID);
        if (p.cuid() != null && cuid != null && !p.cuid().equals(cuid)) {
            return Optional.empty();
        }
        if (slugCount.getOrDefault(slug, 0) > 1
                && !state.post(slug).map(e -> stateKey.apply(p).equals(e.file())).orElse(false)) {
            return Optional.empty();
        }
        return rec;
    }

    /** Within a series, each numbered part waits for the part before it. */
    private void linkSeries(List<Post> posts) {
        Map<String, List<Post>> bySeries = new HashMap<>();
        for (Post p : posts) {
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

    Capabilities caps(String platform) {
        return capabilities.apply(platform);
    }

    /** The home platform's name as people write it, for messages about the post others link to. */
    String homeName() {
        return home == null ? "home" : caps(home).displayName();
    }

    String home() {
        return home;
    }
}
