package dev.xpost.cli;

import dev.xpost.platform.hashnode.HashnodeState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.e2e.FakeHashnode;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.StateStore;
import dev.xpost.state.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xpost import hashnode} against a fake publication, then plan and publish on what it wrote. */
class ImportCliTest {
    @TempDir
    Path dir;
    final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun blog(FakeHashnode hashnode) throws IOException {
        server.setDispatcher(hashnode);
        server.start();
        CliRun cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "timezone: Europe/Berlin\nhashnode:\n  publication: " + FakeHashnode.HOST
                + "\n  endpoint: " + server.url("/") + "\n");
        cli.env.put("HASHNODE_TOKEN", "hn-token-1234567890");
        return cli;
    }

    @Test
    void importsEveryPostAsAValidFileRecordedInSyncSoThatPublishSendsNothing() throws IOException {
        FakeHashnode hashnode = FakeHashnode.withPosts(250);
        CliRun cli = blog(hashnode);

        CliRun.Result r = cli.run("import", "hashnode");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("Publication", "ExportPosts", "ExportPosts", "ExportPosts"), hashnode.operations());
        assertTrue(r.err().contains("imported 200 of 250 posts"), r::toString);
        assertTrue(r.out().contains("Imported 250 posts from demo.hashnode.dev"), r::toString);
        try (Stream<Path> files = Files.list(dir.resolve("posts"))) {
            assertEquals(250, files.count());
        }

        String numeric = cli.read("posts/2023.md");
        assertTrue(numeric.startsWith("---\ntitle: \"2023 in review\"\n"), numeric);
        assertTrue(numeric.contains("\nslug: 2023\n"), numeric);
        assertTrue(numeric.contains("\ntags: java, cicd-cjy1vtdk2005kjjs17n8couc3\n\n---\n\n## Part of the story"),
                numeric);
        assertTrue(numeric.contains("datePublished: Thu Sep 07 2023 08:00:00 GMT+0000 (Coordinated Universal "
                + "Time)\ncuid: clq8kvzg60000000000000001\n"), numeric);
        String quoted = cli.read("posts/quotes-and-colons.md");
        assertTrue(quoted.contains("title: \"He said \\\"hi\\\": a story about C:\\\\temp & #hashtags\"\n"), quoted);
        String persian = cli.read("posts/salam-donya.md");
        assertTrue(persian.contains("title: \"سلام دنیا: نوشتن برای وب\"") && persian.endsWith("\n---\n\nاین یک "
                + "متن فارسی است.\n\n%[https://www.youtube.com/watch?v=dQw4w9WgXcQ]\n"), persian);
        String full = cli.read("posts/post-84.md");
        assertTrue(full.contains("seoTitle: \"SEO: Post number 84\"\nseoDescription: \"What post 84 says,\\nin two "
                + "lines\"\n"), full);
        assertTrue(full.contains("canonical: https://example.dev/blog/post-84?ref=hn\ncover: "
                + "https://cdn.hashnode.com/res/cover-84.png\nogImage: https://cdn.hashnode.com/res/og-84.png\n"), full);
        // Listed newest first: the oldest of the series (post 14) is part 1, post 10 is part 5.
        assertTrue(cli.read("posts/post-14.md").contains("\nseries: aws-origins\npart: 1\n"));
        assertTrue(cli.read("posts/post-10.md").contains("\nseries: aws-origins\npart: 5\n"));
        assertTrue(cli.read("posts/post-10.md").contains("\nsubtitle: \"Subtitle of 10\"\n"));

        CliRun.Result validate = cli.run("validate");
        assertEquals(0, validate.code(), validate::toString);
        assertTrue(validate.out().contains("250 posts checked: 0 errors"), validate::toString);

        State state = new StateStore(dir.resolve(".xpost/state.json")).load();
        assertEquals(250, state.posts().size());
        assertEquals(FakeHashnode.PUBLICATION_ID, state.account("hashnode", "publicationId").orElseThrow());
        assertEquals(FakeHashnode.HOST, state.account("hashnode", "publicationHost").orElseThrow());
        PlatformRecord rec = state.recordFor("2023", "hashnode").orElseThrow();
        assertEquals(Status.PUBLISHED, rec.status());
        assertEquals("clq8kvzg60000000000000001", HashnodeState.of(rec.ext()).cuid());
        assertEquals("https://demo.hashnode.dev/2023", rec.url());
        assertEquals(FakeHashnode.PUBLICATION_ID, HashnodeState.of(rec.ext()).publicationId());
        assertEquals("posts/2023.md", state.post("2023").orElseThrow().file());

        int before = hashnode.operations().size();
        CliRun.Result plan = cli.run("plan", "--platform", "hashnode");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("\n250 unchanged\n"), plan::toString);
        CliRun.Result publish = cli.run("publish", "--platform", "hashnode");
        assertEquals(0, publish.code(), publish::toString);
        assertEquals(before, hashnode.operations().size(),
                "plan and publish sent nothing: " + hashnode.operations());
        assertFalse(hashnode.bodies().stream().anyMatch(b -> b.contains("mutation")), "no mutation was sent");
    }

    @Test
    void aSecondImportSkipsWhatIsThereAndOverwriteRewritesIt() throws IOException {
        FakeHashnode hashnode = FakeHashnode.withPosts(30);
        CliRun cli = blog(hashnode);
        cli.write("posts/mine/hand-written.md", CliRun.post("Mine", "2024-01-01", "post-7", "java"));
        assertEquals(0, cli.run("import", "hashnode").code());
        String edited = cli.read("posts/post-5.md") + "\nAn edit of mine.\n";
        cli.write("posts/post-5.md", edited);

        CliRun.Result again = cli.run("import", "hashnode");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("Imported 0 posts"), again::toString);
        assertTrue(again.out().contains("skipped posts/post-5.md (post-5: already there; --overwrite rewrites it)"),
                again::toString);
        assertTrue(again.out().contains("skipped posts/mine/hand-written.md (post-7: already there"), again::toString);
        assertEquals(edited, cli.read("posts/post-5.md"));

        CliRun.Result overwrite = cli.run("import", "hashnode", "--overwrite");
        assertEquals(0, overwrite.code(), overwrite::toString);
        assertTrue(overwrite.out().contains("Imported 30 posts"), overwrite::toString);
        assertFalse(cli.read("posts/post-5.md").contains("An edit of mine."));
        // Rewritten where it was: no second file for the same slug.
        assertTrue(cli.read("posts/mine/hand-written.md").contains("title: \"Post number 7\""));
        assertFalse(Files.exists(dir.resolve("posts/post-7.md")));
        assertEquals(0, cli.run("validate").code());
    }

    @Test
    void fiveHundredPostsCostSixRequests() throws IOException {
        FakeHashnode hashnode = FakeHashnode.withPosts(500);
        CliRun cli = blog(hashnode);
        CliRun.Result r = cli.run("import", "hashnode", "--publication", "https://demo.hashnode.dev/",
                "--into", "imported");
        assertEquals(0, r.code(), r::toString);
        assertTrue(hashnode.operations().size() <= 6, hashnode.operations()::toString);
        assertTrue(r.err().contains("read 300 of 500 posts") && r.err().contains("imported 500 of 500 posts"),
                r::toString);
        assertTrue(Files.isRegularFile(dir.resolve("imported/post-500.md")));
    }

    @Test
    void withoutATokenItSaysHowToGetOneAndExitsFour() throws IOException {
        FakeHashnode hashnode = FakeHashnode.withPosts(1);
        CliRun cli = blog(hashnode);
        cli.env.remove("HASHNODE_TOKEN");
        CliRun.Result r = cli.run("import", "hashnode");
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.err().contains("https://hashnode.com/settings/developer"), r::toString);
        assertEquals(List.of(), hashnode.operations());
    }
}
