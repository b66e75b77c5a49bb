package dev.xpost.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;

/**
 * Keeps two xpost runs from using the same state file at once: hold it from before {@link StateStore#load()} until
 * after the last {@link StateStore#save}, with try-with-resources.
 *
 * <p>The lock is an operating-system lock ({@link FileChannel#tryLock()}) on {@code state.lock} next to the state
 * file, so it goes away with its process however that process ends: a crashed run never blocks the next one. The
 * holder's pid and start time are written into the file only to name it in messages, and a file that still holds
 * them without being locked tells the next run that the previous one ended without releasing it
 * ({@link #tookOverFrom()}). An OS lock belongs to the whole JVM, so a JVM-wide registry makes threads of one
 * process exclude each other as well.
 *
 * <p>Nothing else in the process may open the lock file while it is held (not even {@code Files.readString}): on
 * Linux, closing any descriptor of a file drops every lock the process holds on it.
 *
 * <p>The lock file is never deleted. Deleting it on release would race: a waiting run may already have opened the
 * old file and would lock a file no longer in the folder, while a third run creates and locks a new one, and both
 * would proceed. An empty lock file is harmless and {@code .gitignore} ignores {@code .xpost/*.lock}.
 */
public final class StateLock implements AutoCloseable {
    /** Waits between tries; tests pass one that records instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Sleeps for real. */
    public static final Sleeper REAL_SLEEPER = duration -> Thread.sleep(duration.toMillis());

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * Lock files held by this JVM → who holds it. Besides making threads exclude each other, it keeps a second
     * thread from even opening the lock file while it is held: on Linux, closing any descriptor of a file drops
     * every POSIX lock the process has on it, so that close would silently release the holder's lock.
     */
    private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final String tookOverFrom;
    private boolean closed;

    private StateLock(Path file, Path key, FileChannel channel, FileLock lock, String tookOverFrom) {
        this.file = file;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.tookOverFrom = tookOverFrom;
    }

    /** The lock file of a state file: {@code .xpost/state.json} → {@code .xpost/state.lock}. */
    public static Path lockFileFor(Path stateFile) {
        String name = stateFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return stateFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".lock");
    }

    /** {@link #acquire(Path, Duration, Clock, Sleeper)} with the system clock and real sleeping. */
    public static StateLock acquire(Path stateFile, Duration maxWait) {
        return acquire(stateFile, maxWait, Clock.systemUTC(), REAL_SLEEPER);
    }

    /**
     * Takes the lock of a state file, waiting up to {@code maxWait} while another run (another process, or
     * another thread of this one) holds it. Not reentrant: a second acquire by the same thread also waits.
     *
     * @param stateFile the state file (its folder is created if needed)
     * @param maxWait   how long to wait for another run to finish; zero tries once
     * @throws StateException LOCKED when another run still holds it after {@code maxWait}, naming its pid and start
     *                        time; IO when the lock file cannot be created
     */
    public static StateLock acquire(Path stateFile, Duration maxWait, Clock clock, Sleeper sleeper) {
        Objects.requireNonNull(maxWait, "maxWait");
        Path lockFile = lockFileFor(stateFile);
        Path key = keyOf(lockFile);
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            Attempt attempt = tryOnce(lockFile, key, clock);
            if (attempt.lock != null) {
                return attempt.lock;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new StateException(StateException.Kind.LOCKED, lockFile, "Another xpost run is using "
                        + stateFile + ": " + attempt.holder + " holds its lock (" + lockFile + "); waited "
                        + seconds(maxWait) + ". Let that run finish, then run xpost again. If it is stuck, stop it:"
                        + " the lock goes away with its process. Do not delete the lock file while it runs.");
            }
            try {
                sleeper.sleep(left.compareTo(POLL) < 0 ? left : POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateException(StateException.Kind.LOCKED, lockFile, "Interrupted while waiting for"
                        + " another xpost run to release " + lockFile + ".", e);
            }
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /**
     * When the previous holder ended without releasing the lock (it crashed or was killed), who it was, e.g.
     * {@code an earlier xpost run (pid 4242, started 2024-05-01T10:00:00Z, holding the lock since
     * 2024-05-01T10:00:01Z; no longer running; it ended without releasing the lock)}: its open intents deserve a
     * look ({@link State#openIntents()}).
     */
    public Optional<String> tookOverFrom() {
        return Optional.ofNullable(tookOverFrom);
    }

    /** Releases the lock; the file stays (see the class comment). Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Emptied while still locked, so that leftover content always means a holder that did not get here.
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock anyway; stale content only makes the next run say so.
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
            HELD_IN_THIS_JVM.remove(key);
        }
    }

    private record Attempt(StateLock lock, String holder) {
    }

    /**
     * Refuses a symbolic link where xpost keeps its own file: taking the lock truncates and rewrites the file, and
     * through a link that would empty whatever it points to (a post, {@code .env}, a file outside the blog).
     *
     * @throws StateException IO (exit 2) naming the link and its target
     */
    static void refuseLink(Path file, String what, String fix) {
        if (Files.isSymbolicLink(file)) {
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(file));
            } catch (IOException | UnsupportedOperationException e) {
                target = "somewhere else";
            }
            throw new StateException(StateException.Kind.IO, file, "The " + what + " " + file + " is a symbolic "
                    + "link (to " + target + "), and xpost never opens its own files through a link: it would "
                    + "overwrite what the link points to. Left as it is; " + fix + ", then run again.");
        }
    }

    private static Attempt tryOnce(Path lockFile, Path key, Clock clock) {
        String me = "another thread of this process (pid " + ProcessHandle.current().pid() + ", thread \""
                + Thread.currentThread().getName() + "\")";
        refuseLink(lockFile, "lock file", "delete the link (xpost creates a new lock file)");
        String inJvm = HELD_IN_THIS_JVM.putIfAbsent(key, me);
        if (inJvm != null) {
            return new Attempt(null, inJvm);
        }
        FileChannel channel = null;
        try {
            // NOFOLLOW_LINKS as well as the check above: a link made in between must not be written through either.
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Only code outside this class can hold it this way; it still means "not ours".
                lock = null;
            }
            if (lock == null) {
                String holder = describe(readIfAllowed(channel), false);
                closeQuietly(channel);
                HELD_IN_THIS_JVM.remove(key);
                return new Attempt(null, holder);
            }
            String previous = read(channel);
            String tookOver = previous.isBlank() ? null : describe(previous, true);
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            String started = ProcessHandle.current().info().startInstant()
                    .map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse(now.toString());
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\nstarted=" + started
                    + "\nlocked=" + now + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new Attempt(new StateLock(lockFile, key, channel, lock, tookOver), null);
        } catch (IOException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            HELD_IN_THIS_JVM.remove(key);
            throw new StateException(StateException.Kind.IO, lockFile, "Cannot create or lock " + lockFile + ": "
                    + StateStore.reason(e) + ". Check that its folder is writable, then run again.", e);
        } catch (RuntimeException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            HELD_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    /**
     * The holder as written in the lock file. {@code stale} is true when we got the OS lock despite the content:
     * the writer ended without releasing it.
     */
    private static String describe(String content, boolean stale) {
        Map<String, String> fields = new TreeMap<>();
        content.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        });
        Long pid = parsePid(fields.get("pid"));
        if (pid == null) {
            return stale ? "an earlier xpost run (unknown pid; it ended without releasing the lock)"
                    : "another xpost run (pid not yet written)";
        }
        StringBuilder text = new StringBuilder(stale ? "an earlier xpost run (pid " : "another xpost run (pid ")
                .append(pid);
        String started = validInstant(fields.get("started"));
        if (started != null) {
            text.append(", started ").append(started);
        }
        String locked = validInstant(fields.get("locked"));
        if (locked != null) {
            text.append(", holding the lock since ").append(locked);
        }
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (stale) {
            text.append(alive ? "; that pid now belongs to another process" : "; no longer running");
            text.append("; it ended without releasing the lock)");
        } else if (!alive) {
            // The OS says the lock is held, so its holder lives: on another machine sharing this folder.
            text.append("; not running on this machine: a run on another machine sharing this folder?)");
        } else {
            text.append(')');
        }
        return text.toString();
    }

    private static Long parsePid(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String validInstant(String text) {
        try {
            return text == null ? null : Instant.parse(text).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The lock file's content through our own channel (see {@link #HELD_IN_THIS_JVM} for why not Files.read). */
    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // keep reading until the small file is in
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** Where locks are mandatory (Windows), a locked file cannot even be read: the holder stays anonymous. */
    private static String readIfAllowed(FileChannel channel) {
        try {
            return read(channel);
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was locked through it.
        }
    }

    private static Path keyOf(Path lockFile) {
        Path folder = lockFile.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            return folder.toRealPath().resolve(lockFile.getFileName());
        } catch (IOException e) {
            throw new StateException(StateException.Kind.IO, lockFile, "Cannot create the folder of " + lockFile
                    + ": " + StateStore.reason(e) + ". Check that it is writable, then run again.", e);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }
}
