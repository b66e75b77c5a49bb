package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests grow with the changes, not with the publication (issue 15): on a publication of 1,000 recorded posts a
 * new post costs its own lookup and its create, ten new posts one lookup and ten creates, and nothing to do costs
 * nothing. Counted by the stateful fake; nothing here is timed.
 */
class ScaleCostE2eTest {
    private static final int RECORDED = 1_000;

    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int i = 1; i <= RECORDED; i++) {
            String cuid = String.format("clq8kvzg6%016d", i);
            String date = day.plusDays(i).toString();
            blog.hashnode.seed(cuid, "old-post-" + i, "Old post " + i, "Some text for Old post " + i + ".",
                    date + "T09:00:00.000Z");
            blog.post("old/" + cuid + ".md", "Old post " + i, date, "old-post-" + i, "cuid: " + cuid);
        }
        E2eBlog.Run moveIn = blog.publish("--platform", "hashnode");
        assertEquals(0, moveIn.code(), moveIn::toString);
        assertEquals(RECORDED, blog.state().posts().size(), "every backup file was adopted and recorded");
        assertEquals(10, blog.hashnode.count("Posts"), () -> "moving in lists the publication once, 100 a page: "
                + blog.hashnode.operations());
        blog.resetCounts();
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void oneNewPostCostsItsLookupAndItsCreateNotAListing() throws IOException {
        blog.post("new.md", "A new post", "2026-11-20T09:00:00Z", "a-new-post");

        E2eBlog.Run r = blog.publish("--platform", "hashnode");

        assertEquals(0, r.code(), r::toString);
        assertEquals("created", r.outcome("a-new-post", "hashnode"), r::toString);
        assertTrue(blog.hashnode.total() <= 3, () -> "requests: " + blog.hashnode.operations());
        assertEquals(List.of("PostsBySlug", "PublishPost"), blog.hashnode.operations());
        assertEquals(RECORDED + 1, blog.hashnode.posts().size());
    }

    @Test
    void aNewPostWhoseSlugIsAlreadyThereIsAdoptedByItsLookup() throws IOException {
        blog.hashnode.seed(null, "written-on-hashnode", "Written on Hashnode", "Typed in the editor.",
                "2026-11-19T09:00:00.000Z");
        blog.post("there.md", "Written on Hashnode", "2026-11-19T09:00:00Z", "written-on-hashnode");

        E2eBlog.Run r = blog.publish("--platform", "hashnode");

        assertEquals(0, r.code(), r::toString);
        // Its text differs from the file's: adopted, then updated to the file.
        assertEquals("updated", r.outcome("written-on-hashnode", "hashnode"), r::toString);
        assertEquals(0, blog.hashnode.count("PublishPost"), "never a twin of a post the lookup found");
        assertEquals(1, blog.hashnode.count("UpdatePost"));
        assertEquals(0, blog.hashnode.count("Posts"), "no listing for a post without a cuid");
        assertEquals(1, blog.hashnode.count("PostsBySlug"));
    }

    @Test
    void tenNewPostsCostOneLookupAndTenCreatesAndThenNothing() throws IOException {
        for (int i = 1; i <= 10; i++) {
            blog.post("new-" + i + ".md", "New post " + i, "2026-11-" + (10 + i) + "T09:00:00Z", "new-post-" + i);
        }

        E2eBlog.Run r = blog.publish("--platform", "hashnode");

        assertEquals(0, r.code(), r::toString);
        assertEquals(10, blog.hashnode.count("PublishPost"));
        assertEquals(1, blog.hashnode.count("PostsBySlug"), () -> "requests: " + blog.hashnode.operations());
        assertTrue(blog.hashnode.total() <= 12, () -> "requests: " + blog.hashnode.operations());
        assertFalse(Files.exists(dir.resolve(".xpost/state.journal")), "the run folded its journal into the file");
        assertEquals(RECORDED + 10, blog.state().posts().size());

        blog.resetCounts();
        E2eBlog.Run idle = blog.publish("--platform", "hashnode");
        assertEquals(0, idle.code(), idle::toString);
        assertEquals(0, blog.requests(), () -> "nothing to do, yet: " + blog.hashnode.operations());
    }

    @Test
    void nothingToDoOnAThousandRecordedPostsCostsNoRequest() {
        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, blog.requests(), () -> "nothing to do, yet: " + blog.hashnode.operations());
    }
}
