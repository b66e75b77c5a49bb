package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLockTest {
    private static final Duration MAX_WAIT = Duration.ofMillis(200);

    @TempDir
    Path root;

    private final FakeTime time = new FakeTime(Instant.parse("2024-05-01T10:00:00Z"));
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThread() {
        otherThread.shutdownNow();
    }

    private Path stateFile() {
        return root.resolve(".xpost/state.json");
    }

    @Test
    void lockFileSitsNextToTheStateFile() {
        assertEquals(root.resolve(".xpost/state.lock"), StateLock.lockFileFor(stateFile()));
    }

    @Test
    void firstRunGetsTheLockAtOnceAndCreatesTheFolder() {
        try (StateLock lock = StateLock.acquire(stateFile(), MAX_WAIT, time, time)) {
            assertEquals(root.resolve(".xpost/state.lock"), lock.file());
            assertTrue(Files.isRegularFile(lock.file()));
            assertTrue(lock.tookOverFrom().isEmpty());
        }
        assertEquals(Duration.ZERO, time.slept());
    }

    @Test
    @SuppressWarnings("try") // held only for its effect
    void secondThreadWaitsUpToMaxWaitThenFailsNamingTheHolder() throws Exception {
        try (StateLock held = StateLock.acquire(stateFile(), MAX_WAIT, time, time)) {
            Future<StateException> refused = otherThread.submit(() ->
                    assertThrows(StateException.class, () -> StateLock.acquire(stateFile(), MAX_WAIT, time, time)));
            StateException e = refused.get(10, TimeUnit.SECONDS);

            assertEquals(StateException.Kind.LOCKED, e.kind());
            assertTrue(e.getMessage().startsWith("Another xpost run is using " + stateFile() + ": another thread of"
                    + " this process (pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains("waited 0.2 s. Let that run finish, then run xpost again."),
                    e.getMessage());
            assertEquals(MAX_WAIT, time.slept(), "it waited the whole maxWait before giving up");
            assertTrue(time.sleeps().size() > 1, "it tried again while waiting: " + time.sleeps());
        }
    }

    @Test
    void aWaitingRunGetsTheLockWhenTheHolderFinishes() {
        StateLock first = StateLock.acquire(stateFile(), MAX_WAIT, time, time);
        time.onSleep(first::close);

        try (StateLock second = StateLock.acquire(stateFile(), MAX_WAIT, time, time)) {
            assertEquals(1, time.sleeps().size());
            assertTrue(second.tookOverFrom().isEmpty(), "a released lock is not a takeover");
        }
    }

    @Test
    @SuppressWarnings("try") // held only for its effect
    void theSameThreadCannotTakeItTwice() {
        try (StateLock held = StateLock.acquire(stateFile(), MAX_WAIT, time, time)) {
            StateException e = assertThrows(StateException.class,
                    () -> StateLock.acquire(stateFile(), Duration.ZERO, time, time));
            assertEquals(StateException.Kind.LOCKED, e.kind());
        }
        try (StateLock again = StateLock.acquire(stateFile(), Duration.ZERO, time, time)) {
            assertTrue(again.tookOverFrom().isEmpty());
        }
    }

    @Test
    void releaseKeepsTheLockFileButEmptiesIt() throws IOException {
        Path lockFile;
        try (StateLock lock = StateLock.acquire(stateFile(), MAX_WAIT, time, time)) {
            lockFile = lock.file();
        }
        assertTrue(Files.exists(lockFile));
        assertEquals("", Files.readString(lockFile));
    }

    @Test
    void staleLockFileOfADeadProcessIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder(javaBinary(), "-version").redirectErrorStream(true).start();
        gone.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        gone.waitFor();
        Files.createDirectories(stateFile().getParent());
        Files.writeString(StateLock.lockFileFor(stateFile()), "pid=" + gone.pid()
                + "\nstarted=2024-04-30T22:00:00Z\nlocked=2024-04-30T22:00:01Z\n");

        try (StateLock lock = StateLock.acquire(stateFile(), MAX_WAIT, time, time)) {
            assertEquals("an earlier xpost run (pid " + gone.pid() + ", started 2024-04-30T22:00:00Z, holding the"
                    + " lock since 2024-04-30T22:00:01Z; no longer running; it ended without releasing the lock)",
                    lock.tookOverFrom().orElseThrow());
        }
        assertEquals(Duration.ZERO, time.slept(), "a stale file is no reason to wait");
    }

    @Test
    void anotherProcessHoldingTheLockKeepsUsOutUntilItIsKilled() throws Exception {
        Process holder = startLockProcess("hold");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("LOCKED", out.readLine());

            StateException e = assertThrows(StateException.class,
                    () -> StateLock.acquire(stateFile(), MAX_WAIT, time, time));
            assertEquals(StateException.Kind.LOCKED, e.kind());
            assertTrue(e.getMessage().contains("another xpost run (pid " + holder.pid() + ", started "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("If it is stuck, stop it: the lock goes away with its process."),
                    e.getMessage());
            assertEquals(MAX_WAIT, time.slept());

            holder.destroyForcibly();
            holder.waitFor();

            try (StateLock lock = StateLock.acquire(stateFile(), Duration.ZERO, time, time)) {
                String previous = lock.tookOverFrom().orElseThrow();
                assertTrue(previous.startsWith("an earlier xpost run (pid " + holder.pid() + ", started "),
                        previous);
                assertTrue(previous.endsWith("; no longer running; it ended without releasing the lock)"),
                        previous);
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    @SuppressWarnings("try") // held only for its effect
    void ourLockKeepsAnotherProcessOutEvenAfterAThreadOfOursWasTurnedAway() throws Exception {
        try (StateLock held = StateLock.acquire(stateFile(), MAX_WAIT, time, time)) {
            // A refused thread must not have opened and closed the file: on Linux that drops our OS lock.
            otherThread.submit(() -> assertThrows(StateException.class,
                    () -> StateLock.acquire(stateFile(), Duration.ZERO, time, time))).get(10, TimeUnit.SECONDS);

            Process other = startLockProcess("try");
            String answer = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3, other.waitFor(), answer);
            assertTrue(answer.startsWith("REFUSED LOCKED: Another xpost run is using " + stateFile()
                    + ": another xpost run (pid " + ProcessHandle.current().pid() + ", started "), answer);
        }
        assertFalse(Files.readString(StateLock.lockFileFor(stateFile())).contains("pid="));
    }

    private Process startLockProcess(String mode) throws IOException {
        return new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), mode, stateFile().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
