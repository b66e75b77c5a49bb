package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.cli.CliRun;
import dev.xpost.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xpost status} and {@code xpost plan} decide every row with the same planner, so they never contradict
 * each other: a row plan skips is "skipped" in status with plan's reason, a backup's post plan adopts is "not
 * recorded" (never "not published"), a file plan ignores is listed with plan's words.
 */
class StatusAgreesWithPlanE2eTest {
    /** The state status names for each action of plan. */
    private static final Map<String, String> STATE_OF = Map.ofEntries(
            Map.entry("create", "not published"),
            Map.entry("held", "not published"),
            Map.entry("update", "changed since last sync"),
            Map.entry("unchanged", "in sync"),
            Map.entry("adopt", "not recorded"),
            Map.entry("skipped", "skipped"),
            Map.entry("scheduled", "scheduled"),
            Map.entry("gone", "gone"),
            Map.entry("draft", "draft"),
            Map.entry("ignored", "ignored"),
            Map.entry("invalid", "invalid"));

    @TempDir
    Path dir;

    @Test
    void aLinkedInRecordBeforeLinkedInSinceIsSkippedWithItsReasonInBoth() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            b.post("today.md", "Today", "2026-11-26T09:00:00Z", "today");
            assertEquals(0, b.publish().code());
            String url = b.published("today", "linkedin").url();
            // Moving linkedin.since past the post: plan skips it now, whatever was sent before.
            b.cli.write("config/xpost.yaml", b.cli.read("config/xpost.yaml").replace("linkedin:\n",
                    "linkedin:\n  since: 2026-11-27\n"));
            Map<String, JsonNode> plan = agree(b);
            assertEquals("skipped", plan.get("today linkedin").path("action").asText());
            CliRun.Result text = b.run("status");
            assertEquals(0, text.code(), text::toString);
            assertTrue(text.out().matches("(?s).*today\\s+linkedin\\s+skipped\\s+dated before linkedin\\.since "
                    + "\\(2026-11-27\\); recorded as " + java.util.regex.Pattern.quote(url) + "\n.*"), text::toString);
            assertFalse(text.out().contains("changed since last sync"), text::toString);
        }
    }

    @Test
    void aFreshHashnodeBackupIsNotRecordedInStatusWherePlanAdoptsIt() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            String cuid = "clx1backup00000000000001";
            b.post(cuid + ".md", "From the backup", "2025-05-01T10:00:00Z", "from-the-backup", "cuid: " + cuid);
            b.post("new-one.md", "A new one", null, "a-new-one");
            // A backup just unpacked, no token yet: nothing can be checked, by plan or by status.
            b.cli.env.remove("HASHNODE_TOKEN");
            b.cli.env.remove("LINKEDIN_ACCESS_TOKEN");
            Map<String, JsonNode> plan = agree(b);
            assertEquals("adopt", plan.get("from-the-backup hashnode").path("action").asText());
            CliRun.Result text = b.run("status");
            assertTrue(text.out().matches("(?s).*from-the-backup\\s+hashnode\\s+not recorded\\s+cuid " + cuid
                    + ": already on Hashnode \\(not checked: status sends no request\\); the next publish adopts "
                    + "it.*"), text::toString);
            assertTrue(text.out().matches("(?s).*from-the-backup\\s+linkedin\\s+skipped\\s+\\S.*"), text::toString);
            assertTrue(text.out().matches("(?s).*a-new-one\\s+hashnode\\s+not published\n.*"), text::toString);
            assertFalse(text.out().matches("(?s).*from-the-backup\\s+hashnode\\s+not published.*"), text::toString);
        }
    }

    @Test
    void aGoneCuidIsGoneInBothWithTheSameWayOut() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            String cuid = "clx1gone000000000000001";
            b.post(cuid + ".md", "Deleted there", "2025-05-01T10:00:00Z", "deleted-there", "cuid: " + cuid);
            assertEquals(0, b.publish().code());
            Map<String, JsonNode> plan = agree(b);
            assertEquals("gone", plan.get("deleted-there hashnode").path("action").asText());
        }
    }

    @Test
    void invalidIgnoredDraftAndUntargetedPostsAreRowsOfStatusAsOfPlan() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            b.post("older.md", "Older", "2024-01-01T10:00:00Z", "older");
            b.post("bad.md", "Bad", "2024-02-01T10:00:00Z", "Bad_Slug");
            b.post("no-image.md", "No image", "2024-03-01T10:00:00Z", "no-image");
            b.cli.write("posts/no-image.md", b.cli.read("posts/no-image.md") + "\n![a diagram](img/missing.png)\n");
            b.post("ignored.md", "Ignored", null, "ignored-one", "ignorePost: true");
            b.post("draft.md", "Draft", null, "a-draft", "draft: true");
            b.post("home-only.md", "Home only", "2023-06-01T10:00:00Z", "home-only", "platforms: [hashnode]");
            Map<String, JsonNode> plan = agree(b);
            assertEquals("invalid", plan.get("Bad_Slug -").path("action").asText());
            assertEquals("invalid", plan.get("no-image -").path("action").asText());
            assertEquals("skipped", plan.get("home-only linkedin").path("action").asText());
            CliRun.Result text = b.run("status");
            assertEquals(0, text.code(), text::toString);
            assertTrue(text.out().matches("(?s).*Bad_Slug\\s+-\\s+invalid\\s+slug.*"), text::toString);
            assertTrue(text.out().matches("(?s).*no-image\\s+-\\s+invalid\\s+.*missing\\.png.*"), text::toString);
            assertTrue(text.out().matches("(?s).*ignored-one\\s+-\\s+ignored\\s+ignorePost: true\n.*"),
                    text::toString);
            assertTrue(text.out().matches("(?s).*a-draft\\s+-\\s+draft\\s+a draft.*"), text::toString);
            assertFalse(text.out().matches("(?s).*a-draft\\s+hashnode.*"), text::toString);
            assertTrue(text.out().matches("(?s).*home-only\\s+linkedin\\s+skipped\\s+not in this post's "
                    + "platforms: hashnode\n.*"), text::toString);
            // Paths select what status shows, as they do for plan.
            CliRun.Result one = b.run("status", "posts/older.md");
            assertEquals(0, one.code(), one::toString);
            assertTrue(one.out().matches("(?s)\\s+POST\\s+PLATFORM\\s+STATE\\s+DETAIL\n\\s+older\\s+hashnode\\s+"
                    + "not published\n\\s+older\\s+linkedin\\s+not published.*"), one::toString);
            assertFalse(one.out().contains("Bad_Slug"), one::toString);
        }
    }

    @Test
    void aPublishedSeriesIsInSyncInStatusWherePlanFindsItUnchanged() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            b.hashnode.addSeries("a-series");
            b.post("part-1.md", "Part 1", "2026-01-01T10:00:00Z", "series-part-one", "series: a-series", "part: 1");
            b.post("part-2.md", "Part 2", "2026-01-02T10:00:00Z", "series-part-two", "series: a-series", "part: 2");
            assertEquals(0, b.publish().code());
            b.resetCounts();
            CliRun.Result status = b.run("status");
            assertEquals(0, status.code(), status::toString);
            assertEquals(0, b.requests(), "status asked a platform");
            Map<String, JsonNode> plan = agree(b);
            assertEquals("unchanged", plan.get("series-part-two hashnode").path("action").asText());
            assertEquals("unchanged", plan.get("series-part-two linkedin").path("action").asText());
        }
    }

    @Test
    void aBackupPostWithoutASlugIsNotRecordedInStatusWherePlanAdoptsIt() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            String cuid = "clx1noslug0000000000001";
            b.cli.write("posts/" + cuid + ".md", "---\ntitle: \"???\"\ncuid: " + cuid + "\ndatePublished: "
                    + "Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)\ntags: java\n---\n\nText.\n");
            b.cli.env.remove("HASHNODE_TOKEN");
            b.cli.env.remove("LINKEDIN_ACCESS_TOKEN");
            Map<String, JsonNode> plan = agree(b);
            assertEquals("adopt", plan.get("posts/" + cuid + ".md hashnode").path("action").asText(), plan::toString);
            for (String platform : new String[] {"hashnode", "linkedin"}) {
                CliRun.Result preview = b.run("preview", "posts/" + cuid + ".md", "--platform", platform);
                assertTrue(preview.code() == 0 && !preview.err().contains("internal error"), preview::toString);
            }
        }
    }

    @Test
    void aRenamedSlugIsNoRecordWithoutAFile() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            b.post("c.md", "Post C", "2026-01-01T10:00:00Z", "post-c");
            assertEquals(0, b.publish().code());
            b.cli.write("posts/c.md", b.cli.read("posts/c.md").replace("slug: post-c", "slug: post-c-renamed"));
            Map<String, JsonNode> plan = agree(b);
            assertEquals("update", plan.get("post-c-renamed hashnode").path("action").asText(), plan::toString);
            CliRun.Result status = b.run("status");
            // Following a "file is gone; state forget" advice here would make the next run post it twice.
            assertFalse(status.out().contains("record without a file"), status::toString);
            assertTrue(status.out().matches("(?s).*post-c-renamed\\s+hashnode\\s+changed since last sync.*"),
                    status::toString);
        }
    }

    @Test
    void onlyAnEmptyFileIsListedAsWhatItIs() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            Files.createDirectories(dir.resolve("posts"));
            Files.writeString(dir.resolve("posts/empty.md"), "");
            CliRun.Result text = b.run("status");
            assertEquals(0, text.code(), text::toString);
            assertEquals("  POST            PLATFORM  STATE                   DETAIL\n"
                    + "  posts/empty.md  -         ignored                 empty file, not a post\n", text.out());
            agree(b);
            Files.delete(dir.resolve("posts/empty.md"));
            assertEquals("No posts in posts/, and nothing recorded in the state file.\n", b.run("status").out());
        }
    }

    /**
     * Checks that every row of {@code plan --json} has its row in {@code status --json}, in the state that names
     * its action and with the same reason; returns plan's rows by "post platform".
     */
    private static Map<String, JsonNode> agree(E2eBlog b) {
        CliRun.Result planRun = b.run("plan", "--json");
        JsonNode plan = Json.parseOrNull(planRun.out());
        assertNotNull(plan, planRun::toString);
        CliRun.Result statusRun = b.run("status", "--json");
        assertEquals(0, statusRun.code(), statusRun::toString);
        JsonNode status = Json.parseOrNull(statusRun.out());
        assertNotNull(status, statusRun::toString);
        Map<String, JsonNode> planRows = new HashMap<>();
        Map<String, JsonNode> statusRows = new HashMap<>();
        for (JsonNode a : plan.path("actions")) {
            planRows.put(key(a), a);
        }
        for (JsonNode s : status.path("posts")) {
            statusRows.put(key(s), s);
        }
        for (Map.Entry<String, JsonNode> e : planRows.entrySet()) {
            JsonNode s = statusRows.get(e.getKey());
            assertNotNull(s, () -> "no status row for " + e.getKey() + "\n" + statusRun);
            String action = e.getValue().path("action").asText();
            assertEquals(STATE_OF.get(action), s.path("state").asText(), () -> e.getKey() + "\n" + planRun + "\n"
                    + statusRun);
            if (!action.equals("adopt") && !action.equals("create") && !action.equals("update")
                    && !action.equals("unchanged")) {
                assertEquals(e.getValue().path("message").asText(null), s.path("message").asText(null),
                        () -> e.getKey() + "\n" + planRun + "\n" + statusRun);
            }
        }
        // The same rows in the same order: plan's order (what is not a post first, then oldest first).
        List<String> planOrder = new ArrayList<>();
        plan.path("actions").forEach(a -> planOrder.add(key(a)));
        List<String> statusOrder = new ArrayList<>();
        status.path("posts").forEach(s -> {
            if (!s.path("state").asText().equals("record without a file")) {
                statusOrder.add(key(s));
            }
        });
        assertEquals(planOrder, statusOrder, () -> planRun + "\n" + statusRun);
        return planRows;
    }

    private static String key(JsonNode row) {
        return (row.path("post").isNull() ? row.path("file").asText() : row.path("post").asText()) + " "
                + row.path("platform").asText("-");
    }
}
