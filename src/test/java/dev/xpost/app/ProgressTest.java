package dev.xpost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The import's progress line says how far, how fast and how long is left (elapsed time given, nothing timed). */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLineGivesTheCountsTheRateAndTheTimeLeft() {
        assertEquals("imported 2,000 of 50,000 posts (1,000 posts/s, about 48 s left)",
                Progress.line("imported", 2_000, 50_000, "", 2 * SECOND));
        assertEquals("read 100 of 50,000 posts from blog.dev (50 posts/s, about 16 min 38 s left)",
                Progress.line("read", 100, 50_000, " from blog.dev", 2 * SECOND));
        assertEquals("imported 10 of 100,000 posts (1 posts/s, about 27 h 46 min left)",
                Progress.line("imported", 10, 100_000, "", 10 * SECOND));
    }

    @Test
    void withNothingDoneYetThereIsNoRateToTell() {
        assertEquals("imported 0 of 500 posts", Progress.line("imported", 0, 500, "", SECOND));
        assertEquals("imported 500 of 500 posts (500 posts/s, about 0 s left)",
                Progress.line("imported", 500, 500, "", SECOND));
    }
}
