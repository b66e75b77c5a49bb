package dev.xpost.cli;

import static dev.xpost.cli.CliRun.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** preview, status, state, auth: the commands around publish, through the real entry point. */
class CommandsCliTest {
    @TempDir
    Path dir;
    CliRun cli;
    final MockWebServer server = new MockWebServer();

    @BeforeEach
    void blog() throws IOException {
        server.start();
        cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: demo.hashnode.dev\n  endpoint: " + server.url("/gql")
                + "\nlinkedin:\n  author: auto\n  apiBase: " + server.url("/") + "\n  oauthBase: " + server.url("/")
                + "\n");
        cli.write("posts/a.md", post("Escapes (all of them) #1", "2026-11-20", "escapes", "java, cloud-computing",
                "subtitle: \"A card description\""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void previewLinkedInShowsEscapedTextAndTheCardWithTheHashnodeUrl() {
        CliRun.Result r = cli.run("preview", "posts/a.md", "--platform", "linkedin");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Escapes \\(all of them\\) \\#1"), r::toString);
        assertTrue(r.out().contains("#java #cloudcomputing"), r::toString);
        assertTrue(r.out().contains("https://demo.hashnode.dev/escapes"), r::toString);
        assertTrue(r.out().contains("A card description"), r::toString);
        assertEquals(0, server.getRequestCount(), "preview sends nothing");
        CliRun.Result bySlug = cli.run("preview", "escapes", "--platform", "hashnode");
        assertEquals(0, bySlug.code(), bySlug::toString);
        assertTrue(bySlug.out().contains("publishPost") && bySlug.out().contains("\"slug\" : \"escapes\""),
                bySlug::toString);
        CliRun.Result missing = cli.run("preview", "nope", "--platform", "linkedin");
        assertEquals(2, missing.code(), missing::toString);
    }

    @Test
    void platformsGoCommaSeparatedOrRepeatedAlike() {
        CliRun.Result repeated = cli.run("plan", "--platform", "hashnode", "--platform", "linkedin");
        CliRun.Result commas = cli.run("plan", "--platform", "hashnode,linkedin");
        assertEquals(repeated.code(), commas.code(), commas::toString);
        assertEquals(repeated.out(), commas.out());
        assertTrue(commas.out().contains("linkedin"), commas::toString);
    }

    @Test
    void stateAdoptShowForgetAndStatusFollowTheRecord() throws IOException {
        CliRun.Result none = cli.run("status");
        assertTrue(none.out().matches("(?s).*escapes\\s+hashnode\\s+not published.*"), none::toString);

        CliRun.Result adopt = cli.run("state", "adopt", "posts/a.md", "--platform", "linkedin", "--id",
                "urn:li:share:7141138937766391808");
        assertEquals(0, adopt.code(), adopt::toString);
        CliRun.Result show = cli.run("state", "show", "escapes");
        assertTrue(show.out().contains("urn:li:share:7141138937766391808"), show::toString);
        assertTrue(show.out().contains("https://www.linkedin.com/feed/update/urn:li:share:7141138937766391808/"),
                show::toString);
        CliRun.Result status = cli.run("status");
        assertTrue(status.out().matches("(?s).*escapes\\s+linkedin\\s+changed since last sync.*"), status::toString);

        assertEquals(2, cli.run("state", "adopt", "escapes", "--platform", "linkedin", "--id", "123").code());
        // Ids that cannot name a post there are refused with the shape a good one has, and nothing is recorded.
        CliRun.Result spaced = cli.run("state", "adopt", "escapes", "--platform", "linkedin", "--id",
                "urn:li:share:abc def");
        assertEquals(2, spaced.code(), spaced::toString);
        assertTrue(spaced.err().contains("urn:li:share:{number}"), spaced::toString);
        CliRun.Result words = cli.run("state", "adopt", "escapes", "--platform", "hashnode", "--id", "not an id");
        assertEquals(2, words.code(), words::toString);
        assertTrue(words.err().contains("24 hexadecimal digits"), words::toString);
        assertFalse(cli.run("state", "show", "escapes").out().contains("not an id"));
        CliRun.Result empty = cli.run("state", "adopt", "escapes", "--platform", "devto", "--id", "");
        assertEquals(2, empty.code(), empty::toString);
        assertTrue(empty.err().contains("the id of the post on devto"), empty::toString);
        assertEquals(2, cli.run("state", "adopt", "escapes", "--platform", "myspace", "--id", "1").code());
        assertEquals(0, cli.run("state", "forget", "escapes", "--platform", "linkedin").code());
        String shown = cli.run("state", "show").out();
        assertFalse(shown.contains("\"id\": \"urn:li:share"), shown);
        // The dropped URN is kept as a tombstone, so that LinkedIn's duplicate answer naming it is never adopted.
        assertTrue(shown.matches("(?s).*\"forgotten\": \\{\\s*\"urn:li:share:7141138937766391808\": .*"), shown);
        assertEquals(2, cli.run("state", "forget", "escapes", "--platform", "linkedin").code());
    }

    /** A header names the columns, and they line up under it however long a slug is: one row per line. */
    @Test
    void statusColumnsLineUpUnderAHeaderWhateverTheSlugLength() throws IOException {
        String slug = "a-slug-of-seventy-characters-" + "x".repeat(41);
        cli.write("posts/long.md", post("Long", "2026-11-21", slug, "java"));
        // A file's name may hold an escape sequence: shown without it, and it takes no room in the column.
        cli.write("posts/bad \u001b[31mred.md", "---\ntitle: x\nbody\n");

        String out = cli.run("status").out();
        assertFalse(out.contains("\u001b"), out);
        assertTrue(out.contains("  posts/bad red.md  "), out);
        List<String> lines = out.lines().toList();

        assertTrue(lines.get(0).matches("  POST +PLATFORM +STATE +DETAIL"), lines::toString);
        int platform = lines.get(0).indexOf("PLATFORM");
        assertEquals(slug.length() + 4, platform, lines::toString);
        assertTrue(lines.size() > 2, lines::toString);
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("hashnode", platform) || line.startsWith("linkedin", platform)
                    || line.startsWith("-  ", platform),
                    () -> "not under PLATFORM: " + line + " in " + lines);
        }
    }

    /** Plan's details line up however long a slug is (its column was held to 48 characters). */
    @Test
    void planDetailsLineUpWhateverTheSlugLength() throws IOException {
        String slug = "a-slug-of-seventy-characters-" + "x".repeat(41);
        cli.write("posts/long.md", post("Long", "2026-12-21", slug, "java"));
        cli.write("posts/short.md", post("Short", "2026-12-22", "short", "java"));

        List<String> scheduled = cli.run("plan", "--now", "2026-12-01T00:00:00Z", "--platform", "hashnode").out()
                .lines().filter(l -> l.startsWith("  scheduled")).toList();

        assertEquals(2, scheduled.size(), scheduled::toString);
        assertEquals(scheduled.get(0).indexOf("2026-12-2"), scheduled.get(1).indexOf("2026-12-2"),
                scheduled::toString);
    }

    @Test
    void statusReportsUnknownAndFailedRecordsAndRecordsWithoutAFile() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State s = State.empty()
                .withRecord("escapes", "posts/a.md", "hashnode", PlatformRecord.intent(Instant.parse(
                        "2026-11-26T11:00:00Z")).unknown("timed out"))
                .withRecord("gone", "posts/gone.md", "linkedin", PlatformRecord.published("urn:li:share:1",
                        "https://www.linkedin.com/feed/update/urn:li:share:1/", "h", Instant.EPOCH));
        store.save(s);
        CliRun.Result r = cli.run("status", "--json");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\"state\" : \"unknown\""), r::toString);
        assertTrue(r.out().contains("\"state\" : \"record without a file\""), r::toString);
    }

    @Test
    void aCorruptStateFileStopsWithExitTwoAndIsLeftAlone() throws IOException {
        Path state = cli.write(".xpost/state.json", "{\"version\": 1, \"posts\": {,}}\n");
        String before = Files.readString(state);
        cli.env.put("HASHNODE_TOKEN", "hn-token-1234567890");
        CliRun.Result r = cli.run("publish");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains(".xpost/state.json"), r::toString);
        assertEquals(before, Files.readString(state));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void authLinkedInRunsTheWholeFlowAndWritesDotEnv() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"AQV-fresh-token-value-123\",\"expires_in\":5184000,"
                        + "\"scope\":\"openid,profile,w_member_social\"}").build());
        cli.write(".env", "# mine\nLINKEDIN_CLIENT_ID=cid\nLINKEDIN_CLIENT_SECRET=csecret-value-xyz\n");
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> new Cli(new PrintWriter(out, true),
                new PrintWriter(err, true), cli.env, dir, cli.clock, false)
                .run("auth", "linkedin", "--port", String.valueOf(port), "--no-browser", "--timeout", "20"));
        String url = null;
        for (int i = 0; i < 200 && url == null; i++) {
            url = err.toString().lines().map(String::strip).filter(l -> l.startsWith("http")).findFirst()
                    .orElse(null);
            Thread.sleep(20);
        }
        assertTrue(url != null, err::toString);
        HttpUrl auth = HttpUrl.get(url);
        OkHttpClient browser = new OkHttpClient.Builder().callTimeout(5, TimeUnit.SECONDS).build();
        HttpUrl callback = HttpUrl.get(auth.queryParameter("redirect_uri")).newBuilder()
                .addQueryParameter("code", "c0de").addQueryParameter("state", auth.queryParameter("state")).build();
        try (Response resp = browser.newCall(new Request.Builder().url(callback).build()).execute()) {
            assertEquals(200, resp.code());
        }
        assertEquals(0, run.get(10, TimeUnit.SECONDS), err::toString);
        RecordedRequest exchange = server.takeRequest();
        assertEquals("/oauth/v2/accessToken", exchange.getUrl().encodedPath());
        String env = Files.readString(dir.resolve(".env"));
        assertTrue(env.startsWith("# mine\nLINKEDIN_CLIENT_ID=cid\nLINKEDIN_CLIENT_SECRET=csecret-value-xyz\n"), env);
        assertTrue(env.contains("LINKEDIN_ACCESS_TOKEN=AQV-fresh-token-value-123\n"), env);
        assertTrue(env.contains("LINKEDIN_TOKEN_EXPIRES_AT=2027-01-25T12:00:00Z\n"), env);
        assertFalse(err.toString().contains("AQV-fresh") || out.toString().contains("AQV-fresh"), err::toString);

        // auth status now sees the token, asks LinkedIn who it is, and counts the days left.
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"errors\":[{\"message\":\"Invalid token\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}")
                .build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"sub\":\"abc_123\"}").build());
        cli.env.put("HASHNODE_TOKEN", "hn-rejected-token-999");
        CliRun.Result status = cli.run("auth", "status");
        assertEquals(4, status.code(), status::toString);
        assertTrue(status.out().contains("✘ hashnode: HASHNODE_TOKEN was rejected"), status::toString);
        assertTrue(status.out().contains("✔ linkedin: token accepted for urn:li:person:abc_123"), status::toString);
        assertTrue(status.out().contains("60 days left"), status::toString);
        assertFalse(status.out().contains("hn-rejected-token-999"), status::toString);
    }

    @Test
    void authLinkedInWithoutAnAppSaysHowToMakeOne() {
        CliRun.Result r = cli.run("auth", "linkedin", "--no-browser");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("LINKEDIN_CLIENT_ID is not set"), r::toString);
        assertTrue(r.err().contains("/callback"), r::toString);
    }
}
