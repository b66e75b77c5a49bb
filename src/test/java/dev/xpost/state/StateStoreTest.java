package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    private static final String PUB = "65a1b2c3d4e5f60718293a4b";

    @TempDir
    Path root;

    /** The state that {@code state/full.json} holds, built through the API the publisher uses. */
    static State fullState() {
        State state = State.empty()
                .withAccount("hashnode", "publicationId", PUB)
                .withAccount("hashnode", "publicationHost", "blog.example.com")
                .withAccount("linkedin", "author", "urn:li:person:8675309")
                .withImage("linkedin", "https://example.com/cover.png", "urn:li:image:C4D22AQH")
                .withImage("hashnode", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "https://cdn.hashnode.com/res/hashnode/image/upload/v1/cover.png");
        // Inserted out of order on purpose: the file must come out sorted anyway.
        state = state.withRecord("aws-part-2", "posts/aws/part-2.md", "linkedin",
                PlatformRecord.intent(Instant.parse("2024-02-07T09:00:01Z"))
                        .failed("LinkedIn refused the post: text too long"));
        state = state.withRecord("aws-part-2", "posts/aws/part-2.md", "hashnode",
                PlatformRecord.intent(Instant.parse("2024-02-07T09:00:00Z"))
                        .unknown("Hashnode did not answer within 30 s"));
        state = state.withRecord("aws-part-1", "posts/aws/part-1.md", "linkedin",
                PlatformRecord.published("urn:li:share:7157000000000000000",
                        "https://www.linkedin.com/feed/update/urn:li:share:7157000000000000000/", "sha256:bbbb",
                        Instant.parse("2024-01-31T09:00:05Z")));
        state = state.withRecord("aws-part-1", "posts/aws/part-1.md", "hashnode",
                PlatformRecord.published("65f0c0ffee0000000000beef", "https://blog.example.com/aws-part-1-1",
                                "sha256:aaaa", Instant.parse("2024-01-31T09:00:00Z"))
                        .withExt(Map.of("cuid", "clq8x2k0a000108l5a1b2c3d4", "slug", "aws-part-1-1", "publicationId", PUB)));
        return state;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = StateStoreTest.class.getResourceAsStream("/state/" + name)) {
            return in.readAllBytes();
        }
    }

    private StateStore store() {
        return StateStore.inBlog(root);
    }

    @Test
    void missingFileIsAnEmptyStateAndNothingIsCreatedByLoading() {
        State state = store().load();
        assertEquals(State.empty(), state);
        assertTrue(state.posts().isEmpty());
        assertFalse(Files.exists(root.resolve(".xpost")));
    }

    @Test
    void savesSortedPrettyJsonExactlyAsExpected() throws IOException {
        store().save(fullState());
        byte[] written = Files.readAllBytes(root.resolve(".xpost/state.json"));
        assertEquals(new String(resource("full.json"), StandardCharsets.UTF_8),
                new String(written, StandardCharsets.UTF_8));
        assertFalse(new String(written, StandardCharsets.UTF_8).contains("\r"));
        assertEquals(new String(written, StandardCharsets.UTF_8), StateStore.text(fullState()));
    }

    @Test
    void emptyStateIsWrittenCompactly() throws IOException {
        store().save(State.empty());
        assertEquals("{\n  \"images\": {},\n  \"posts\": {},\n  \"version\": 2\n}\n",
                Files.readString(root.resolve(".xpost/state.json")));
    }

    @Test
    void roundTripsEveryField() {
        store().save(fullState());
        State loaded = store().load();
        assertEquals(fullState(), loaded);
        PlatformRecord hashnode = loaded.recordFor("aws-part-1", "hashnode").orElseThrow();
        assertEquals("clq8x2k0a000108l5a1b2c3d4", hashnode.ext().get("cuid"));
        assertEquals(Instant.parse("2024-01-31T09:00:00Z"), hashnode.sentAt());
        assertEquals(Status.UNKNOWN, loaded.recordFor("aws-part-2", "hashnode").orElseThrow().status());
    }

    @Test
    void readsTheExpectedFileAndWritesItBackByteForByte() throws IOException {
        Path file = root.resolve(".xpost/state.json");
        Files.createDirectories(file.getParent());
        Files.write(file, resource("full.json"));
        store().save(store().load());
        assertArrayEquals(resource("full.json"), Files.readAllBytes(file));
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        store().save(State.empty());
        store().save(fullState());
        assertEquals(fullState(), store().load());
        assertEquals(List.of("state.json"), namesIn(root.resolve(".xpost")));
    }

    @Test
    void failedWriteMidwayLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = root.resolve(".xpost/state.json");
        store().save(State.empty());
        byte[] before = Files.readAllBytes(file);
        StateStore diskFull = new StateStore(file, out -> new FailAfter(out, 100));

        StateException e = assertThrows(StateException.class, () -> diskFull.save(fullState()));

        assertEquals(StateException.Kind.IO, e.kind());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().contains("left as it was"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("state.json"), namesIn(file.getParent()));
    }

    @Test
    void saveIntoAFolderThatIsAFileFailsWithAMessage() throws IOException {
        Files.writeString(root.resolve(".xpost"), "not a folder");
        StateException e = assertThrows(StateException.class, () -> store().save(State.empty()));
        assertEquals(StateException.Kind.IO, e.kind());
        assertTrue(e.getMessage().startsWith("Cannot save the state file " + root.resolve(".xpost/state.json")),
                e.getMessage());
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes {@code limit} bytes, then fails as a full disk does. */
    private static final class FailAfter extends FilterOutputStream {
        private int left;

        FailAfter(OutputStream out, int limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("No space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }
}
