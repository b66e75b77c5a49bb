package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.state.PlatformRecord;
import dev.xpost.state.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dev.to settling an unknown create for a post that goes to dev.to alone ({@code platforms: [devto]}), so that it has
 * no canonical URL: the article is found by the title the create sent, also when the author retitled the post
 * before the next run, and exactly one article is left. (With a Hashnode URL it is found by canonical URL: the
 * fault matrix.)
 */
class DevtoSettlingE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.hashnodeReadLag(Duration.ofSeconds(25));
        blog.withDevto("800ms");
        blog.devtoReadLag(Duration.ofSeconds(25));
        blog.post("solo.md", "Solo post", "2026-11-20T09:00:00Z", "solo-post", "platforms: [devto]");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Fault fault : List.of(Fault.DROPPED_AFTER_REQUEST, Fault.HTTP_500, Fault.GARBLED_2XX)) {
            for (boolean stored : fault == Fault.GARBLED_2XX ? List.of(true) : List.of(true, false)) {
                out.add(Arguments.of(fault, stored, false));
                out.add(Arguments.of(fault, stored, true));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, stored: {1}, retitled before the next run: {2}")
    @MethodSource("cases")
    void anUnknownCreateWithoutACanonicalUrlIsFoundByTheTitleItSent(Fault fault, boolean stored, boolean retitled)
            throws IOException {
        blog.devto.fail("create", fault, 1, stored, 0);
        E2eBlog.Run first = blog.publish();
        assertEquals(6, first.code(), first::toString);
        assertEquals(Status.UNKNOWN, blog.record("solo-post", "devto").orElseThrow().status());
        assertEquals(stored ? 1 : 0, blog.devto.articles().size());
        blog.devto.clearFaults();

        String title = retitled ? "Solo post, retitled" : "Solo post";
        if (retitled) {
            blog.post("solo.md", title, "2026-11-20T09:00:00Z", "solo-post", "platforms: [devto]");
        }
        blog.advance(Duration.ofMinutes(1));
        E2eBlog.Run second = blog.publish();
        assertEquals(0, second.code(), second::toString);
        String expected = !stored ? "created" : retitled ? "updated" : "adopted";
        assertEquals(expected, second.outcome("solo-post", "devto"), second::toString);
        assertEquals(1, blog.devto.articles().size(), "exactly one article");
        FakeDevto.Article a = blog.devto.articles().get(0);
        assertEquals(title, a.title);
        PlatformRecord rec = blog.published("solo-post", "devto");
        assertEquals(String.valueOf(a.id), rec.id());
        assertTrue(blog.hashnode.posts().isEmpty() && blog.linkedin.posts().isEmpty(), "dev.to alone");

        blog.resetCounts();
        E2eBlog.Run third = blog.publish();
        assertEquals(0, third.code(), third::toString);
        assertEquals(0, blog.requests(), "once settled, nothing is left to do");
    }
}
