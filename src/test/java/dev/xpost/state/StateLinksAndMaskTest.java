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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock and the state file are never opened through a link; a store can mask what it writes. */
class StateLinksAndMaskTest {
    private static final byte[] PRECIOUS = "precious\ncontent\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path blog;
    @TempDir
    Path elsewhere;

    private Path state() throws IOException {
        return Files.createDirectories(blog.resolve(".xpost")).resolve("state.json");
    }

    @Test
    void aLinkedLockIsRefusedNamingItAndItsTargetKeepsItsContent() throws IOException {
        Path target = Files.write(elsewhere.resolve("victim"), PRECIOUS);
        Path state = state();
        Files.createSymbolicLink(StateLock.lockFileFor(state), target);

        StateException e = assertThrows(StateException.class, () -> StateLock.acquire(state, Duration.ZERO));
        assertEquals(StateException.Kind.IO, e.kind());
        assertTrue(e.getMessage().contains("state.lock is a symbolic link (to " + target + ")"), e.getMessage());
        assertArrayEquals(PRECIOUS, Files.readAllBytes(target));

        // Refused every time, not only the first: no lock is left behind held in this JVM.
        assertThrows(StateException.class, () -> StateLock.acquire(state, Duration.ZERO));
        Files.delete(StateLock.lockFileFor(state));
        try (StateLock lock = StateLock.acquire(state, Duration.ZERO)) {
            assertFalse(Files.isSymbolicLink(lock.file()));
        }
    }

    @Test
    void aDanglingLinkAsLockIsRefusedAndCreatesNothingWhereItPoints() throws IOException {
        Path state = state();
        Path nowhere = elsewhere.resolve("created-by-xpost");
        Files.createSymbolicLink(StateLock.lockFileFor(state), nowhere);
        assertThrows(StateException.class, () -> StateLock.acquire(state, Duration.ZERO));
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void aLinkedStateFileIsNeitherReadNorReplaced() throws IOException {
        Path target = Files.write(elsewhere.resolve("state.json"), PRECIOUS);
        Path state = state();
        Files.createSymbolicLink(state, target);
        StateStore store = new StateStore(state);

        StateException load = assertThrows(StateException.class, store::load);
        assertTrue(load.getMessage().contains("state.json is a symbolic link"), load.getMessage());
        assertThrows(StateException.class, () -> store.save(State.empty()));
        assertArrayEquals(PRECIOUS, Files.readAllBytes(target));
        assertTrue(Files.isSymbolicLink(state));
    }

    @Test
    void aMaskingStoreWritesNoSecretButKeepsTheStateReadable() throws IOException {
        String token = "fake-li-token-mask-test";
        State s = State.empty().withRecord("p", "posts/p.md", "linkedin",
                PlatformRecord.intent(Instant.parse("2026-11-26T12:00:00Z"))
                        .failed("LinkedIn said: bad header Bearer " + token));
        StateStore store = new StateStore(state()).masking(text -> text.replace(token, "li-s****"));
        store.save(s);

        String written = Files.readString(state());
        assertFalse(written.contains(token), written);
        State back = store.load();
        assertEquals("LinkedIn said: bad header Bearer li-s****", back.recordFor("p", "linkedin").orElseThrow()
                .message());
    }
}
