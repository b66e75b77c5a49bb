package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many records put at once (an import) make the very state that putting them one by one makes. */
class StateWithRecordsTest {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void putsEveryRecordAsWithRecordWouldInOrder() {
        State start = State.empty().withRecord("kept", "posts/kept.md", "hashnode",
                PlatformRecord.published("h0", "https://b.dev/kept", "hash0", AT));
        List<State.Change> changes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            changes.add(new State.Change("post-" + i, "posts/post-" + i + ".md", "hashnode",
                    PlatformRecord.published("h" + i, "https://b.dev/post-" + i, "hash" + i, AT)));
        }
        // A later change of the same post wins, and a second platform joins the first.
        changes.add(new State.Change("post-7", "posts/moved/post-7.md", "hashnode",
                PlatformRecord.published("h7b", "https://b.dev/post-7", "hash7b", AT)));
        changes.add(new State.Change("kept", "posts/kept.md", "linkedin",
                PlatformRecord.published("urn:li:share:1", null, "li", AT)));

        State one = start;
        for (State.Change c : changes) {
            one = one.withRecord(c.slug(), c.file(), c.platform(), c.record());
        }
        State all = start.withRecords(changes);

        assertEquals(one, all);
        assertEquals(301, all.posts().size());
        assertEquals("posts/moved/post-7.md", all.post("post-7").orElseThrow().file());
        assertEquals("h7b", all.recordFor("post-7", "hashnode").orElseThrow().id());
        assertEquals(2, all.post("kept").orElseThrow().platforms().size());
        assertSame(start, start.withRecords(List.of()), "nothing to put changes nothing");
    }

    @Test
    void aChangeWithoutASlugIsRefusedAsWithRecordRefusesIt() {
        State.Change bad = new State.Change(" ", "posts/a.md", "hashnode",
                PlatformRecord.published("h", "https://b.dev/a", "x", AT));
        assertThrows(IllegalArgumentException.class, () -> State.empty().withRecords(List.of(bad)));
    }
}
