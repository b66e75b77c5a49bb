package dev.xpost.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when something sleeps on it: waiting costs no real time. */
final class FakeTime extends Clock implements StateLock.Sleeper {
    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();
    private Runnable onSleep = () -> { };

    FakeTime(Instant start) {
        this.now = start;
    }

    /** Runs before each sleep, e.g. to release a lock while the other side waits. */
    void onSleep(Runnable action) {
        this.onSleep = action;
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public void sleep(Duration duration) {
        onSleep.run();
        synchronized (this) {
            sleeps.add(duration);
            now = now.plus(duration);
        }
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
