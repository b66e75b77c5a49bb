package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file written by the release before format version 2 ({@code state/v1-release.json}, made with that
 * release's own code: hashnode and linkedin records, intents with what they sent, gone, forgotten, attempts,
 * started) is read, migrated in memory, and written as version 2 only when something writes.
 */
class StateMigrationTest {
    private static final Instant T = Instant.parse("2024-03-01T09:00:00Z");

    @TempDir
    Path root;

    private Path stateFile() {
        return root.resolve(".xpost/state.json");
    }

    private Path install(String resource) throws IOException {
        Path file = stateFile();
        Files.createDirectories(file.getParent());
        Files.write(file, StateStoreTest.resource(resource));
        return file;
    }

    /** Every fact of v1-release.json, put through today's API. */
    private static State expected() {
        State s = State.empty()
                .withAccount("hashnode", "publicationId", "65a1b2c3d4e5f60718293a4b")
                .withAccount("hashnode", "publicationHost", "blog.example.com")
                .withAccount("linkedin", "author", "urn:li:person:8675309")
                .withStarted(Instant.parse("2024-01-01T00:00:00Z"))
                .withImage("hashnode", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "https://cdn.hashnode.com/res/hashnode/image/upload/v1/cover.png")
                .withImage("linkedin", "https://example.com/cover.png", "urn:li:image:C4D22AQH")
                .withGone("clq8gone0000008l5a1b2c3d4", "posts/deleted.md")
                .withForgotten("urn:li:share:7150000000000000001", "posts/forgot.md")
                .withAttempts("linkedin", "https://example.com/broken.png", 2);
        s = s.withRecord("aws-part-1", "posts/aws/part-1.md", "hashnode",
                PlatformRecord.published("65f0c0ffee0000000000beef", "https://blog.example.com/aws-part-1-1",
                                "sha256:aaaa", T)
                        .withExt(Map.of("cuid", "clq8x2k0a000108l5a1b2c3d4", "slug", "aws-part-1-1",
                                "publicationId", "65a1b2c3d4e5f60718293a4b"))
                        .withFields(List.of("tags", "canonical", "cover")));
        s = s.withRecord("aws-part-1", "posts/aws/part-1.md", "linkedin",
                PlatformRecord.published("urn:li:share:7157000000000000000",
                                "https://www.linkedin.com/feed/update/urn:li:share:7157000000000000000/",
                                "sha256:bbbb", T.plusSeconds(5))
                        .withFields(List.of("cover")).withMessage("LinkedIn refused the edit: rate limited"));
        s = s.withRecord("aws-part-2", "posts/aws/part-2.md", "hashnode",
                PlatformRecord.intent(T.plusSeconds(60), "sha256:cccc")
                        .sending(Map.of("slug", "aws-part-2", "title", "AWS, part 2")));
        s = s.withRecord("aws-part-2", "posts/aws/part-2.md", "linkedin",
                PlatformRecord.intent(T.plusSeconds(70), "sha256:dddd")
                        .sending(Map.of("author", "urn:li:person:8675309",
                                "commentary", "AWS, part 2\n\nhttps://blog.example.com/aws-part-2",
                                "card.source", "https://blog.example.com/aws-part-2", "card.title", "AWS, part 2"))
                        .unknown("LinkedIn did not answer within 30 s", T.plusSeconds(100)));
        s = s.withRecord("broken-post", "posts/broken.md", "hashnode",
                PlatformRecord.intent(T.plusSeconds(200)).failed("Hashnode refused the post: title too long"));
        s = s.withRecord("old-post", "posts/2019/old.md", "hashnode",
                PlatformRecord.published("5d1f00000000000000000001", "https://blog.example.com/old-post", null,
                        Instant.parse("2019-06-01T10:00:00Z"))
                        .withExt(Map.of("cuid", "cjx000000000000000000001", "slug", "old-post")));
        return s;
    }

    @Test
    void everyRecordAndEveryFactOfALastReleaseFileSurvives() throws IOException {
        Path file = install("v1-release.json");

        State loaded = new StateStore(file).load();

        assertEquals(expected(), loaded);
        assertEquals(2, loaded.openIntents().size(), "the intent and the unknown create still need settling");
        assertEquals("urn:li:person:8675309", loaded.recordFor("aws-part-2", "linkedin").orElseThrow().sent()
                .get("author"), "what the open create carried");
        assertArrayEquals(StateStoreTest.resource("v1-release.json"), Files.readAllBytes(file), "loading writes nothing");
    }

    @Test
    void theMigratedFileIsWrittenInVersion2ByteForByte() throws IOException {
        Path file = install("v1-release.json");
        StateStore store = new StateStore(file);
        State loaded = store.load();

        assertTrue(store.compact(loaded, loaded), "an older format is written by the first real run, even unchanged");

        assertEquals(new String(StateStoreTest.resource("v2-from-v1-release.json"), StandardCharsets.UTF_8),
                Files.readString(file));
        assertEquals(loaded, new StateStore(file).load());
        assertEquals(StateStore.text(loaded), Files.readString(file), "state show shows what is written");
    }

    @Test
    void aJournalALastReleaseRunLeftIsReplayedBeforeTheMigration() throws IOException {
        Path file = install("v1-release.json");
        StateStore store = new StateStore(file);
        Files.write(store.journal(), StateStoreTest.resource("v1-release.journal"));

        State loaded = store.load();

        PlatformRecord settled = loaded.recordFor("aws-part-2", "hashnode").orElseThrow();
        assertEquals(Status.PUBLISHED, settled.status());
        assertEquals(Map.of("cuid", "clq8x2k0a000208l5a1b2c3d4", "slug", "aws-part-2",
                "publicationId", "65a1b2c3d4e5f60718293a4b"), settled.ext());
        assertEquals("urn:li:person:8675310", loaded.account("linkedin", "author").orElseThrow());

        // The next journal line would be version 2: the file beside it is written in version 2 first.
        State next = loaded.withStarted(Instant.parse("2025-01-01T00:00:00Z"));
        store.append(loaded, next);
        assertTrue(Files.readString(file).contains("\"version\": 2"), "the file went first");
        assertEquals(1, Files.readAllLines(store.journal()).size(), "only this run's change is in the journal");
        assertEquals(next, new StateStore(file).load());
    }

    @Test
    void aVersion2FileRefusesTheFieldsVersion1HadInTheRecordCore() throws IOException {
        String v2 = new String(StateStoreTest.resource("full.json"), StandardCharsets.UTF_8)
                .replace("\"hash\": \"sha256:aaaa\",", "\"hash\": \"sha256:aaaa\",\n          \"cuid\": \"x\",");
        Path file = stateFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, v2);

        StateException e = assertThrows(StateException.class, () -> new StateStore(file).load());

        assertEquals(StateException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("at posts.aws-part-1.platforms.hashnode: unknown field \"cuid\" (expected"
                + " one of: ext, fields, hash, id, intentAt, message, requestEndedAt, sent, sentAt, source, status, url)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(line "), e.getMessage());
    }

    @Test
    void aFileOfANewerFormatIsRefusedAndLeftUntouched() throws IOException {
        Path file = stateFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  \"accounts\": {},\n  \"posts\": {},\n  \"version\": 3\n}\n");
        byte[] before = Files.readAllBytes(file);

        StateException e = assertThrows(StateException.class, () -> new StateStore(file).load());

        assertEquals(StateException.Kind.TOO_NEW, e.kind());
        assertTrue(e.getMessage().contains("written by a newer xpost"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertFalse(Files.exists(new StateStore(file).journal()));
    }
}
