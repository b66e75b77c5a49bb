package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xpost init --with devto}: a platform a blog may leave out is set up by init when asked, from what its own
 * module says (its config section, its secret in the publish workflow); without {@code --with} nothing of it is
 * written.
 */
class InitWithPlatformCliTest {
    @TempDir
    Path dir;

    @Test
    void withDevtoTheConfigGetsItsSectionDatedTodayAndTheWorkflowPassesItsKey() throws IOException {
        CliRun cli = new CliRun(dir);
        CliRun.Result r = cli.run("init", "--publication", "demo.hashnode.dev", "--with", "devto", "--yes");
        assertEquals(0, r.code(), r::toString);
        String config = cli.read("config/xpost.yaml");
        assertTrue(config.contains("\ndevto:\n"), config);
        assertTrue(config.substring(config.indexOf("\ndevto:\n")).contains("\n  since: 2026-11-26\n"),
                "old posts do not flood dev.to: " + config);
        assertTrue(config.indexOf("\ndevto:\n") < config.indexOf("\n# publish:"), config);
        String publish = cli.read(".github/workflows/xpost-publish.yml");
        assertTrue(publish.contains("\n          DEVTO_API_KEY: ${{ secrets.DEVTO_API_KEY }}\n"), publish);

        CliRun.Result plan = cli.run("plan");
        assertEquals(0, plan.code(), plan::toString);
        CliRun.Result doctor = cli.run("doctor");
        assertTrue(doctor.out().contains("✘ devto key: DEVTO_API_KEY is not set"), doctor::toString);
        CliRun.Result status = cli.run("auth", "status", "--json");
        assertTrue(status.out().contains("\"devto\""), status::toString);
    }

    @Test
    void withoutItNothingOfDevtoIsWritten() throws IOException {
        CliRun cli = new CliRun(dir);
        assertEquals(0, cli.run("init", "--yes").code());
        assertFalse(cli.read("config/xpost.yaml").contains("devto:"));
        assertFalse(cli.read(".github/workflows/xpost-publish.yml").contains("DEVTO_API_KEY"));
    }

    @Test
    void anUnknownPlatformIsAUsageErrorThatNamesWhatInitCanAddAndWritesNothing() {
        CliRun cli = new CliRun(dir);
        CliRun.Result r = cli.run("init", "--with", "mastodon", "--yes");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("--with mastodon: init can add devto"), r::toString);
        assertFalse(Files.exists(dir.resolve("config/xpost.yaml")));
        CliRun.Result always = cli.run("init", "--with", "linkedin", "--yes");
        assertEquals(2, always.code(), always::toString);
        assertTrue(always.err().contains("(linkedin is always set up)"), always::toString);
    }

    @Test
    void helpListsThePlatformsInitCanAdd() {
        CliRun.Result r = new CliRun(dir).run("init", "--help");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("--with=PLATFORM") && r.out().contains("devto"), r::toString);
    }
}
