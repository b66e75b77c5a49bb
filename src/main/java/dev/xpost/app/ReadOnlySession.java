package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.Session;
import dev.xpost.post.Post;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.Status;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link Session} for commands that only look ({@code status}, {@code preview}): it answers from the state file
 * and remembers nothing. A post not yet on Hashnode is given the URL Hashnode will give it (the publication host
 * and the slug), so a preview shows the link card as it will be sent.
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

    @Override
    public Optional<String> remembered(String key) {
        if (key.equals(Session.LINKEDIN_AUTHOR) && state.linkedin() != null) {
            return Optional.ofNullable(state.linkedin().author());
        }
        return Optional.empty();
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
    public Optional<String> hashnodeUrl(Post post) {
        Optional<String> recorded = state.recordFor(post.slug(), Config.HASHNODE)
                .filter(r -> r.status() == Status.PUBLISHED).map(PlatformRecord::url);
        if (recorded.isPresent() || config.hashnode() == null || !post.targets(Config.HASHNODE)) {
            return recorded;
        }
        return predictedHashnodeUrl(config, post);
    }

    /** Hashnode's URL of a post is its publication's host and its slug (unless Hashnode suffixes a taken slug). */
    static Optional<String> predictedHashnodeUrl(Config config, Post post) {
        String pub = config.hashnode().publication();
        return pub.contains(".") ? Optional.of("https://" + pub.replaceFirst("^https?://", "").replaceAll("/+$", "")
                + "/" + post.slug()) : Optional.empty();
    }

    @Override
    public void warn(String message) {
    }
}
