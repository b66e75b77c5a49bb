package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two optional fields moving in added: when xpost first recorded the blog, and the cuids found gone. */
class StateStartedGoneTest {
    @TempDir
    Path root;

    @Test
    void anOlderStateFileWithoutThemStillReads() throws IOException {
        Path file = root.resolve(".xpost/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  \"images\": {},\n  \"posts\": {},\n  \"version\": 1\n}\n");
        State s = new StateStore(file).load();
        assertNull(s.started());
        assertTrue(s.gone().isEmpty());
    }

    @Test
    void bothRoundTripAndAGoneCuidCanBeForgotten() {
        Path file = root.resolve(".xpost/state.json");
        State s = State.empty().withStarted(Instant.parse("2026-11-26T12:00:00Z"))
                .withGone("clx1aaaaa000108l1aaaaaaaa", "posts/clx1aaaaa000108l1aaaaaaaa.md");
        new StateStore(file).save(s);
        State back = new StateStore(file).load();
        assertEquals(s, back);
        assertEquals(Map.of("clx1aaaaa000108l1aaaaaaaa", "posts/clx1aaaaa000108l1aaaaaaaa.md"), back.gone());
        assertTrue(back.withoutGone("clx1aaaaa000108l1aaaaaaaa").gone().isEmpty());
    }
}
