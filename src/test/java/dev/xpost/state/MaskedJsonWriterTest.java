package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.http.Http;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file is masked a piece at a time as it is written: whatever the cuts, what reaches the file is what
 * masking the whole text gives, a secret that straddles where a piece would end included (plainly, split by an
 * invisible character, one beyond U+FFFF, or its JSON escape).
 */
class MaskedJsonWriterTest {
    private static final String SECRET = "fake-hn-token-0123456789abcdef";
    private static final UnaryOperator<String> MASK = text -> Http.mask(text, List.of(SECRET));

    @TempDir
    Path dir;

    /** A state whose records quote the secret in URLs and titles of every shape, at many offsets. */
    private static State stateQuoting() {
        List<State.Change> changes = new ArrayList<>();
        String[] quoted = {SECRET, SECRET.substring(0, 9) + "\u200b" + SECRET.substring(9),
            SECRET.substring(0, 9) + new String(Character.toChars(0xE0020)) + SECRET.substring(9),
            "q\"uote\\" + SECRET + "\ttab", SECRET.substring(0, 4) + "\u0007" + SECRET.substring(4)};
        for (int i = 0; i < 300; i++) {
            String q = quoted[i % quoted.length];
            changes.add(new State.Change("post-" + i + (i % 7 == 0 ? q.substring(0, 3) : ""), "posts/p" + i + ".md",
                    "hashnode", PlatformRecord.published("id" + i, "https://b.dev/" + "x".repeat(i % 13) + q,
                            "hash" + i, Instant.parse("2026-11-30T10:00:00Z")).withSource("src:" + q)));
        }
        return State.empty().withRecords(changes);
    }

    private static String through(String text, int piece, int slice) throws IOException {
        StringWriter out = new StringWriter();
        MaskedJsonWriter w = new MaskedJsonWriter(out, MASK, piece);
        for (int i = 0; i < text.length(); i += slice) {
            w.write(text, i, Math.min(slice, text.length() - i));
        }
        w.close();
        return out.toString();
    }

    @Test
    void anyCutsGiveWhatMaskingTheWholeTextGives() throws IOException {
        String text = StateJson.text(stateQuoting());
        String whole = MASK.apply(text);
        assertFalse(whole.contains(SECRET), "the whole text, masked, hides it");
        assertTrue(text.contains(SECRET) && text.contains("\\u0007"), "the text quotes it, escaped too");
        for (int piece : new int[] {1, 2, 17, 64, 1000, MaskedJsonWriter.PIECE}) {
            for (int slice : new int[] {1, 3, 50, 8192, text.length()}) {
                assertEquals(whole, through(text, piece, slice), "piece " + piece + ", slice " + slice);
            }
        }
    }

    @Test
    void theStateFileIsTheMaskedTextOfTheStateWithItsNewline() throws IOException {
        State state = stateQuoting();
        StateStore store = new StateStore(dir.resolve(".xpost/state.json")).masking(MASK);

        store.save(state);

        String file = Files.readString(store.file());
        assertEquals(MASK.apply(StateStore.text(state)), file);
        assertFalse(file.contains(SECRET));
    }
}
