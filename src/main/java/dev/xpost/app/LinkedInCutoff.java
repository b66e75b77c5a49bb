package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.PlatformSetup;
import dev.xpost.post.Post;
import dev.xpost.state.State;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Which old posts never go to a platform, so that moving a blog in never floods it. Shared by plan, publish and
 * status, so that all three say the same thing for the same post. Asked only of a platform whose capabilities say
 * it {@link dev.xpost.platform.Capabilities#skipsOldPosts() skips old posts}; its own package decides from its
 * settings ({@link PlatformSetup#skipReason}: LinkedIn's {@code linkedin.since} and adopted posts, another
 * platform's own {@code since}). The name is kept from when LinkedIn was the only such platform: plan, publish,
 * status and preview call it by that name.
 */
final class LinkedInCutoff {
    private LinkedInCutoff() {
    }

    /**
     * @param wallClock the real time, for a blog xpost has not recorded yet
     * @param adopted   true when the post was on the home platform before xpost knew it
     * @return why the post is skipped on this platform, in the words plan, publish and status all use; null when
     *         it goes
     */
    static String reason(Config config, State state, Instant wallClock, Post p, String platform, boolean adopted) {
        boolean skipsOld = platform != null && PlatformModules.find(platform)
                .map(m -> m.capabilities().skipsOldPosts()).orElse(false);
        PlatformSetup setup = skipsOld ? Setups.of(config, platform) : null;
        if (setup == null) {
            return null;
        }
        // The day xpost first recorded this blog in its state file (today, before the first real run).
        Instant started = state.started() != null ? state.started() : wallClock;
        LocalDate first = LocalDate.ofInstant(started, config.timezone());
        return setup.skipReason(p, config.timezone(), adopted, first).orElse(null);
    }
}
