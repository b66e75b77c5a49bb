package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Session;
import dev.xpost.post.Post;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.PostEntry;
import dev.xpost.state.State;
import dev.xpost.state.StateStore;
import dev.xpost.state.Status;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code xpost status}: every post on every configured platform, from the files and the state file alone. It
 * sends no request: "changed" means the file would now send something else than what was last sent.
 */
public final class StatusUseCase {
    public enum Sync {
        IN_SYNC("in sync"), DRIFT("drift"), CHANGED("changed since last sync"), SCHEDULED("scheduled"),
        NOT_PUBLISHED("not published"), FAILED("failed"), UNKNOWN("unknown"), DRAFT("draft"),
        /** The word plan and publish use for a post kept off a platform (dated before linkedin.since, say). */
        SKIPPED("skipped"),
        /** As in plan and publish: a Hashnode cuid a real run found the publication does not hold. */
        GONE("gone"),
        NO_FILE("record without a file"),
        /**
         * On the home platform before xpost knew it (a backup's cuid) and not in the state file yet: what plan
         * calls "adopt", since the next publish records it instead of creating it.
         */
        NOT_RECORDED("not recorded"),
        /** As in plan: a file in the posts folder that is not a post (an empty file), or that cannot be read. */
        IGNORED("ignored"), INVALID("invalid");

        private final String label;

        Sync(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One post on one platform; a file that is not a post has a null slug and platform. {@code message}: why, in
     * plan's words (skipped, held back, gone, failed…), or null.
     */
    public record Row(String slug, Path file, String platform, Sync sync, Instant when, String id, String url,
            String message) {
    }

    private final Services services;
    private final PlatformFactory factory;

    public StatusUseCase(Services services, PlatformFactory factory) {
        this.services = services;
        this.factory = factory;
    }

    public List<Row> run(Instant nowOrNull) {
        return run(List.of(), nowOrNull);
    }

    /**
     * @param paths files or folders to show (as {@code plan PATH…}: the rules still see the whole blog); empty for
     *              every post, plus the records whose file is gone
     */
    public List<Row> run(List<Path> paths, Instant nowOrNull) {
        Config config = services.config();
        Instant now = nowOrNull != null ? nowOrNull : services.clock().instant();
        Blog blog = Blog.load(config, services.cwd(), paths, services.knownSecretsByName());
        State state = new StateStore(config.stateFile()).load();
        Map<String, Platform> platforms = new LinkedHashMap<>();
        for (String name : config.platforms()) {
            try {
                platforms.put(name, factory.create(name, services.offline(), PublishUseCase.Mode.PLAN));
            } catch (PlatformException e) {
                platforms.put(name, null);
            }
        }
        // The planner of `xpost plan` decides every row, in plan's order (what is not a post, drafts and invalid
        // posts first, then the posts as a run takes them, oldest first), so that status and plan say the same
        // thing in the same words: only how a row is named differs (a state here, an action there). No --max:
        // status is no run.
        String home = PlatformModules.home().orElse(null);
        Planner planner = new Planner(config, now, services.clock(), Integer.MAX_VALUE, false,
                PlatformModules::capabilities, home, p -> config.fileKey(services.cwd().resolve(p.file())),
                blog.everyPost());
        Planner.Facts facts = new Planner.Facts();
        ReadOnlySession session = new ReadOnlySession(config, state, now);
        Planner.Intake intake = planner.intake(blog);
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Planner.Planned r : intake.rows()) {
            if (r.step() instanceof Planner.Row step) {
                Post p = r.post();
                if (p != null && p.slug() != null) {
                    seen.add(p.slug());
                }
                rows.add(new Row(p == null ? null : p.slug(), r.file(), null, switch (step.action()) {
                    case DRAFT -> Sync.DRAFT;
                    case INVALID -> Sync.INVALID;
                    default -> Sync.IGNORED;
                }, null, null, null, step.message()));
            }
        }
        List<String> names = new ArrayList<>(platforms.keySet());
        // The home platform first: a post found gone there has nothing to link to on the others.
        names.sort(Comparator.comparing(n -> !n.equals(home)));
        for (Post post : intake.due()) {
            String key = config.fileKey(services.cwd().resolve(post.file()));
            // A post adopted by its cuid whose title gives no slug is recorded under Hashnode's slug for it.
            Post p = post.slug() == null && post.hasIdentity()
                    ? state.slugOf(key).map(post::withSlug).orElse(post) : post;
            Map<String, Row> byName = new HashMap<>();
            for (String name : names) {
                byName.put(name, row(p, name, platforms.get(name), planner, facts, state, session));
            }
            if (p.slug() != null) {
                seen.add(p.slug());
            }
            for (String name : platforms.keySet()) {
                rows.add(byName.get(name));
            }
        }
        if (paths == null || paths.isEmpty()) {
            // A record whose file is still here belongs to that post under an earlier slug (plan updates it: "slug
            // changed from …"), and is no record without a file: forgetting it would make the next run create the
            // post twice.
            Set<String> files = new HashSet<>();
            for (Post p : blog.everyPost()) {
                files.add(config.fileKey(services.cwd().resolve(p.file())));
            }
            for (Map.Entry<String, PostEntry> e : state.posts().entrySet()) {
                if (!seen.contains(e.getKey()) && !files.contains(e.getValue().file())) {
                    for (var r : e.getValue().platforms().entrySet()) {
                        rows.add(new Row(e.getKey(), Path.of(e.getValue().file()), r.getKey(), Sync.NO_FILE, null,
                                r.getValue().id(), r.getValue().url(), "the state file records this post but its "
                                + "file is gone; `xpost state forget " + e.getKey() + " --platform " + r.getKey()
                                + "` drops the record (the remote post stays)"));
                    }
                }
            }
        }
        return rows;
    }

    /** One post on one platform, as the planner decides it, named as a state. */
    private Row row(Post p, String name, Platform platform, Planner planner, Planner.Facts facts, State state,
            Session session) {
        Planner.Step step = planner.decide(p, name, state, facts);
        if (step instanceof Planner.Row r) {
            Sync sync = r.action() == PlanAction.SCHEDULED ? Sync.SCHEDULED : Sync.SKIPPED;
            // A post skipped now may have gone out before (an earlier linkedin.since): its record stays shown.
            Optional<PlatformRecord> rec = p.slug() == null ? Optional.empty()
                    : planner.recordOf(p, p.slug(), name, state);
            return new Row(p.slug(), p.file(), name, sync, r.when(), rec.map(PlatformRecord::id).orElse(null),
                    rec.map(PlatformRecord::url).orElse(null), r.message());
        }
        if (step instanceof Planner.Sync s) {
            return fromRecord(p, name, s.record(), platform, session);
        }
        if (step instanceof Planner.Settle s) {
            Row open = fromRecord(p, name, s.record(), platform, session);
            return open.message() != null ? open : new Row(open.slug(), open.file(), name, open.sync(), open.when(),
                    open.id(), open.url(), "an earlier create may or may not have made a post; `xpost doctor` says "
                    + "how it gets settled");
        }
        if (step instanceof Planner.Slugless) {
            // A backup's post whose title gives no slug: its cuid says where it is, as plan assumes without asking.
            String cuid = platform != null ? platform.identity(p) : null;
            if (cuid != null && planner.knownGone(cuid, state)) {
                facts.goneHere.add(cuid);
                return new Row(p.slug(), p.file(), name, Sync.GONE, null, null, null, Planner.gone(cuid, name));
            }
            return cuid != null ? notRecorded(p, name, cuid) : new Row(p.slug(), p.file(), name,
                    Sync.NOT_PUBLISHED, null, null, null, "waiting for the Hashnode post: the "
                    + PlatformModules.capabilities(name).displayName() + " post links to it");
        }
        if (!(step instanceof Planner.CreateOrAdopt c)) {
            // NotAttempted needs a run's failure; status has none.
            return new Row(p.slug(), p.file(), name, Sync.NOT_PUBLISHED, null, null, null, null);
        }
        Optional<PlatformRecord> failed = planner.recordOf(p, c.recordedSlug(), name, state);
        String identity = platform != null ? platform.identity(p)
                : PlatformModules.capabilities(name).home() ? p.cuid() : null;
        if (planner.knownGone(identity, state)) {
            facts.goneHere.add(identity);
            return new Row(p.slug(), p.file(), name, Sync.GONE, null, null, null, Planner.gone(identity, name));
        }
        if (failed.isPresent()) {
            return fromRecord(p, name, failed.get(), platform, session);
        }
        if (identity != null) {
            return notRecorded(p, name, identity);
        }
        String held = planner.heldBack(p, name, state, facts);
        if (held == null) {
            // As plan assumes: the create goes out, so what waits for it (a later part, a LinkedIn post) does not.
            facts.created++;
            facts.assumed.add(name + " " + p.slug());
        }
        return new Row(p.slug(), p.file(), name, Sync.NOT_PUBLISHED, null, null, null, held);
    }

    private static Row notRecorded(Post p, String name, String identity) {
        return new Row(p.slug(), p.file(), name, Sync.NOT_RECORDED, null, null, null, "cuid " + identity
                + ": already on " + PlatformModules.capabilities(name).displayName() + " (not checked: status "
                + "sends no request); the next publish adopts it (records it, creates nothing)");
    }

    private Row fromRecord(Post p, String name, PlatformRecord r, Platform platform, Session session) {
        Sync sync;
        if (r.status() == Status.PUBLISHED) {
            String fp = platform == null ? null : platform.fingerprint(p, session);
            sync = fp != null && fp.equals(r.hash()) ? Sync.IN_SYNC : Sync.CHANGED;
            Optional<String> drift = platform == null ? Optional.empty() : platform.drift(p, r.fields());
            if (sync == Sync.IN_SYNC && drift.isPresent()) {
                // Nothing to send, and yet the remote post is not what the file says: never call that "in sync".
                return new Row(p.slug(), p.file(), name, Sync.DRIFT, r.sentAt(), r.id(), r.url(), drift.get());
            }
        } else if (r.status() == Status.FAILED) {
            sync = Sync.FAILED;
        } else {
            sync = Sync.UNKNOWN;
        }
        return new Row(p.slug(), p.file(), name, sync, r.sentAt() != null ? r.sentAt() : r.intentAt(), r.id(),
                r.url(), r.message());
    }
}
