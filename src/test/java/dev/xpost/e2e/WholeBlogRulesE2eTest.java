package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.cli.CliRun;
import dev.xpost.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, points 4 and 5: paths select what to act on while every rule is judged against the whole blog; an
 * invalid post blocks only itself and what depends on it; plan exits and speaks as publish would.
 */
class WholeBlogRulesE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.hashnode.addSeries("aws");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void namingPartTwoDoesNotPublishItBeforePartOne() throws IOException {
        blog.post("part-1.md", "AWS part 1", "2026-11-20T09:00:00Z", "aws-part-1", "series: aws", "part: 1");
        blog.post("part-2.md", "AWS part 2", "2026-11-21T09:00:00Z", "aws-part-2", "series: aws", "part: 2");
        E2eBlog.Run r = blog.publish("posts/part-2.md");
        assertEquals(0, r.code(), r::toString);
        assertEquals("held", r.outcome("aws-part-2", "hashnode"), r::toString);
        assertTrue(r.message("aws-part-2", "hashnode").contains("waiting for part 1"), r::toString);
        assertEquals(0, blog.hashnode.posts().size(), "part 2 is not on Hashnode before part 1");
        assertEquals(1, r.doc().path("actions").size() / 2, "only the named post is acted on");
    }

    @Test
    void validateWithAPathJudgesItsSlugAgainstTheWholeBlog() throws IOException {
        blog.post("first.md", "First", "2026-11-20T09:00:00Z", "same-slug");
        blog.post("dup.md", "Second", "2026-11-21T09:00:00Z", "same-slug");
        CliRun.Result r = blog.run("validate", "posts/dup.md");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("posts/dup.md:4: error: slug \"same-slug\" is also used by posts/first.md"),
                r::toString);
        assertTrue(!r.out().contains("posts/first.md:"), "problems of files not named are not listed\n" + r);
        CliRun.Result plan = blog.run("plan", "posts/dup.md");
        assertEquals(3, plan.code(), plan::toString);
    }

    @Test
    void anInvalidPostBlocksItselfAndItsLaterPartsNotTheBlog() throws IOException {
        blog.post("good.md", "Good post", "2026-11-20T09:00:00Z", "good-post");
        blog.post("part-1.md", "AWS part 1", "2026-11-21T09:00:00Z", "aws-part-1", "series: aws", "part: 1",
                "canonical: not-a-url");
        blog.post("part-2.md", "AWS part 2", "2026-11-22T09:00:00Z", "aws-part-2", "series: aws", "part: 2");
        blog.cli.write("posts/idea.md", "---\ntitle: \"Idea\"\ndraft: true\nslug: Not_A_Slug\n---\n\nx\n");

        CliRun.Result plan = blog.run("plan");
        assertEquals(3, plan.code(), "plan exits as publish would\n" + plan);
        assertEquals(0, blog.hashnode.mutations() + blog.linkedin.mutations());

        E2eBlog.Run r = blog.publish();
        assertEquals(3, r.code(), r::toString);
        assertEquals("created", r.outcome("good-post", "hashnode"), r::toString);
        assertEquals("created", r.outcome("good-post", "linkedin"), r::toString);
        blog.assertExactlyOnce("good-post", "Good post", true);
        assertEquals("invalid", r.action("aws-part-1", "null").path("outcome").asText(), r::toString);
        assertEquals("held", r.outcome("aws-part-2", "hashnode"), r::toString);
        assertEquals(1, blog.hashnode.posts().size(), "only the valid post went out");
        assertEquals(1, blog.linkedin.posts().size());
        JsonNode counts = r.doc().path("counts");
        assertEquals(2, counts.path("created").asInt(), "publish --json counts outcomes: " + counts);
        assertEquals(1, counts.path("invalid").asInt(), counts::toString);
        assertEquals(1, counts.path("draft").asInt(), counts::toString);
        assertTrue(counts.path("create").isMissingNode(), "no planned actions in a real run's counts: " + counts);
    }

    @Test
    void planShowsUnknownNotCreateWhenThePlatformCannotBeAsked() throws IOException {
        blog.post("adopted.md", "Already there", "2026-11-20T09:00:00Z", "already-there",
                "cuid: clq8kvzg60000000000000001");
        blog.hashnodeServer.close();
        CliRun.Result plan = blog.run("plan", "--json", "--platform", "hashnode");
        JsonNode doc = Json.parseOrNull(plan.out());
        JsonNode row = doc.path("actions").get(0);
        assertEquals("unknown", row.path("action").asText(), plan::toString);
        assertTrue(row.path("message").asText().startsWith("could not ask hashnode"), plan::toString);
        assertTrue(doc.path("counts").path("create").isMissingNode(), plan::toString);
        assertNotEquals(0, plan.code(), plan::toString);

        // In text, the one long reason is said on the first row, not repeated on every post's row.
        blog.post("second.md", "Second", "2026-11-21T09:00:00Z", "second-post", "cuid: clq8kvzg60000000000000002");
        CliRun.Result text = blog.run("plan", "--platform", "hashnode");
        long full = text.out().lines().filter(l -> l.contains("could not ask hashnode")).count();
        assertEquals(1, full, text::toString);
        assertTrue(text.out().contains("the same as already-there above"), text::toString);
        assertEquals(2, blog.run("plan", "--verbose", "--platform", "hashnode").out().lines()
                .filter(l -> l.contains("could not ask hashnode")).count(), "--verbose says it on every row");
    }

    @Test
    void statusSaysSkippedWherePlanDoes() throws IOException {
        Path config = blog.dir.resolve("config/xpost.yaml");
        Files.writeString(config, Files.readString(config).replace("  author: auto\n",
                "  author: auto\n  since: 2026-11-21\n"));
        blog.post("early.md", "Early post", "2026-11-20T09:00:00Z", "early-post");
        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("skipped", r.outcome("early-post", "linkedin"), r::toString);
        CliRun.Result plan = blog.run("plan", "--verbose");
        assertTrue(plan.out().matches("(?s).*skipped\\s+linkedin\\s+early-post\\s+dated before linkedin.since.*"),
                plan::toString);
        CliRun.Result status = blog.run("status");
        assertTrue(status.out().matches("(?s).*early-post.*linkedin.*skipped.*"), status::toString);
        assertTrue(!status.out().contains("not published"), status::toString);
    }
}
