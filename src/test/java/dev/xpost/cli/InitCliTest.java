package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xpost init} in an empty folder, in a set-up one, and in one that has some of its files. */
class InitCliTest {
    static final List<String> FILES = List.of("config/xpost.yaml", ".env.example", ".gitignore",
            "posts/hello-xpost.md", ".github/workflows/xpost-publish.yml");

    @TempDir
    Path dir;

    @Test
    void anEmptyFolderGetsEveryFileAndValidatesClean() throws IOException {
        CliRun cli = new CliRun(dir);
        CliRun.Result r = cli.run("init", "--publication", "demo.hashnode.dev", "--linkedin-author",
                "urn:li:person:abc_123");
        assertEquals(0, r.code(), r::toString);
        for (String f : FILES) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
            assertTrue(r.out().contains("wrote   " + f), r::toString);
        }
        assertTrue(r.err().contains("Next steps:") && r.err().contains("xpost doctor"), r::toString);
        String config = cli.read("config/xpost.yaml");
        assertTrue(config.contains("\n  publication: demo.hashnode.dev\n"), config);
        assertTrue(config.contains("\n  author: urn:li:person:abc_123\n"), config);
        assertTrue(config.contains("\n  since: 2026-11-26\n"), config);
        assertTrue(config.startsWith("# xpost settings"), config);
        String ignore = cli.read(".gitignore");
        assertTrue(ignore.lines().toList().containsAll(List.of(".env", ".xpost/*.lock", ".xpost/*.tmp")), ignore);

        CliRun.Result validate = cli.run("validate");
        assertEquals(0, validate.code(), validate::toString);
        assertTrue(validate.out().contains("1 post checked: 0 errors, 0 warnings."), validate::toString);
        CliRun.Result plan = cli.run("plan");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("draft"), "the example cannot go out by accident: " + plan);
    }

    @Test
    void withoutOptionsOrATerminalItWritesThePlaceholderAndSaysToReplaceIt() throws IOException {
        CliRun cli = new CliRun(dir);
        CliRun.Result r = cli.run("init");
        assertEquals(0, r.code(), r::toString);
        assertTrue(cli.read("config/xpost.yaml").contains("publication: myblog.hashnode.dev"));
        assertTrue(cli.read("config/xpost.yaml").contains("author: auto"));
        assertTrue(r.err().contains("placeholder myblog.hashnode.dev"), r::toString);
        assertEquals(0, cli.run("validate").code());
    }

    @Test
    void aSecondRunOverwritesNothingAndListsEveryFileAsSkipped() throws IOException {
        CliRun cli = new CliRun(dir);
        assertEquals(0, cli.run("init", "--yes").code());
        cli.write("config/xpost.yaml", "hashnode:\n  publication: mine.hashnode.dev\n");
        cli.write("posts/hello-xpost.md", CliRun.post("Mine now", "2026-01-01", "hello-xpost", "java"));

        CliRun.Result again = cli.run("init", "--publication", "other.hashnode.dev");
        assertEquals(0, again.code(), again::toString);
        for (String f : FILES) {
            assertTrue(again.out().contains("skipped " + f + " (already there)"), again::toString);
        }
        assertFalse(again.out().contains("wrote"), again::toString);
        assertEquals("hashnode:\n  publication: mine.hashnode.dev\n", cli.read("config/xpost.yaml"));
        assertTrue(cli.read("posts/hello-xpost.md").contains("Mine now"));
    }

    @Test
    void aFolderWithSomeFilesKeepsThemAndGetsTheRest() throws IOException {
        CliRun cli = new CliRun(dir);
        String mine = "timezone: Europe/Berlin\nhashnode:\n  publication: mine.hashnode.dev\n";
        cli.write("config/xpost.yaml", mine);
        cli.write(".gitignore", "target/\n");
        cli.write("posts/old.md", CliRun.post("Old", "2024-01-01", "old", "java"));

        CliRun.Result r = cli.run("init");
        assertEquals(0, r.code(), r::toString);
        assertEquals(mine, cli.read("config/xpost.yaml"));
        assertEquals("target/\n", cli.read(".gitignore"));
        assertTrue(r.out().contains("skipped config/xpost.yaml (already there)"), r::toString);
        assertTrue(r.out().contains("skipped posts/hello-xpost.md (posts/ already has posts)"), r::toString);
        assertFalse(Files.exists(dir.resolve("posts/hello-xpost.md")));
        assertTrue(r.out().contains("wrote   .env.example") && r.out().contains("wrote   .github/workflows/"),
                r::toString);
        assertTrue(r.err().contains(".gitignore does not keep .env out of git"), r::toString);
    }

    @Test
    void aBadPublicationOrAuthorIsAUsageErrorAndWritesNothing() {
        CliRun cli = new CliRun(dir);
        CliRun.Result r = cli.run("init", "--publication", "not a host");
        assertEquals(2, r.code(), r::toString);
        CliRun.Result author = cli.run("init", "--linkedin-author", "me");
        assertEquals(2, author.code(), author::toString);
        assertFalse(Files.exists(dir.resolve("config")));
    }

    @Test
    void theShippedWorkflowAndEnvExampleAreTheRepositoryFilesByteForByte() throws IOException {
        assertArrayEquals(Files.readAllBytes(Path.of("examples/github-actions/xpost-publish.yml")),
                resource("xpost-publish.yml"), "src/main/resources/dev/xpost/app/init/xpost-publish.yml differs "
                        + "from examples/github-actions/xpost-publish.yml: change both");
        assertArrayEquals(Files.readAllBytes(Path.of(".env.example")), resource("env.example"),
                "src/main/resources/dev/xpost/app/init/env.example differs from .env.example: change both");
        CliRun cli = new CliRun(dir);
        assertEquals(0, cli.run("init").code());
        assertArrayEquals(Files.readAllBytes(Path.of("examples/github-actions/xpost-publish.yml")),
                Files.readAllBytes(dir.resolve(".github/workflows/xpost-publish.yml")));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = dev.xpost.app.InitUseCase.class.getResourceAsStream("init/" + name)) {
            return in.readAllBytes();
        }
    }
}
