package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.state.PlatformRecord;
import dev.xpost.state.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settling what the fault matrix does not reach: open creates whose time is missing or in the future, a post whose
 * slug was taken on Hashnode when it was created, what an intent records, and an over-long answer to a read.
 */
class SettlingE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.hashnodeReadLag(Duration.ofSeconds(25));
        blog.config("800ms");
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    /** What a create whose answer was lost leaves, made by hand: the post is on the platform, the record open. */
    private void openRecord(String platform, Instant intentAt) {
        PlatformRecord r = blog.published("first-post", platform);
        Map<String, String> sent = platform.equals("hashnode")
                ? Map.of("slug", "first-post", "title", "First post") : Map.of();
        blog.saveState(blog.state().withRecord("first-post", "posts/first.md", platform, new PlatformRecord(
                Status.UNKNOWN, null, null, r.hash(), null, intentAt, "the answer was lost", null, sent, null, null)));
    }

    @Test
    void aHashnodeIntentWithoutATimeIsSettledAtOnceWithAWarning() {
        assertEquals(0, blog.publish("--platform", "hashnode").code());
        String id = blog.published("first-post", "hashnode").id();
        openRecord("hashnode", null);
        blog.advance(Duration.ofMinutes(1));

        E2eBlog.Run r = blog.publish("--platform", "hashnode");

        assertEquals(0, r.code(), r::toString);
        assertEquals("adopted", r.outcome("first-post", "hashnode"), r::toString);
        assertTrue(r.toString().contains("has no time (`intentAt`) in the state file: settled as if it were "
                + "old enough"), r::toString);
        assertEquals(id, blog.published("first-post", "hashnode").id());
        assertEquals(1, blog.hashnode.posts().size());
    }

    @Test
    void aHashnodeIntentDatedInTheFutureIsSettledAtOnceWithAWarning() {
        assertEquals(0, blog.publish("--platform", "hashnode").code());
        openRecord("hashnode", E2eBlog.START.plus(Duration.ofDays(3)));
        blog.advance(Duration.ofMinutes(1));
        blog.resetCounts();

        E2eBlog.Run r = blog.publish("--platform", "hashnode");

        assertEquals(0, r.code(), r::toString);
        assertEquals("adopted", r.outcome("first-post", "hashnode"), r::toString);
        assertTrue(r.toString().contains("a time in the future (2026-11-29T12:00:00Z; clock skew or a hand "
                + "edit)"), r::toString);
        assertEquals(1, blog.hashnode.posts().size());
        assertEquals(0, blog.hashnode.count("PublishPost"));
    }

    @Test
    void aLinkedInIntentWithoutATimeIsTakenAsPastTheDuplicateWindowAndThePersonIsAsked() {
        assertEquals(0, blog.publish().code());
        openRecord("linkedin", null);
        blog.resetCounts();

        E2eBlog.Run r = blog.publish();

        assertEquals(6, r.code(), r::toString);
        assertTrue(r.toString().contains("has no time (`intentAt`)"), r::toString);
        assertTrue(r.message("first-post", "linkedin").contains("xpost state adopt posts/first.md --platform "
                + "linkedin --id URN"), r::toString);
        assertEquals(0, blog.linkedin.count("createPost"), "a re-send could make a twin once the window is over");
        assertEquals(1, blog.linkedin.posts().size());
    }

    @Test
    void aCreateWhoseSlugHashnodeSuffixedIsFoundByTheSentSlugAndTitleNotTakenForTheOtherPost() {
        // Another post took the slug on Hashnode a moment ago (so reads do not show it yet): the create gets a
        // suffixed slug, and its answer is lost.
        blog.hashnode.seed(null, "first-post", "Somebody else's post", "Not ours.", "2025-01-01T00:00:00Z")
                .committedAt = E2eBlog.START;
        blog.hashnode.fail("PublishPost", Fault.DROPPED_AFTER_REQUEST, 1, true, 0);
        E2eBlog.Run first = blog.publish("--platform", "hashnode");
        assertEquals(6, first.code(), first::toString);
        PlatformRecord open = blog.record("first-post", "hashnode").orElseThrow();
        assertEquals(Map.of("slug", "first-post", "title", "First post"), open.sent(), "the intent says what went");
        assertEquals(E2eBlog.START, open.requestEndedAt());
        blog.advance(Duration.ofMinutes(1));

        E2eBlog.Run second = blog.publish("--platform", "hashnode");

        assertEquals(0, second.code(), second::toString);
        assertEquals("adopted", second.outcome("first-post", "hashnode"), second::toString);
        assertEquals(2, blog.hashnode.posts().size(), "no twin, and the other post untouched");
        FakeHashnode.StoredPost ours = blog.hashnode.byId(blog.published("first-post", "hashnode").id());
        assertEquals("First post", ours.title);
        assertTrue(ours.slug.startsWith("first-post-"), ours.slug);
        assertEquals("Not ours.", blog.hashnode.postsTitled("Somebody else's post").get(0).markdown);
    }

    @Test
    void aLinkedInIntentRecordsTheExactTextAndCard() {
        blog.linkedin.fail("createPost", Fault.HTTP_500, 1, true, 0);
        assertEquals(6, blog.publish().code());

        PlatformRecord open = blog.record("first-post", "linkedin").orElseThrow();

        FakeLinkedIn.StoredPost sent = blog.linkedin.posts().get(0);
        assertEquals(sent.commentary, open.sent().get("commentary"));
        assertEquals(sent.source(), open.sent().get("card.source"));
        assertEquals(FakeLinkedIn.AUTHOR, open.sent().get("author"));
        assertTrue(open.hash() != null && open.intentAt() != null && open.requestEndedAt() != null);
    }

    @Test
    void anOverLongAnswerToAReadIsAFailureWithAMessageAndNoCreate() {
        blog.hashnode.fail("PostsBySlug", Fault.ENDLESS_BODY, 1, false, 0);

        E2eBlog.Run r = blog.publish("--platform", "hashnode");

        assertEquals(5, r.code(), r::toString);
        assertTrue(r.message("first-post", "hashnode").contains("longer than 16 MiB"), r::toString);
        assertFalse(r.result().err().contains("Exception") || r.result().err().contains("OutOfMemory"),
                r::toString);
        assertEquals(0, blog.hashnode.count("PublishPost"), "a failed lookup never leads to a create");
        assertTrue(blog.record("first-post", "hashnode").isEmpty());
    }
}
