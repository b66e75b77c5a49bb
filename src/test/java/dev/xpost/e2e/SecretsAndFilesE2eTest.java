package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.StandardOpenOption;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, "Secrets" and "Files and resources": what an attacker who can commit a file (or answer as a platform)
 * could make xpost read, send, print or overwrite. The tokens live in {@code .env} here, as on a laptop, so that
 * every path that reads {@code .env} is under test; {@link E2eBlog#run} checks each run's output and state file for
 * them, and closing the blog checks that neither platform saw the other's token.
 */
class SecretsAndFilesE2eTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.cli.env.remove("HASHNODE_TOKEN");
        blog.cli.env.remove("LINKEDIN_ACCESS_TOKEN");
        blog.cli.write(".env", "HASHNODE_TOKEN=" + E2eBlog.HASHNODE_TOKEN + "\nLINKEDIN_ACCESS_TOKEN="
                + E2eBlog.LINKEDIN_TOKEN + "\n");
        blog.post("fine.md", "A fine post", "2026-11-20T09:00:00Z", "a-fine-post");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    /** What reached the platforms: the valid post alone, nothing of the refused file. */
    private void assertOnlyTheFinePostWentOut() {
        assertEquals(List.of("A fine post"), blog.hashnode.posts().stream().map(p -> p.title).toList());
        assertEquals(1, blog.linkedin.posts().size());
        for (var p : blog.hashnode.posts()) {
            assertFalse(p.markdown.contains(E2eBlog.HASHNODE_TOKEN) || p.markdown.contains("PRIVATE-CONTENT"));
        }
    }

    private static void assertNoTrace(CliRun.Result r) {
        assertFalse(r.err().contains("Exception"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    @Test
    void aPostThatLinksToDotEnvIsAnErrorNamingItAndNothingIsSent() throws IOException {
        Files.createSymbolicLink(dir.resolve("posts/leak.md"), Path.of("../.env"));

        CliRun.Result validate = blog.run("validate");
        assertEquals(3, validate.code(), validate::toString);
        assertTrue(validate.out().contains("posts/leak.md:1: error: posts/leak.md is a symbolic link to "),
                validate::toString);
        assertTrue(validate.out().contains("(secret-file)"), validate::toString);
        assertNoTrace(validate);

        E2eBlog.Run publish = blog.publish();
        assertEquals(3, publish.code(), publish::toString);
        // The invalid post blocks only itself: the fine post goes out, the link is never read nor sent.
        assertOnlyTheFinePostWentOut();
        assertFalse(publish.result().out().contains("HASHNODE_TOKEN="), publish::toString);

        CliRun.Result preview = blog.run("preview", "posts/leak.md", "--platform", "linkedin");
        // An invalid post, so exit 3 as validate and publish give it (it was 2, a setting, until a new user asked).
        assertEquals(3, preview.code(), preview::toString);
        assertTrue(preview.err().contains("(secret-file)"), preview::toString);
        assertNoTrace(preview);

        // A post named .env.local (or linked to one) is as secret as .env.
        Files.delete(dir.resolve("posts/leak.md"));
        Files.writeString(dir.resolve(".env.local"), "HASHNODE_TOKEN=" + E2eBlog.HASHNODE_TOKEN + "\n");
        Files.createSymbolicLink(dir.resolve("posts/local.md"), dir.resolve(".env.local"));
        CliRun.Result local = blog.run("validate", "posts/local.md");
        assertEquals(3, local.code(), local::toString);
        assertTrue(local.out().contains("(secret-file)"), local::toString);

        // An editor's backup of .env and direnv's .envrc hold the same secrets, which may be of no token xpost knows
        // (secret-in-post would not see them): a post linked to either is refused unread, its "heading" unpublished.
        for (String name : List.of(".env~", ".envrc")) {
            Files.writeString(dir.resolve(name), "# local settings\nOPENAI_API_KEY=sk-fake-unknown-secret\n");
            Path link = Files.createSymbolicLink(dir.resolve("posts/backup.md"), Path.of("../" + name));
            CliRun.Result backup = blog.run("publish", "--dry-run", "posts/backup.md");
            assertEquals(3, backup.code(), backup::toString);
            assertTrue(backup.out().contains("(secret-file)"), backup::toString);
            assertFalse(backup.out().contains("sk-fake-unknown-secret") || backup.out().contains("local-settings"),
                    backup::toString);
            Files.delete(link);
        }
    }

    @Test
    void aPostThatHoldsATokenIsAnErrorAndNeverSent() throws IOException {
        // Pasted by mistake into a post: the dry run masks it, so only validate can stop it going out.
        blog.post("pasted.md", "How I set up CI", "2026-11-21T09:00:00Z", "ci-setup");
        Files.writeString(dir.resolve("posts/pasted.md"), "\nexport LINKEDIN_ACCESS_TOKEN=" + E2eBlog.LINKEDIN_TOKEN
                + "\n", StandardOpenOption.APPEND);

        CliRun.Result validate = blog.run("validate");
        assertEquals(3, validate.code(), validate::toString);
        assertTrue(validate.out().contains("(secret-in-post)"), validate::toString);
        // Which one to revoke, by its name, never its value.
        assertTrue(validate.out().contains("the body holds the value of LINKEDIN_ACCESS_TOKEN (from the environment"
                + " or .env)") && validate.out().contains("revoke LINKEDIN_ACCESS_TOKEN"), validate::toString);
        assertFalse(validate.out().contains(E2eBlog.LINKEDIN_TOKEN), validate::toString);
        // Doctor ("ready to publish?") says no, as publish would: it said "no errors".
        CliRun.Result doctor = blog.run("doctor");
        assertTrue(doctor.out().contains("posts: 1 error in 1 file"), doctor::toString);
        assertEquals(3, doctor.code(), doctor::toString);

        E2eBlog.Run publish = blog.publish();
        assertEquals(3, publish.code(), publish::toString);
        assertOnlyTheFinePostWentOut();
        assertTrue(blog.linkedin.posts().stream().noneMatch(p -> p.commentary.contains(E2eBlog.LINKEDIN_TOKEN)));
    }

    @Test
    void theStateFileIsNeverWrittenOutsideTheBlogNorThroughALinkedFolder() throws IOException {
        // A .xpost folder that is a link to elsewhere: xpost would write there and start from an empty record.
        Path away = Files.createDirectories(elsewhere.resolve("state-elsewhere"));
        Files.createSymbolicLink(dir.resolve(".xpost"), away);
        CliRun.Result linked = blog.run("publish");
        assertEquals(2, linked.code(), linked::toString);
        assertTrue(linked.err().contains("leads out of the blog folder"), linked::toString);
        try (var listing = Files.list(away)) {
            assertEquals(0, listing.count(), "nothing was written through the link");
        }
        assertEquals(0, blog.requests());

        Files.delete(dir.resolve(".xpost"));
        Path config = dir.resolve("config/xpost.yaml");
        Files.writeString(config, "state: ../outside-state.json\n" + Files.readString(config));
        CliRun.Result outside = blog.run("publish");
        assertEquals(2, outside.code(), outside::toString);
        assertTrue(outside.err().contains("is outside the blog folder"), outside::toString);
        assertTrue(Files.notExists(dir.resolve("../outside-state.json").normalize()));
        assertNoTrace(outside);
    }

    @Test
    void aPostThatLinksOutOfTheBlogIsAnErrorAndItsContentIsNeverRead() throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("private.md"), CliRun.post("Private notes",
                "2026-11-20T09:00:00Z", "private-notes", "java") + "PRIVATE-CONTENT-OF-ANOTHER-FOLDER\n");
        Files.createSymbolicLink(dir.resolve("posts/notes.md"), outside);

        CliRun.Result validate = blog.run("validate", "--json");
        assertEquals(3, validate.code(), validate::toString);
        assertTrue(validate.out().contains("\"rule\" : \"outside-blog\""), validate::toString);
        assertTrue(validate.out().contains("outside the blog folder"), validate::toString);

        E2eBlog.Run publish = blog.publish();
        assertEquals(3, publish.code(), publish::toString);
        assertOnlyTheFinePostWentOut();
        assertFalse(publish.result().out().contains("PRIVATE-CONTENT"), publish::toString);
        assertNoTrace(publish.result());

        // A link inside the blog is fine: the same post, reached another way, is still a post of this blog.
        Files.delete(dir.resolve("posts/notes.md"));
        blog.cli.write("drafts/kept.md", CliRun.post("Kept", "2026-11-21T09:00:00Z", "kept", "java"));
        Files.createSymbolicLink(dir.resolve("posts/kept.md"), Path.of("../drafts/kept.md"));
        CliRun.Result inside = blog.run("validate");
        assertEquals(0, inside.code(), inside::toString);
    }

    @Test
    void anImageOrCoverThatLinksOutOfTheBlogOrToDotEnvIsRefused() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        Path outsidePng = Files.write(elsewhere.resolve("photo.png"), png);
        Files.createDirectories(dir.resolve("posts/img"));
        Files.createSymbolicLink(dir.resolve("posts/img/photo.png"), outsidePng);
        Files.createSymbolicLink(dir.resolve("posts/img/cover.png"), dir.resolve(".env"));
        blog.post("pictures.md", "Pictures", "2026-11-21T09:00:00Z", "pictures", "cover: img/cover.png");
        Files.writeString(dir.resolve("posts/pictures.md"), "\n![A photo](img/photo.png)\n",
                StandardOpenOption.APPEND);

        CliRun.Result validate = blog.run("validate");
        assertEquals(3, validate.code(), validate::toString);
        assertTrue(validate.out().contains("(image-outside-blog)"), validate::toString);
        assertTrue(validate.out().contains("(secret-file)"), validate::toString);

        E2eBlog.Run publish = blog.publish();
        assertEquals(3, publish.code(), publish::toString);
        assertOnlyTheFinePostWentOut();
        assertTrue(blog.linkedin.uploads().isEmpty(), "no upload");
    }

    @Test
    void aTokenThatTheOtherPlatformQuotesBackIsMaskedInTheStateFileAndInStatus() {
        Dispatcher fake = blog.linkedin;
        blog.linkedinServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().equals("/rest/posts")) {
                    // An error body quoting Hashnode's token (a proxy echoing a header, a confused server), with
                    // an escape sequence that would clear the screen.
                    return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                            .body("{\"status\":400,\"code\":\"INVALID\",\"message\":\"Bad header Bearer "
                                    + E2eBlog.HASHNODE_TOKEN + " \\u001b[2J\\u001b]0;pwned\\u0007 refused\"}")
                            .build();
                }
                return fake.dispatch(request);
            }
        });

        E2eBlog.Run publish = blog.publish();
        assertEquals(5, publish.code(), publish::toString);
        assertEquals("failed", publish.outcome("a-fine-post", "linkedin"), publish::toString);
        String state = E2eBlog.read(blog.stateFile());
        assertTrue(state.contains("Bad header Bearer fake****"), state);
        assertFalse(state.contains(E2eBlog.HASHNODE_TOKEN), state);

        CliRun.Result status = blog.run("status");
        assertEquals(0, status.code(), status::toString);
        assertTrue(status.out().contains("Bad header Bearer fake****"), status::toString);
        assertFalse(status.out().contains("\u001b"), "a server's escape sequence reached the terminal");
        assertFalse(status.out().contains("\u0007"), status::toString);

        CliRun.Result text = blog.run("publish");
        assertFalse(text.out().contains("\u001b") || text.err().contains("\u001b"), text::toString);
    }

    @Test
    void aLinkedLockFileIsRefusedAndTheFileItPointsToIsUnchanged() throws IOException {
        byte[] precious = "precious content that a lock must never truncate\n".getBytes(StandardCharsets.UTF_8);
        Path target = Files.write(elsewhere.resolve("precious.txt"), precious);
        Files.createDirectories(dir.resolve(".xpost"));
        Files.createSymbolicLink(dir.resolve(".xpost/state.lock"), target);

        E2eBlog.Run publish = blog.publish();
        assertEquals(2, publish.code(), publish::toString);
        assertTrue(publish.result().err().contains("state.lock is a symbolic link"), publish::toString);
        assertNoTrace(publish.result());
        assertArrayEquals(precious, Files.readAllBytes(target));
        assertEquals(0, blog.hashnode.mutations() + blog.linkedin.mutations());

        CliRun.Result forget = blog.run("state", "forget", "a-fine-post", "--platform", "hashnode");
        assertEquals(2, forget.code(), forget::toString);
        assertArrayEquals(precious, Files.readAllBytes(target));
    }

    @Test
    void aLinkedStateFileIsRefusedAndNeitherReadNorReplaced() throws IOException {
        byte[] precious = "{\"not\": \"xpost's\"}\n".getBytes(StandardCharsets.UTF_8);
        Path target = Files.write(elsewhere.resolve("state.json"), precious);
        Files.createDirectories(dir.resolve(".xpost"));
        Files.createSymbolicLink(dir.resolve(".xpost/state.json"), target);

        E2eBlog.Run publish = blog.publish();
        assertEquals(2, publish.code(), publish::toString);
        assertTrue(publish.result().err().contains("state.json is a symbolic link"), publish::toString);
        assertEquals(0, blog.requests());
        assertArrayEquals(precious, Files.readAllBytes(target));
        assertTrue(Files.isSymbolicLink(dir.resolve(".xpost/state.json")), "the link itself is left as it was");
    }
}
