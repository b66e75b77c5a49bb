package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An author renames a published post's slug: it is sent once, the record follows, a taken slug is a clear error. */
class SlugChangeE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha");
        assertEquals(0, blog.publish("--platform", "hashnode").code());
        blog.resetCounts();
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void aNewSlugIsSentInOneUpdateAndTheRecordMovesWithIt() throws IOException {
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha-renamed");
        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(0, r.code(), r::toString);
        assertEquals("updated", r.outcome("alpha-renamed", "hashnode"), r::toString);
        assertEquals(0, blog.hashnode.count("PublishPost"), "a renamed post is never created again");
        assertEquals(List.of("alpha-renamed"), blog.hashnode.variables("UpdatePost").stream()
                .map(v -> v.path("input").path("slug").asText()).toList());
        assertTrue(blog.record("alpha", "hashnode").isEmpty(), "the record left the old slug");
        assertEquals("https://demo.hashnode.dev/alpha-renamed", blog.published("alpha-renamed", "hashnode").url());
        assertEquals(1, blog.hashnode.posts().size());

        blog.resetCounts();
        assertEquals(0, blog.publish("--platform", "hashnode").code());
        assertEquals(0, blog.requests(), "the next run has nothing to send");
    }

    @Test
    void aSlugTakenOnHashnodeIsRefusedWithWhatToDo() throws IOException {
        blog.hashnode.seed("clq8kvzg60000000000000099", "taken", "Someone else's post", "Text", "2025-01-01T00:00:00Z");
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "taken");
        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(5, r.code(), r::toString);
        String message = r.message("taken", "hashnode");
        assertTrue(message.contains("refused to change the slug") && message.contains("`alpha`"), message);
        assertEquals(0, blog.hashnode.count("PublishPost"));
        assertTrue(blog.record("alpha", "hashnode").isPresent(), "the post keeps its record under its old slug");

        blog.resetCounts();
        E2eBlog.Run again = blog.publish("--platform", "hashnode");
        assertEquals(5, again.code(), again::toString);
        assertEquals(List.of("taken"), blog.hashnode.variables("UpdatePost").stream()
                .map(v -> v.path("input").path("slug").asText()).toList(), "the change is tried again, not lost");
    }
}
