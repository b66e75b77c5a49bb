package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post read by its front matter alone (issue 15: a post known unchanged) is the post a full read gives, but for
 * its body, which is read from the file when asked for and is then the full read's body; its front matter problems
 * are the full read's, its body's are not looked for. Whatever the front matter alone cannot settle is read fully.
 */
class PostReaderHeadTest {
    @TempDir
    Path dir;

    private final PostReader reader = new PostReader(ZoneOffset.UTC);

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** The reads of one file: full, and by its front matter with "enough" answered yes. */
    private record Reads(ReadResult full, ReadResult head, boolean asked) {
    }

    private Reads both(Path file) {
        BlogFiles allowed = new BlogFiles(dir, dir);
        ReadResult full = reader.read(file, file, allowed);
        AtomicInteger asked = new AtomicInteger();
        ReadResult head = reader.read(file, file, allowed, p -> asked.incrementAndGet() == 1);
        return new Reads(full, head, asked.get() == 1);
    }

    /** The same post but for how its body is held. */
    private static void assertSamePost(Post full, Post head) {
        assertEquals(full.withoutBody().withSource(null), head.withSource(null));
        assertEquals(full.body(), head.body(), "the body read again is the full read's");
        assertEquals(full.fileDigest(), head.fileDigest());
    }

    private static List<Problem> frontMatterProblems(ReadResult r, Post p) {
        return r.problems().stream().filter(x -> p == null || x.line() < p.bodyLine()).toList();
    }

    @Test
    void frontMatterAloneGivesTheFullReadsPostWhateverTheLineEndings() throws IOException {
        String[] texts = {
            "---\ntitle: Plain\nslug: plain\ntags: java\n---\n\n# Body\n\nText.\n",
            "\uFEFF---\r\ntitle: Windows\r\nslug: windows\r\n---\r\n\r\nBody\r\nwith ünïcödé\r\n",
            "---  \ntitle: \"Quoted: yes\"\ndate: 2026-11-20T09:00:00Z\n---\t\nBody right after",
            "---\ntitle: Empty body\n---\n",
            "---\ntitle: Ctrl \u0007 in front\nslug: ctrl\n---\nBody with \u001b ESC and \u0085 NEL\n",
            "---\ntitle: Bad yaml \"x\" y\n---\nBody\n",
            "---\n---\nOnly a body\n",
        };
        int i = 0;
        for (String text : texts) {
            Path f = write("p" + i++ + ".md", text.getBytes(StandardCharsets.UTF_8));
            Reads r = both(f);
            assertTrue(r.asked(), text);
            assertSamePost(r.full().post(), r.head().post());
            assertEquals(frontMatterProblems(r.full(), r.full().post()), r.head().problems(), text);
        }
    }

    @Test
    void theBodyOfAPostReadByItsFrontMatterIsNeitherDecodedNorScanned() throws IOException {
        byte[] head = "---\ntitle: Latin-1 body\n---\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = {'c', 'a', 'f', (byte) 0xE9, '\n', 0x1B, '\n'};
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        Reads r = both(write("latin1.md", all));
        assertTrue(r.full().problems().stream().anyMatch(p -> p.rule().equals("not-utf8")), r.full()::toString);
        assertTrue(r.head().problems().isEmpty(), r.head()::toString);
        assertEquals("Latin-1 body", r.head().post().title());
    }

    @Test
    void whatTheFrontMatterAloneCannotSettleIsReadFully() throws IOException {
        String[] texts = {
            "# No front matter\n\nText.\n",
            "---\ntitle: Unclosed\n",
            "---\ntitle: Lone CR\r---\rBody\n",
            "---\ntitle: NUL\n---\nBody \u0000\n",
        };
        int i = 0;
        for (String text : texts) {
            Reads r = both(write("q" + i++ + ".md", text.getBytes(StandardCharsets.UTF_8)));
            assertFalse(r.asked(), text);
            assertEquals(r.full(), r.head(), text);
        }
        byte[] badHead = "---\ntitle: caf\u00e9\n---\nBody\n".getBytes(StandardCharsets.ISO_8859_1);
        Reads r = both(write("bad.md", badHead));
        assertFalse(r.asked());
        assertEquals(r.full(), r.head());
    }

    @Test
    void aNoFromEnoughIsTheFullRead() throws IOException {
        Path f = write("n.md", "---\ntitle: N\n---\nBody \u001b\n".getBytes(StandardCharsets.UTF_8));
        ReadResult full = reader.read(f, f, new BlogFiles(dir, dir));
        ReadResult no = reader.read(f, f, new BlogFiles(dir, dir), p -> false);
        assertEquals(full, no);
        assertTrue(no.problems().stream().anyMatch(p -> p.rule().equals("control-character")));
    }

    @Test
    void everyCorpusPostReadsTheSameByItsFrontMatter() throws IOException {
        Path corpus = Path.of(System.getProperty("xpost.shared", "../shared"), "corpus", "hashnode-backup");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared not present: skipping the corpus comparison");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md")).toList();
        }
        List<String> headRead = new ArrayList<>();
        for (Path file : files) {
            Path copy = write(file.getFileName().toString(), Files.readAllBytes(file));
            Reads r = both(copy);
            if (r.asked() && r.full().post() != null) {
                assertSamePost(r.full().post(), r.head().post());
                assertEquals(frontMatterProblems(r.full(), r.full().post()), r.head().problems(), file::toString);
                headRead.add(file.toString());
            } else {
                assertEquals(r.full(), r.head(), file::toString);
            }
        }
        assertFalse(headRead.isEmpty(), "the corpus has posts with front matter");
    }
}
