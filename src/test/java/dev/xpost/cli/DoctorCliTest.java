package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.e2e.FakeHashnode;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xpost doctor}: a healthy blog, then one broken thing at a time. */
class DoctorCliTest {
    @TempDir
    Path dir;
    CliRun cli;
    final MockWebServer server = new MockWebServer();
    volatile MockResponse hashnodeAnswer = FakeHashnode.json(java.util.Map.of("data", java.util.Map.of("publication",
            java.util.Map.of("id", FakeHashnode.PUBLICATION_ID, "url", "https://demo.hashnode.dev", "title", "Demo"))));
    volatile MockResponse linkedinAnswer = FakeHashnode.json(java.util.Map.of("sub", "abc_123"));

    @BeforeEach
    void healthyBlog() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().equals("/gql") ? hashnodeAnswer : linkedinAnswer;
            }
        });
        server.start();
        cli = new CliRun(dir);
        writeConfig("202605");
        cli.write("posts/a.md", CliRun.post("A post", "2026-11-20", "a-post", "java"));
        cli.write("posts/b.md", CliRun.post("Another post", "2026-11-21", "another-post", "java"));
        new StateStore(dir.resolve(".xpost/state.json")).save(State.empty().withRecord("a-post", "posts/a.md",
                "hashnode", PlatformRecord.published("65a1", "https://demo.hashnode.dev/a-post", "h", Instant.EPOCH)));
        cli.env.put("HASHNODE_TOKEN", "hn-token-1234567890");
        cli.env.put("LINKEDIN_ACCESS_TOKEN", "li-token-1234567890");
        cli.env.put("LINKEDIN_TOKEN_EXPIRES_AT", "2027-01-25T12:00:00Z");
    }

    private void writeConfig(String version) throws IOException {
        cli.write("config/xpost.yaml", "hashnode:\n  publication: demo.hashnode.dev\n  endpoint: " + server.url("/gql")
                + "\nlinkedin:\n  author: auto\n  version: \"" + version + "\"\n  apiBase: " + server.url("/") + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aHealthyBlogPassesEveryCheck() {
        CliRun.Result r = cli.run("doctor");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("✔ config: config/xpost.yaml parses"), r::toString);
        assertTrue(r.out().contains("✔ hashnode endpoint: " + server.url("/gql") + " answers GraphQL"), r::toString);
        assertTrue(r.out().contains("✔ hashnode publication: demo.hashnode.dev resolves (id "
                + FakeHashnode.PUBLICATION_ID + ") and has Hashnode Pro"), r::toString);
        assertTrue(r.out().contains("✔ linkedin version: 202605 is 6 months old"), r::toString);
        assertTrue(r.out().contains("✔ linkedin token: accepted for urn:li:person:abc_123"), r::toString);
        assertTrue(r.out().contains("✔ linkedin token expiry: 60 days left"), r::toString);
        assertTrue(r.out().contains("✔ posts: 2 files in posts, no errors"), r::toString);
        assertTrue(r.out().contains("✔ state: .xpost/state.json parses: 1 record, every recorded file is there; 1 "
                + "publishable post is not published yet"), r::toString);
        assertTrue(r.out().endsWith("All checks passed.\n"), r::toString);
        assertFalse(r.out().contains("✘"), r::toString);
        assertFalse(r.out().contains("hn-token-1234567890") || r.out().contains("li-token-1234567890"));
    }

    @Test
    void aMissingTokenFailsWithTheFixAndExitsFour() {
        cli.env.remove("HASHNODE_TOKEN");
        CliRun.Result r = cli.run("doctor");
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.out().contains("✘ hashnode token: HASHNODE_TOKEN is not set. Fix: create a personal access "
                + "token at https://hashnode.com/settings/developer"), r::toString);
        assertTrue(r.out().contains("✔ linkedin token"), "the other checks still run: " + r);
        assertTrue(r.out().endsWith("1 check failed.\n"), r::toString);
    }

    @Test
    void htmlFromTheEndpointNamesHashnodeEndpointAndExitsTwo() throws IOException {
        hashnodeAnswer = new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body(resource("hashnode/retired-endpoint.html")).build();
        CliRun.Result r = cli.run("doctor");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().matches("(?s).*✘ hashnode endpoint: [^\n]*HTML[^\n]*hashnode\\.endpoint.*"), r::toString);
        assertTrue(r.out().contains("– hashnode token: not checked"), r::toString);
    }

    @Test
    void theProGateShowsAsNeedsHashnodePro() throws IOException {
        hashnodeAnswer = FakeHashnode.json(dev.xpost.http.Json.parseOrNull(resource(
                "hashnode/error-forbidden-pro.json")));
        CliRun.Result r = cli.run("doctor");
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.out().contains("✔ hashnode token: HASHNODE_TOKEN is accepted"), r::toString);
        assertTrue(r.out().contains("✘ hashnode publication: demo.hashnode.dev needs Hashnode Pro"), r::toString);
        assertTrue(r.out().contains("Fix: upgrade the publication to Hashnode Pro"), r::toString);
    }

    @Test
    void aRecordWhoseFileIsGoneIsNamedWithTheForgetCommand() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        store.save(store.load().withRecord("gone-post", "posts/gone.md", "linkedin", PlatformRecord.published(
                "urn:li:share:1", "https://www.linkedin.com/feed/update/urn:li:share:1/", "h", Instant.EPOCH)));
        CliRun.Result r = cli.run("doctor");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().contains("✘ state: the record of `gone-post` (linkedin) points to posts/gone.md, which is "
                + "gone. Fix: restore the file, or drop the record with `xpost state forget gone-post --platform "
                + "linkedin`"), r::toString);
    }

    @Test
    void aMovedFileIsOnlyAWarning() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        store.save(State.empty().withRecord("a-post", "posts/old-place/a.md", "hashnode", PlatformRecord.published(
                "65a1", "https://demo.hashnode.dev/a-post", "h", Instant.EPOCH)));
        CliRun.Result r = cli.run("doctor");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("⚠ state: `a-post` is recorded at posts/old-place/a.md but is now posts/a.md"),
                r::toString);
    }

    @Test
    void anOldLinkedInVersionFailsWithARecentMonthToUse() throws IOException {
        writeConfig("202501");
        CliRun.Result r = cli.run("doctor");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().contains("✘ linkedin version: linkedin.version 202501 is 22 months old"), r::toString);
        assertTrue(r.out().contains("e.g. 202609"), r::toString);
    }

    @Test
    void aMissingTokenOutranksAnInvalidPostAndBothAreListed() throws IOException {
        cli.env.remove("LINKEDIN_ACCESS_TOKEN");
        cli.write("posts/bad.md", "---\ntitle: \"Bad\"\nslug: Bad_Slug\n---\n\nBody\n");
        CliRun.Result r = cli.run("doctor");
        // README "Exit codes": 6, then 4, 2, 3, 5 (a post to fix blocks only itself; a token blocks the platform).
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.out().contains("✘ posts: 1 error in 1 file of posts. Fix: run `xpost validate`"), r::toString);
        assertTrue(r.out().contains("✘ linkedin token: LINKEDIN_ACCESS_TOKEN is not set"), r::toString);
    }

    @Test
    void withoutAConfigItSaysToRunInit() {
        CliRun.Result r = new CliRun(dir.resolve("posts")).run("doctor", "--config", "nope.yaml");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().contains("✘ config: config file nope.yaml not found"), r::toString);
    }

    @Test
    void rightAfterInitItAsksForTheRealPublicationAndTheTokens(@TempDir Path fresh) {
        CliRun blank = new CliRun(fresh);
        assertEquals(0, blank.run("init").code());
        CliRun.Result r = blank.run("doctor");
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.out().contains("✘ hashnode publication: myblog.hashnode.dev is the placeholder"), r::toString);
        assertTrue(r.out().contains("✘ hashnode token: HASHNODE_TOKEN is not set"), r::toString);
        assertTrue(r.out().contains("✘ linkedin token: LINKEDIN_ACCESS_TOKEN is not set"), r::toString);
        assertTrue(r.out().contains("✔ posts: 1 file in posts, no errors"), r::toString);
        assertTrue(r.out().contains("– hashnode endpoint: https://gql-beta.hashnode.com/ not asked until "
                + "hashnode.publication names your blog"), r::toString);
        assertEquals(0, server.getRequestCount(), "nothing to ask a platform without tokens");
    }

    @Test
    void aTokenSetBesideThePlaceholderPublicationIsSaidToBeNotCheckedYet(@TempDir Path fresh) throws IOException {
        CliRun blank = new CliRun(fresh);
        assertEquals(0, blank.run("init").code());
        Files.writeString(fresh.resolve(".env"), "HASHNODE_TOKEN=fake-hn-0123456789abcdef\n");
        CliRun.Result r = blank.run("doctor");
        assertTrue(r.out().contains("✘ hashnode publication: myblog.hashnode.dev is the placeholder"), r::toString);
        assertTrue(r.out().contains("– hashnode token: HASHNODE_TOKEN is set; not checked until "
                + "hashnode.publication names your blog"), r::toString);
        assertFalse(r.out().contains("0123456789abcdef"), r::toString);
        assertEquals(0, server.getRequestCount(), "nothing asked about a placeholder");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DoctorCliTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
