package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.cli.CliRun;
import dev.xpost.http.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 1: a key removed from the front matter is removed from the Hashnode post, and what the API cannot
 * remove (a series) is shown as {@code drift}, never as {@code in sync}.
 */
class HashnodeFieldSyncE2eTest {
    private static final String DATE = "2026-11-20T09:00:00Z";

    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.hashnode.addSeries("aws-history");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    private void write(String... extra) throws IOException {
        blog.cli.write("posts/aws.md", CliRun.post("Genesis of AWS", DATE, "genesis-of-aws", "aws, cloud", extra));
    }

    @Test
    void removedFieldsAreClearedOnHashnodeAndTheSeriesIsReportedAsDrift() throws IOException {
        write("subtitle: \"Where it starts\"", "canonical: https://other.example.com/aws",
                "cover: " + blog.coverUrl("aws.png"), "seoDescription: \"The early years\"",
                "series: aws-history", "part: 1", "enableToc: true");
        E2eBlog.Run first = blog.publish("--platform", "hashnode");
        assertEquals(0, first.code(), first::toString);
        String id = blog.published("genesis-of-aws", "hashnode").id();
        FakeHashnode.StoredPost post = blog.hashnode.byId(id);
        assertEquals("Where it starts", post.subtitle);
        assertEquals("https://other.example.com/aws", post.canonicalUrl);
        assertTrue(post.enableToc);
        assertEquals("aws-history", blog.hashnode.view(post).get("series"));

        write();
        E2eBlog.Run plan = planJson();
        assertEquals("update", action(plan, "genesis-of-aws").path("action").asText(), plan::toString);
        E2eBlog.Run second = blog.publish("--platform", "hashnode");
        assertEquals(0, second.code(), second::toString);
        assertEquals("updated", second.outcome("genesis-of-aws", "hashnode"), second::toString);
        JsonNode input = blog.hashnode.variables("UpdatePost").get(0).path("input");
        assertTrue(input.has("subtitle") && input.get("subtitle").isNull(), input::toString);
        assertFalse(input.path("enableToc").asBoolean(true), input::toString);
        assertFalse(input.has("seriesId"), "the API cannot take a post out of a series: " + input);

        // What Hashnode shows now: every removed field gone, except the series.
        assertNull(post.subtitle);
        assertNull(post.canonicalUrl, "a stale canonical URL pointing at another site must not stay live");
        assertNull(post.coverImage);
        assertNull(post.metaDescription);
        assertFalse(post.enableToc);
        assertEquals("aws-history", blog.hashnode.view(post).get("series"));
        assertTrue(second.message("genesis-of-aws", "hashnode").contains("dashboard"), second::toString);

        // plan and status say drift, with what to do, as long as the series stays; publish sends nothing for it.
        blog.resetCounts();
        E2eBlog.Run third = blog.publish("--platform", "hashnode");
        assertEquals(0, third.code(), third::toString);
        assertEquals("drift", third.outcome("genesis-of-aws", "hashnode"), third::toString);
        assertEquals(0, blog.hashnode.count("UpdatePost"));
        assertEquals("drift", action(planJson(), "genesis-of-aws").path("action").asText());
        JsonNode row = statusRow("genesis-of-aws", "hashnode");
        assertEquals("drift", row.path("state").asText(), row::toString);
        assertTrue(row.path("message").asText().contains("remove it from the series"), row::toString);
        CliRun.Result text = blog.run("status");
        assertTrue(text.out().matches("(?s).*genesis-of-aws\\s+hashnode\\s+drift\\s+.*series.*"), text::toString);

        // The author does it in the dashboard and tells xpost, as the message says: then it is in sync.
        blog.hashnode.removeFromSeries(id);
        CliRun.Result adopt = blog.run("state", "adopt", "genesis-of-aws", "--platform", "hashnode", "--id", id,
                "--url", post.url());
        assertEquals(0, adopt.code(), adopt::toString);
        E2eBlog.Run fourth = blog.publish("--platform", "hashnode");
        assertEquals(0, fourth.code(), fourth::toString);
        assertEquals("in sync", statusRow("genesis-of-aws", "hashnode").path("state").asText());
        assertNull(blog.hashnode.view(post).get("series"));
        assertNull(post.subtitle);
    }

    @Test
    void anAddedThenChangedFieldIsSentAndStatusAgreesWithTheFake() throws IOException {
        write();
        assertEquals(0, blog.publish("--platform", "hashnode").code());
        FakeHashnode.StoredPost post = blog.hashnode.byId(blog.published("genesis-of-aws", "hashnode").id());
        write("seoTitle: \"AWS, the start\"", "disableComments: true");
        assertEquals("changed since last sync", statusRow("genesis-of-aws", "hashnode").path("state").asText());
        assertEquals(0, blog.publish("--platform", "hashnode").code());
        assertEquals("AWS, the start", post.metaTitle);
        assertTrue(post.disableComments);
        assertEquals("in sync", statusRow("genesis-of-aws", "hashnode").path("state").asText());

        write("disableComments: true");
        assertEquals(0, blog.publish("--platform", "hashnode").code());
        assertNull(post.metaTitle);
        assertTrue(post.disableComments, "a field the file still sets is kept");
        assertEquals("in sync", statusRow("genesis-of-aws", "hashnode").path("state").asText());
        assertEquals(List.of("aws", "cloud"), post.tags);
    }

    private E2eBlog.Run planJson() {
        CliRun.Result r = blog.run("plan", "--json", "--platform", "hashnode");
        return new E2eBlog.Run(r, Json.parseOrNull(r.out()));
    }

    private static JsonNode action(E2eBlog.Run plan, String slug) {
        return plan.action(slug, "hashnode");
    }

    private JsonNode statusRow(String slug, String platform) {
        CliRun.Result r = blog.run("status", "--json");
        for (JsonNode row : Json.parseOrNull(r.out()).path("posts")) {
            if (slug.equals(row.path("post").asText()) && platform.equals(row.path("platform").asText())) {
                return row;
            }
        }
        throw new AssertionError("no status row for " + slug + " on " + platform + ":\n" + r);
    }
}
