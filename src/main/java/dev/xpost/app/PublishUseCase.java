package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.PlatformModules;
import dev.xpost.post.Post;
import dev.xpost.post.ReadCache;
import dev.xpost.state.State;
import dev.xpost.state.StateLock;
import dev.xpost.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.Predicate;

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
            // The state is loaded (under the lock) before any post is judged, so that a post known unchanged since
            // it was sent is read by its front matter alone: a run with nothing to do costs what its changes cost,
            // not its blog size. It loads on a thread of its own while the posts folder is walked and the first
            // files are read: both are seconds at 50,000 posts, and the load alone keeps one of two cores busy.
            // An invalid post blocks itself and what depends on it (later parts, its LinkedIn step), not the blog.
            BackgroundLoad loading = new BackgroundLoad(store);
            // One for the run: the digests it finds while reading are not computed again when rows are compared.
            SourceDigest sources = new SourceDigest(config, services.cwd());
            ReadCache reads = ReadCache.open(config.root(), SourceDigest.build(), services.clock());
            try {
                return execute(o, config, now, targets, store, live, lock, loading, sources, reads);
            } finally {
                reads.awaitSaved();   // Blog.load started writing what it read anew
            }
        }
    }

    /** The run once the state is loading and the read cache is open: the posts read, planned and acted on. */
    private RunReport execute(Options o, Config config, Instant now, List<String> targets, StateStore store,
            boolean live, StateLock lock, BackgroundLoad loading, SourceDigest sources, ReadCache reads) {
        Blog blog;
        try {
            blog = Blog.load(config, services.cwd(), o.paths(), services.knownSecretsByName(),
                    loading.then(state -> sources.knownUnchanged(state, targets, PlatformModules::capabilities,
                            PlatformModules.home().orElse(null))), reads);
        } catch (RuntimeException e) {
            loading.get();   // a state that cannot be read is said first, as when it was loaded first
            throw e;
        }
        State loaded = loading.get();
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

    /**
     * The state file loaded on a thread of its own ({@link StateStore#load}), for a run that has other work to do
     * meanwhile. A plain {@link FutureTask}, not a {@code CompletableFuture}: the posts are read on the common
     * fork-join pool, whose threads would each be replaced by a new one while they wait on a
     * {@code CompletableFuture}.
     */
    private static final class BackgroundLoad {
        private final FutureTask<State> task;
        private volatile Predicate<Post> test;

        BackgroundLoad(StateStore store) {
            this.task = new FutureTask<>(store::load);
            Thread loader = new Thread(task, "xpost-state-load");
            loader.setDaemon(true);
            loader.start();
        }

        /**
         * @return the state as {@link StateStore#load} returned it
         * @throws dev.xpost.state.StateException as {@link StateStore#load} threw it
         */
        State get() {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the state file was read", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /**
         * A test of posts that waits for the state and is made from it once: {@code made} applied to the loaded
         * state. A state that cannot be read answers no for every post (each is then read fully); {@link #get}
         * then says why.
         */
        Predicate<Post> then(Function<State, Predicate<Post>> made) {
            return post -> {
                Predicate<Post> t = test;
                if (t == null) {
                    synchronized (this) {
                        if (test == null) {
                            State state;
                            try {
                                state = get();
                            } catch (RuntimeException | Error e) {
                                state = null;
                            }
                            test = state == null ? p -> false : made.apply(state);
                        }
                        t = test;
                    }
                }
                return t.test(post);
            };
        }
    }
}
