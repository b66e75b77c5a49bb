package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preview} is documented as offline: with every token set (as in CI or a blog with {@code .env}) it must
 * print what would be sent without asking any platform — a series post on Hashnode needed the publication's id,
 * and a LinkedIn post the member's URN, and the preview crashed or went to the network for them.
 */
class PreviewOfflineE2eTest {
    @TempDir
    Path dir;

    @Test
    void previewSendsNoRequestWithTokensSet() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            b.hashnode.addSeries("a-series");
            b.post("part-1.md", "Part 1", "2026-01-01T10:00:00Z", "series-part-one", "series: a-series", "part: 1");
            b.post("part-2.md", "Part 2", "2026-01-02T10:00:00Z", "series-part-two", "series: a-series", "part: 2");
            b.resetCounts();
            for (String platform : new String[] {"hashnode", "linkedin"}) {
                CliRun.Result r = b.run("preview", "series-part-two", "--platform", platform);
                assertEquals(0, r.code(), r::toString);
                assertTrue(r.out().startsWith("create " + platform + " series-part-two"), r::toString);
            }
            assertEquals(0, b.requests(), "preview asked a platform");
        }
    }

    @Test
    void anIgnoredPostIsPreviewedAsIgnoredNotAsADraft() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            b.post("ignored.md", "Not yet", null, "not-yet", "ignorePost: true");
            CliRun.Result r = b.run("preview", "posts/ignored.md", "--platform", "hashnode");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().startsWith("ignored hashnode not-yet: ignorePost: true"), r::toString);
        }
    }
}
