package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.Capabilities;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Remote;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.Post;
import dev.xpost.post.PostSource;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one plan, publish or dry run: walks the due posts in the {@link Planner}'s order, asks it what each row is,
 * does that against the {@link Platform} adapters (lookups, creates, updates, settling), hands every state change to
 * the {@link Ledger}, and builds the {@link RunReport}. Plans and dry runs walk the same path and assume every step
 * succeeds (the planner's {@link Planner.Facts#assumed}), so what they show is what a real run would do.
 */
final class Executor {
    private final Services services;
    private final PlatformFactory factory;
    private final Config config;
    private final PublishUseCase.Options options;
    private final PublishUseCase.Mode mode;
    private final boolean live;
    private final Instant now;
    private final List<String> targets;
    private final Blog blog;
    private final Planner planner;
    private final Planner.Facts facts;
    private final Ledger ledger;
    private final List<Outcome> outcomes = new ArrayList<>();
    /** What each request is made from, to tell an unchanged post without rendering it. */
    private final SourceDigest sources;
    /** Source digests learnt for unchanged records, put all at once at the end (one copy of the state). */
    private final List<State.Change> sourcesLearnt = new ArrayList<>();
    /** Fingerprints of unchanged posts, rendered on both cores before the first step ({@link #renderAhead}). */
    private final Map<String, Map<Post, String>> renderedAhead = new HashMap<>();

    Executor(Services services, PlatformFactory factory, PublishUseCase.Options options, Instant now,
            List<String> targets, Blog blog, Planner planner, Planner.Facts facts, Ledger ledger,
            SourceDigest sources) {
        this.services = services;
        this.factory = factory;
        this.config = services.config();
        this.options = options;
        this.mode = options.mode();
        this.live = mode == PublishUseCase.Mode.LIVE;
        this.now = now;
        this.targets = targets;
        this.blog = blog;
        this.planner = planner;
        this.facts = facts;
        this.ledger = ledger;
        this.sources = sources;
    }

    RunReport execute() {
        ledger.markStarted(services.clock().instant());
        Planner.Intake intake = planner.intake(blog);
        for (Planner.Planned row : intake.rows()) {
            outcomes.add(row(row.post(), row.file(), null, (Planner.Row) row.step()));
        }
        List<Post> due = intake.due();
        Map<String, Platform> platforms = new LinkedHashMap<>();
        for (String name : targets) {
            try {
                Platform platform = factory.create(name, services, mode);
                platforms.put(name, platform);
                platform.prepare(ledger);
            } catch (PlatformException e) {
                facts.stopped.put(name, e);
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
        renderAhead(due, platforms);
        for (Post p : due) {
            String home = planner.home();
            Post post = withKnownSlug(p, home, home == null ? null : platforms.get(home));
            for (String name : targets) {
                outcomes.add(step(post, name, platforms.get(name)));
            }
        }
        List<String> offline = targets.stream().filter(n -> platforms.containsKey(n) && !platforms.get(n).online())
                .toList();
        // Let the platforms go before the state is written: moving in, Hashnode's holds the publication's listing
        // (50,000 posts moved in: peak 1.1 GB while the state file was written beside it, 0.73 GB without it).
        platforms.clear();
        if (!sourcesLearnt.isEmpty()) {
            ledger.putAll(sourcesLearnt);
        }
        ledger.compact();
        notes();
        offline(offline);
        boolean invalid = outcomes.stream().anyMatch(o -> o.action() == PlanAction.INVALID);
        return new RunReport(mode, now, config.timezone(), targets, outcomes, blog.problems(), invalid,
                ledger.warnings());
    }

    /**
     * Tells each platform the due posts it has no record of, before the first step: Hashnode looks up the slugs
     * of new posts 20 to a request, instead of one request each (or a listing of the whole publication).
     */
    private void lookAhead(List<Post> due, Map<String, Platform> platforms) {
        for (String name : targets) {
            Platform platform = platforms.get(name);
            if (platform == null || facts.stopped.containsKey(name)) {
                continue;
            }
            // On both cores: a look-up in the state per due post (50,000 posts: 0.13 s of one core), in order.
            State state = ledger.state();
            List<Post> unrecorded = due.parallelStream().filter(p -> planner.unrecorded(p, name, state)).toList();
            if (!unrecorded.isEmpty()) {
                platform.lookAhead(unrecorded, ledger);
            }
        }
    }

    /**
     * Renders on both cores, before the first step, the posts whose steps would render them only to find them
     * unchanged: published, with a recorded hash, but a source digest that does not say "same" (after a new build of
     * xpost, or records an import made). Each step renders in turn on one core; at 50,000 posts that was 9 s of the
     * once-per-build publish, nearly all of it SHA-256 of the bodies under the C1 compiler. Kept only for a
     * fingerprint equal to the recorded hash, so a step either takes "unchanged" from here or renders as before
     * (a changed post is rendered again by the step that sends it, from the body it sends). Only for a platform
     * whose request is made from the post alone (one that does not link to the home post: its fingerprint does not
     * depend on what earlier steps of this run record) and a post whose source digest covers every input (no
     * local image, whose upload state the fingerprint may consult). Anything that fails here is left to the step,
     * which reports it on its row. A file edited after it was rendered here is found unchanged, as one found so by
     * its source digest is: what is recorded is the digest of the bytes read at the start, so the next run sees the
     * edit and sends it.
     */
    private void renderAhead(List<Post> due, Map<String, Platform> platforms) {
        State state = ledger.state();
        for (String name : targets) {
            Platform platform = platforms.get(name);
            if (platform == null || planner.caps(name).linksHome() || facts.stopped.containsKey(name)) {
                continue;
            }
            List<Map.Entry<Post, String>> same = due.parallelStream()
                    .filter(p -> p.slug() != null && p.targets(name))
                    .map(p -> {
                        PlatformRecord rec = planner.recordOf(p, p.slug(), name, state).orElse(null);
                        if (rec == null || rec.status() != Status.PUBLISHED || rec.hash() == null) {
                            return null;
                        }
                        String source = sources.of(p, name, false, ledger);
                        if (source == null || source.equals(rec.source())) {
                            return null;
                        }
                        try {
                            String fp = platform.fingerprint(p.withBody(), ledger);
                            return fp.equals(rec.hash()) ? Map.entry(p, fp) : null;
                        } catch (RuntimeException e) {
                            return null;
                        }
                    })
                    .filter(Objects::nonNull)
                    .toList();
            Map<Post, String> byPost = new IdentityHashMap<>(same.size() * 2);
            same.forEach(e -> byPost.put(e.getKey(), e.getValue()));
            renderedAhead.put(name, byPost);
        }
    }

    /**
     * A plan needs no token (a pull request from a fork has none), so it does not fail for want of one; but
     * {@code publish} would fail the platform's posts (exit 4) until the token is set: said once per platform, with
     * how many.
     *
     * @param offline the platforms of the run that have no token
     */
    private void offline(List<String> offline) {
        if (live) {
            return;
        }
        for (String name : offline) {
            // Publish stops the platform at its first step without a token: every row of it fails but those it
            // never steps (skipped, scheduled).
            long failing = outcomes.stream().filter(o -> name.equals(o.platform()) && o.action() != PlanAction.SKIPPED
                    && o.action() != PlanAction.SCHEDULED).count();
            if (failing > 0) {
                String token = PlatformModules.find(name).map(m -> m.secretNames().get(0)).orElse("its token");
                ledger.note(token + " is not set: publish would fail " + failing + (failing == 1 ? " post" : " posts")
                        + " on " + PlatformModules.capabilities(name).displayName() + " (exit 4), sending nothing "
                        + "there, until it is (in .env or the environment; `xpost doctor` checks it)");
            }
        }
    }

    /** One line each for what a moving-in author must know about the whole run. */
    private void notes() {
        long unchecked = outcomes.stream().filter(o -> o.action() == PlanAction.ADOPT && o.message() != null
                && o.message().contains(PublishUseCase.NOT_CHECKED)).count();
        if (unchecked > 0) {
            ledger.note(unchecked + (unchecked == 1 ? " post" : " posts") + " with a Hashnode cuid could not be "
                    + "checked (no HASHNODE_TOKEN): shown as adopt; a real run adopts those the publication "
                    + "holds and reports the others as gone");
        }
        long gone = outcomes.stream().filter(o -> o.action() == PlanAction.GONE).count();
        if (gone > 0) {
            ledger.note(gone + (gone == 1 ? " post is" : " posts are") + " gone from Hashnode (deleted there, "
                    + "or never a post) and " + (gone == 1 ? "was" : "were") + " not created: remove `cuid:` (and "
                    + "rename a <cuid>.md file) to publish " + (gone == 1 ? "it" : "one") + " as a new post, or run "
                    + "publish --recreate-gone to create " + (gone == 1 ? "it" : "them all"));
        }
        facts.oldSkipped.forEach((name, oldSkipped) -> {
            // The platform's own words for its cutoff: only a configured platform skips (LinkedInCutoff).
            String cutoff = Optional.ofNullable(Setups.of(config, name)).flatMap(s -> s.oldPostsNote()).orElse("");
            ledger.note(oldSkipped + (oldSkipped == 1 ? " post that was" : " posts that were") + " on "
                    + planner.homeName() + " before xpost knew " + (oldSkipped == 1 ? "it is" : "them are")
                    + " not sent to " + planner.caps(name).displayName() + cutoff);
        });
    }

    /**
     * A post adopted by its cuid whose title gives no slug (a legacy file titled in Persian, say) is recorded
     * under the slug Hashnode holds it by: the one the state file knows for its file, or the one found.
     */
    private Post withKnownSlug(Post p, String home, Platform hashnode) {
        if (p.slug() != null || !p.hasIdentity()) {
            return p;
        }
        Optional<String> recorded = ledger.state().slugOf(stateKey(p));
        if (recorded.isPresent()) {
            return p.withSlug(recorded.get());
        }
        if (hashnode != null && (hashnode.online() || live) && !facts.stopped.containsKey(home)
                && !ledger.state().gone().containsKey(p.cuid())) {
            try {
                Optional<Platform.Found> found = hashnode.find(p, ledger);
                if (found.isPresent() && found.get().remote().slug() != null) {
                    return p.withSlug(found.get().remote().slug());
                }
            } catch (PlatformException e) {
                // Reported on the post's row: a failed lookup proves nothing, so the post is never called gone.
                facts.slugLookupFailures.put(p.file(), e);
            } catch (PostSource.Changed e) {
                // The file changed since it was read: its own row fails when the step reads it again.
                return p;
            }
        }
        return p;
    }

    /** Does what the planner decided for one row, and says what came of it. */
    private Outcome step(Post p, String name, Platform platform) {
        Planner.Step step = planner.decide(p, name, ledger.state(), facts);
        if (step instanceof Planner.Row r) {
            return row(p, name, r);
        }
        if (step instanceof Planner.Slugless) {
            return slugless(p, name, platform);
        }
        if (step instanceof Planner.NotAttempted n) {
            return failedRow(p, name, n.guess(), "not attempted: " + n.stop().getMessage(), n.stop().kind());
        }
        try {
            if (step instanceof Planner.CreateOrAdopt c) {
                // The body is rendered (for its digest) only when a create or an adopt needs it: a plan of
                // 10,000 new posts holds all but --max of them back, and renders none.
                return createOrAdopt(p, name, platform, c.recordedSlug(), once(() -> platform.fingerprint(p,
                        ledger)));
            }
            PlatformRecord rec = step instanceof Planner.Sync sy ? sy.record() : ((Planner.Settle) step).record();
            // Made from the same sources as what was last sent: the same request, so not rendered at all.
            // A plan has nothing to record it in, so it is taken only when there is one to compare with.
            String source = live || rec.source() != null
                    ? sources.of(p, name, planner.caps(name).linksHome(), ledger) : null;
            boolean same = source != null && source.equals(rec.source()) && rec.hash() != null
                    && rec.status() == Status.PUBLISHED;
            String ahead = step instanceof Planner.Sync sync && !sync.slugChanged()
                    ? renderedAhead.getOrDefault(name, Map.of()).get(p) : null;
            if (ahead != null && !ahead.equals(rec.hash())) {
                ahead = null;
            }
            // Unchanged by its source digest or rendered ahead: the body is not read again.
            Post post = same || ahead != null ? p : p.withBody();
            String fp = same ? rec.hash() : ahead != null ? ahead : platform.fingerprint(post, ledger);
            if (step instanceof Planner.Sync s) {
                return sync(post, name, platform, s, fp, same ? null : source);
            }
            Planner.Settle s = (Planner.Settle) step;
            // Only a create xpost sent leaves an open record, and that create carried no cuid: settle it by the
            // slug it was sent with, not by the identity of a post that is gone.
            return settle(post.hasIdentity() ? post.withCuid(null) : post, name, platform, s.record(),
                    s.recordedSlug(), fp);
        } catch (PostSource.Changed e) {
            PlanAction guess = step instanceof Planner.Sync ? PlanAction.UPDATE : PlanAction.CREATE;
            return failedRow(p, name, guess, e.getMessage(), PlatformException.Kind.REJECTED);
        } catch (PlatformException e) {
            if (e.stopsPlatform()) {
                facts.stopped.put(name, e);
            }
            PlanAction guess = step instanceof Planner.Sync ? PlanAction.UPDATE : PlanAction.CREATE;
            return failedRow(p, name, guess, e.getMessage(), e.kind());
        }
    }

    /**
     * A published post: the fingerprint of what the file would send now against the one recorded when it was last
     * sent. Equal (and the slug kept) costs no request. {@code learnt}: the source digest to record for an unchanged
     * post whose record lacks it (or holds another build's), so that the next run need not render it; else null.
     */
    private Outcome sync(Post p, String name, Platform platform, Planner.Sync s, String fp, String learnt) {
        PlatformRecord r = s.record();
        if (fp.equals(r.hash()) && !s.slugChanged()) {
            if (live && learnt != null) {
                sourcesLearnt.add(new State.Change(p.slug(), stateKey(p), name, r.withSource(learnt)));
            }
            Optional<String> drift = platform.drift(p, r.fields());
            if (drift.isPresent()) {
                return done(p, name, PlanAction.DRIFT, Outcome.Result.DRIFT, r.id(), r.url(), drift.get(),
                        List.of());
            }
            return done(p, name, PlanAction.UNCHANGED, Outcome.Result.UNCHANGED, r.id(), r.url(), null, List.of());
        }
        return update(p, name, platform, r, s.recordedSlug(), s.slugChanged(), fp);
    }

    /** A post with a Hashnode identity but no slug, whose slug could not be learnt from Hashnode. */
    private Outcome slugless(Post p, String name, Platform platform) {
        PlatformException stop = facts.stopped.get(name);
        if (stop != null) {
            return failedRow(p, name, PlanAction.ADOPT, "not attempted: " + stop.getMessage(), stop.kind());
        }
        if (platform != null && platform.identity(p) != null) {
            if (!platform.online() && !ledger.state().gone().containsKey(p.cuid())) {
                return unchecked(p, name);
            }
            PlatformException failed = facts.slugLookupFailures.get(p.file());
            if (failed != null) {
                return failedRow(p, name, PlanAction.ADOPT, failed.getMessage(), failed.kind());
            }
            facts.goneHere.add(p.cuid());
            ledger.markGone(p.cuid(), p);
            return row(p, name, PlanAction.GONE, null, gone(p, name) + (options.recreateGone() ? "; it has no "
                    + "slug to be created with: write one with `slug:`" : ""));
        }
        // Only a linking platform gets here (the home platform is the one whose slug is unknown): name it.
        return row(p, name, PlanAction.HELD, null, "waiting for the Hashnode post: the "
                + PlatformModules.capabilities(name).displayName() + " post links to it");
    }

    /**
     * A post with a Hashnode identity that could not be looked up for want of a token: a plan assumes it is
     * there (a backup's cuid says so); a real run never decides "gone" without asking.
     */
    private Outcome unchecked(Post p, String name) {
        if (!live) {
            return row(p, name, PlanAction.ADOPT, null, "cuid " + p.cuid() + ": already on Hashnode ("
                    + PublishUseCase.NOT_CHECKED + ")");
        }
        return failedRow(p, name, PlanAction.ADOPT, "HASHNODE_TOKEN is not set, so xpost cannot look up cuid "
                + p.cuid() + " on Hashnode. Create a personal access token at https://hashnode.com/settings/"
                + "developer and put it in .env as HASHNODE_TOKEN=… (or in the environment)",
                PlatformException.Kind.AUTH);
    }

    private static String gone(Post p, String name) {
        return Planner.gone(p.cuid(), name);
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

    private Outcome createOrAdopt(Post p, String name, Platform platform, String recordedSlug, Supplier<String> fp) {
        String identity = platform.identity(p);
        if (planner.knownGone(identity, ledger.state())) {
            // Found gone by an earlier run: said again without asking, so a settled blog costs no request.
            facts.goneHere.add(identity);
            return row(p, name, PlanAction.GONE, null, gone(p, name));
        }
        Optional<Platform.Found> found = platform.online() || live ? platform.find(p, ledger) : Optional.empty();
        if (found.isEmpty() && identity != null) {
            if (!platform.online()) {
                return unchecked(p, name);
            }
            if (!planner.recreateGone()) {
                facts.goneHere.add(identity);
                ledger.markGone(identity, p);
                return row(p, name, PlanAction.GONE, null, gone(p, name));
            }
            Outcome made = create(p, name, platform, recordedSlug, fp, "re-created (--recreate-gone): cuid "
                    + identity + " is not on " + name);
            if (made.result() == Outcome.Result.CREATED || made.result() == Outcome.Result.ADOPTED) {
                ledger.clearGone(identity);
            }
            return made;
        }
        if (found.isPresent()) {
            if (planner.caps(name).home()) {
                facts.adoptedHere.add(p.slug());
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
            List<WireRequest> requests = mode == PublishUseCase.Mode.DRY_RUN
                    ? platform.previewUpdate(p, remote, null, false, ledger) : List.of();
            return new Outcome(p.slug(), p.title(), p.file(), name, PlanAction.UPDATE, null, null, remote.id(),
                    remote.url(), "adopt " + remote.url() + " (already on " + name + ") and update it: its "
                    + "content differs from the file", null, requests);
        }
        PlatformRecord r = record(platform, remote, same ? fp.get() : null)
                .withSource(same ? sources.of(p, name, planner.caps(name).linksHome(), ledger) : null);
        // No remote call made this record, so it waits for the run's last save: saving each of the hundreds
        // of posts of an adopted backup on its own costs a write and an fsync apiece. A crash before that save
        // loses only what the next run finds again with the same reads.
        ledger.put(p, name, recordedSlug, r);
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
        Planner.Settling how = planner.settling(r, name, p);
        if (how.warning() != null) {
            ledger.warn(how.warning());
        }
        Capabilities caps = planner.caps(name);
        Map<String, String> sent = r.sent() == null ? Map.of() : r.sent();
        switch (how.by()) {
            case LOOKUP_TOO_EARLY:
                return unknownRow(p, name, "the outcome of a create sent at " + r.intentAt() + " is unknown, "
                        + "and " + caps.displayName() + "'s reads lag behind its writes, so it cannot be looked "
                        + "up before " + how.since().plus(caps.settleWindow()) + ": run again in a minute");
            case LOOKUP: {
                if (!live && !platform.online()) {
                    // No token to look with: say what publish will do, never that the lookup found nothing.
                    return create(p, name, platform, recordedSlug, () -> fp, "unless the earlier create sent at "
                            + r.intentAt() + " made the post: publish looks it up on " + caps.displayName()
                            + " first and records it instead (not checked: no token)");
                }
                Optional<Platform.Found> found = platform.findSent(p, sent, ledger);
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
            case RESEND: {
                String why = "settling an earlier create whose outcome is unknown: " + caps.displayName()
                        + " answers a repeat with the post it already has";
                if (!live) {
                    return create(p, name, platform, recordedSlug, () -> fp, why);
                }
                Remote remote;
                try {
                    remote = platform.resend(p, sent, ledger);
                } catch (PlatformException e) {
                    // A re-send that failed proves nothing about the first create: the record stays open.
                    PlatformRecord open = e.kind() == PlatformException.Kind.UNKNOWN_OUTCOME
                            ? r.unknown(e.getMessage(), services.clock().instant()) : r.withMessage(e.getMessage());
                    ledger.put(p, name, recordedSlug, open);
                    ledger.save();
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
            default:
                return unknownRow(p, name, "a " + caps.displayName() + " create sent at " + (how.since() == null
                        ? "an unknown time" : how.since()) + " may or may not have made a post, and "
                        + caps.displayName() + " cannot be asked. Look at your " + caps.displayName() + " activity, "
                        + "then run either `xpost state adopt " + stateKey(p) + " --platform " + name + " --id "
                        + caps.idName() + "` (it is there) or `xpost state forget " + stateKey(p) + " --platform "
                        + name + "` (it is not; the next publish creates it)");
        }
    }

    /**
     * Records the post an open create turned out to have made, under the hash of what that create carried,
     * then brings it in line with the file when the file changed since (text, fields, slug).
     */
    private Outcome settled(Post p, String name, Platform platform, Remote remote, String sentHash,
            String recordedSlug, boolean slugChanged, String fp, String note) {
        PlatformRecord r = record(platform, remote, sentHash);
        ledger.put(p, name, recordedSlug, r);
        ledger.save();
        // Found by a lookup, or named by LinkedIn's duplicate answer: the first create made it. Else a re-send
        // just made it.
        Outcome.Result result = remote.existing() || planner.caps(name).settle() == Capabilities.Settle.LOOKUP
                ? Outcome.Result.ADOPTED
                : Outcome.Result.CREATED;
        if (fp.equals(r.hash()) && !slugChanged) {
            return done(p, name, PlanAction.CREATE, result, remote.id(), remote.url(), note, List.of());
        }
        Outcome o = update(p, name, platform, r, p.slug(), slugChanged, fp);
        String message = note == null ? "settled, then updated to the file as it is now"
                : note + "; then updated to the file as it is now";
        return new Outcome(o.slug(), o.title(), o.file(), o.platform(), o.action(), o.result(), o.when(), o.id(),
                o.url(), o.message() == null ? message : message + "; " + o.message(), o.failure(), o.requests());
    }

    private Outcome create(Post p, String name, Platform platform, String recordedSlug, Supplier<String> fp,
            String why) {
        String held = planner.heldBack(p, name, ledger.state(), facts);
        if (held != null) {
            return row(p, name, PlanAction.HELD, null, held);
        }
        facts.created++;
        if (!live) {
            facts.assumed.add(name + " " + p.slug());
            List<WireRequest> requests = mode == PublishUseCase.Mode.DRY_RUN
                    ? platform.previewCreate(p, ledger) : List.of();
            return new Outcome(p.slug(), p.title(), p.file(), name, PlanAction.CREATE, null, null, null, null,
                    withUploads(why, platform.pendingUploads(p, true, ledger)), null, requests);
        }
        // One read of the file for the whole create, made before the intent: a file edited meanwhile fails here
        // (PostSource.Changed), when nothing is recorded or sent yet.
        p = p.withBody();
        ledger.openCreate(p, name, recordedSlug, PlatformRecord.intent(services.clock().instant(), fp.get()));
        try {
            Remote remote = platform.create(p, ledger);
            if (remote.existing()) {
                refuseForeign(p, name, remote);
            } else if (ledger.ownerOf(p, name, remote.id()) != null) {
                // A new post cannot have an id another post already holds: the answer cannot be trusted, so
                // nothing is recorded for either post and the next run settles this create by what it sent.
                throw new PlatformException(name, PlatformException.Kind.UNKNOWN_OUTCOME, name + " answered the "
                        + "create of " + p.file() + " with " + remote.id() + ", which is the id of "
                        + ledger.ownerOf(p, name, remote.id()) + "'s post: not recorded for this post; the next run "
                        + "settles the create by what it sent");
            }
            ledger.put(p, name, p.slug(), record(platform, remote, fp.get()).withFields(platform.fieldsAfterSync(p,
                    List.of())).withSource(sources.of(p, name, planner.caps(name).linksHome(), ledger)));
            ledger.save();
            Outcome.Result result = remote.existing() ? Outcome.Result.ADOPTED : Outcome.Result.CREATED;
            return done(p, name, PlanAction.CREATE, result, remote.id(), remote.url(), remote.note(), List.of());
        } catch (PlatformException e) {
            PlatformRecord sent = ledger.openIntent();
            if (e.kind() == PlatformException.Kind.UNKNOWN_OUTCOME) {
                ledger.put(p, name, p.slug(), sent.unknown(e.getMessage(), services.clock().instant()));
                ledger.save();
                return unknownRow(p, name, e.getMessage());
            }
            ledger.put(p, name, p.slug(), sent.failed(e.getMessage()));
            ledger.save();
            throw e;
        } finally {
            ledger.closeCreate();
        }
    }

    private Outcome update(Post p, String name, Platform platform, PlatformRecord r, String recordedSlug,
            boolean slugChanged, String fp) {
        Remote existing = Remote.of(r.id(), r.url(), r.ext());
        if (!live) {
            List<WireRequest> requests = mode == PublishUseCase.Mode.DRY_RUN
                    ? platform.previewUpdate(p, existing, r.hash(), slugChanged, ledger) : List.of();
            String note = withUploads(slugChanged ? "slug changed from " + recordedSlug : null,
                    platform.pendingUploads(p, false, ledger));
            String drift = platform.drift(p, platform.fieldsAfterSync(p, r.fields())).orElse(null);
            return new Outcome(p.slug(), p.title(), p.file(), name, PlanAction.UPDATE, null, null, r.id(),
                    r.url(), drift == null ? note : note == null ? drift : note + "; " + drift, null, requests);
        }
        Post post = p.withBody();
        try {
            Remote remote = platform.update(post, existing, r.hash(), slugChanged, ledger);
            List<String> held = platform.fieldsAfterSync(p, r.fields());
            PlatformRecord next = r.sent(fp, now).withFields(held);
            String drift = platform.drift(p, held).orElse(null);
            if (drift != null) {
                remote = remote.withNote(remote.note() == null ? drift : remote.note() + "; " + drift);
            }
            if (remote.url() != null) {
                next = next.withUrl(remote.url());
            }
            next = next.withExt(platform.recordExt(remote));
            ledger.put(p, name, recordedSlug, next.withSource(sources.of(p, name, planner.caps(name).linksHome(),
                    ledger)));
            ledger.save();
            return done(p, name, PlanAction.UPDATE, Outcome.Result.UPDATED, r.id(), next.url(), remote.note(),
                    List.of());
        } catch (PlatformException e) {
            // The record stays where it was: a refused slug change must be tried again next run, not forgotten.
            ledger.keep(p, name, recordedSlug, r.withMessage(e.getMessage()));
            ledger.save();
            throw e;
        }
    }

    /**
     * A create answered "already there" (LinkedIn's 422 duplicate) names a post this one may not adopt: one
     * recorded for another post (the same hand-written text), or one the user forgot (deleted by hand; LinkedIn
     * keeps naming it for a day or two). A URN belongs to one post, so this post fails instead.
     */
    private void refuseForeign(Post p, String name, Remote remote) {
        String owner = ledger.ownerOf(p, name, remote.id());
        Optional<String> forgotten = ledger.state().forgottenBy(remote.id());
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

    private PlatformRecord record(Platform platform, Remote remote, String fp) {
        return PlatformRecord.published(remote.id(), remote.url(), fp, now).withExt(platform.recordExt(remote));
    }

    private String stateKey(Post p) {
        return config.fileKey(services.cwd().resolve(p.file()));
    }

    private Outcome row(Post p, String platform, Planner.Row r) {
        return row(p, p == null ? null : p.file(), platform, r);
    }

    private Outcome row(Post p, java.nio.file.Path file, String platform, Planner.Row r) {
        Outcome.Result result = null;
        if (live) {
            result = switch (r.action()) {
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
        return new Outcome(p == null ? null : p.slug(), p == null ? null : p.title(), file, platform, r.action(),
                result, r.when(), null, null, r.message(), null, null);
    }

    private Outcome row(Post p, String platform, PlanAction action, Instant when, String message) {
        return row(p, platform, new Planner.Row(action, when, message));
    }

    private static Outcome withRemote(Outcome o, Remote r) {
        return new Outcome(o.slug(), o.title(), o.file(), o.platform(), o.action(), o.result(), o.when(), r.id(),
                r.url(), o.message(), o.failure(), o.requests());
    }

    private Outcome done(Post p, String platform, PlanAction action, Outcome.Result result, String id, String url,
            String message, List<WireRequest> requests) {
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

    private Outcome unknownRow(Post p, String platform, String message) {
        return new Outcome(p.slug(), p.title(), p.file(), platform, PlanAction.CREATE, Outcome.Result.UNKNOWN,
                null, null, null, message, PlatformException.Kind.UNKNOWN_OUTCOME, null);
    }
}
