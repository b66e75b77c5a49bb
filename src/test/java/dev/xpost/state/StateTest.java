package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateTest {
    private static final String HASHNODE = "hashnode";
    private static final String LINKEDIN = "linkedin";
    private static final Instant T0 = Instant.parse("2024-02-07T09:00:00Z");
    private static final Instant T1 = Instant.parse("2024-02-07T09:00:02Z");

    @Test
    void aCreateGoesFromIntentToPublished() {
        State state = State.empty().withRecord("intro", "posts/intro.md", HASHNODE, PlatformRecord.intent(T0));
        assertEquals(Status.INTENT, state.recordFor("intro", HASHNODE).orElseThrow().status());

        state = state.withRecord("intro", "posts/intro.md", HASHNODE,
                PlatformRecord.published("p1", "https://blog.example.com/intro", "sha256:1", T1)
                        .withExt(Map.of("cuid", "cuid1", "slug", "intro", "publicationId", "pub1")));

        PlatformRecord record = state.recordFor("intro", HASHNODE).orElseThrow();
        assertEquals(new PlatformRecord(Status.PUBLISHED, "p1", "https://blog.example.com/intro", "sha256:1", T1,
                null, null, null, null, null, Map.of("cuid", "cuid1", "publicationId", "pub1", "slug", "intro")), record);
        assertTrue(state.openIntents().isEmpty());
    }

    @Test
    void anUpdateRecordsTheNewHashAndClearsAnEarlierProblem() {
        PlatformRecord published = PlatformRecord.published("urn:li:share:1", null, "sha256:old", T0)
                .withMessage("LinkedIn answered 500 to the last update");
        PlatformRecord updated = published.sent("sha256:new", T1);
        assertEquals(Status.PUBLISHED, updated.status());
        assertEquals("urn:li:share:1", updated.id());
        assertEquals("sha256:new", updated.hash());
        assertEquals(T1, updated.sentAt());
        assertNull(updated.message());
    }

    @Test
    void unknownOutcomeKeepsTheIntentTimeAndStaysOpen() {
        PlatformRecord unknown = PlatformRecord.intent(T0).unknown("timed out after 30 s");
        assertEquals(Status.UNKNOWN, unknown.status());
        assertEquals(T0, unknown.intentAt());
        assertEquals("timed out after 30 s", unknown.message());
        assertTrue(unknown.status().open());
    }

    @Test
    void aPublishedPostCannotBeMarkedFailedOrUnknownNorAnIntentUpdated() {
        PlatformRecord published = PlatformRecord.published("p1", null, "h", T0);
        assertThrows(IllegalStateException.class, () -> published.failed("update refused"));
        assertThrows(IllegalStateException.class, () -> published.unknown("update timed out"));
        assertThrows(IllegalStateException.class, () -> PlatformRecord.intent(T0).sent("h", T1));
        assertThrows(IllegalArgumentException.class, () -> PlatformRecord.published(" ", null, "h", T0));
    }

    @Test
    void openIntentsListsIntentAndUnknownRecordsInOrder() {
        State state = State.empty()
                .withRecord("b-post", "posts/b.md", LINKEDIN, PlatformRecord.intent(T0))
                .withRecord("b-post", "posts/b.md", HASHNODE, PlatformRecord.intent(T0).unknown("502"))
                .withRecord("a-post", "posts/a.md", HASHNODE, PlatformRecord.intent(T0).failed("400"))
                .withRecord("a-post", "posts/a.md", LINKEDIN, PlatformRecord.published("urn", null, "h", T0));

        List<OpenIntent> open = state.openIntents();

        assertEquals(List.of("b-post hashnode unknown", "b-post linkedin intent"), open.stream()
                .map(o -> o.slug() + " " + o.platform() + " " + o.record().status().label()).toList());
        assertEquals("posts/b.md", open.get(0).file());
    }

    @Test
    void forgetRemovesOnePlatformAndThenThePost() {
        State state = State.empty()
                .withRecord("intro", "posts/intro.md", HASHNODE, PlatformRecord.published("p1", null, "h", T0))
                .withRecord("intro", "posts/intro.md", LINKEDIN, PlatformRecord.published("u1", null, "h", T0));

        State once = state.forget("intro", LINKEDIN);
        assertTrue(once.recordFor("intro", LINKEDIN).isEmpty());
        assertTrue(once.recordFor("intro", HASHNODE).isPresent());

        State twice = once.forget("intro", HASHNODE);
        assertTrue(twice.post("intro").isEmpty(), "a post with no platform left is gone");
        assertSame(twice, twice.forget("intro", HASHNODE));
        assertTrue(state.forget("intro").posts().isEmpty());
        assertTrue(state.recordFor("intro", LINKEDIN).isPresent(), "the original state is unchanged");
    }

    @Test
    void withRecordFollowsARenamedFile() {
        State state = State.empty()
                .withRecord("intro", "posts/intro.md", HASHNODE, PlatformRecord.published("p1", null, "h", T0))
                .withRecord("intro", "posts/2024/intro.md", LINKEDIN, PlatformRecord.intent(T1));
        assertEquals("posts/2024/intro.md", state.post("intro").orElseThrow().file());
        assertEquals(2, state.post("intro").orElseThrow().platforms().size());
        assertEquals("intro", state.slugOf("posts/2024/intro.md").orElseThrow());
        assertTrue(state.slugOf("posts/intro.md").isEmpty());
    }

    @Test
    void imagesAreRememberedPerPlatformAndSource() {
        State state = State.empty()
                .withImage(LINKEDIN, "https://example.com/c.png", "urn:li:image:1")
                .withImage(HASHNODE, "sha256:abc", "https://cdn.hashnode.com/c.png");
        assertEquals("urn:li:image:1", state.image(LINKEDIN, "https://example.com/c.png").orElseThrow());
        assertTrue(state.image(HASHNODE, "https://example.com/c.png").isEmpty());
        assertEquals("linkedin https://example.com/c.png", State.imageKey(LINKEDIN, "https://example.com/c.png"));
    }

    @Test
    void mapsCannotBeChangedBehindTheStatesBack() {
        State state = State.empty().withRecord("a", "a.md", HASHNODE, PlatformRecord.intent(T0));
        assertThrows(UnsupportedOperationException.class, () -> state.posts().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> state.post("a").orElseThrow().platforms().clear());
        assertThrows(IllegalArgumentException.class,
                () -> state.withRecord(" ", "a.md", HASHNODE, PlatformRecord.intent(T0)));
    }
}
