package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.PlatformModules;
import dev.xpost.post.Post;
import dev.xpost.state.State;
import dev.xpost.state.StateLock;
import dev.xpost.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The publish engine behind {@code plan}, {@code publish --dry-run} and {@code publish}: one walk over the due
 * posts, oldest first, deciding per post and platform what to do, and on a real run doing it with the state file
 * written after every remote call. Plans and dry runs walk the same path and assume every step succeeds, so what
 * they show is what a real run would do.
 *
 * <p>Three parts, wired here for one run: the {@link Planner} decides each row (pure: posts, state, clock,
 * capabilities, options), the {@link Ledger} owns the state (intents before creates, results right after, the
 * journal, and the {@link dev.xpost.platform.Session} platforms see), and the {@link Executor} does the planned
 * steps against the platforms and builds the {@link RunReport}.
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
        StateStore store = services.stateStore();
        boolean live = o.mode() == Mode.LIVE;
        try (StateLock lock = live ? StateLock.acquire(config.stateFile(), LOCK_WAIT) : null) {
            // The state is loaded first (under the lock) so that a post known unchanged since it was sent is read
            // by its front matter alone: a run with nothing to do costs what its changes cost, not its blog size.
            // An invalid post blocks itself and what depends on it (later parts, its LinkedIn step), not the blog.
            State loaded = store.load();
            // One for the run: the digests it finds while reading are not computed again when rows are compared.
            SourceDigest sources = new SourceDigest(config);
            Blog blog = Blog.load(config, services.cwd(), o.paths(), services.knownSecrets(),
                    sources.knownUnchanged(loaded, targets, PlatformModules::capabilities,
                            PlatformModules.home().orElse(null)));
            Function<Post, String> stateKey = p -> config.fileKey(services.cwd().resolve(p.file()));
            Planner planner = new Planner(config, now, services.clock(), o.max() != null ? o.max()
                    : config.maxCreates(), o.recreateGone(), PlatformModules::capabilities,
                    PlatformModules.home().orElse(null), stateKey, blog.everyPost());
            Planner.Facts facts = new Planner.Facts();
            Ledger ledger = new Ledger(config, store, loaded, live, now, planner, facts, stateKey);
            if (lock != null) {
                lock.tookOverFrom().ifPresent(w -> ledger.note("took over the lock left by " + w));
            }
            try {
                return new Executor(services, factory, o, now, targets, blog, planner, facts, ledger, sources)
                        .execute();
            } finally {
                // Whatever the run ended with (exit 5 and 6 included), the journal gets the last changes and is
                // folded into the state file when the store finds it worth it (an older format always is).
                ledger.compact();
            }
        }
    }
}
