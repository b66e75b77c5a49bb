package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What publishing costs in requests: adopting an existing blog, creating new posts, and a run with nothing to do. */
class AdoptionCostE2eTest {
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

    /** Seeds {@code n} posts on the fake and writes the backup file of each: what "backup to GitHub" leaves. */
    private List<String> existingBlog(int n) throws IOException {
        return existingBlog(n, 1);
    }

    /** As above, with a file for every {@code every}-th post only (the rest live on Hashnode alone). */
    private List<String> existingBlog(int n, int every) throws IOException {
        List<String> cuids = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 1; i <= n; i++) {
            String title = "Old post " + i;
            String slug = "old-post-" + i;
            String cuid = String.format("clq8kvzg6%016d", i);
            String date = day.plusDays(i).toString();
            blog.hashnode.seed(cuid, slug, title, "Some text for " + title + ".", date + "T09:00:00.000Z");
            if (i % every == 1 || every == 1) {
                blog.post("old/" + cuid + ".md", title, date, slug, "cuid: " + cuid);
                cuids.add(cuid);
            }
        }
        return cuids;
    }

    @Test
    void adoptingABackupOf250PostsCostsFourReadsAndNoMutation() throws IOException {
        existingBlog(250);
        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, blog.hashnode.mutations(), "nothing is created or updated");
        assertTrue(blog.hashnode.reads() <= 1 + 3, () -> "reads: " + blog.hashnode.operations());
        assertEquals(List.of("Publication", "Posts", "Posts", "Posts"), blog.hashnode.operations());
        assertEquals(250, blog.hashnode.posts().size());
        for (int i : new int[] {1, 125, 250}) {
            assertEquals("adopted", r.outcome("old-post-" + i, "hashnode"), r::toString);
            assertEquals(blog.hashnode.postsTitled("Old post " + i).get(0).id,
                    blog.published("old-post-" + i, "hashnode").id());
        }
        assertEquals(250, blog.state().posts().size());

        blog.resetCounts();
        E2eBlog.Run again = blog.publish("--platform", "hashnode");
        assertEquals(0, again.code(), again::toString);
        assertEquals(0, blog.requests(), "adopted posts are in sync: the next run sends nothing");
    }

    @Test
    void anAdoptedPostWhoseMarkdownDiffersGetsExactlyOneUpdate() throws IOException {
        List<String> cuids = existingBlog(250);
        Path file = dir.resolve("posts/old/" + cuids.get(41) + ".md");
        blog.cli.write("posts/old/" + cuids.get(41) + ".md", E2eBlog.read(file)
                .replace("Some text for Old post 42.", "Some text for Old post 42, edited after the backup."));

        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(0, r.code(), r::toString);
        assertEquals("updated", r.outcome("old-post-42", "hashnode"), r::toString);
        assertEquals(0, blog.hashnode.count("PublishPost"));
        assertEquals(1, blog.hashnode.count("UpdatePost"));
        assertTrue(blog.hashnode.reads() <= 1 + 3, () -> "reads: " + blog.hashnode.operations());
        FakeHashnode.StoredPost p = blog.hashnode.postsTitled("Old post 42").get(0);
        assertEquals(p.id, blog.hashnode.variables("UpdatePost").get(0).path("input").path("id").asText());
        assertTrue(p.markdown.contains("edited after the backup"), p.markdown);
        assertEquals(250, blog.hashnode.posts().size());
    }

    @Test
    void adoptingFromAPublicationOf500PostsCostsAtMostSixReads() throws IOException {
        // Files for one post in 25, spread over every page of the listing (the oldest are on the last page).
        List<String> files = existingBlog(500, 25);
        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, blog.hashnode.mutations());
        assertEquals(1, blog.hashnode.count("Publication"));
        assertEquals(5, blog.hashnode.count("Posts"), () -> "reads: " + blog.hashnode.operations());
        assertEquals(files.size(), blog.state().posts().size());
        assertEquals("adopted", r.outcome("old-post-1", "hashnode"), r::toString);
        assertEquals("adopted", r.outcome("old-post-476", "hashnode"), r::toString);
    }

    @Test
    void threeNewPostsCostThreeCreatesAndTwoReadsAndANothingToDoRunCostsNothing() throws IOException {
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha");
        blog.post("b.md", "Beta", "2026-11-21T09:00:00Z", "beta");
        blog.post("c.md", "Gamma", "2026-11-22T09:00:00Z", "gamma");
        blog.post("d.md", "Delta", "2027-01-10T09:00:00Z", "delta");

        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(0, r.code(), r::toString);
        assertEquals("scheduled", r.outcome("delta", "hashnode"), r::toString);
        assertEquals(3, blog.hashnode.count("PublishPost"));
        assertEquals(0, blog.hashnode.count("UpdatePost"));
        assertTrue(blog.hashnode.reads() <= 1 + 1, () -> "reads: " + blog.hashnode.operations());

        blog.resetCounts();
        E2eBlog.Run idle = blog.publish("--platform", "hashnode");
        assertEquals(0, idle.code(), idle::toString);
        assertEquals("scheduled", idle.outcome("delta", "hashnode"), idle::toString);
        assertEquals(0, blog.requests(), () -> "nothing due and nothing changed, yet: " + blog.hashnode.operations());
    }

    @Test
    void aFreshBlogWithNothingDueSendsNoRequestAtAll() throws IOException {
        blog.post("d.md", "Delta", "2027-01-10T09:00:00Z", "delta");
        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("scheduled", r.outcome("delta", "hashnode"), r::toString);
        assertEquals("scheduled", r.outcome("delta", "linkedin"), r::toString);
        assertEquals(0, blog.requests(), () -> "nothing is due, yet: " + blog.hashnode.operations());
    }
}
