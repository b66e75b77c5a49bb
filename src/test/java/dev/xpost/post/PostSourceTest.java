package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post lets go of its body and reads it again from its file (issue 15: memory follows the work), and never pairs
 * front matter with a body from another version of the file.
 */
class PostSourceTest {
    @TempDir
    Path dir;

    private final PostReader reader = new PostReader(ZoneOffset.UTC);

    private Post read(String name, String content) throws IOException {
        Path f = Files.writeString(dir.resolve(name), content);
        return reader.read(f, Path.of("posts", name)).post();
    }

    @Test
    void aBodyLetGoIsReadAgainExactlyAsFirstRead() throws IOException {
        String text = "\uFEFF---\r\ntitle: Hello\r\nslug: hello\r\n---\r\n\r\n# Hi\r\n\r\nText with ünïcödé.\r\n";
        Post eager = read("crlf.md", text);
        Post lazy = eager.withoutBody();

        assertNull(lazy.withoutBody().toString().contains("Text with") ? "the body is still held" : null);
        assertEquals(eager.body(), lazy.body());
        assertEquals("\n# Hi\n\nText with ünïcödé.\n", lazy.body());
        assertEquals(eager.body(), lazy.withBody().body());
        assertEquals("Hello", lazy.title());
    }

    @Test
    void aLegacyFileWithoutFrontMatterIsReadAgainWithoutItsTitleHeading() throws IOException {
        Post eager = read("c" + "a".repeat(24) + ".md", "# Old title\n\nOld text.\n");
        assertEquals(eager.body(), eager.withoutBody().body());
        assertEquals("\nOld text.\n", eager.withoutBody().body());
    }

    @Test
    void aFileEditedAfterItWasReadIsRefusedNotMixed() throws IOException {
        Post lazy = read("edited.md", "---\ntitle: First\nslug: first\n---\n\nFirst text.\n").withoutBody();
        Files.writeString(dir.resolve("edited.md"), "---\ntitle: Second\nslug: first\n---\n\nSecond text.\n");

        PostSource.Changed e = assertThrows(PostSource.Changed.class, lazy::body);
        assertTrue(e.getMessage().startsWith("posts/edited.md changed on disk since xpost read it"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was sent for it"), e.getMessage());
        assertThrows(PostSource.Changed.class, lazy::withBody);
    }

    @Test
    void anEditThatKeepsTheSizeIsCaughtToo() throws IOException {
        Post lazy = read("same-size.md", "---\ntitle: T\nslug: t\n---\n\nabc\n").withoutBody();
        Files.write(dir.resolve("same-size.md"), "---\ntitle: T\nslug: t\n---\n\nabd\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThrows(PostSource.Changed.class, lazy::body);
    }

    /** Found by an attack: a FIFO blocked the run for good, and a link to /dev/zero filled the memory. */
    @Test
    void aPostSwappedForAFifoOrAnEndlessFileFailsAloneWithoutHangingOrFillingMemory() throws Exception {
        Post fifo = read("fifo.md", "---\ntitle: T\nslug: t\n---\n\nText.\n").withoutBody();
        Files.delete(dir.resolve("fifo.md"));
        Process mk = new ProcessBuilder("mkfifo", dir.resolve("fifo.md").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");
        PostSource.Changed e = assertThrows(PostSource.Changed.class, fifo::body);
        assertTrue(e.getMessage().contains("no longer a regular file"), e.getMessage());

        Post big = read("big.md", "---\ntitle: T\nslug: t\n---\n\nText.\n").withoutBody();
        try (var out = Files.newOutputStream(dir.resolve("big.md"))) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
        }
        assertThrows(PostSource.Changed.class, big::body);
    }

    @Test
    void aRemovedFileIsReportedAsSuch() throws IOException {
        Post lazy = read("gone.md", "---\ntitle: T\nslug: t\n---\n\nText.\n").withoutBody();
        Files.delete(dir.resolve("gone.md"));
        PostSource.Changed e = assertThrows(PostSource.Changed.class, lazy::body);
        assertTrue(e.getMessage().startsWith("posts/gone.md cannot be read again"), e.getMessage());
    }

    @Test
    void aBodyLoadedOnceStaysWhateverTheFileDoesLater() throws IOException {
        Post loaded = read("pinned.md", "---\ntitle: T\nslug: t\n---\n\nOne.\n").withoutBody().withBody();
        Files.writeString(dir.resolve("pinned.md"), "changed");
        assertEquals("\nOne.\n", loaded.body());
        assertSame(loaded, loaded.withBody());
    }

    @Test
    void theDigestFollowsTheBytes() throws IOException {
        String a = read("a.md", "---\ntitle: T\nslug: t\n---\n\nText.\n").fileDigest();
        String same = read("b.md", "---\ntitle: T\nslug: t\n---\n\nText.\n").fileDigest();
        String other = read("c.md", "---\ntitle: T\nslug: t\ntags: java\n---\n\nText.\n").fileDigest();
        assertEquals(a, same);
        assertNotEquals(a, other);
        assertTrue(a.matches("crc64:[0-9a-f]{16}:\\d+"), a);
    }

    @Test
    void aPostMadeInMemoryKeepsItsBody() {
        Post p = new Post(Path.of("x.md"), Dialect.GENERIC, "T", null, "t", true, java.util.List.of(),
                java.util.List.of(), null, null, null, null, null, null, null, null, null, null, null, false, false,
                null, null, null, java.util.List.of(), null, java.util.Map.of(), "Body.", 5, java.util.Map.of());
        assertSame(p, p.withoutBody());
        assertEquals("Body.", p.withoutBody().body());
        assertNull(p.fileDigest());
    }
}
