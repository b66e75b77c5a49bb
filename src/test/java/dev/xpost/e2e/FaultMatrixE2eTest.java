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
 * The core promise, for every platform alike (the matrix is parameterised by {@link PlatformFixture}, one constant
 * per platform): whatever goes wrong with a create — a dropped connection after the request arrived, a 500, a 429,
 * a timeout, an HTML page, a success that cannot be read, an endless or huge answer, a commit just before the
 * request gave up, or a crash between the platform's success and the state write — the run says so with the
 * documented exit code, and the next runs end with exactly one post per (post, platform) and a state file that
 * names those very posts, also when the author edited the post or changed its slug in between. The blog publishes
 * to Hashnode, LinkedIn and dev.to; the fake Hashnode and the fake dev.to hide a new post from reads for 25 s, as
 * their cached reads do.
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
        blog.withDevto("800ms");
        blog.devtoReadLag(Duration.ofSeconds(25));
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

    /** Every fault a create can meet: the fault, and whether the platform stored the post before it. */
    private static final List<Object[]> FAULTS = List.of(
            new Object[] {Fault.DROPPED_AFTER_REQUEST, true},
            new Object[] {Fault.DROPPED_AFTER_REQUEST, false},
            new Object[] {Fault.HTTP_500, true},
            new Object[] {Fault.HTTP_500, false},
            new Object[] {Fault.HTTP_429, false},
            new Object[] {Fault.HEADERS_DELAY, true},
            new Object[] {Fault.BODY_DELAY, true},
            // A 2xx that cannot be read does not prove "not created", whether or not the post was stored.
            new Object[] {Fault.HTML_PAGE, false},
            new Object[] {Fault.HTML_PAGE, true},
            new Object[] {Fault.GARBLED_2XX, true},
            new Object[] {Fault.LATE_COMMIT, true},
            new Object[] {Fault.ENDLESS_BODY, true},
            new Object[] {Fault.DECLARED_3GB, true});

    static Stream<Arguments> faults() {
        // Edits between the runs matter where the create may have happened; one fault of each kind is enough.
        Set<Fault> edited = Set.of(Fault.DROPPED_AFTER_REQUEST, Fault.HTML_PAGE, Fault.GARBLED_2XX,
                Fault.LATE_COMMIT);
        List<Arguments> out = new ArrayList<>();
        for (PlatformFixture platform : PlatformFixture.values()) {
            for (Object[] r : FAULTS) {
                Fault fault = (Fault) r[0];
                if (platform.notApplicable.contains(fault)) {
                    continue;
                }
                // A 429 is decided before anything is stored: the create failed, and the platform rests this run.
                boolean limited = fault == Fault.HTTP_429;
                int exit = limited ? 5 : 6;
                Status status = limited ? Status.FAILED : Status.UNKNOWN;
                out.add(Arguments.of(platform, fault, r[1], exit, status, Change.NONE));
                if (status == Status.UNKNOWN && edited.contains(fault)) {
                    out.add(Arguments.of(platform, fault, r[1], exit, status, Change.EDIT));
                    out.add(Arguments.of(platform, fault, r[1], exit, status, Change.SLUG));
                }
            }
        }
        return out.stream();
    }

    @Test
    void theMatrixHasTheSizeTheReadmeStates() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        long rows = faults().count();
        long perPlatform = faults().filter(a -> a.get()[0] == PlatformFixture.DEVTO).count();
        assertTrue(readme.contains(rows + " fault cases"), "README says how many fault cases the matrix runs: "
                + rows);
        assertTrue(readme.contains(perPlatform + " on dev.to"), "README says how many run on dev.to: "
                + perPlatform);
    }

    @Test
    void everyPlatformMeetsEveryFaultItsAnswersCanShow() {
        for (PlatformFixture platform : PlatformFixture.values()) {
            Set<Fault> met = new java.util.HashSet<>();
            faults().filter(a -> a.get()[0] == platform).forEach(a -> met.add((Fault) a.get()[1]));
            for (Object[] r : FAULTS) {
                Fault f = (Fault) r[0];
                assertEquals(!platform.notApplicable.contains(f), met.contains(f), platform + " " + f);
            }
        }
    }

    @ParameterizedTest(name = "{0} create: {1}, stored before the fault: {2} -> exit {3}; then {5}; exactly once")
    @MethodSource("faults")
    void aFailedCreateIsSettledByTheNextRunWithoutATwin(PlatformFixture platform, Fault fault, boolean stored,
            int exit, Status status, Change change) throws IOException {
        String name = platform.id;
        platform.failCreate(blog, fault, 1, stored, LATE_MS);

        E2eBlog.Run first = blog.publish();
        assertEquals(exit, first.code(), first::toString);
        PlatformRecord rec = blog.record("first-post", name).orElseThrow();
        assertEquals(status, rec.status(), first::toString);
        assertTrue(rec.message() != null && !rec.message().isBlank(), "the record says what went wrong");
        assertEquals(status == Status.UNKNOWN ? "unknown" : "failed", first.outcome("first-post", name),
                first::toString);
        assertNoTrace(first);
        if (fault == Fault.HTTP_429) {
            assertEquals(1, platform.creates(blog), "a 429 with a long Retry-After stops " + name + " for the run");
            assertTrue(blog.record("second-post", name).isEmpty() || blog.record("second-post", name).get()
                    .status() != Status.PUBLISHED, first::toString);
        }
        if (platform.home()) {
            assertEquals("held", first.outcome("first-post", "linkedin"), "LinkedIn waits for the Hashnode post");
            assertEquals("held", first.outcome("first-post", "devto"), "dev.to waits for the Hashnode post");
        }
        PlatformFixture.clearFaults(blog);

        String slug = "first-post";
        String title = "First post";
        if (change == Change.EDIT) {
            title = "First post, revised";
            blog.post("first.md", title, "2026-11-20T09:00:00Z", slug);
        } else if (change == Change.SLUG) {
            slug = "first-post-renamed";
            blog.post("first.md", title, "2026-11-20T09:00:00Z", slug);
        }

        if (platform.settlesByLookup && status == Status.UNKNOWN) {
            // Straight away the platform's reads may still miss the post: xpost must neither look nor create again.
            blog.resetCounts();
            E2eBlog.Run early = blog.publish();
            assertEquals(6, early.code(), early::toString);
            assertNoTrace(early);
            assertTrue(early.message(slug, name).contains("run again in a minute"), early::toString);
            assertEquals(0, platform.creates(blog), "no second create while the first is unsettled");
            blog.advance(Duration.ofMinutes(1));
        } else {
            // LinkedIn settles by sending again within its duplicate window (ten minutes); a rate limit has passed.
            blog.advance(Duration.ofMinutes(2));
        }

        E2eBlog.Run second = blog.publish();
        assertEquals(0, second.code(), second::toString);
        assertNoTrace(second);
        String expected;
        if (change == Change.NONE) {
            expected = status == Status.UNKNOWN && stored ? "adopted" : "created";
        } else if (platform.settlesByLookup) {
            expected = stored ? "updated" : "created";
        } else {
            // LinkedIn gets the create that was sent again (adopted or made now), then the file's edit.
            expected = "updated";
        }
        assertEquals(expected, second.outcome(slug, name), second::toString);
        // A slug change cannot move a LinkedIn link card made before it: that post keeps the old Hashnode URL.
        boolean linkFollowsSlug = change != Change.SLUG || platform.home();
        for (PlatformFixture p : PlatformFixture.values()) {
            p.assertExactlyOnce(blog, slug, title, linkFollowsSlug);
            p.assertExactlyOnce(blog, "second-post", "Second post", true);
            assertEquals(2, p.remotePosts(blog), p + " holds one post per file");
        }
        if (change == Change.EDIT) {
            PlatformRecord li = blog.published(slug, "linkedin");
            assertTrue(blog.linkedin.byUrn(li.id()).commentary.contains("revised"), "LinkedIn has the edit");
        }
        if (change == Change.SLUG) {
            assertEquals(slug, blog.hashnode.byId(blog.published(slug, "hashnode").id()).slug, "Hashnode has it");
            assertTrue(blog.record("first-post", name).isEmpty(), "the record moved with the slug");
        }

        blog.resetCounts();
        E2eBlog.Run third = blog.publish();
        assertEquals(0, third.code(), third::toString);
        assertEquals(0, blog.requests(), "once settled, nothing is left to do");
    }

    /** No stack trace without --verbose, whatever went wrong. */
    private static void assertNoTrace(E2eBlog.Run r) {
        assertFalse(r.result().err().contains("Exception") || r.result().err().contains("\tat "), r::toString);
    }

    /** The platforms that settle an unknown create by reading it back. */
    static Stream<PlatformFixture> lookupPlatforms() {
        return Stream.of(PlatformFixture.values()).filter(p -> p.settlesByLookup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookupPlatforms")
    void aCrashAfterTheCreateAndBeforeTheStateWriteIsLookedUpNotRepeated(PlatformFixture platform) {
        String name = platform.id;
        assertEquals(0, blog.publish().code());
        String id = blog.published("first-post", name).id();
        List<String> ids = platform.remoteIds(blog);
        // What a run killed right after the platform's answer leaves: the intent, saved before the request.
        blog.saveState(blog.state().withRecord("first-post", "posts/first.md", name,
                PlatformRecord.intent(E2eBlog.START.minusSeconds(10))));
        blog.resetCounts();

        E2eBlog.Run tooSoon = blog.publish("--platform", name);
        assertEquals(6, tooSoon.code(), tooSoon::toString);
        assertEquals(0, blog.requests(), "a 10 s old intent is not looked up yet (reads lag up to 25 s)");

        blog.advance(Duration.ofMinutes(1));
        E2eBlog.Run settled = blog.publish("--platform", name);
        assertEquals(0, settled.code(), settled::toString);
        assertEquals("adopted", settled.outcome("first-post", name), settled::toString);
        assertEquals(0, platform.creates(blog), "found, not created again");
        assertEquals(id, blog.published("first-post", name).id());
        assertEquals(ids, platform.remoteIds(blog), "no post was made or lost");
        for (PlatformFixture p : PlatformFixture.values()) {
            p.assertExactlyOnce(blog, "first-post", "First post", true);
            p.assertExactlyOnce(blog, "second-post", "Second post", true);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookupPlatforms")
    void aLookupThatFailsWhileSettlingKeepsTheCreateOpenAndCreatesNothing(PlatformFixture platform) {
        String name = platform.id;
        platform.failCreate(blog, Fault.DROPPED_AFTER_REQUEST, 1, true, 0);
        E2eBlog.Run first = blog.publish();
        assertEquals(6, first.code(), first::toString);
        PlatformFixture.clearFaults(blog);
        blog.advance(Duration.ofMinutes(1));

        assertTrue(platform.failLookups(blog, Fault.HTTP_500, 20));
        blog.resetCounts();
        E2eBlog.Run failing = blog.publish();
        assertTrue(failing.code() == 5 || failing.code() == 6, failing::toString);
        assertNoTrace(failing);
        assertEquals(0, platform.creates(blog), "a create whose outcome is unknown is never sent again unread");
        PlatformRecord open = blog.record("first-post", name).orElseThrow();
        assertTrue(open.status().open(), "the record still says the create may have happened: " + open);

        PlatformFixture.clearFaults(blog);
        E2eBlog.Run settled = blog.publish();
        assertEquals(0, settled.code(), settled::toString);
        assertEquals("adopted", settled.outcome("first-post", name), settled::toString);
        for (PlatformFixture p : PlatformFixture.values()) {
            p.assertExactlyOnce(blog, "first-post", "First post", true);
            p.assertExactlyOnce(blog, "second-post", "Second post", true);
            assertEquals(2, p.remotePosts(blog), p + " holds one post per file");
        }
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
