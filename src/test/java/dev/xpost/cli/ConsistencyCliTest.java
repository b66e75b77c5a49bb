package dev.xpost.cli;

import static dev.xpost.cli.CliRun.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One CLI that behaves the same everywhere (issue 16): every command with {@code --json}, with a global option
 * before the subcommand, outside a blog folder, and against an endpoint nobody listens on; the words, help and
 * completion. Each row is a command as a user types it.
 */
class ConsistencyCliTest {
    static final String NO_BLOG = "xpost: no config/xpost.yaml here or in a parent folder; run xpost init\n";

    @TempDir
    Path dir;
    CliRun cli;
    /** A loopback port nobody listens on: every connection to it is refused at once. */
    int closedPort;

    @BeforeEach
    void blog() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        cli = new CliRun(dir);
        String endpoint = "http://127.0.0.1:" + closedPort;
        cli.write("config/xpost.yaml", "timezone: UTC\nhashnode:\n  publication: demo.hashnode.dev\n  endpoint: "
                + endpoint + "/gql\nlinkedin:\n  author: auto\n  since: 2026-11-01\n  apiBase: " + endpoint
                + "\nhttp:\n  connectTimeout: 2s\n  readTimeout: 2s\n  callTimeout: 5s\n  maxAttempts: 1\n");
        cli.write("posts/a.md", post("A post", "2026-11-20", "a-post", "java"));
        cli.write("posts/old.md", post("An old post", "2026-10-01", "old-post", "java"));
        cli.write("posts/later.md", post("A later post", "2027-03-01T09:00:00Z", "later-post", "java"));
        cli.write("posts/draft.md", post("A draft", null, "a-draft", "java", "draft: true"));
    }

    /** Every command that reports something, with --json: one JSON document on stdout, and its exit code offline. */
    static Stream<Arguments> jsonCommands() {
        return Stream.of(
                Arguments.of(List.of("validate", "--json"), 0, "problems"),
                Arguments.of(List.of("plan", "--json"), 0, "actions"),
                Arguments.of(List.of("publish", "--dry-run", "--json"), 0, "actions"),
                Arguments.of(List.of("status", "--json"), 0, "posts"),
                Arguments.of(List.of("preview", "a-post", "--platform", "hashnode", "--json"), 0, null),
                Arguments.of(List.of("state", "show", "--json"), 0, "records"),
                Arguments.of(List.of("doctor", "--json"), 4, "checks"),
                Arguments.of(List.of("auth", "status", "--json"), 4, "platforms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonCommands")
    void everyReportingCommandTakesJsonWithTheSameFieldNames(List<String> args, int code, String list)
            throws IOException {
        cli.run("state", "adopt", "a-post", "--platform", "hashnode", "--id", "6a603fb103e2cb323e7851f6");
        cli.write("posts/untagged.md", post("Untagged", "2026-11-21", "untagged", null));
        CliRun.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(code, r.code(), r::toString);
        JsonNode doc = Json.parseOrNull(r.out());
        assertNotNull(doc, () -> "not one JSON document: " + r);
        List<JsonNode> items = new ArrayList<>();
        if (list == null) {
            items.add(doc);
        } else {
            assertTrue(doc.get(list).isArray(), r::toString);
            doc.get(list).forEach(items::add);
            assertFalse(items.isEmpty(), r::toString);
        }
        for (JsonNode item : items) {
            // One shape family: the same names for the same things, in every command (README: JSON output).
            assertTrue(item.has("message"), () -> "no message in " + item);
            if (item.has("post") || item.has("platform") && !args.get(0).equals("auth")) {
                assertTrue(item.has("post") && item.has("file") && item.has("platform"), () -> "shape: " + item);
            }
            assertTrue(item.has("action") || item.has("state") || item.has("severity"), () -> "state: " + item);
            if (args.contains("--dry-run")) {
                // Every item of a dry run says what it would send, an empty list for nothing (unchanged, skipped).
                assertTrue(item.path("requests").isArray(), () -> "no requests in " + item);
            }
        }
    }

    /** Every command, with a global option before it and after it: the same result either way. */
    static Stream<List<String>> everyCommand() {
        return Stream.of(List.of("validate"), List.of("plan"), List.of("publish", "--dry-run"), List.of("status"),
                List.of("state", "show"), List.of("preview", "a-post", "--platform", "linkedin"),
                List.of("doctor"), List.of("auth", "status"), List.of("new", "A new one"),
                List.of("import", "hashnode"), List.of("completion"), List.of("help", "plan"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void globalOptionsGoBeforeOrAfterTheCommand(List<String> args) {
        List<String> before = new ArrayList<>(List.of("--config", "config/xpost.yaml"));
        before.addAll(args);
        CliRun.Result first = cli.run(before.toArray(String[]::new));
        assertFalse(first.err().contains("Unknown option") || first.err().contains("Possible solutions"),
                first::toString);
        List<String> after = new ArrayList<>(args);
        after.addAll(List.of("--config", "config/xpost.yaml"));
        if (args.get(0).equals("new")) {
            after.set(1, "Another new one");
        }
        CliRun.Result second = cli.run(after.toArray(String[]::new));
        assertEquals(first.code(), second.code(), () -> first + "\n" + second);

        List<String> verbose = new ArrayList<>(List.of("--verbose"));
        verbose.addAll(args);
        if (args.get(0).equals("new")) {
            verbose.set(2, "A third new one");
        }
        CliRun.Result v = cli.run(verbose.toArray(String[]::new));
        assertEquals(first.code(), v.code(), v::toString);
        assertFalse(v.err().contains("Unknown option"), v::toString);
    }

    @Test
    void verboseBeforeTheCommandShowsTheStackTraceAsAfterIt() throws IOException {
        cli.write("config/xpost.yaml", "hashnode:\n  publicaton: x\n");
        CliRun.Result r = cli.run("--verbose", "validate");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("\tat dev.xpost"), r::toString);
    }

    /** Outside a blog folder: the same words and exit 2 from every command that needs a blog. */
    static Stream<List<String>> blogCommands() {
        return Stream.of(List.of("validate"), List.of("validate", "--json"), List.of("plan"),
                List.of("publish"), List.of("publish", "--dry-run", "--json"), List.of("status"),
                List.of("state", "show"), List.of("state", "show", "--json"),
                List.of("state", "adopt", "a-post", "--platform", "hashnode", "--id", "6a603fb103e2cb323e7851f6"),
                List.of("state", "forget", "a-post", "--platform", "hashnode"),
                List.of("preview", "a-post", "--platform", "hashnode"), List.of("new", "A post"),
                List.of("auth", "status"), List.of("auth", "status", "--json"),
                List.of("auth", "linkedin", "--no-browser"), List.of("import", "hashnode"), List.of("__slugs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blogCommands")
    void outsideABlogFolderEveryCommandSaysRunInit(List<String> args) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(outside.resolve("posts"));
        Files.writeString(outside.resolve("posts/a.md"), post("A post", "2026-11-20", "a-post", "java"));
        Files.delete(dir.resolve("config/xpost.yaml"));
        CliRun out = new CliRun(outside);
        out.env.put("HASHNODE_TOKEN", "hn-token-outside");
        CliRun.Result r = out.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r::toString);
        assertEquals(NO_BLOG, r.err(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertFalse(Files.exists(outside.resolve("posts/a-post.md")), "new writes nothing outside a blog");
    }

    @Test
    void outsideABlogDoctorSaysTheSameAndTheCommandsThatNeedNoBlogWork() throws IOException {
        Files.delete(dir.resolve("config/xpost.yaml"));
        CliRun.Result doctor = cli.run("doctor");
        assertEquals(2, doctor.code(), doctor::toString);
        assertTrue(doctor.out().contains("✘ config: no config/xpost.yaml here or in a parent folder; run xpost init"),
                doctor::toString);
        for (String[] args : new String[][] {{"--version"}, {"help"}, {"help", "exit-codes"}, {"completion"},
            {"--help"}, {"validate", "--help"}}) {
            CliRun.Result r = cli.run(args);
            assertEquals(0, r.code(), () -> String.join(" ", args) + ": " + r);
        }
        CliRun.Result init = cli.run("init", "--yes");
        assertEquals(0, init.code(), init::toString);
        assertTrue(Files.exists(dir.resolve("config/xpost.yaml")), init::toString);
    }

    /** An endpoint that refuses every connection: a network error, never "refused" (4) nor an undocumented code. */
    static Stream<Arguments> unreachable() {
        return Stream.of(
                Arguments.of(List.of("doctor"), 2),
                Arguments.of(List.of("doctor", "--json"), 2),
                Arguments.of(List.of("auth", "status"), 2),
                Arguments.of(List.of("auth", "status", "--json"), 2),
                Arguments.of(List.of("publish", "--platform", "hashnode"), 5),
                Arguments.of(List.of("publish", "--platform", "linkedin", "--json"), 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreachable")
    void anUnreachableEndpointIsANetworkErrorWithItsOwnMessage(List<String> args, int code) throws IOException {
        cli.env.put("HASHNODE_TOKEN", "hn-token-unreachable");
        cli.env.put("LINKEDIN_ACCESS_TOKEN", "li-token-unreachable");
        if (args.contains("linkedin")) {
            // LinkedIn waits for the Hashnode post it links to: give it one.
            cli.run("state", "adopt", "a-post", "--platform", "hashnode", "--id", "6a603fb103e2cb323e7851f6",
                    "--url", "https://demo.hashnode.dev/a-post");
        }
        CliRun.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(code, r.code(), r::toString);
        assertNotEquals(4, r.code());
        String all = r.out() + r.err();
        assertTrue(all.contains("Check the network") || all.contains("check the network"), r::toString);
        assertTrue(all.contains("endpoint"), r::toString);
        assertFalse(all.contains("refused the") || all.contains("token is refused"), r::toString);
        assertFalse(all.contains("hn-token-unreachable") || all.contains("li-token-unreachable"), r::toString);
        assertFalse(all.contains(" 1 tries"), "plurals: " + r);

        CliRun.Result verbose = cli.run(withVerbose(args));
        assertTrue(verbose.err().contains("http: ") && verbose.err().contains("ConnectException"),
                () -> "--verbose logs the failed attempt: " + verbose);
    }

    private static String[] withVerbose(List<String> args) {
        List<String> a = new ArrayList<>(List.of("--verbose"));
        a.addAll(args);
        return a.toArray(String[]::new);
    }

    @Test
    void theSameStateHasTheSameWordInPlanPublishAndStatus() {
        CliRun.Result plan = cli.run("plan", "--platform", "hashnode");
        CliRun.Result publish = cli.run("publish", "--platform", "hashnode", "--json");
        CliRun.Result status = cli.run("status");
        assertTrue(plan.out().matches("(?s).*\\n  draft +- +a-draft.*") || plan.out().contains("draft      -"),
                plan::toString);
        JsonNode draft = null;
        for (JsonNode a : Json.parseOrNull(publish.out()).get("actions")) {
            if ("a-draft".equals(a.get("post").asText())) {
                draft = a;
            }
        }
        assertNotNull(draft, publish::toString);
        assertEquals("draft", draft.get("action").asText(), publish::toString);
        assertEquals("draft", draft.get("outcome").asText(), "a draft is a draft in publish too, not skipped");
        assertTrue(status.out().matches("(?s).*a-draft\\s+-\\s+draft.*"), status::toString);
    }

    @Test
    void anUnknownPlatformNameSaysSoAndListsTheKnownOnes() {
        for (String[] args : new String[][] {{"plan", "--platform", "mastodon"}, {"publish", "--platform", "mastodon"},
            {"preview", "a-post", "--platform", "mastodon"},
            {"state", "forget", "a-post", "--platform", "mastodon"}}) {
            CliRun.Result r = cli.run(args);
            assertEquals(2, r.code(), r::toString);
            assertEquals("xpost: unknown platform \"mastodon\"; the known platforms are hashnode, linkedin, "
                    + "devto\n",
                    r.err(), r::toString);
        }
    }

    @Test
    void anOptionOfACommandGivenBeforeItSaysWhereItGoes() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("xpost plan", List.of("--json", "plan"));
        cases.put("xpost state show", List.of("--json", "state", "show"));
        cases.put("xpost publish", List.of("--dry-run", "publish", "--platform", "hashnode"));
        cases.forEach((command, args) -> {
            CliRun.Result r = cli.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().startsWith("xpost: " + args.get(0) + " is an option of `" + command + "`: put it "
                    + "after the command (`" + command + " " + args.get(0) + "`)\n"), r::toString);
        });
        CliRun.Result valued = cli.run("--platform", "hashnode", "publish");
        assertTrue(valued.err().startsWith("xpost: --platform is an option of `xpost publish`: put it after the "
                + "command (`xpost publish --platform hashnode`)\n"), valued::toString);
        CliRun.Result other = cli.run("--bogus", "plan");
        assertEquals(2, other.code(), other::toString);
        assertTrue(other.err().startsWith("xpost: unknown option --bogus of `xpost`\n"), other::toString);
    }

    @Test
    void pluralsAreRight() throws IOException {
        Files.delete(dir.resolve("posts/old.md"));
        Files.delete(dir.resolve("posts/later.md"));
        Files.delete(dir.resolve("posts/draft.md"));
        cli.write("posts/a.md", post("A post", "2026-11-20", "a-post", null));
        CliRun.Result r = cli.run("validate");
        assertTrue(r.out().endsWith("1 post checked: 0 errors, 1 warning.\n"), r::toString);
    }

    @Test
    void previewSaysWhatWouldBeSentNow() {
        CliRun.Result create = cli.run("preview", "a-post", "--platform", "hashnode");
        assertEquals(0, create.code(), create::toString);
        assertTrue(create.out().startsWith("create hashnode a-post\n") && create.out().contains("publishPost"),
                create::toString);

        cli.run("state", "adopt", "a-post", "--platform", "hashnode", "--id", "6a603fb103e2cb323e7851f6");
        CliRun.Result update = cli.run("preview", "posts/a.md", "--platform", "hashnode");
        assertTrue(update.out().startsWith("update hashnode a-post (recorded as 6a603fb103e2cb323e7851f6)"),
                update::toString);
        assertTrue(update.out().contains("updatePost")
                && update.out().contains("\"id\" : \"6a603fb103e2cb323e7851f6\""), update::toString);
        assertFalse(update.out().contains("publishPost"), update::toString);

        CliRun.Result scheduled = cli.run("preview", "later-post", "--platform", "hashnode", "--json");
        JsonNode s = Json.parseOrNull(scheduled.out());
        assertEquals("scheduled", s.get("action").asText(), scheduled::toString);
        assertEquals("2027-03-01T09:00:00Z", s.get("when").asText(), scheduled::toString);
        assertTrue(scheduled.out().contains("\"publishedAt\" : \"2027-03-01T09:00:00Z\""), scheduled::toString);

        CliRun.Result skipped = cli.run("preview", "old-post", "--platform", "linkedin");
        assertEquals(0, skipped.code(), skipped::toString);
        assertTrue(skipped.out().startsWith("skipped linkedin old-post: dated before linkedin.since (2026-11-01)"),
                skipped::toString);
    }

    @Test
    void newRefusesAPastDateOffATerminalUnlessDraftOrYes() throws IOException {
        CliRun.Result refused = cli.run("new", "Looking back", "--date", "2026-01-05");
        assertEquals(2, refused.code(), refused::toString);
        assertTrue(refused.err().contains("is in the past: the post would go out with the next publish run")
                && refused.err().contains("--draft") && refused.err().contains("--yes"), refused::toString);
        assertFalse(Files.exists(dir.resolve("posts/looking-back.md")));

        CliRun.Result draft = cli.run("new", "Looking back", "--date", "2026-01-05", "--draft");
        assertEquals(0, draft.code(), draft::toString);
        String text = cli.read("posts/looking-back.md");
        assertTrue(text.contains("draft: true") && text.contains("datePublished: "), text);

        CliRun.Result yes = cli.run("new", "Looking back again", "--date", "2026-01-05", "--yes");
        assertEquals(0, yes.code(), yes::toString);
        assertTrue(yes.err().contains("warning: --date"), yes::toString);
        assertFalse(cli.read("posts/looking-back-again.md").contains("draft: true"));
    }

    @Test
    void newRefusesATakenPartAndASeriesThatIsNotASlug() throws IOException {
        cli.write("posts/p1.md", post("Part 1", "2026-11-20", "part-1", "aws", "series: aws-origins", "part: 1"));
        CliRun.Result taken = cli.run("new", "Part one again", "--series", "aws-origins", "--part", "1");
        assertEquals(2, taken.code(), taken::toString);
        assertEquals("xpost: part 1 of series aws-origins is already posts/p1.md: use --part 2\n", taken.err());

        CliRun.Result notSlug = cli.run("new", "Part two", "--series", "AWS Origins", "--part", "2");
        assertEquals(2, notSlug.code(), notSlug::toString);
        assertTrue(notSlug.err().contains("series \"AWS Origins\" is not a slug")
                && notSlug.err().contains("use --series aws-origins"), notSlug::toString);
        assertEquals(0, cli.run("new", "Part two", "--series", "aws-origins", "--part", "2").code());
    }

    @Test
    void helpWrapsAtSpacesKeepsExamplesWholeAndPrintsTheExitCodesOnce() {
        CliRun.Result publish = cli.run("help", "publish");
        assertEquals(0, publish.code(), publish::toString);
        assertTrue(publish.out().contains(".xpost/state.json"), "a path is never cut at its dot: " + publish);
        CliRun.Result imp = cli.run("import", "hashnode", "--help");
        assertTrue(imp.out().contains(".xpost/state.json"), imp::toString);
        CliRun.Result adopt = cli.run("state", "adopt", "--help");
        assertTrue(adopt.out().contains("  xpost state adopt my-post --platform hashnode --id 6a603fb103e2cb323e7851f6"
                + " --url https://myblog.hashnode.dev/my-post\n"), "examples are never broken: " + adopt);
        for (String[] args : new String[][] {{"--help"}, {"plan", "--help"}, {"help", "doctor"}}) {
            CliRun.Result r = cli.run(args);
            for (String line : r.out().split("\n")) {
                assertTrue(line.length() <= 80 || line.startsWith("  xpost"), () -> "too wide: " + line);
            }
            assertTrue(r.out().contains("Exit codes: see xpost help exit-codes"), r::toString);
            assertFalse(r.out().contains("outcome unknown"), r::toString);
        }
        CliRun.Result codes = cli.run("help", "exit-codes");
        assertTrue(codes.out().contains("  4   authentication or permission refused"), codes::toString);
        CliRun.Result nope = cli.run("help", "publsh");
        assertEquals(2, nope.code(), nope::toString);
        assertTrue(nope.err().contains("unknown command \"publsh\""), nope::toString);
        // The same words when the command is run rather than asked about (picocli said "Unmatched argument").
        CliRun.Result run = cli.run("frobnicate");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("unknown command \"frobnicate\"; the commands are validate, plan, publish"),
                run::toString);
        assertFalse(run.err().contains("Unmatched argument"), run::toString);
        CliRun.Result escape = cli.run("x\u001b[31mred");
        assertFalse(escape.err().contains("\u001b"), "no escape sequence reaches the terminal: " + escape);
        CliRun.Result sub = cli.run("state", "frob");
        assertEquals(2, sub.code(), sub::toString);
        assertTrue(sub.err().contains("unknown command \"frob\"; the commands are show, adopt, forget"),
                sub::toString);
    }

    /**
     * "Did you mean" offers what the word begins or is two typing slips from, nothing else (picocli's own offered
     * `xpost doctor or xpost state or xpost validate` for "docter"), at every level and in help too.
     */
    @Test
    void didYouMeanOffersOnlyNearCommands() {
        String[][] cases = {
            {"docter", "Did you mean: xpost doctor?"},
            {"pla", "Did you mean: xpost plan?"},
            {"stat", "Did you mean: xpost status or xpost state?"},
            {"PUBLSH", "Did you mean: xpost publish?"},
            {"imoprt", "Did you mean: xpost import?"},
            {"frobnicate", "Run `xpost --help` for usage."},
            {"exit-codes", "Did you mean: xpost help exit-codes?"},
            {"help\u0000pubish", "Did you mean: xpost help publish?"},
            {"help\u0000exit-code", "Did you mean: xpost help exit-codes?"},
            {"state\u0000shw", "Did you mean: xpost state show?"},
            {"help\u0000state\u0000frget", "Did you mean: xpost help state forget?"},
            {"help\u0000statte\u0000show", "Did you mean: xpost help state show or xpost help status?"},
            {"statte\u0000show\u0000my-post", "Did you mean: xpost state show or xpost status?"},
            {"STATE", "Did you mean: xpost state?"},
            {"status\u0000--jsn", "Did you mean: xpost status --json?"},
            {"publish\u0000--dry-rn", "Did you mean: xpost publish --dry-run?"},
            {"plan\u0000--dry-run", "Did you mean: xpost publish --dry-run?"},
            {"state\u0000show\u0000--jsn", "Did you mean: xpost state show --json?"},
            {"validate\u0000--max", "Did you mean: xpost plan --max or xpost publish --max?"},
            {"publish\u0000-n", "Run `xpost publish --help` for usage."},
            {"publish\u0000--dry-run=", "Run `xpost --help` for usage."},
            {"plan\u0000--platform=", "Run `xpost --help` for usage."},
            {"plan\u0000--platform\u0000linkdin", "xpost: unknown platform \"linkdin\"; the known platforms are "
                + "hashnode, linkedin, devto; did you mean linkedin?"},
        };
        for (String[] c : cases) {
            CliRun.Result r = cli.run(c[0].split("\u0000"));
            assertEquals(2, r.code(), r::toString);
            String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
            assertEquals(c[1], last, () -> String.join(" ", c[0].split("\u0000")) + ": " + r);
        }
        // `--dry-run=$DRY` with DRY unset read as --dry-run=false: a real publish. Refused, exit 2, nothing run.
        CliRun.Result several = cli.run("plan", "--jsn", "--verbos", "--foo");
        assertTrue(several.err().startsWith("xpost: unknown options --jsn, --verbos, --foo of `xpost plan`\n"
                + "Did you mean: xpost plan --json?"), several::toString);
        CliRun.Result empty = cli.run("publish", "--dry-run=");
        assertTrue(empty.err().startsWith("xpost: --dry-run has an empty value (an unset variable?)"), empty::toString);
        assertEquals("", empty.out(), empty::toString);
    }

    @Test
    void completionOffersPlatformNamesAndTheBlogsSlugs() {
        CliRun.Result script = cli.run("completion");
        assertTrue(script.out().contains("(\"hashnode\" \"linkedin\" \"devto\") # --platform values"),
                "platform names");
        assertTrue(script.out().contains("xpost __slugs") && script.out().contains("complete -F _xpost_complete"),
                "slugs, asked at each TAB");
        CliRun.Result slugs = cli.run("__slugs");
        assertEquals("a-draft\na-post\nlater-post\nold-post\n", slugs.out(), slugs::toString);
    }

    @Test
    void envExampleListsEverySecretXpostReads() throws IOException {
        List<String> names = List.of("HASHNODE_TOKEN", "LINKEDIN_ACCESS_TOKEN", "LINKEDIN_CLIENT_ID",
                "LINKEDIN_CLIENT_SECRET", "LINKEDIN_TOKEN_EXPIRES_AT");
        String repo = Files.readString(Path.of(".env.example"));
        cli.run("init", "--yes");
        String written = Files.readString(dir.resolve(".env.example"));
        for (String n : names) {
            assertTrue(repo.contains("\n" + n + "="), () -> ".env.example lacks " + n);
            assertTrue(written.contains("\n" + n + "="), () -> "init's .env.example lacks " + n);
        }
    }
}
