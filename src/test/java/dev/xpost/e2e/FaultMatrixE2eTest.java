package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.state.PlatformRecord;
import dev.xpost.state.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core promise: whatever goes wrong with a create — a dropped connection after the request arrived, a 500, a 429,
 * a timeout, an HTML page, a success that cannot be read, a commit just before the request gave up, or a crash
 * between the platform's success and the state write — the run says so with the documented exit code, and the next
 * runs end with exactly one post per (post, platform) and a state file that names those very posts, also when the
 * author edited the post or changed its slug in between. The fake Hashnode hides a new post from reads for 25 s,
 * as Hashnode's cached reads do.
 */
class FaultMatrixE2eTest {
    /** Longer than the read timeout of the blog under test (800 ms), short enough to keep the suite quick. */
    private static final long LATE_MS = 2_000;

    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.hashnodeReadLag(Duration.ofSeconds(25));
        blog.config("800ms");
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        blog.post("second.md", "Second post", "2026-11-22T09:00:00Z", "second-post");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    /** What the author does to the post between the faulted run and the runs that settle it. */
    enum Change {
        NONE,
        /** A new title (and so a new body): settling must find or re-send what was sent, then update it. */
        EDIT,
        /** A new slug: Hashnode must be asked for the slug that was sent, not the file's. */
        SLUG
    }

    static Stream<Arguments> faults() {
        List<Object[]> rows = List.of(
                // platform, fault, stored before the fault, exit code, status of the faulted create
                new Object[] {"hashnode", Fault.DROPPED_AFTER_REQUEST, true, 6, Status.UNKNOWN},
                new Object[] {"hashnode", Fault.DROPPED_AFTER_REQUEST, false, 6, Status.UNKNOWN},
                new Object[] {"hashnode", Fault.HTTP_500, true, 6, Status.UNKNOWN},
                new Object[] {"hashnode", Fault.HTTP_500, false, 6, Status.UNKNOWN},
                new Object[] {"hashnode", Fault.HTTP_429, false, 5, Status.FAILED},
                new Object[] {"hashnode", Fault.HEADERS_DELAY, true, 6, Status.UNKNOWN},
                new Object[] {"hashnode", Fault.BODY_DELAY, true, 6, Status.UNKNOWN},
                // A 2xx that cannot be read does not prove "not created", whether or not the post was stored.
                new Object[] {"hashnode", Fault.HTML_PAGE, false, 6, Status.UNKNOWN},
                new Object[] {"hashnode", Fault.HTML_PAGE, true, 6, Status.UNKNOWN},
                new Object[] {"hashnode", Fault.GARBLED_2XX, true, 6, Status.UNKNOWN},
                new Object[] {"hashnode", Fault.LATE_COMMIT, true, 6, Status.UNKNOWN},
                new Object[] {"hashnode", Fault.ENDLESS_BODY, true, 6, Status.UNKNOWN},
                new Object[] {"linkedin", Fault.DROPPED_AFTER_REQUEST, true, 6, Status.UNKNOWN},
                new Object[] {"linkedin", Fault.DROPPED_AFTER_REQUEST, false, 6, Status.UNKNOWN},
                new Object[] {"linkedin", Fault.HTTP_500, true, 6, Status.UNKNOWN},
                new Object[] {"linkedin", Fault.HTTP_500, false, 6, Status.UNKNOWN},
                new Object[] {"linkedin", Fault.HTTP_429, false, 5, Status.FAILED},
                new Object[] {"linkedin", Fault.HEADERS_DELAY, true, 6, Status.UNKNOWN},
                // No BODY_DELAY for LinkedIn: its 201 to a create has an empty body, so there is nothing to delay.
                new Object[] {"linkedin", Fault.HTML_PAGE, false, 6, Status.UNKNOWN},
                new Object[] {"linkedin", Fault.HTML_PAGE, true, 6, Status.UNKNOWN},
                new Object[] {"linkedin", Fault.GARBLED_2XX, true, 6, Status.UNKNOWN},
                new Object[] {"linkedin", Fault.LATE_COMMIT, true, 6, Status.UNKNOWN},
                new Object[] {"linkedin", Fault.DECLARED_3GB, true, 6, Status.UNKNOWN});
        // Edits between the runs matter where the create may have happened; one fault of each kind is enough.
        Set<Fault> edited = Set.of(Fault.DROPPED_AFTER_REQUEST, Fault.HTML_PAGE, Fault.GARBLED_2XX,
                Fault.LATE_COMMIT);
        List<Arguments> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(Arguments.of(r[0], r[1], r[2], r[3], r[4], Change.NONE));
            if (r[4] == Status.UNKNOWN && edited.contains((Fault) r[1])) {
                out.add(Arguments.of(r[0], r[1], r[2], r[3], r[4], Change.EDIT));
                out.add(Arguments.of(r[0], r[1], r[2], r[3], r[4], Change.SLUG));
            }
        }
        return out.stream();
    }

    @Test
    void theMatrixHasTheSizeTheReadmeStates() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        long rows = faults().count();
        assertTrue(readme.contains(rows + " fault cases"), "README says how many fault cases the matrix runs: "
                + rows);
    }

    @ParameterizedTest(name = "{0} create: {1}, stored before the fault: {2} -> exit {3}; then {5}; exactly once")
    @MethodSource("faults")
    void aFailedCreateIsSettledByTheNextRunWithoutATwin(String platform, Fault fault, boolean stored, int exit,
            Status status, Change change) throws IOException {
        boolean hashnode = platform.equals("hashnode");
        if (hashnode) {
            blog.hashnode.fail("PublishPost", fault, 1, stored, LATE_MS);
        } else {
            blog.linkedin.fail("createPost", fault, 1, stored, LATE_MS);
        }

        E2eBlog.Run first = blog.publish();
        assertEquals(exit, first.code(), first::toString);
        PlatformRecord rec = blog.record("first-post", platform).orElseThrow();
        assertEquals(status, rec.status(), first::toString);
        assertTrue(rec.message() != null && !rec.message().isBlank(), "the record says what went wrong");
        assertEquals(status == Status.UNKNOWN ? "unknown" : "failed", first.outcome("first-post", platform),
                first::toString);
        assertFalse(first.result().err().contains("Exception") || first.result().err().contains("\tat "),
                first::toString);
        if (hashnode) {
            assertEquals("held", first.outcome("first-post", "linkedin"), "LinkedIn waits for the Hashnode post");
        }
        blog.hashnode.clearFaults();
        blog.linkedin.clearFaults();

        String slug = "first-post";
        String title = "First post";
        if (change == Change.EDIT) {
            title = "First post, revised";
            blog.post("first.md", title, "2026-11-20T09:00:00Z", slug);
        } else if (change == Change.SLUG) {
            slug = "first-post-renamed";
            blog.post("first.md", title, "2026-11-20T09:00:00Z", slug);
        }

        if (hashnode && status == Status.UNKNOWN) {
            // Straight away Hashnode's reads may still miss the post: xpost must neither look nor create again.
            blog.resetCounts();
            E2eBlog.Run early = blog.publish();
            assertEquals(6, early.code(), early::toString);
            assertTrue(early.message(slug, "hashnode").contains("run again in a minute"), early::toString);
            assertEquals(0, blog.hashnode.count("PublishPost"), "no second create while the first is unsettled");
            blog.advance(Duration.ofMinutes(1));
        } else {
            // LinkedIn settles by sending again within its duplicate window (ten minutes).
            blog.advance(Duration.ofMinutes(2));
        }

        E2eBlog.Run second = blog.publish();
        assertEquals(0, second.code(), second::toString);
        String expected;
        if (change == Change.NONE) {
            expected = status == Status.UNKNOWN && stored ? "adopted" : "created";
        } else if (hashnode) {
            expected = stored ? "updated" : "created";
        } else {
            // LinkedIn gets the create that was sent again (adopted or made now), then the file's edit.
            expected = "updated";
        }
        assertEquals(expected, second.outcome(slug, platform), second::toString);
        // A slug change cannot move LinkedIn's link card: that post keeps linking to the old Hashnode URL.
        blog.assertExactlyOnce(slug, title, hashnode || change != Change.SLUG);
        blog.assertExactlyOnce("second-post", "Second post", true);
        assertEquals(2, blog.hashnode.posts().size());
        assertEquals(2, blog.linkedin.posts().size());
        PlatformRecord li = blog.published(slug, "linkedin");
        assertEquals(1, blog.linkedin.posts().stream().filter(p -> p.urn.equals(li.id())).count());
        if (change == Change.EDIT) {
            assertTrue(blog.linkedin.byUrn(li.id()).commentary.contains("revised"), "LinkedIn has the edit");
        }
        if (change == Change.SLUG) {
            assertEquals(slug, blog.hashnode.byId(blog.published(slug, "hashnode").id()).slug, "Hashnode has it");
            assertTrue(blog.record("first-post", platform).isEmpty(), "the record moved with the slug");
        }

        blog.resetCounts();
        E2eBlog.Run third = blog.publish();
        assertEquals(0, third.code(), third::toString);
        assertEquals(0, blog.requests(), "once settled, nothing is left to do");
    }

    @Test
    void hashnodeCrashAfterTheCreateAndBeforeTheStateWriteIsLookedUpNotRepeated() {
        assertEquals(0, blog.publish("--platform", "hashnode").code());
        String id = blog.published("first-post", "hashnode").id();
        // What a run killed right after Hashnode's answer leaves: the intent, saved before the request.
        blog.saveState(blog.state().withRecord("first-post", "posts/first.md", "hashnode",
                PlatformRecord.intent(E2eBlog.START.minusSeconds(10))));
        blog.resetCounts();

        E2eBlog.Run tooSoon = blog.publish("--platform", "hashnode");
        assertEquals(6, tooSoon.code(), tooSoon::toString);
        assertEquals(0, blog.hashnode.total(), "a 10 s old intent is not looked up yet (reads lag up to 25 s)");

        blog.advance(Duration.ofMinutes(1));
        E2eBlog.Run settled = blog.publish("--platform", "hashnode");
        assertEquals(0, settled.code(), settled::toString);
        assertEquals("adopted", settled.outcome("first-post", "hashnode"), settled::toString);
        assertEquals(0, blog.hashnode.mutations(), "found, not created again");
        assertEquals(id, blog.published("first-post", "hashnode").id());
        blog.assertExactlyOnce("first-post", "First post", false);
        blog.assertExactlyOnce("second-post", "Second post", false);
    }

    @Test
    void linkedInCrashAfterTheCreateIsSettledByLinkedInsDuplicateAnswer() {
        assertEquals(0, blog.publish().code());
        String urn = blog.published("first-post", "linkedin").id();
        blog.saveState(blog.state().withRecord("first-post", "posts/first.md", "linkedin",
                PlatformRecord.intent(E2eBlog.START.minus(Duration.ofMinutes(2)))));
        blog.resetCounts();

        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("adopted", r.outcome("first-post", "linkedin"), r::toString);
        assertTrue(r.message("first-post", "linkedin").contains(urn), r::toString);
        assertEquals(1, blog.linkedin.count("createPost"), "one re-send, answered as a duplicate");
        assertEquals(urn, blog.published("first-post", "linkedin").id());
        blog.assertExactlyOnce("first-post", "First post", true);
        blog.assertExactlyOnce("second-post", "Second post", true);
    }

    @Test
    void linkedInCrashOlderThanTheDuplicateWindowAsksThePersonAndStateAdoptSettlesIt() {
        assertEquals(0, blog.publish().code());
        String urn = blog.published("first-post", "linkedin").id();
        blog.saveState(blog.state().withRecord("first-post", "posts/first.md", "linkedin",
                PlatformRecord.intent(E2eBlog.START.minus(Duration.ofMinutes(20)))));
        blog.resetCounts();

        E2eBlog.Run r = blog.publish();
        assertEquals(6, r.code(), r::toString);
        String message = r.message("first-post", "linkedin");
        assertTrue(message.contains("xpost state adopt posts/first.md --platform linkedin --id URN")
                && message.contains("xpost state forget posts/first.md --platform linkedin"), r::toString);
        assertEquals(0, blog.linkedin.total(), "past the duplicate window nothing is sent to LinkedIn");

        var adopt = blog.run("state", "adopt", "posts/first.md", "--platform", "linkedin", "--id", urn);
        assertEquals(0, adopt.code(), adopt::toString);
        E2eBlog.Run after = blog.publish();
        assertEquals(0, after.code(), after::toString);
        assertEquals(0, blog.linkedin.count("createPost"), "an adopted post is never created again");
        blog.assertExactlyOnce("first-post", "First post", true);
        blog.assertExactlyOnce("second-post", "Second post", true);
    }
}
