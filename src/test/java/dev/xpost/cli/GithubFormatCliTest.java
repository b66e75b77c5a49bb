package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format github}: one GitHub Actions workflow command per problem, escaped by GitHub's rules. */
class GithubFormatCliTest {
    @TempDir
    Path dir;

    private CliRun blog() throws IOException {
        CliRun cli = new CliRun(dir.resolve("blog"));
        cli.write("config/xpost.yaml", "hashnode:\n  publication: demo.hashnode.dev\n");
        cli.write("posts/good.md", CliRun.post("Good", "2026-11-01", "good", "java"));
        cli.write("posts/bad.md", "---\ntitle: Bad\nslug: Bad_Slug\ntags: java\nmood: calm\n---\nbody\n");
        return cli;
    }

    @Test
    void validateMarksEachProblemAtItsFileAndLineThenSaysTheSummary() throws IOException {
        CliRun cli = blog();
        CliRun.Result r = cli.run("validate", "--format", "github");
        assertEquals(3, r.code(), r::toString);
        assertEquals(List.of(
                "::error file=posts/bad.md,line=3,title=invalid-slug::slug \"Bad_Slug\" must be lower-case letters, "
                        + "digits and single dashes (such as \"bad-slug\")",
                "::warning file=posts/bad.md,line=5,title=unknown-key::unknown key `mood` is ignored",
                "2 posts checked: 1 error, 1 warning."), r.out().lines().toList(), r::toString);
    }

    @Test
    void onGithubPathsAreRelativeToTheRepositoryRootAndPropertiesAreEscaped() throws IOException {
        CliRun cli = blog();
        // A file name with GitHub's separators: unescaped, "," would end the file property and ":" the command.
        cli.write("posts/a,b:c.md", "---\ntitle: Odd\nslug: Odd_Name\ntags: java\n---\nbody\n");
        cli.env.put("GITHUB_WORKSPACE", dir.toString());
        CliRun.Result r = cli.run("validate", "--format", "github");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("::error file=blog/posts/bad.md,line=3,title=invalid-slug::"), r::toString);
        assertTrue(r.out().contains("::error file=blog/posts/a%2Cb%3Ac.md,line=3,title=invalid-slug::slug \"Odd_Name\""),
                r::toString);
    }

    @Test
    void escapingFollowsTheWorkflowCommandRules() {
        assertEquals("50%25 done%0D%0Anext line", GithubCommands.escapeData("50% done\r\nnext line"));
        assertEquals("a%2Cb%3Ac%25%0A", GithubCommands.escapeProperty("a,b:c%\n"));
        assertEquals("::warning title=xpost%3A note::line one%0A::error::not a command",
                GithubCommands.command("warning", null, 7, "xpost: note", "line one\n::error::not a command"));
        assertEquals("::error file=p.md,title=r::m", GithubCommands.command("error", "p.md", 0, "r", "m"));
    }

    @Test
    void jsonStaysTheDefaultDocumentAndFormatJsonIsTheSameAsJson() throws IOException {
        CliRun cli = blog();
        CliRun.Result json = cli.run("validate", "--json");
        CliRun.Result format = cli.run("validate", "--format", "json");
        assertEquals(json.out(), format.out());
        assertEquals(3, format.code());
        CliRun.Result bad = cli.run("validate", "--format", "yaml");
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains("text, json, github"), bad::toString);
    }

    @Test
    void planMarksAnInvalidPostAtItsFileAndPublishMarksItsLines() throws IOException {
        CliRun cli = blog();
        CliRun.Result plan = cli.run("plan", "--format", "github");
        assertEquals(3, plan.code(), "plan exits as publish would: " + plan);
        assertTrue(plan.out().startsWith("Plan for "), "the text report comes first: " + plan);
        assertTrue(plan.out().contains("\n::error file=posts/bad.md,line=3,title=invalid-slug::slug \"Bad_Slug\""),
                plan::toString);

        CliRun.Result publish = cli.run("publish", "--format", "github");
        // The valid post cannot go out without a token (4), which needs a person before the invalid post (3).
        assertEquals(4, publish.code(), publish::toString);
        assertTrue(publish.out().contains("1 invalid post not sent"), publish::toString);
        assertTrue(publish.out().contains("\n::error file=posts/bad.md,line=3,title=invalid-slug::"), publish::toString);
        assertTrue(publish.out().contains("\n::warning file=posts/bad.md,line=5,title=unknown-key::"),
                publish::toString);
    }
}
