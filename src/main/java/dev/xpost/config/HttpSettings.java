package dev.xpost.config;

import java.time.Duration;

/**
 * Timeouts and retry limits for every platform call, from the {@code http:} section of {@code config/xpost.yaml}
 * ({@link ConfigLoader} builds it; {@link #defaults()} for what is not set). The {@code http} package receives these
 * values ({@code Http.newClient}, {@code Backoff}) without knowing where they came from.
 *
 * @param connectTimeout  longest wait for a connection ({@code http.connectTimeout})
 * @param readTimeout     longest silence while reading or writing a body ({@code http.readTimeout})
 * @param callTimeout     longest whole call, retries not included ({@code http.callTimeout})
 * @param maxAttempts     tries of an idempotent request, first one included ({@code http.maxAttempts})
 * @param baseDelay       first backoff ceiling between tries; not configurable
 * @param retryAfterCap   longest wait we accept from a {@code Retry-After}; longer means "give up for this run"
 *                        ({@code http.retryAfterCap})
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxAttempts,
        Duration baseDelay,
        Duration retryAfterCap) {

    /** 10 s to connect, 30 s of silence, 60 s a call, 3 tries from 500 ms, Retry-After up to 60 s. */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 3,
                Duration.ofMillis(500), Duration.ofSeconds(60));
    }
}
