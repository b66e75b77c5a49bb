package dev.xpost.platform;

import dev.xpost.http.Backoff;
import dev.xpost.post.ImageFiles;
import java.time.Clock;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * What a platform's package is given to build its client and ask its probes, handed over by the app layer (so
 * that a platform never reads the config, the environment or {@code .env} itself: DESIGN §7).
 */
public interface PlatformContext {
    /** A secret from the environment or {@code .env} (the environment wins); empty when unset or blank. */
    Optional<String> secret(String name);

    /** The run's one HTTP client (timeouts, User-Agent, no redirects, masked logging). */
    OkHttpClient http();

    /** A fresh backoff for one client, with the blog's {@code http:} settings and real sleeps. */
    Backoff backoff();

    /** The run's clock (tests pass a fixed one). */
    Clock clock();

    /** The blog's local images, for covers and inline images. */
    ImageFiles images();
}
