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
import java.util.HashMap;
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
    private static final Map<String, String> STATE_OF = Map.of("create", "not published", "held", "not published",
            "update", "changed since last sync", "unchanged", "in sync", "adopt", "not recorded", "skipped", "skipped",
            "scheduled", "scheduled", "gone", "gone", "draft", "draft", "ignored", "ignored");

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
    void onlyAnEmptyFileIsListedAsWhatItIs() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            Files.createDirectories(dir.resolve("posts"));
            Files.writeString(dir.resolve("posts/empty.md"), "");
            CliRun.Result text = b.run("status");
            assertEquals(0, text.code(), text::toString);
            assertEquals("  posts/empty.md  -         ignored                 empty file, not a post\n", text.out());
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
                    && !action.equals("unchanged") && !action.equals("draft")) {
                assertEquals(e.getValue().path("message").asText(null), s.path("message").asText(null),
                        () -> e.getKey() + "\n" + planRun + "\n" + statusRun);
            }
        }
        return planRows;
    }

    private static String key(JsonNode row) {
        return (row.path("post").isNull() ? row.path("file").asText() : row.path("post").asText()) + " "
                + row.path("platform").asText("-");
    }
}
