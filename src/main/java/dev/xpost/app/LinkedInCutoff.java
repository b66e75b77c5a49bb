package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.devto.DevtoSettings;
import dev.xpost.post.Post;
import dev.xpost.state.State;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Which old posts never go to LinkedIn, so that moving a blog in never floods it. Shared by plan, publish and
 * status, so that all three say the same thing for the same post.
 *
 * <ul>
 *   <li>With {@code linkedin.since}, a post dated before that day is skipped, as ever.</li>
 *   <li>A post that was on Hashnode before xpost knew it (adopted) goes only when dated on or after the cutoff:
 *       {@code linkedin.since}, or when that is not set, the day xpost first recorded this blog in its state file
 *       ({@link State#started()}; today before the first real run). An adopted post with no date is old.</li>
 *   <li>{@code linkedin: {post: true}} in the post's front matter sends it anyway.</li>
 * </ul>
 */
final class LinkedInCutoff {
    private LinkedInCutoff() {
    }

    /**
     * @param wallClock the real time, for a blog xpost has not recorded yet
     * @param adopted   true when the post was on Hashnode before xpost knew it
     * @return why the post is skipped on this platform, in the words plan, publish and status all use; null when
     *         it goes
     */
    /**
     * dev.to has its own cutoff, {@code devto.since} only: {@code linkedin.since} and the LinkedIn-specific
     * front matter override say nothing about it, and an article there carries the canonical URL home, so an
     * adopted post does no harm by going.
     */
    private static String devto(Config config, Post p) {
        DevtoSettings settings = DevtoConfig.settings(config);
        return settings == null ? null : settings.skipReason(p, config.timezone()).orElse(null);
    }

    static String reason(Config config, State state, Instant wallClock, Post p, String platform, boolean adopted) {
        boolean skipsOld = platform != null && PlatformModules.find(platform)
                .map(m -> m.capabilities().skipsOldPosts()).orElse(false);
        if (skipsOld && Config.DEVTO.equals(platform)) {
            return devto(config, p);
        }
        if (!skipsOld || p.linkedinDespiteSince()) {
            return null;
        }
        LocalDate since = config.linkedin() == null ? null : config.linkedin().since();
        LocalDate day = p.publishAt() == null ? null : LocalDate.ofInstant(p.publishAt(), config.timezone());
        if (since != null && day != null && day.isBefore(since)) {
            return "dated before linkedin.since (" + since + ")";
        }
        if (!adopted) {
            return null;
        }
        if (day == null) {
            return "undated and on Hashnode before xpost knew it: an old post (linkedin: {post: true} sends it)";
        }
        if (since == null) {
            Instant started = state.started() != null ? state.started() : wallClock;
            LocalDate first = LocalDate.ofInstant(started, config.timezone());
            if (day.isBefore(first)) {
                return "dated before xpost first recorded this blog (" + first + "; linkedin.since is not set)";
            }
        }
        return null;
    }
}
