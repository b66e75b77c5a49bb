package dev.xpost.cli;

import static dev.xpost.cli.CliRun.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, plan, new and the common behaviour of every command, run through the real entry point. */
class ValidatePlanNewCliTest {
    @TempDir
    Path dir;
    CliRun cli;

    @BeforeEach
    void blog() throws IOException {
        cli = new CliRun(dir);
        cli.write("config/xpost.yaml", """
                timezone: Europe/Berlin
                hashnode:
                  publication: demo.hashnode.dev
                linkedin:
                  author: auto
                  since: 2026-01-01
                """);
        cli.write("posts/series/part-1.md", post("Part 1: Start", "Tue Oct 13 2026 07:30:00 GMT+0000 (Coordinated "
                + "Universal Time)", "part-1-start", "cli, java", "series: s", "part: 1"));
        cli.write("posts/series/part-2.md", post("Part 2: Later", "2026-12-24T09:00", "part-2-later", "cli",
                "series: s", "part: 2"));
        cli.write("posts/standalone.md", post("Old standalone", "2025-06-01", "old-standalone", "java"));
        cli.write("posts/draft.md", "---\ntitle: Unfinished\ndraft: true\n---\n\nTBD\n");
    }

    @Test
    void validateCleanBlogExitsZeroWithASummary() {
        CliRun.Result r = cli.run("validate");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("4 posts checked: 0 errors, 0 warnings."), r::toString);
    }

    @Test
    void validateReportsEveryProblemAsPathLineSeverityMessageRule() throws IOException {
        cli.write("posts/bad.md", "---\ntitle: \"Bad\"\nslug: Bad_Slug\ntags: java, java\ncanonical: /relative\n"
                + "mood: happy\n---\n\nBody\n");
        CliRun.Result r = cli.run("validate");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("posts/bad.md:3: error: slug \"Bad_Slug\""), r::toString);
        assertTrue(r.out().contains("(invalid-slug)"), r::toString);
        assertTrue(r.out().contains("posts/bad.md:4: error: tag \"java\" is listed twice (duplicate-tag)"),
                r::toString);
        assertTrue(r.out().contains("posts/bad.md:5: error: canonical \"/relative\" is not an absolute http(s) URL"),
                r::toString);
        assertTrue(r.out().contains("posts/bad.md:6: warning:"), r::toString);
        assertTrue(r.out().contains("5 posts checked: 3 errors, 1 warning."), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    /** Found by a new user: validate warned about an empty file while plan called it invalid and exited 3. */
    @Test
    void anEmptyFileIsNotAPostForPlanEither() throws IOException {
        cli.write("posts/empty.md", "");
        CliRun.Result validate = cli.run("validate");
        CliRun.Result plan = cli.run("plan");
        assertEquals(0, validate.code(), validate::toString);
        assertEquals(validate.code(), plan.code(), plan::toString);
        assertTrue(plan.out().matches("(?s).*ignored.*posts/empty.md.*"), plan::toString);
        assertFalse(plan.out().contains("invalid"), plan::toString);
    }

    @Test
    void validateJsonIsOneDocument() throws IOException {
        cli.write("posts/bad.md", "---\ntitle: \"Bad\"\nslug: Bad_Slug\ntags: java\n---\n\nBody\n");
        CliRun.Result r = cli.run("validate", "--json");
        assertEquals(3, r.code(), r::toString);
        JsonNode doc = Json.parseOrNull(r.out());
        assertEquals(5, doc.get("posts").asInt());
        assertEquals(1, doc.get("errors").asInt());
        assertEquals(0, doc.get("warnings").asInt());
        JsonNode p = doc.get("problems").get(0);
        assertEquals("posts/bad.md", p.get("file").asText());
        assertEquals(3, p.get("line").asInt());
        assertEquals("error", p.get("severity").asText());
        assertEquals("invalid-slug", p.get("rule").asText());
    }

    @Test
    void validateTakesPathsAndDuplicateSlugsNameBothFiles() throws IOException {
        cli.write("posts/copy.md", post("Copy", null, "part-1-start", "cli"));
        CliRun.Result r = cli.run("validate");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("posts/copy.md:") && r.out().contains("also used by posts/series/part-1.md"),
                r::toString);
        CliRun.Result one = cli.run("validate", "posts/standalone.md");
        assertEquals(0, one.code(), one::toString);
        assertTrue(one.out().contains("1 post checked"), one::toString);
    }

    @Test
    void planShowsCreateScheduledSkippedAndDraftWithCountsAndZones() {
        CliRun.Result r = cli.run("plan");
        assertEquals(0, r.code(), r::toString);
        String out = r.out();
        assertTrue(out.contains("on hashnode, linkedin"), out);
        assertTrue(out.matches("(?s).*create\\s+hashnode\\s+part-1-start.*"), out);
        assertTrue(out.matches("(?s).*scheduled\\s+hashnode\\s+part-2-later\\s+2026-12-24 09:00 Europe/Berlin "
                + "\\(2026-12-24 08:00 UTC\\).*"), out);
        // A skipped row is counted, as an unchanged one is (it says the same on every run); --verbose gives why.
        assertTrue(!out.matches("(?s).*skipped\\s+linkedin.*")
                && out.contains("  (1 skipped not listed; --verbose lists them)"), out);
        assertTrue(cli.run("plan", "--verbose").out()
                .matches("(?s).*skipped\\s+linkedin\\s+old-standalone\\s+dated before linkedin.since.*"), out);
        assertTrue(out.matches("(?s).*draft\\s+-\\s+.*"), out);
        assertTrue(out.contains("3 create, 2 scheduled, 1 skipped, 1 draft"), out);
    }

    @Test
    void planNowMovesTheClockAndJsonListsActions() {
        CliRun.Result r = cli.run("plan", "--now", "2026-12-25T00:00:00Z", "--json", "--platform", "hashnode");
        assertEquals(0, r.code(), r::toString);
        JsonNode doc = Json.parseOrNull(r.out());
        assertEquals("2026-12-25T00:00:00Z", doc.get("now").asText());
        assertEquals(3, doc.get("counts").get("create").asInt());
        assertTrue(doc.get("counts").get("scheduled") == null, r::toString);
        for (JsonNode a : doc.get("actions")) {
            assertTrue(a.get("platform").isNull() || a.get("platform").asText().equals("hashnode"));
        }
    }

    @Test
    void planMarksInvalidPostsAndUnknownPlatformIsAUsageError() throws IOException {
        cli.write("posts/bad.md", "---\ntitle: \"Bad\"\nslug: Bad_Slug\n---\n\nBody\n");
        CliRun.Result r = cli.run("plan");
        assertTrue(r.out().matches("(?s).*invalid\\s+-\\s+Bad_Slug\\s+slug \"Bad_Slug\".*"), r::toString);
        assertEquals(3, r.code(), () -> "plan exits with the code publish would\n" + r);
        CliRun.Result bad = cli.run("plan", "--platform", "myspace");
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains("unknown platform \"myspace\""), bad::toString);
    }

    @Test
    void newWritesAValidPostAndRefusesToOverwriteOrReuseASlug() throws IOException {
        CliRun.Result r = cli.run("new", "Part 3: The \"End\"", "--series", "s", "--part", "3", "--date",
                "2027-01-05T09:00", "--tag", "cli", "--tag", "Java");
        assertEquals(0, r.code(), r::toString);
        String text = cli.read("posts/part-3-the-end.md");
        assertTrue(text.startsWith("---\ntitle: \"Part 3: The \\\"End\\\"\"\n"), text);
        assertTrue(text.contains("datePublished: Tue Jan 05 2027 09:00:00 GMT+0100 (Central European Standard Time)")
                || text.contains("datePublished: Tue Jan 05 2027 09:00:00 GMT+0100"), text);
        assertTrue(text.contains("tags: cli, java\nseries: s\npart: 3\n\n---\n"), text);
        assertEquals(0, cli.run("validate").code());
        CliRun.Result again = cli.run("new", "Part 3: The End");
        assertEquals(2, again.code(), again::toString);
        assertTrue(again.err().contains("already"), again::toString);
        CliRun.Result reuse = cli.run("new", "Another", "--slug", "part-1-start");
        assertEquals(2, reuse.code(), reuse::toString);
        assertTrue(reuse.err().contains("posts/series/part-1.md"), reuse::toString);
    }

    @Test
    void newWithoutDateIsADraftAndAnUnsluggableTitleAsksForSlug() throws IOException {
        assertEquals(0, cli.run("new", "Notes").code());
        assertTrue(cli.read("posts/notes.md").contains("draft: true"));
        CliRun.Result r = cli.run("new", "فعال سازی");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("--slug"), r::toString);
    }

    @Test
    void helpListsExitCodesAndExamplesVersionAndCompletionWork() {
        CliRun.Result help = cli.run("validate", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Exit codes: see xpost help exit-codes") && help.out().contains("Examples:"),
                help::toString);
        assertFalse(help.out().contains("6   outcome unknown"), "the table is printed once, by help exit-codes");
        CliRun.Result codes = cli.run("help", "exit-codes");
        assertEquals(0, codes.code(), codes::toString);
        assertTrue(codes.out().contains("6   outcome unknown"), codes::toString);
        CliRun.Result v = cli.run("--version");
        assertTrue(v.out().startsWith("xpost "), v::toString);
        CliRun.Result c = cli.run("completion");
        assertEquals(0, c.code());
        assertTrue(c.out().contains("complete -F") && c.out().contains("validate"), c::toString);
    }

    @Test
    void everyCommandHasHelpWithExamplesAndExitCodes() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        new Cli(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()),
                java.util.Map.of(), dir, cli.clock, false).commandLine().getSubcommands().forEach((name, sub) -> {
                    java.util.List<String[]> paths = new java.util.ArrayList<>();
                    if (sub.getSubcommands().isEmpty()) {
                        paths.add(new String[] {name, "--help"});
                    } else {
                        sub.getSubcommands().keySet().forEach(k -> paths.add(new String[] {name, k, "--help"}));
                    }
                    for (String[] args : paths) {
                        CliRun.Result r = cli.run(args);
                        if (r.code() != 0 || !r.out().contains("Examples:") || !r.out().contains("Exit codes:")) {
                            missing.add(String.join(" ", args));
                        }
                    }
                });
        assertEquals(java.util.List.of(), missing);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, cli.run().code());
        CliRun.Result r = cli.run("publsh");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("publsh"), r::toString);
        assertEquals(2, cli.run("validate", "--nope").code());
    }

    @Test
    void badConfigIsExitTwoWithoutStackTraceUnlessVerbose() throws IOException {
        cli.write("config/xpost.yaml", "hashnode:\n  publicaton: x\n");
        CliRun.Result r = cli.run("validate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown setting hashnode.publicaton"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        CliRun.Result v = cli.run("validate", "--verbose");
        assertTrue(v.err().contains("\tat dev.xpost"), v::toString);
    }

    @Test
    void missingPathIsAUsageError() {
        CliRun.Result r = cli.run("validate", "posts/nope.md");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("posts/nope.md"), r::toString);
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() throws IOException {
        cli.write("posts/bad.md", "---\ntitle: \"Bad\"\nslug: Bad_Slug\n---\n\nBody\n");
        cli.tty = true;
        assertTrue(cli.run("validate").out().contains("\u001b["));
        cli.env.put("NO_COLOR", "1");
        assertFalse(cli.run("validate").out().contains("\u001b["));
        cli.env.remove("NO_COLOR");
        cli.tty = false;
        assertFalse(cli.run("validate").out().contains("\u001b["));
    }

    @Test
    void aBodyTooLargeForHashnodeIsAValidationErrorAndA10MbFileIsReadWithoutFuss() throws IOException {
        String para = "A paragraph of prose that repeats until the post is far too long for one request.\n\n";
        cli.write("posts/long.md", post("Long", "2026-11-01", "long", "java") + para.repeat(1300));
        CliRun.Result r = cli.run("validate", "--json");
        assertEquals(3, r.code(), r::toString);
        JsonNode p = Json.parseOrNull(r.out()).get("problems").get(0);
        assertEquals("body-too-large", p.get("rule").asText());
        assertEquals("posts/long.md", p.get("file").asText());
        assertTrue(p.get("message").asText().contains("100 KB"), r::toString);

        Files.delete(dir.resolve("posts/long.md"));
        cli.write("posts/huge.md", post("Huge", "2026-11-01", "huge", "java") + "x".repeat(10 * 1024 * 1024));
        CliRun.Result huge = cli.run("validate", "posts/huge.md");
        assertEquals(3, huge.code(), huge::toString);
        assertTrue(huge.out().contains("(body-too-large)"), huge::toString);
        assertFalse(huge.err().contains("Exception"), huge::toString);
    }

    @Test
    void withoutAConfigFileThePostsFolderIsNotABlog() throws IOException {
        Files.delete(dir.resolve("config/xpost.yaml"));
        CliRun.Result r = cli.run("plan");
        assertEquals(2, r.code(), r::toString);
        assertEquals("xpost: no config/xpost.yaml here or in a parent folder; run xpost init\n", r.err());
    }
}
