package dev.xpost.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.xpost.http.EndlessBody;
import dev.xpost.http.Http;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/** The faults queued for each operation of one fake platform; thread-safe, since MockWebServer serves in threads. */
final class Faults {
    /** One queued fault: what happens, and whether a create is stored before it happens. */
    record Planned(Fault fault, boolean storedFirst, long delayMillis) {
    }

    /** How far into a request a {@link Fault#LATE_COMMIT} commits: Hashnode's read lag later, it is still hidden. */
    static final Duration LATE_COMMIT_AT = Duration.ofSeconds(28);
    /** How long a {@link Fault#LATE_COMMIT} request lasts by the run's clock before the client gives up. */
    static final Duration LATE_REQUEST = Duration.ofSeconds(30);

    private final Map<String, Deque<Planned>> byOperation = new HashMap<>();
    private volatile Consumer<Duration> clock = d -> { };

    /** Lets {@link Fault#LATE_COMMIT} move the run's clock (a {@link MovableClock}) while the request is in flight. */
    void moveClockWith(Consumer<Duration> mover) {
        clock = mover;
    }

    /**
     * A late commit: {@link #LATE_COMMIT_AT} of the run's time passes, {@code commit} stores the post, the rest
     * of {@link #LATE_REQUEST} passes, and the answer comes later than the client waits.
     */
    MockResponse lateCommit(Planned p, Supplier<MockResponse> commit) {
        clock.accept(LATE_COMMIT_AT);
        MockResponse normal = commit.get();
        clock.accept(LATE_REQUEST.minus(LATE_COMMIT_AT));
        return new MockResponse.Builder(normal).headersDelay(p.delayMillis(), TimeUnit.MILLISECONDS).build();
    }

    /** The body of an answer a fake built, as text. */
    static String bodyOf(MockResponse r) {
        Buffer b = new Buffer();
        try {
            r.getBody().writeTo(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.readUtf8();
    }

    /**
     * The next {@code times} calls of {@code operation} fail with {@code fault}.
     *
     * @param storedFirst for creates: the platform stores the post before the fault (what a timeout, a dropped
     *                    connection or a 5xx after commit look like)
     * @param delayMillis for the delay faults: how late the answer comes
     */
    synchronized void inject(String operation, Fault fault, int times, boolean storedFirst, long delayMillis) {
        Deque<Planned> q = byOperation.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(new Planned(fault, storedFirst, delayMillis));
        }
    }

    synchronized Planned next(String operation) {
        Deque<Planned> q = byOperation.get(operation);
        return q == null ? null : q.poll();
    }

    synchronized void clear() {
        byOperation.clear();
    }

    /**
     * The answer for a fault that does not depend on the platform's body format, or null when the platform must
     * build it. Delay faults wrap {@code normal}, the answer the platform would have given.
     */
    static MockResponse transport(Planned p, MockResponse normal) {
        return switch (p.fault()) {
            case DROPPED_AFTER_REQUEST -> new MockResponse.Builder()
                    .onResponseStart(new SocketEffect.CloseSocket()).build();
            case HEADERS_DELAY -> new MockResponse.Builder(normal)
                    .headersDelay(p.delayMillis(), TimeUnit.MILLISECONDS).build();
            case BODY_DELAY -> new MockResponse.Builder(normal)
                    .bodyDelay(p.delayMillis(), TimeUnit.MILLISECONDS).build();
            case ENDLESS_BODY -> new MockResponse.Builder().code(normal == null ? 200 : normal.getCode())
                    .headers(normal == null ? okhttp3.Headers.of() : normal.getHeaders())
                    .removeHeader("Content-Length").body(new EndlessBody(4 * Http.MAX_ANSWER_BYTES)).build();
            case DECLARED_3GB -> new MockResponse.Builder().code(normal == null ? 200 : normal.getCode())
                    .headers(normal == null ? okhttp3.Headers.of() : normal.getHeaders())
                    .body("{}").setHeader("Content-Length", "3000000000").build();
            case HTML_PAGE -> new MockResponse.Builder().code(200)
                    .setHeader("Content-Type", "text/html; charset=utf-8")
                    .body(Fixtures.text("hashnode/retired-endpoint.html")).build();
            default -> null;
        };
    }
}
