package dev.xpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> COMMANDS = List.of("validate", "plan", "publish", "status", "new", "state",
            "preview", "auth", "import", "init", "doctor", "completion", "help");

    @Test
    void countsEachKindOfSlipAsOneEdit() {
        assertEquals(0, Suggestions.edits("plan", "plan"));
        assertEquals(1, Suggestions.edits("pln", "plan"));      // dropped
        assertEquals(1, Suggestions.edits("plann", "plan"));    // added
        assertEquals(1, Suggestions.edits("plen", "plan"));     // changed
        assertEquals(1, Suggestions.edits("paln", "plan"));     // swapped neighbours
        assertEquals(2, Suggestions.edits("pbulsih", "publish"));
        assertEquals(3, Suggestions.edits("x", "init"));
    }

    @Test
    void offersPrefixesFirstThenTheNearestAndNothingFar() {
        assertEquals(List.of("plan", "publish", "preview"), Suggestions.near("p", COMMANDS));
        assertEquals(List.of("status", "state"), Suggestions.near("stats", COMMANDS));
        assertEquals(List.of("doctor"), Suggestions.near("Docter", COMMANDS));
        assertEquals(List.of("import", "init"), Suggestions.near("i", COMMANDS));
        assertEquals(List.of(), Suggestions.near("frobnicate", COMMANDS));
        assertEquals(List.of(), Suggestions.near("", COMMANDS));
        // Under six letters, one slip only: two would make `max` of `tag`.
        assertEquals(List.of("--tag"), Suggestions.near("--tga", List.of("--max", "--tag")));
        assertEquals(List.of(), Suggestions.near("--max", List.of("--tag", "--date")));
        assertEquals(List.of("publish"), Suggestions.near("pbulsih", COMMANDS));
    }
}
