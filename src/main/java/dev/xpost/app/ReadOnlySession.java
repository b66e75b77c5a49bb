package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.PlatformSetup;
import dev.xpost.platform.Session;
import dev.xpost.platform.linkedin.LinkedInState;
import dev.xpost.post.Post;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.Status;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link Session} for commands that only look ({@code status}, {@code preview}): it answers from the state file
 * and remembers nothing. A post not yet on the home platform is given the URL that platform will give it (for
 * Hashnode, the publication host and the slug), so a preview shows the link card as it will be sent.
 */
final class ReadOnlySession implements Session {
    private final Config config;
    private final State state;
    private final Instant now;

    ReadOnlySession(Config config, State state, Instant now) {
        this.config = config;
        this.state = state;
        this.now = now;
    }

    @Override
    public Instant now() {
        return now;
    }

    /**
     * Only the LinkedIn author: a preview shows the post as LinkedIn would get it, while the Hashnode publication
     * is resolved (or hinted at) afresh so that a changed configuration shows.
     */
    @Override
    public Optional<String> remembered(String key) {
        return key.equals(LinkedInState.AUTHOR) ? account(state, key) : Optional.empty();
    }

    /**
     * A {@link Session} key ({@code <platform>.<name>}) read from the state's accounts: the platform's entry,
     * then the name.
     */
    static Optional<String> account(State state, String key) {
        int dot = sessionKeyDot(key);
        return state.account(key.substring(0, dot), key.substring(dot + 1));
    }

    /** The state with a {@link Session} key ({@code <platform>.<name>}) kept under the platform's account. */
    static State withAccount(State state, String key, String value) {
        int dot = sessionKeyDot(key);
        return state.withAccount(key.substring(0, dot), key.substring(dot + 1), value);
    }

    private static int sessionKeyDot(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            throw new IllegalArgumentException("a session key is <platform>.<name>, not " + key);
        }
        return dot;
    }

    @Override
    public void remember(String key, String value) {
    }

    @Override
    public Optional<String> uploadedImage(String platform, String source) {
        return state.image(platform, source);
    }

    @Override
    public void rememberImage(String platform, String source, String remote) {
    }

    @Override
    public Optional<String> homeUrl(Post post) {
        Optional<String> home = PlatformModules.home();
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> recorded = state.recordFor(post.slug(), home.get())
                .filter(r -> r.status() == Status.PUBLISHED).map(PlatformRecord::url);
        if (recorded.isPresent() || !post.targets(home.get())) {
            return recorded;
        }
        return predictedHomeUrl(config, post);
    }

    /**
     * The URL the home platform will give a post, as its own setup predicts it ({@link PlatformSetup#predictedUrl});
     * empty when no home platform is configured or it cannot tell.
     */
    static Optional<String> predictedHomeUrl(Config config, Post post) {
        return PlatformModules.home().map(name -> Setups.of(config, name))
                .flatMap(setup -> setup.predictedUrl(post));
    }

    @Override
    public void warn(String message) {
    }
}
