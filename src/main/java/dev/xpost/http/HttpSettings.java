package dev.xpost.http;

import java.time.Duration;

/**
 * Timeouts and retry limits for every platform call (config keys under {@code http:}).
 *
 * @param maxAttempts     tries of an idempotent request, first one included
 * @param retryAfterCap   longest wait we accept from a {@code Retry-After}; longer means "give up for this run"
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxAttempts,
        Duration baseDelay,
        Duration retryAfterCap) {

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 3,
                Duration.ofMillis(500), Duration.ofSeconds(60));
    }
}
