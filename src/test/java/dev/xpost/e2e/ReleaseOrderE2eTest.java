package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What goes out when, for each platform of a blog that publishes to Hashnode, LinkedIn and dev.to: {@code --max}
 * caps a run's creates, and a platform that links to the Hashnode post waits until it is there. (Series order is
 * {@link ScheduleE2eTest}.)
 */
class ReleaseOrderE2eTest {
    private static final List<String> SLUGS = List.of("first-post", "second-post", "third-post");
    private static final List<String> TITLES = List.of("First post", "Second post", "Third post");

    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir).withDevto();
        for (int i = 0; i < 3; i++) {
            blog.post(SLUGS.get(i).replace("-post", "") + ".md", TITLES.get(i), "2026-11-2" + (i * 2) + "T09:00:00Z",
                    SLUGS.get(i));
        }
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    private void assertEachPostOnceEverywhere() {
        for (PlatformFixture p : PlatformFixture.values()) {
            assertEquals(3, p.remotePosts(blog), p + " holds one post per file");
            for (int i = 0; i < 3; i++) {
                p.assertExactlyOnce(blog, SLUGS.get(i), TITLES.get(i), true);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PlatformFixture.class)
    void maxOneCreatesOneAndHoldsTheRestBack(PlatformFixture platform) {
        E2eBlog.Run r;
        if (platform.home()) {
            r = blog.publish("--max", "1");
        } else {
            // A linking platform's creates wait for Hashnode's posts: put them there first.
            assertEquals(0, blog.publish("--platform", "hashnode").code());
            blog.resetCounts();
            r = blog.publish("--platform", platform.id, "--max", "1");
        }
        assertEquals(0, r.code(), r::toString);
        assertEquals("created", r.outcome("first-post", platform.id), r::toString);
        for (String slug : List.of("second-post", "third-post")) {
            assertEquals("held", r.outcome(slug, platform.id), r::toString);
            assertTrue(r.message(slug, platform.id).contains("--max 1"), r::toString);
        }
        assertEquals(1, platform.creates(blog));
        assertEquals(1, platform.remotePosts(blog));
        if (platform.home()) {
            PlatformFixture.linking().forEach(other -> {
                assertEquals("held", r.outcome("first-post", other.id), r::toString);
                assertEquals(0, other.creates(blog), other + " waits");
            });
        }

        E2eBlog.Run rest = blog.publish();
        assertEquals(0, rest.code(), rest::toString);
        assertEachPostOnceEverywhere();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.xpost.e2e.PlatformFixture#linking")
    void aLinkingPlatformWaitsForTheHashnodePostAndThenLinksToIt(PlatformFixture platform) {
        E2eBlog.Run alone = blog.publish("--platform", platform.id);
        assertEquals(0, alone.code(), alone::toString);
        for (String slug : SLUGS) {
            assertEquals("held", alone.outcome(slug, platform.id), alone::toString);
            assertTrue(alone.message(slug, platform.id).contains("waiting for the Hashnode post"), alone::toString);
        }
        // dev.to may read its article list (a hand-made cross-post is adopted, not waited for); nothing is made.
        assertEquals(0, platform.creates(blog), "nothing is created before the Hashnode post exists");
        assertEquals(0, platform.remotePosts(blog));
        assertEquals(0, blog.hashnode.total(), "--platform " + platform.id + " sends nothing to Hashnode");

        // Hashnode refuses one post: only that post waits on the linking platform.
        PlatformFixture.HASHNODE.failCreate(blog, PlatformFixture.HASHNODE.rejection, 1, false, 0);
        E2eBlog.Run first = blog.publish();
        assertEquals(5, first.code(), first::toString);
        assertEquals("failed", first.outcome("first-post", "hashnode"), first::toString);
        assertEquals("held", first.outcome("first-post", platform.id), first::toString);
        assertEquals("created", first.outcome("second-post", platform.id), first::toString);
        assertEquals(2, platform.creates(blog), "the posts that are on Hashnode went out");

        E2eBlog.Run rest = blog.publish();
        assertEquals(0, rest.code(), rest::toString);
        assertEquals("created", rest.outcome("first-post", platform.id), rest::toString);
        // LinkedIn's card and dev.to's canonical URL are the Hashnode URL (checked by assertExactlyOnce).
        assertEachPostOnceEverywhere();
    }
}
