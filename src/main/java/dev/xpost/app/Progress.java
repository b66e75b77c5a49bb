package dev.xpost.app;

import java.util.Locale;

/**
 * A progress line with a rate and an estimate of the time left, for work counted in posts: "imported 2,000 of
 * 50,000 posts (1,450 posts/s, about 33 s left)". The rate is the average since the work began, measured on a
 * monotonic clock (nanoseconds, {@link System#nanoTime} in use).
 */
final class Progress {
    private final long startedNanos;

    Progress(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    static Progress startingNow() {
        return new Progress(System.nanoTime());
    }

    /** {@code what} such as "imported", then the counts, the rate and the estimate once a rate is known. */
    String line(String what, int done, int total, String tail) {
        return line(what, done, total, tail, System.nanoTime() - startedNanos);
    }

    static String line(String what, int done, int total, String tail, long elapsedNanos) {
        String head = String.format(Locale.ROOT, "%s %,d of %,d posts%s", what, done, total, tail);
        if (done <= 0 || elapsedNanos <= 0) {
            return head;
        }
        double perSecond = done / (elapsedNanos / 1e9);
        long left = Math.round(Math.max(0, total - done) / perSecond);
        return String.format(Locale.ROOT, "%s (%,d posts/s, about %s left)", head, Math.round(perSecond),
                duration(left));
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
