package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.e2e.FakeHashnode;
import dev.xpost.http.Json;
import dev.xpost.state.State;
import dev.xpost.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 through the real command line: slugs from Hashnode that are not file names, every URL that receives a
 * secret, and a request too large in a field other than the body.
 */
class SecretsAndFilesCliTest {
    @TempDir
    Path root;
    final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertNoTrace(CliRun.Result r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
    }

    /** A blog of this test's folder whose only platform is Hashnode. */
    private CliRun blog() throws IOException {
        CliRun cli = new CliRun(root);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: x.hashnode.dev\n");
        return cli;
    }

    @Test
    void importRefusesEverySlugThatIsNotAPlainFileNameAndGoesOnWithTheOthers() throws IOException {
        Path dir = Files.createDirectories(root.resolve("a/b/blog"));
        FakeHashnode hashnode = FakeHashnode.withPosts(12);
        List<String> bad = List.of("../../escaped", "/tmp/xpost-absolute-" + ProcessHandle.current().pid(), "a/b",
                "", ".", "..", "con", ".hidden", "back\\slash", "new\nline");
        for (int i = 0; i < bad.size(); i++) {
            hashnode.setSlug(i + 2, bad.get(i));
        }
        server.setDispatcher(hashnode);
        server.start();
        CliRun cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: " + FakeHashnode.HOST + "\n  endpoint: "
                + server.url("/") + "\n");
        cli.env.put("HASHNODE_TOKEN", "hn-token-1234567890");

        CliRun.Result r = cli.run("import", "hashnode");
        assertEquals(5, r.code(), r::toString);
        assertNoTrace(r);
        assertTrue(r.out().contains("not imported \"../../escaped\": its slug cannot be a file name: it contains a "
                + "path separator"), r::toString);
        assertTrue(r.out().contains("not imported \"\": its slug cannot be a file name: it is empty"), r::toString);
        assertTrue(r.out().contains("not imported \"con\": its slug cannot be a file name: \"con\" is a file name "
                + "Windows reserves"), r::toString);
        assertTrue(r.out().contains("not imported \".hidden\""), r::toString);
        assertTrue(r.out().contains("not imported \"new\\nline\""), r::toString);
        assertTrue(r.out().contains("Imported 2 posts from demo.hashnode.dev into posts/; refused 10"), r::toString);

        // Nothing outside the posts folder: not next to the blog, not two levels up, not at the absolute path.
        assertFalse(Files.exists(root.resolve("a/escaped.md")));
        assertFalse(Files.exists(root.resolve("a/b/escaped.md")));
        assertFalse(Files.exists(Path.of(bad.get(1) + ".md")));
        try (Stream<Path> all = Files.walk(root)) {
            List<String> files = all.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted()
                    .toList();
            assertEquals(List.of(".xpost/state.json", ".xpost/state.lock", "config/xpost.yaml", "posts/2023.md",
                    "posts/quotes-and-colons.md"), files);
        }
        State state = new StateStore(dir.resolve(".xpost/state.json")).load();
        assertEquals(2, state.posts().size(), "only what was written is recorded");
    }

    @Test
    void importNeverWritesThroughALinkedPostFile() throws IOException {
        Path dir = Files.createDirectories(root.resolve("blog"));
        Path target = Files.writeString(root.resolve("precious.txt"), "precious\n");
        Files.createDirectories(dir.resolve("posts"));
        Files.createSymbolicLink(dir.resolve("posts/salam-donya.md"), target);
        server.setDispatcher(FakeHashnode.withPosts(3));
        server.start();
        CliRun cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: " + FakeHashnode.HOST + "\n  endpoint: "
                + server.url("/") + "\n");
        cli.env.put("HASHNODE_TOKEN", "hn-token-1234567890");

        CliRun.Result r = cli.run("import", "hashnode", "--overwrite");
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.out().contains("not imported \"salam-donya\" (posts/salam-donya.md): that file is a symbolic "
                + "link"), r::toString);
        assertEquals("precious\n", Files.readString(target));
    }

    @Test
    void everyUrlThatReceivesASecretMustBeHttpsOrLoopback() throws IOException {
        CliRun cli = new CliRun(root);
        cli.write("posts/p.md", CliRun.post("P", "2026-11-01", "p", "java"));
        for (String[] c : new String[][] {
                {"linkedin:\n  apiBase: http://api.example.com\n", "linkedin.apiBase", "LINKEDIN_ACCESS_TOKEN"},
                {"linkedin:\n  oauthBase: http://www.example.com\n", "linkedin.oauthBase", "LINKEDIN_CLIENT_SECRET"},
                {"hashnode:\n  publication: x.hashnode.dev\n  endpoint: http://gql.example.com/\n",
                    "hashnode.endpoint", "HASHNODE_TOKEN"}}) {
            cli.write("config/xpost.yaml", c[0]);
            for (String command : List.of("plan", "validate", "auth status")) {
                CliRun.Result r = cli.run(command.split(" "));
                assertEquals(2, r.code(), () -> command + " with " + c[0] + r);
                assertTrue(r.err().contains(c[1] + " ") && r.err().contains("uses plain http://, which would send "
                        + c[2]) && r.err().contains("unencrypted"), r::toString);
                assertNoTrace(r);
            }
        }
        cli.write("config/xpost.yaml", "linkedin:\n  apiBase: http://127.0.0.1:9\n  oauthBase: http://localhost:9\n"
                + "hashnode:\n  publication: x.hashnode.dev\n  endpoint: http://[::1]:9/\n");
        CliRun.Result local = cli.run("validate");
        assertEquals(0, local.code(), local::toString);
    }

    /**
     * A token pasted into a post is named, never quoted, whichever file or variable holds it (.env, or the
     * environment with white space around it, as a CI secret pasted with its line break): which one to revoke.
     */
    @Test
    void aTokenInAPostIsNamedNotQuoted() throws IOException {
        CliRun cli = blog();
        cli.write(".env", "HASHNODE_TOKEN=fake-hn-token-abcdef123\n");
        cli.env.put("LINKEDIN_ACCESS_TOKEN", "  fake-li-token-xyz98765\n");
        cli.write("posts/a.md", "---\ntitle: \"Token fake-hn-token-abcdef123 here\"\nslug: a\ntags: java\n---\n\n"
                + "A body.\n");
        cli.write("posts/b.md", CliRun.post("B", "2026-11-02", "b", "java") + "\nexport T=fake-li-token-xyz98765\n");

        CliRun.Result r = cli.run("validate");

        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("the title holds the value of HASHNODE_TOKEN (from the environment or .env)"),
                r::toString);
        assertTrue(r.out().contains("the body holds the value of LINKEDIN_ACCESS_TOKEN")
                && r.out().contains("revoke LINKEDIN_ACCESS_TOKEN"), r::toString);
        assertFalse(r.out().contains("fake-hn-token-abcdef123") || r.out().contains("fake-li-token-xyz98765"),
                r::toString);
        assertNoTrace(r);
    }

    /**
     * A usage error echoes the word typed: a token pasted there is masked like any output, the .env's too (no command
     * had loaded it yet), and DEVTO_API_KEY outside a blog; an argument @FILE is never read as FILE's lines.
     */
    @Test
    void aTokenTypedWhereAWordWasExpectedIsMasked() throws IOException {
        CliRun cli = blog();
        cli.write(".env", "HASHNODE_TOKEN=fake-dotenv-hn-123456\nOPENAI_API_KEY=fake-unknown-key-777\n");
        cli.env.put("DEVTO_API_KEY", "fake-devto-key-12345");

        for (String[] args : new String[][] {{"fake-dotenv-hn-123456"}, {"fake-devto-key-12345"},
            {"help", "@.env"}, {"plan", "--platform", "fake-dotenv-hn-123456"}}) {
            CliRun.Result r = cli.run(args);
            assertEquals(2, r.code(), r::toString);
            String all = r.out() + r.err();
            assertFalse(all.contains("fake-dotenv-hn-123456") || all.contains("fake-devto-key-12345")
                    || all.contains("fake-unknown-key-777"), () -> String.join(" ", args) + ": " + r);
        }
        CliRun.Result at = cli.run("help", "@.env");
        assertTrue(at.err().contains("unknown command \"@.env\""), at::toString);
    }

    /**
     * The .env's tokens mask an error also when the config is broken (a token pasted as a setting is what the error
     * quotes), when .env has a malformed line, when the environment sets another value, and for --config.
     */
    @Test
    void errorsAreMaskedWithTheDotEnvWhateverStateTheConfigIsIn() throws IOException {
        CliRun cli = blog();
        String token = "fake-dotenv-abcdef12";
        cli.write(".env", "HASHNODE_TOKEN=" + token + "\nGITHUB_TOKEN=fake-gh-token-4455\n");
        String[][] configs = {
            {"hashnode:\n  publication: x.hashnode.dev\nbogus: [\n"},
            {"hashnode:\n  publication: x.hashnode.dev\nlinkedin:\n  author: " + token + "\n"},
            {"hashnode:\n  publication: x.hashnode.dev\ntimezone: " + token + "\n"},
        };
        for (String[] config : configs) {
            cli.write("config/xpost.yaml", config[0]);
            for (String[] args : new String[][] {{token}, {"plan"}, {"plan", "--platform", token}}) {
                CliRun.Result r = cli.run(args);
                assertEquals(2, r.code(), r::toString);
                assertFalse((r.out() + r.err()).contains(token), () -> config[0] + String.join(" ", args) + r);
            }
        }
        cli.write("config/xpost.yaml", "hashnode:\n  publication: x.hashnode.dev\n");
        cli.write(".env", "HASHNODE_TOKEN=" + token + "\noops, a pasted line\nGITHUB_TOKEN=fake-gh-token-4455\n");
        assertFalse(cli.run(token).err().contains(token));
        assertFalse(cli.run("--config", token, "plan").err().contains(token));
        assertFalse(cli.run("fake-gh-token-4455").err().contains("fake-gh-token-4455"));
        cli.write(".env", "HASHNODE_TOKEN=" + token + "\n");
        cli.env.put("HASHNODE_TOKEN", "fake-env-other-9876");
        assertFalse(cli.run(token).err().contains(token));
    }

    /**
     * A token deep in a long body is reported on the line that holds it, not the body's first line, so the author
     * finds it; with Windows line endings too.
     */
    @Test
    void aTokenInTheBodyIsReportedOnItsOwnLine() throws IOException {
        CliRun cli = blog();
        cli.env.put("HASHNODE_TOKEN", "fake-hn-token-line42xyz");
        String front = "---\ntitle: \"T\"\nslug: %s\ntags: java\n---\n\n";   // the body starts on line 7
        StringBuilder body = new StringBuilder();
        for (int line = 7; line < 42; line++) {
            body.append("Paragraph on line ").append(line).append(".\n");
        }
        body.append("curl -H 'Authorization: fake-hn-token-line42xyz' https://gql.hashnode.com\n\nThe end.\n");
        cli.write("posts/unix.md", String.format(front, "unix") + body);
        cli.write("posts/windows.md", (String.format(front, "windows") + body).replace("\n", "\r\n"));

        CliRun.Result r = cli.run("validate");

        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("posts/unix.md:42: error: the body holds the value of HASHNODE_TOKEN"),
                r::toString);
        assertTrue(r.out().contains("posts/windows.md:42: error: the body holds the value of HASHNODE_TOKEN"),
                r::toString);
        assertFalse(r.out().contains("fake-hn-token-line42xyz"), r::toString);
    }

    /** Every secret a post holds is named, once (its body line, else its field): the author must revoke each. */
    @Test
    void everySecretAPostHoldsIsNamedOnce() throws IOException {
        CliRun cli = blog();
        cli.env.put("HASHNODE_TOKEN", "fake-hn-token-two-one");
        cli.env.put("LINKEDIN_ACCESS_TOKEN", "fake-li-token-two-two");
        cli.env.put("CI_DEPLOY_SECRET", "fake-deploy-secret-333");
        cli.write("posts/two.md", "---\ntitle: \"T\"\nslug: two\ntags: java, fake-deploy-secret-333\n"
                + "linkedin: {text: \"Read it: fake-hn-token-two-one\"}\n---\n\nline 8 fake-li-token-two-two\n\n"
                + "line 10 fake-hn-token-two-one\n");

        CliRun.Result r = cli.run("validate");

        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("posts/two.md:8: error: the body holds the value of LINKEDIN_ACCESS_TOKEN"),
                r::toString);
        assertTrue(r.out().contains("posts/two.md:10: error: the body holds the value of HASHNODE_TOKEN"),
                r::toString);
        assertTrue(r.out().contains("posts/two.md:4: error: the tags hold the value of CI_DEPLOY_SECRET"),
                r::toString);
        assertEquals(3, r.out().split("\\(secret-in-post\\)", -1).length - 1, r::toString);
        assertFalse(r.out().contains("fake-hn-token-two-one") || r.out().contains("fake-li-token-two-two")
                || r.out().contains("fake-deploy-secret-333"), r::toString);

        cli.write("posts/two.md", "---\ntitle: \"T\"\nslug: two\ntags: java\n"
                + "linkedin: {text: \"Read it: fake-hn-token-two-one\"}\n---\n\nA body.\n");
        CliRun.Result front = cli.run("validate");
        assertTrue(front.out().contains("posts/two.md:5: error: the LinkedIn text (linkedin:) holds the value of "
                + "HASHNODE_TOKEN"), front::toString);
    }

    /**
     * A password in an endpoint's URL is never sent, but the URL was shown by --verbose (each request's line) and by
     * previews: every such setting is refused, exit 2, and neither the password nor the user name is printed.
     */
    @Test
    void aPasswordInAnEndpointIsRefusedAndNeverPrinted() throws IOException {
        CliRun cli = new CliRun(root);
        cli.write("posts/p.md", CliRun.post("P", "2026-11-01", "p", "java"));
        cli.env.put("HASHNODE_TOKEN", "fake-hn-token-1234567890");
        for (String[] c : new String[][] {
                {"hashnode:\n  publication: x.hashnode.dev\n  endpoint: https://alice:fake-pw-9876@gql.example.com/\n",
                    "hashnode.endpoint"},
                {"linkedin:\n  apiBase: https://alice:fake-pw-9876@api.example.com\n", "linkedin.apiBase"},
                {"linkedin:\n  oauthBase: https://alice:fake-pw-9876@www.example.com\n", "linkedin.oauthBase"},
                {"devto:\n  apiBase: https://alice:fake-pw-9876@dev.example.com/api\n", "devto.apiBase"}}) {
            cli.write("config/xpost.yaml", c[0]);
            for (String command : List.of("--verbose plan", "doctor", "preview posts/p.md --platform hashnode")) {
                CliRun.Result r = cli.run(command.split(" "));
                assertEquals(2, r.code(), () -> command + " with " + c[0] + r);
                String all = r.out() + r.err();   // doctor says it on stdout, as a failed check
                assertTrue(all.contains(c[1] + " https://…@") && all.contains("holds a user name or password"),
                        r::toString);
                assertFalse(all.contains("fake-pw-9876") || all.contains("alice"), r::toString);
                if (!command.startsWith("--verbose")) {   // which prints the trace, of the same message
                    assertNoTrace(r);
                }
            }
        }
    }

    @Test
    void aTitleTooLargeForOneRequestFailsValidateNamingTheTitle() throws IOException {
        CliRun cli = blog();
        cli.write("posts/p.md", "---\ntitle: \"T" + "x".repeat(1024 * 1024) + "\"\nslug: p\ntags: java\n---\n\n"
                + "Short.\n");
        cli.write("posts/seo.md", CliRun.post("Fine title", "2026-11-01", "seo", "java",
                "seoDescription: \"" + "ü".repeat(60_000) + "\""));

        CliRun.Result r = cli.run("validate", "--json");
        assertEquals(3, r.code(), r::toString);
        JsonNode problems = Json.parseOrNull(r.out()).get("problems");
        assertEquals(2, problems.size(), r::toString);
        JsonNode title = problems.get(0);
        assertEquals("posts/p.md", title.get("file").asText());
        assertEquals(2, title.get("line").asInt(), "the line of title:");
        assertEquals("body-too-large", title.get("rule").asText());
        assertTrue(title.get("message").asText().contains("of which the `title` takes 1,048,5"), r::toString);
        assertTrue(title.get("message").asText().contains("Shorten the `title`"), r::toString);
        JsonNode seo = problems.get(1);
        assertEquals("posts/seo.md", seo.get("file").asText());
        assertTrue(seo.get("message").asText().contains("`seoDescription`"), r::toString);
        assertEquals(6, seo.get("line").asInt(), r::toString);

        CliRun.Result publish = cli.run("publish", "--dry-run");
        assertEquals(3, publish.code(), publish::toString);
    }

    @Test
    void aPostsFolderLinkedFromElsewhereIsStillTheBlogsPostsWithTheirPictures() throws IOException {
        Path kept = Files.createDirectories(root.resolve("kept/posts"));
        Files.createDirectories(kept.resolve("img"));
        Files.write(kept.resolve("img/a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0});
        Files.writeString(kept.resolve("p.md"), CliRun.post("P", "2026-11-01", "p", "java") + "\n![A](img/a.png)\n");
        Path dir = Files.createDirectories(root.resolve("blog"));
        Files.createSymbolicLink(dir.resolve("posts"), kept);
        CliRun cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: x.hashnode.dev\n");

        CliRun.Result r = cli.run("validate");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("1 post checked: 0 errors"), r::toString);
    }
}
