package dev.xpost.platform;

import dev.xpost.post.Post;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One platform as this blog configures it: its section of {@code config/xpost.yaml} parsed by its own package
 * ({@link PlatformModule#configure}). Everything the app does that differs from platform to platform goes through
 * here, so that no code outside the platform's package names it.
 */
public interface PlatformSetup {
    /**
     * Its adapter for one run.
     *
     * @param live true for a real run (publish): then a missing secret is an error; false for plans, dry runs and
     *             previews, which work offline without one (the adapter then has no client)
     * @throws PlatformException AUTH when {@code live} and its secret is not set, CONFIG for a setting it cannot use
     */
    Platform open(PlatformContext ctx, boolean live);

    /** Its {@code doctor} lines: its settings, its secret, and (with one read, nothing written) whether it works. */
    List<Finding> doctor(PlatformContext ctx);

    /** Its {@code auth status} line: is its secret set and accepted, for whom, and how long it lives. */
    TokenStatus authStatus(PlatformContext ctx);

    /**
     * Why a post does not go to this platform (only asked of a platform whose capabilities say it
     * {@link Capabilities#skipsOldPosts() skips old posts}), in the words plan, publish and status all use; empty
     * when it goes.
     *
     * @param zone      the blog's {@code timezone}, in which a post's day is taken
     * @param adopted   true when the post was on the home platform before xpost knew it
     * @param firstDay  the day xpost first recorded this blog (today, before its first real run)
     */
    default Optional<String> skipReason(Post post, ZoneId zone, boolean adopted, LocalDate firstDay) {
        return Optional.empty();
    }

    /**
     * What decides which old posts it skips ({@link #skipReason}) and how a post is sent anyway, for the one note
     * a run gives after "N posts that were on the home platform before xpost knew them are not sent to X": a
     * phrase that follows those words, starting with a space; empty for a platform that skips none.
     */
    default Optional<String> oldPostsNote() {
        return Optional.empty();
    }

    /**
     * The URL this platform will give the post once it is created, for a plan or preview before that (so that a
     * platform {@linkplain Capabilities#linksHome() linking home} shows the link it will send); only asked of the
     * home platform.
     *
     * @return an absolute URL; empty when the platform's URLs do not follow from its settings and the post's slug
     */
    default Optional<String> predictedUrl(Post post) {
        return Optional.empty();
    }
}
