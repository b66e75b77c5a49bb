package dev.xpost.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

/**
 * Waits between tries of an <em>idempotent</em> request: exponential backoff with full jitter, or the server's
 * {@code Retry-After} when it gave one (up to a cap). Creates never come through here: a create that failed in
 * an unknown way is reported, not retried.
 */
public final class Backoff {
    /** Sleeps; tests pass one that records instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static final Sleeper REAL = d -> Thread.sleep(d.toMillis());

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration retryAfterCap;
    private final Sleeper sleeper;
    private final Random random;

    /**
     * @param maxAttempts   tries of an idempotent request, first one included (config {@code http.maxAttempts})
     * @param baseDelay     ceiling of the first random wait; it doubles with each try
     * @param retryAfterCap longest {@code Retry-After} worth waiting for in one run (config {@code http.retryAfterCap})
     * @param sleeper       how to wait ({@link #REAL}, or a recorder in tests)
     * @param random        source of the jitter
     */
    public Backoff(int maxAttempts, Duration baseDelay, Duration retryAfterCap, Sleeper sleeper, Random random) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.retryAfterCap = retryAfterCap;
        this.sleeper = sleeper;
        this.random = random;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before try number {@code attempt + 1} (attempt counts from 1). A server-given wait wins; without
     * one, a random wait in [0, base·2^(attempt-1)] (full jitter) so that many clients do not retry in step.
     */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long ceiling = baseDelay.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis((long) (random.nextDouble() * ceiling));
    }

    /** True when the server asked us to wait longer than we are willing to in one run. */
    public boolean tooLong(Duration retryAfter) {
        return retryAfter != null && retryAfter.compareTo(retryAfterCap) > 0;
    }

    public void sleep(Duration d) throws InterruptedException {
        if (!d.isZero() && !d.isNegative()) {
            sleeper.sleep(d);
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    public static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
