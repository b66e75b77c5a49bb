package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the calls that are not creates: the listing that decides "adopt or create", and LinkedIn's text update.
 * A failed read must never turn into a create (that is how twins are made); a failed update is simply sent again.
 */
class ReadAndUpdateFaultsE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void aLookupThatKeepsFailingCreatesNothingAndTheNextRunCreatesOnce() throws IOException {
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha");
        blog.hashnode.fail("PostsBySlug", Fault.HTTP_500, 10, false, 0);

        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(5, r.code(), r::toString);
        assertEquals("failed", r.outcome("alpha", "hashnode"), r::toString);
        assertEquals(2, blog.hashnode.count("PostsBySlug"), "the read was tried http.maxAttempts times");
        assertEquals(0, blog.hashnode.count("PublishPost"), "without the lookup, xpost cannot know: it creates nothing");

        blog.hashnode.clearFaults();
        E2eBlog.Run again = blog.publish("--platform", "hashnode");
        assertEquals(0, again.code(), again::toString);
        assertEquals("created", again.outcome("alpha", "hashnode"), again::toString);
        assertEquals(1, blog.hashnode.posts().size());
    }

    @Test
    void aListingThatFailsOnMovingInDayCallsNoLivePostGoneAndIsAskedOncePerRun() throws IOException {
        // Three live posts of a backup, known to Hashnode by their cuids; the listing fails for the whole run.
        String[] cuids = {"clx1aaaaa000108l1aaaaaaa1", "clx1aaaaa000108l1aaaaaaa2", "clx1aaaaa000108l1aaaaaaa3"};
        for (int i = 0; i < cuids.length; i++) {
            blog.post(cuids[i] + ".md", "Live " + i, "2024-0" + (i + 1) + "-01T09:00:00Z", "live-" + i,
                    "cuid: " + cuids[i]);
            blog.hashnode.seed(cuids[i], "live-" + i, "Live " + i, "Some text.", "2024-0" + (i + 1) + "-01T09:00:00Z");
        }
        // A legacy backup file titled in Persian: no slug can be derived, only Hashnode can tell it.
        String legacy = "ckr65k6ah0004iksfhjucbts5";
        blog.cli.write("posts/" + legacy + ".md", "# از کجا بفهمیم نسخه انگولار چنده؟\n\nبا دستور ng version.\n");
        blog.hashnode.seed(legacy, "angular-version", "از کجا بفهمیم نسخه انگولار چنده؟", "با دستور ng version.",
                "2019-04-01T09:00:00Z");
        blog.hashnode.fail("Posts", Fault.HTTP_500, 100, false, 0);

        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(5, r.code(), r::toString);
        for (int i = 0; i < cuids.length; i++) {
            assertEquals("failed", r.outcome("live-" + i, "hashnode"), r::toString);
        }
        assertTrue(blog.state().gone().isEmpty(), "a failed listing proves nothing is gone: " + blog.state().gone());
        assertTrue(r.result().out().contains("\"action\" : \"adopt\""), r::toString);
        assertFalse(r.result().out().contains("\"gone\""), "no post is reported gone: " + r);
        assertEquals(2, blog.hashnode.count("Posts"), "the listing is tried http.maxAttempts times once per run, "
                + "not again for every post");
        assertEquals(0, blog.hashnode.mutations());

        blog.hashnode.clearFaults();
        E2eBlog.Run again = blog.publish("--platform", "hashnode");
        assertEquals(0, again.code(), again::toString);
        for (int i = 0; i < cuids.length; i++) {
            // Adopted by its cuid, then brought in line with the file (the fake's text differs from it).
            assertEquals("updated", again.outcome("live-" + i, "hashnode"), again::toString);
        }
        assertEquals(0, blog.hashnode.count("PublishPost"), "adopted, none created");
        assertEquals(4, blog.hashnode.posts().size());
        assertTrue(blog.state().gone().isEmpty());
    }

    @Test
    void aLinkedInTextUpdateIsRetriedAndWhenItStillFailsTheNextRunSendsItAgain() throws IOException {
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha");
        assertEquals(0, blog.publish().code());

        // The author adds a paragraph: the text changes, the card does not.
        Files.writeString(dir.resolve("posts/a.md"), Files.readString(
                dir.resolve("posts/a.md")) + "\nOne more paragraph.\n");
        blog.resetCounts();
        blog.linkedin.fail("partialUpdate", Fault.HTTP_500, 1, false, 0);
        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("updated", r.outcome("alpha", "linkedin"), r::toString);
        assertEquals(2, blog.linkedin.count("partialUpdate"), "a text update may be sent twice: it was retried");
        assertTrue(blog.linkedin.posts().get(0).commentary.contains("One more paragraph."));

        Files.writeString(dir.resolve("posts/a.md"), Files.readString(
                dir.resolve("posts/a.md")) + "\nAnd another.\n");
        blog.linkedin.fail("partialUpdate", Fault.HTTP_500, 10, false, 0);
        E2eBlog.Run failed = blog.publish();
        assertEquals(5, failed.code(), failed::toString);
        assertEquals("failed", failed.outcome("alpha", "linkedin"), failed::toString);
        assertEquals("updated", failed.outcome("alpha", "hashnode"), failed::toString);

        blog.linkedin.clearFaults();
        blog.resetCounts();
        E2eBlog.Run again = blog.publish();
        assertEquals(0, again.code(), again::toString);
        assertEquals("updated", again.outcome("alpha", "linkedin"), again::toString);
        assertEquals(0, blog.hashnode.count("UpdatePost"), "Hashnode already has this text");
        assertEquals(1, blog.linkedin.posts().size());
        assertTrue(blog.linkedin.posts().get(0).commentary.contains("And another."));
    }
}
