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
    void aSaveAfterKChangesWritesExactlyThoseKEntriesWhetherGivenTheirSlugsOrComparingAll() throws IOException {
        State before = blog(2_000);
        State after = before
                .withRecord("post-7", "posts/post-7.md", "hashnode", PlatformRecord.intent(AT, "new-hash"))
                .withRecord("brand-new", "posts/brand-new.md", "hashnode", PlatformRecord.intent(AT, "h"))
                .forget("post-1500")
                .withImage("hashnode", "https://img/a.png", "https://cdn/a.png");
        List<String> touched = List.of("post-7", "brand-new", "post-1500", "post-3");   // post-3 is unchanged

        StateStore given = new StateStore(dir.resolve("given/.xpost/state.json"));
        given.save(before);
        given.append(before, after, touched, false);
        StateStore all = new StateStore(dir.resolve("all/.xpost/state.json"));
        all.save(before);
        all.append(before, after);

        List<String> lines = Files.readAllLines(given.journal());
        assertEquals(4, lines.size(), "three posts and the images, nothing else: " + lines);
        assertTrue(lines.get(0).startsWith("{\"post\":\"brand-new\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"post\":\"post-1500\"") && !lines.get(1).contains("\"value\":{"),
                "a forgotten post is a line without a value: " + lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"post\":\"post-7\"") && lines.get(2).contains("new-hash"), lines.get(2));
        assertTrue(lines.get(3).startsWith("{\"field\":\"images\""), lines.get(3));
        assertEquals(new java.util.TreeSet<>(lines), new java.util.TreeSet<>(Files.readAllLines(all.journal())),
                "the same lines as comparing every post (one per post, so their order does not matter)");
        assertEquals(after, new StateStore(dir.resolve("given/.xpost/state.json")).load(), "replayed, the new state");
    }

    @Test
    void aChangeKeepsEveryOtherPostAndMapAsTheSameObject() {
        State before = blog(1_000);
        State after = before.withRecord("post-7", "posts/post-7.md", "hashnode", PlatformRecord.intent(AT, "x"));
        assertTrue(before.posts().get("post-8") == after.posts().get("post-8"), "an unchanged post is not copied");
        assertTrue(before.images() == after.images() && before.gone() == after.gone(),
                "unchanged maps are kept, so a save compares them in constant time");
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

    /** Every post of {@code s} with a source digest learnt, as a new build's first publish records them. */
    private static State everySourceLearnt(State s) {
        List<State.Change> changes = new ArrayList<>();
        s.posts().forEach((slug, entry) -> changes.add(new State.Change(slug, entry.file(), "hashnode",
                entry.platforms().get("hashnode").withSource("src:" + slug))));
        return s.withRecords(changes);
    }

    @Test
    void aRunThatChangedEveryPostWritesTheFileWholeWithoutJournalingTheChangesFirst() throws IOException {
        List<Path> forced = new ArrayList<>();
        StateStore store = new StateStore(dir.resolve(".xpost/state.json")).onForce(forced::add);
        State before = blog(3_000);
        store.save(before);
        forced.clear();
        State after = everySourceLearnt(before);

        assertTrue(store.compact(before, after, after.posts().keySet()), "written whole");

        assertFalse(forced.contains(store.journal()), "the journal was never written: " + forced);
        assertFalse(Files.exists(store.journal()));
        assertEquals(StateStore.text(after), Files.readString(store.file()));
        assertEquals(after, store.load());
    }

    @Test
    void aFewChangesToALargeFileAreStillJournaledNotWrittenWhole() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State before = blog(8_000);
        store.save(before);
        String file = Files.readString(store.file());
        State after = before.withRecord("post-7", "posts/post-7.md", "hashnode",
                before.posts().get("post-7").platforms().get("hashnode").withSource("src:x"));

        assertFalse(store.compact(before, after, List.of("post-7", "post-8")), "journaled");

        assertEquals(file, Files.readString(store.file()), "the state file as it was");
        assertEquals(1, Files.readAllLines(store.journal()).size());
        assertEquals(after, store.load());
    }
}
