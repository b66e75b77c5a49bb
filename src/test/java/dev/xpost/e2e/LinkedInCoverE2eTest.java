package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.state.PlatformRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 3: the picture of a LinkedIn card follows redirects, is judged by its bytes, and never holds a
 * post back for ever.
 */
class LinkedInCoverE2eTest {
    private static final String SLUG = "with-cover";

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

    private void postWithCover(String path) throws IOException {
        blog.post("cover.md", "With a cover", "2026-11-20T09:00:00Z", SLUG, "cover: " + blog.coverUrl(path));
    }

    private FakeLinkedIn.StoredPost card() {
        PlatformRecord li = blog.published(SLUG, "linkedin");
        return blog.linkedin.byUrn(li.id());
    }

    @Test
    void aRedirectedCoverIsFollowedAndBecomesTheThumbnail() throws IOException {
        // A CDN alias that moves twice, the second time with a relative Location.
        blog.linkedin.redirectImage("/img/alias.png", blog.coverUrl("moved.png"));
        blog.linkedin.redirectImage("/img/moved.png", "/img/real.png");
        postWithCover("alias.png");

        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("created", r.outcome(SLUG, "linkedin"), r::toString);
        assertTrue(card().article.path("thumbnail").asText().startsWith("urn:li:image:"), card().article::toString);
        assertEquals(1, blog.linkedin.uploads().size());
        assertArrayEquals(Fixtures.bytes("e2e/cover.png"), blog.linkedin.uploads().values().iterator().next(),
                "the picture at the end of the redirects was uploaded");
        assertEquals(3, blog.linkedin.count("image-host"), "alias, moved, real: each once");
    }

    @Test
    void anSvgCoverIsSkippedWithAWarningAndThePostGoesOut() throws IOException {
        blog.linkedin.serveImage("/img/logo.svg", new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "image/svg+xml")
                .body(new Buffer().writeString("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", StandardCharsets.UTF_8))
                .build());
        postWithCover("logo.svg");

        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("created", r.outcome(SLUG, "linkedin"), r::toString);
        assertFalse(card().article.has("thumbnail"), card().article::toString);
        assertEquals(0, blog.linkedin.uploads().size(), "nothing was uploaded to LinkedIn's Images API");
        String warnings = r.doc().path("warnings").toString();
        assertTrue(warnings.contains("logo.svg") && warnings.contains("not a JPG, PNG or GIF")
                && warnings.contains("without a picture"), r::toString);
    }

    @Test
    void aMissingCoverGivesACardWithoutPictureAtOnce() throws IOException {
        blog.linkedin.serveImage("/img/gone.png", new MockResponse.Builder().code(404).build());
        postWithCover("gone.png");

        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("created", r.outcome(SLUG, "linkedin"), r::toString);
        assertFalse(card().article.has("thumbnail"));
        assertTrue(r.doc().path("warnings").toString().contains("HTTP 404"), r::toString);
    }

    @Test
    void aFlakyImageHostHoldsThePostForABoundedNumberOfRunsThenItGoesWithoutThePicture() throws IOException {
        blog.linkedin.serveImage("/img/flaky.png", new MockResponse.Builder().code(503).build());
        postWithCover("flaky.png");

        for (int run = 1; run <= 2; run++) {
            E2eBlog.Run r = blog.publish();
            assertEquals(5, r.code(), r::toString);
            assertEquals(run == 1 ? "created" : "unchanged", r.outcome(SLUG, "hashnode"), r::toString);
            assertEquals("failed", r.outcome(SLUG, "linkedin"), r::toString);
            assertTrue(r.message(SLUG, "linkedin").contains("HTTP 503")
                    && r.message(SLUG, "linkedin").contains("run " + run + " of 3"), r::toString);
            assertEquals(run, blog.state().attempts("linkedin", blog.coverUrl("flaky.png")));
            assertEquals(0, blog.linkedin.posts().size());
        }
        E2eBlog.Run third = blog.publish();
        assertEquals(0, third.code(), third::toString);
        assertEquals("created", third.outcome(SLUG, "linkedin"), third::toString);
        assertFalse(card().article.has("thumbnail"));
        assertTrue(third.doc().path("warnings").toString().contains("3 runs in a row"), third::toString);
        assertEquals(1, blog.linkedin.posts().size());
    }

    @Test
    void aHostThatRecoversClearsTheCount() throws IOException {
        blog.linkedin.serveImage("/img/slow.png", new MockResponse.Builder().code(502).build());
        postWithCover("slow.png");
        assertEquals(5, blog.publish().code());
        assertEquals(1, blog.state().attempts("linkedin", blog.coverUrl("slow.png")));

        blog.linkedin.serveImage("/img/slow.png", new MockResponse.Builder().code(200)
                .body(new Buffer().write(Fixtures.bytes("e2e/cover.png"))).build());
        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertTrue(card().article.path("thumbnail").asText().startsWith("urn:li:image:"));
        assertEquals(0, blog.state().attempts("linkedin", blog.coverUrl("slow.png")));
        assertFalse(E2eBlog.read(blog.stateFile()).contains("\"attempts\""), "nothing left in the state file");
    }
}
