package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * When the journal is folded into the state file (issue 15): a small state file after every run that changed it,
 * a large one only once the journal outgrows a quarter of it, so that recording k results writes O(k) bytes
 * amortised, whatever the size of the blog.
 */
class StateCompactionTest {
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

    /** A run that records {@code k} new posts: an intent and a result each, as publish journals them. */
    private static State run(StateStore store, State start, int run, int k) {
        return run(store, start, run, k, null);
    }

    /** The same, each result with {@code message} (a long one makes the journal grow fast). */
    private static State run(StateStore store, State start, int run, int k, String message) {
        State s = start;
        for (int i = 0; i < k; i++) {
            String slug = "run-" + run + "-post-" + i;
            State intent = s.withRecord(slug, "posts/" + slug + ".md", "hashnode", PlatformRecord.intent(AT, "h"));
            store.append(s, intent);
            s = intent.withRecord(slug, "posts/" + slug + ".md", "hashnode",
                    PlatformRecord.published("id-" + slug, "https://b.dev/" + slug, "h", AT).withMessage(message));
            store.append(intent, s);
        }
        store.compact(s, s);
        return s;
    }

    @Test
    void aSmallStateFileIsWrittenWholeAtTheEndOfEveryRun() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State start = blog(20);
        store.save(start);

        State end = run(store, start, 1, 3);

        assertFalse(Files.exists(store.journal()), "folded in: the diff in git shows the new records");
        assertEquals(StateStore.text(end), Files.readString(store.file()));
    }

    @Test
    void aLargeStateFileIsLeftAloneWhileItsJournalIsSmallAndShowsMergedOnLoad() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State start = blog(4_000);
        store.save(start);
        long size = Files.size(store.file());
        assertTrue(size > StateStore.COMPACT_BELOW, "a large blog: " + size + " bytes");
        byte[] file = Files.readAllBytes(store.file());

        State end = run(store, start, 1, 10);

        assertArrayEquals(file, Files.readAllBytes(store.file()), "ten new posts do not rewrite the state file");
        long journal = Files.size(store.journal());
        assertTrue(journal < 10 * 2 * 400, "about 20 short lines: " + journal + " bytes");
        assertEquals(end, new StateStore(store.file()).load(), "the state is the file with the journal replayed");
        assertTrue(StateStore.text(new StateStore(store.file()).load()).contains("\"run-1-post-9\""),
                "what state show prints has the new posts");
    }

    @Test
    void aLargeStateFileIsFoldedOnceItsJournalOutgrowsAQuarterOfItAndWritesStayProportional() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State s = blog(4_000);
        store.save(s);
        long fileSize = Files.size(store.file());
        long threshold = Math.max(StateStore.COMPACT_BELOW, fileSize / 4);
        long journaled = 0;
        long rewritten = 0;
        int compactions = 0;
        // Each result carries 20 KB, so that the journal passes 1 MiB in a dozen runs rather than thousands.
        String message = "x".repeat(20_000);
        for (int run = 1; run <= 60 && compactions == 0; run++) {
            long journalBefore = Files.exists(store.journal()) ? Files.size(store.journal()) : 0;
            long mtimeProbe = Files.size(store.file());
            s = run(store, s, run, 5, message);
            if (Files.exists(store.journal())) {
                journaled += Files.size(store.journal()) - journalBefore;
                assertEquals(mtimeProbe, Files.size(store.file()), "not rewritten before the threshold");
            } else {
                compactions++;
                rewritten = Files.size(store.file());
                assertTrue(journaled > threshold / 2, "folded only after a journal of " + journaled + " bytes");
            }
        }
        assertEquals(1, compactions, "the journal grew past max(1 MiB, a quarter of the file) within 60 runs");
        assertTrue(rewritten <= 5 * journaled + 5 * StateStore.COMPACT_BELOW,
                "a whole write of " + rewritten + " bytes follows " + journaled + " bytes of journal");
        assertEquals(StateStore.text(s), Files.readString(store.file()));
    }

    @Test
    void aTornLastLineIsCutOffBeforeTheNextRunAppends() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State start = blog(4_000);
        store.save(start);
        State first = run(store, start, 1, 1);
        // A run died while appending: its line has no end.
        Files.writeString(store.journal(), "{\"post\":\"run-2-post-0\",\"value\":{\"fi", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        State loaded = new StateStore(store.file()).load();
        assertEquals(first, loaded, "the torn line is ignored");

        State second = run(store, loaded, 3, 1);

        assertTrue(Files.readString(store.journal()).endsWith("\n"));
        assertFalse(Files.readString(store.journal()).contains("\"fi{"), "no line glued to the torn one");
        assertEquals(second, new StateStore(store.file()).load());
    }
    /**
     * A last line without its newline was never completely written, even when its bytes happen to form whole JSON:
     * it is never read, so the next append that cuts it off drops nothing a run used (found by an attack: a record
     * read from such a line, then cut, was gone from the state).
     */
    @Test
    void aLastLineWithoutItsNewlineIsNeverReadEvenWhenItParses() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State start = blog(4_000);
        store.save(start);
        State first = run(store, start, 1, 1);
        State withRecord = first.withRecord("lost-post", "posts/lost.md", "hashnode",
                PlatformRecord.published("6a603fb103e2cb323e7800ff", "https://b.dev/lost", "h", AT));
        store.append(first, withRecord);
        String journal = Files.readString(store.journal());
        Files.writeString(store.journal(), journal.substring(0, journal.length() - 1)); // its newline never written

        State loaded = new StateStore(store.file()).load();
        assertEquals(first, loaded, "the unfinished line is not read");
        State second = run(store, loaded, 2, 1);
        assertEquals(second, new StateStore(store.file()).load(), "what was read is what stays");
    }

    /** A run that died inside a multi-byte character (a title with é) leaves a tail that is not UTF-8: ignored. */
    @Test
    void aTailCutInsideAMultiByteCharacterIsIgnored() throws IOException {
        StateStore store = new StateStore(dir.resolve(".xpost/state.json"));
        State start = blog(4_000);
        store.save(start);
        State first = run(store, start, 1, 1);
        byte[] cafe = "{\"post\":\"x\",\"value\":{\"file\":\"caf\u00e9".getBytes(StandardCharsets.UTF_8);
        Files.write(store.journal(), java.util.Arrays.copyOf(cafe, cafe.length - 1), StandardOpenOption.APPEND);

        assertEquals(first, new StateStore(store.file()).load());
    }
}
