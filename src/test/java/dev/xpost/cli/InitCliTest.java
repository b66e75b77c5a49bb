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
            "posts/hello-xpost.md", ".github/workflows/xpost-publish.yml", ".github/workflows/xpost-check.yml");

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
    void inAHashnodeBackupRepositoryTheConfigReadsThePostsWhereTheyAre() throws IOException {
        CliRun cli = new CliRun(dir);
        // Hashnode's "Backup to GitHub" keeps every post in the repository's top folder.
        cli.write("clx1aaaaa000108l1aaaaaaaa.md", CliRun.post("Git over SSH", "2024-01-10T09:00:00Z", "git-ssh",
                "git", "cuid: clx1aaaaa000108l1aaaaaaaa"));
        cli.write("clx1bbbbb000108l1bbbbbbbb.md", CliRun.post("Docker tips", "2024-02-10T09:00:00Z", "docker-tips",
                "docker", "cuid: clx1bbbbb000108l1bbbbbbbb"));
        cli.write("README.md", "# My blog backup\n");
        CliRun.Result r = cli.run("init", "--publication", "demo.hashnode.dev", "--yes");
        assertEquals(0, r.code(), r::toString);
        assertTrue(cli.read("config/xpost.yaml").contains("\nposts: .  "), cli.read("config/xpost.yaml"));
        assertFalse(Files.exists(dir.resolve("posts/hello-xpost.md")), "no example post beside a real blog");
        assertTrue(r.err().contains("Found 2 posts in this folder"), r::toString);
        assertFalse(r.err().contains("xpost import hashnode"), "the posts are here already: " + r);

        CliRun.Result validate = cli.run("validate");
        assertTrue(validate.out().contains("2 posts checked"), "README.md is no post: " + validate);
        CliRun.Result plan = cli.run("plan", "--platform", "hashnode");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("2 adopt"), "offline, a cuid says the post is on Hashnode: " + plan);
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

    /** The placeholder host given by hand (init's own help shows it) is still a step to do. */
    @Test
    void thePlaceholderGivenAsTheHostIsStillAStep() {
        CliRun cli = new CliRun(dir);
        CliRun.Result r = cli.run("init", "--yes", "--publication", "myblog.hashnode.dev");
        assertTrue(r.err().contains("placeholder myblog.hashnode.dev"), r::toString);
    }

    /** Run again in a blog set up since, the next steps leave out what is done: the host set, .env made. */
    @Test
    void aSecondRunSaysOnlyTheStepsStillToDo() throws IOException {
        CliRun cli = new CliRun(dir);
        CliRun.Result first = cli.run("init", "--yes");
        assertTrue(first.err().contains("placeholder myblog.hashnode.dev")
                && first.err().contains("cp .env.example .env"), first::toString);

        CliRun.Result unchanged = cli.run("init", "--yes");
        assertTrue(unchanged.err().contains("placeholder myblog.hashnode.dev"), "still to do: " + unchanged);
        Files.createDirectories(dir.resolve(".env"));   // not a .env file to fill in
        assertTrue(cli.run("init", "--yes").err().contains("cp .env.example .env"));
        Files.delete(dir.resolve(".env"));

        cli.write("config/xpost.yaml", cli.read("config/xpost.yaml").replace("publication: myblog.hashnode.dev",
                "publication: mine.hashnode.dev"));
        cli.write(".env", "HASHNODE_TOKEN=\n");
        CliRun.Result again = cli.run("init", "--yes");
        assertEquals(0, again.code(), again::toString);
        assertFalse(again.err().contains("placeholder") || again.err().contains("cp .env.example"), again::toString);
        assertTrue(again.err().contains("1. In .env, fill in HASHNODE_TOKEN"), again::toString);
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
    void theShippedWorkflowsAndEnvExampleAreTheRepositoryFilesByteForByte() throws IOException {
        assertArrayEquals(Files.readAllBytes(Path.of(".env.example")), resource("env.example"),
                "src/main/resources/dev/xpost/app/init/env.example differs from .env.example: change both");
        CliRun cli = new CliRun(dir);
        assertEquals(0, cli.run("init").code());
        for (String name : List.of("xpost-publish.yml", "xpost-check.yml")) {
            assertEquals(Files.readString(Path.of("examples/github-actions/" + name)),
                    cli.read(".github/workflows/" + name), "examples/github-actions/" + name + " differs from what "
                            + "xpost init writes (src/main/resources/dev/xpost/app/init/" + name + " filled with the "
                            + "version): write it again with `xpost init` in an empty folder");
        }
    }

    @Test
    void theWorkflowsUseTheActionOfTheVersionThatWroteThem() throws IOException {
        CliRun cli = new CliRun(dir);
        assertEquals(0, cli.run("init", "--yes").code());
        String version = dev.xpost.http.Version.get();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), "the pom's version is a release: " + version);
        String publish = cli.read(".github/workflows/xpost-publish.yml");
        String check = cli.read(".github/workflows/xpost-check.yml");
        assertTrue(publish.contains("      - uses: xpost-cli/xpost@v" + version + "\n"), publish);
        assertTrue(publish.contains("HASHNODE_TOKEN: ${{ secrets.HASHNODE_TOKEN }}"), publish);
        assertTrue(publish.contains("cron: "), publish);
        assertFalse(publish.contains("./xpost") || publish.contains("cache: maven"),
                "the author's repository has no ./xpost and no pom.xml: " + publish);
        assertEquals(2, check.split("uses: xpost-cli/xpost@v" + version + "\n", -1).length - 1, check);
        assertTrue(check.contains("command: validate") && check.contains("command: plan")
                && check.contains("pull_request:") && !check.contains("secrets."), check);
        assertEquals("main", dev.xpost.app.InitUseCase.actionRef("0.2.0-SNAPSHOT"));
        assertEquals("v1.2.3", dev.xpost.app.InitUseCase.actionRef("1.2.3"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = dev.xpost.app.InitUseCase.class.getResourceAsStream("init/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void initInsideAnExistingBlogRefusesAndWritesNothing() throws IOException {
        CliRun top = new CliRun(dir);
        assertEquals(0, top.run("init", "--yes").code());
        java.nio.file.Path posts = dir.resolve("posts");
        List<String> before;
        try (var files = java.nio.file.Files.walk(dir)) {
            before = files.map(java.nio.file.Path::toString).sorted().toList();
        }

        CliRun.Result r = new CliRun(posts).run("init", "--yes");

        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("is inside the blog at " + dir), r.err());
        assertTrue(r.err().contains("init made nothing"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        try (var files = java.nio.file.Files.walk(dir)) {
            assertEquals(before, files.map(java.nio.file.Path::toString).sorted().toList(), "no file written");
        }

        // A blog that already sits inside another (its own config found first) is a blog: init completes it.
        java.nio.file.Path nested = dir.resolve("nested");
        java.nio.file.Files.createDirectories(nested.resolve("config"));
        java.nio.file.Files.writeString(nested.resolve("config/xpost.yaml"), "hashnode:\n  publication: n.dev\n");
        CliRun.Result again = new CliRun(nested).run("init", "--yes");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("skipped config/xpost.yaml (already there)"), again::toString);
        assertTrue(java.nio.file.Files.exists(nested.resolve(".github/workflows/xpost-check.yml")));
    }
}
