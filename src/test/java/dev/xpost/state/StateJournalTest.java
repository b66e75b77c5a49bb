package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state journal (issue 15): recording one post's result appends what changed, whatever the blog's size; a run's
 * end writes the state file whole and removes the journal; a journal left by a run that died is replayed on load,
 * its torn last line ignored.
 */
class StateJournalTest {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    private static State blog(int posts) {
        List<State.Change> changes = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            changes.add(new State.Change("post-" + i, "posts/post-" + i + ".md", "hashnode",
                    PlatformRecord.published("6a603fb103e2cb323e78" + String.format("%04x", i),
                            "https://b.dev/post-" + i, "hash" + i, AT)));
        }
        return State.empty().withRecords(changes);
    }

    private static State oneNewPost(State s) {
        return s.withRecord("brand-new", "posts/brand-new.md", "hashnode", PlatformRecord.intent(AT, "h"));
    }

    private long journalBytesForOneNewPost(int posts, String name) throws IOException {
        StateStore store = new StateStore(dir.resolve(name + "/.xpost/state.json"));
        State before = blog(posts);
        store.save(before);
        store.append(before, oneNewPost(before));
        return Files.size(store.journal());
    }

    @Test
    void recordingOnePostWritesTheSameFewBytesOnABlogOf20AndOf5000Posts() throws IOException {
        long small = journalBytesForOneNewPost(20, "small");
        long large = journalBytesForOneNewPost(5_000, "large");
        assertEquals(small, large, "the journal line does not grow with the blog");
        assertTrue(large < 300, "one post's intent: " + large + " bytes");
        assertTrue(Files.size(dir.resolve("large/.xpost/state.json")) > 1_000_000, "while the state file is large");
    }

    @Test
    void nothingChangedAppendsNothing() {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State s = blog(3);
        store.append(s, s);
        assertFalse(Files.exists(store.journal()));
    }

    @Test
    void aJournalLeftByARunThatDiedIsReplayedOverTheStateFile() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State start = blog(5).withAccount("hashnode", "publicationId", "6a603fb103e2cb323e7851f6")
                .withAccount("hashnode", "publicationHost", "demo.hashnode.dev");
        store.save(start);
        State intent = oneNewPost(start);
        store.append(start, intent);
        State published = intent.withRecord("brand-new", "posts/brand-new.md", "hashnode",
                PlatformRecord.published("6a603fb103e2cb323e78ffff", "https://b.dev/brand-new", "h", AT))
                .forget("post-2").withStarted(AT);
        store.append(intent, published);

        assertEquals(".xpost/state.journal", dir.relativize(store.journal()).toString().replace('\\', '/'));
        assertEquals(3 + 1, Files.readAllLines(store.journal()).size(), "intent, result, a forgotten post, started");
        State loaded = new StateStore(store.file()).load();
        assertEquals(published, loaded);
        assertEquals(start, StateJson.read(Files.readAllBytes(store.file()), store.file()), "the file is untouched");
    }

    @Test
    void aTornLastLineIsIgnoredAndABrokenEarlierLineStopsTheRun() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State start = blog(2);
        store.save(start);
        State intent = oneNewPost(start);
        store.append(start, intent);
        // The run died while appending the next line.
        Files.writeString(store.journal(), "{\"post\":\"brand-new\",\"value\":{\"file\":\"posts/bra",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertEquals(intent, store.load(), "the intent stands; the torn result is ignored");

        Files.writeString(store.journal(), "\n{\"post\":\"post-1\"}\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        StateException e = assertThrows(StateException.class, store::load);
        assertEquals(StateException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void compactingWritesTheStateFileWholeAndRemovesTheJournal() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State start = blog(4);
        store.save(start);
        State intent = oneNewPost(start);
        store.append(start, intent);
        State done = intent.forget("post-0");

        store.compact(intent, done);

        assertFalse(Files.exists(store.journal()));
        assertEquals(StateStore.text(done), Files.readString(store.file()), "the format of the state file is kept");
        assertEquals(done, store.load());
    }
}
