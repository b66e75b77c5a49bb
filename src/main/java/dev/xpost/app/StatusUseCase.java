package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Remote;
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
import java.util.HashMap;
import java.util.HashSet;
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
        NO_FILE("record without a file");

        private final String label;

        Sync(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One post on one platform. */
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
        Config config = services.config();
        Instant now = nowOrNull != null ? nowOrNull : services.clock().instant();
        Blog blog = Blog.load(config, services.cwd(), List.of());
        State state = new StateStore(config.stateFile()).load();
        Map<String, Platform> platforms = new LinkedHashMap<>();
        for (String name : config.platforms()) {
            try {
                platforms.put(name, factory.create(name, services, PublishUseCase.Mode.PLAN));
            } catch (PlatformException e) {
                platforms.put(name, null);
            }
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> slugCount = new HashMap<>();
        blog.posts().stream().filter(p -> p.publishable() && p.slug() != null)
                .forEach(p -> slugCount.merge(p.slug(), 1, Integer::sum));
        for (Post post : blog.posts()) {
            String key = config.fileKey(services.cwd().resolve(post.file()));
            // A post adopted by its cuid whose title gives no slug is recorded under Hashnode's slug for it.
            Post p = post.slug() == null && post.hasIdentity()
                    ? state.slugOf(key).map(post::withSlug).orElse(post) : post;
            if (p.ignored() || p.slug() == null) {
                continue;
            }
            seen.add(p.slug());
            for (String name : platforms.keySet()) {
                if (!p.targets(name)) {
                    continue;
                }
                Optional<PlatformRecord> rec = state.recordFor(p.slug(), name);
                // Files that share a slug (a deleted post's beside its live namesake): a record is its owner's.
                String cuid = rec.map(r -> r.ext().get(Remote.CUID)).orElse(null);
                if (rec.isPresent() && ((p.cuid() != null && cuid != null && !p.cuid().equals(cuid))
                        || (slugCount.getOrDefault(p.slug(), 0) > 1
                        && !state.post(p.slug()).map(e -> key.equals(e.file())).orElse(false)))) {
                    rec = Optional.empty();
                }
                String old = rec.isEmpty() ? LinkedInCutoff.reason(config, state, services.clock().instant(), p,
                        name, p.hasIdentity()) : null;
                boolean gone = rec.isEmpty() && p.cuid() != null && state.gone().containsKey(p.cuid());
                if (p.draft()) {
                    rows.add(new Row(p.slug(), p.file(), name, Sync.DRAFT, null, null, null, null));
                } else if (gone && PlatformModules.capabilities(name).home()) {
                    rows.add(new Row(p.slug(), p.file(), name, Sync.GONE, null, null, null, "cuid " + p.cuid()
                            + " is not on " + name + ": not created (see `xpost plan`)"));
                } else if (gone) {
                    rows.add(new Row(p.slug(), p.file(), name, Sync.SKIPPED, null, null, null,
                            "its Hashnode post is gone: nothing to link to"));
                } else if (old != null) {
                    rows.add(new Row(p.slug(), p.file(), name, Sync.SKIPPED, null, null, null, old));
                } else if (rec.isEmpty()) {
                    boolean future = p.publishAt() != null && p.publishAt().isAfter(now);
                    rows.add(new Row(p.slug(), p.file(), name, future ? Sync.SCHEDULED : Sync.NOT_PUBLISHED,
                            future ? p.publishAt() : null, null, null, null));
                } else {
                    rows.add(fromRecord(p, name, rec.get(), platforms.get(name), new ReadOnlySession(config, state, now)));
                }
            }
        }
        for (Map.Entry<String, PostEntry> e : state.posts().entrySet()) {
            if (!seen.contains(e.getKey())) {
                for (var r : e.getValue().platforms().entrySet()) {
                    rows.add(new Row(e.getKey(), Path.of(e.getValue().file()), r.getKey(), Sync.NO_FILE, null,
                            r.getValue().id(), r.getValue().url(), "the state file records this post but its file "
                            + "is gone; `xpost state forget " + e.getKey() + " --platform " + r.getKey()
                            + "` drops the record (the remote post stays)"));
                }
            }
        }
        return rows;
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
