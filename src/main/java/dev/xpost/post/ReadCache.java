package dev.xpost.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * What reading each post file by its front matter found, kept on this machine between runs
 * ({@code .xpost/cache/reads}), so that a run finds an untouched file unchanged by one {@code lstat} instead of a
 * real-path check, an open and a read: git's index does the same for {@code git status}. At 50,000 posts those are
 * most of a run with nothing to do (issue 15).
 *
 * <p>An entry is the file's bytes up to the end of its front matter, its size and the check of all its bytes
 * ({@link PostSource}), and the file's identity as {@code lstat} gave it just before the read: size, modification
 * and change times in nanoseconds, device and inode. It is used only while all five are equal. An edit changes the
 * change time (ctime), which no program can set back (unlike the modification time, which {@code touch -d},
 * {@code rsync -t} or {@code cp -p} restore): an edit that keeps the size and the modification time is still seen.
 * What a hit gives is parsed again from those bytes by the same code as a read from the file, so a hit and a read
 * give equal posts, problems included.
 *
 * <p>Only on file systems that keep a change time of their own ({@link #CTIME_FILE_SYSTEMS}: ext4, XFS, Btrfs,
 * APFS and the like): FAT and exFAT keep none (Linux shows the modification time as the change time, so restoring
 * one restores both), and NFS and FUSE file systems may answer from cached attributes. Elsewhere every file is read,
 * as without the cache. One edit escapes every stat-based cache, git's included: a program that writes to a file
 * through a shared memory map changes the times on the first write to a page only, and later writes to that page
 * change the bytes alone. Editors write files; when in doubt, delete {@code .xpost/cache}.
 *
 * <p>Racy entries, as git calls them, are never kept: a file changed less than {@link #RACY_MILLIS} before the run
 * started (or dated in the future) could be changed again within one tick of the file system's clock (a jiffy on
 * Linux, 2 s on FAT) without its times changing. It is read from the file on every run until it is older.
 *
 * <p>A hit never opens the file, and the cache never decides what may be read: a file that is a symbolic link, one
 * in a folder whose real path is not inside the blog (a folder moved out and linked back), and a secret file's name
 * are always read the normal way, so that {@link BlogFiles} refuses them as before. A folder's real path is checked
 * once a run: one swapped for a link later in the run can only have its files answered from what was read inside
 * the blog, never read. The cache is local (each clone
 * has its own times and inodes), ignored by git through its own {@code .gitignore}, made again for each build of
 * xpost, and safe to delete at any time. A cache that cannot be read, is from another build or fails its own
 * check is ignored and written anew; one that cannot be written is left as it was, without a word (the run is
 * only slower). A run appends what it read anew ({@link #save}). Thread-safe: the posts are read in parallel.
 */
public final class ReadCache {
    /** Newer than this, a file's entry is not kept: see the class comment. FAT's clock has a 2 s tick. */
    static final long RACY_MILLIS = 3_000;
    /** Larger than this, the file is not read: 50,000 posts are about 17 MB, so this is about 180,000. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** More blocks than this and the file is written whole (a run appends one; 64 KB of appends make a rewrite). */
    static final int MAX_BLOCKS = 100_000;
    /**
     * How long a run waits for the cache to load or to save: what could block (a FIFO put in place of the file, a
     * hung network file system) leaves the run without the cache rather than stopping it (with the state locked).
     */
    static final long WAIT_SECONDS = 10;
    private static final int FORMAT = 2;
    /** The file systems ({@link java.nio.file.FileStore#type()}'s names) whose files' change times are trusted. */
    static final java.util.Set<String> CTIME_FILE_SYSTEMS = java.util.Set.of("ext2", "ext3", "ext4", "xfs", "btrfs",
            "zfs", "tmpfs", "f2fs", "bcachefs", "jfs", "nilfs2", "reiserfs", "overlay", "apfs", "hfs", "ufs");
    private static final byte[] MAGIC = "xpost read cache\n".getBytes(StandardCharsets.US_ASCII);

    /** What {@code lstat} said of a file, just before it was read. */
    record Stat(long size, long modifiedNanos, long changedNanos, long device, long inode) {
    }

    /**
     * @param head  the file's bytes up to the end of its front matter (where the body starts)
     * @param check {@link PostSource}'s check of the whole file
     */
    record Entry(Stat stat, byte[] head, long check) {
    }

    private final Path folder;
    private final String build;
    private final long racyAfterNanos;
    private final FutureTask<Loaded> loading;
    /** The entries this run found true or made: a whole write keeps only them, so a removed file's entry goes. */
    private final Map<String, Entry> kept = new ConcurrentHashMap<>();
    /** The entries this run made from reads of the files: what an append writes. */
    private final Map<String, Entry> added = new ConcurrentHashMap<>();
    /** By device: is its file system one of {@link #CTIME_FILE_SYSTEMS}? Asked once per device per run. */
    private final Map<Long, Boolean> devices = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private volatile boolean usable = true;

    /**
     * What was loaded.
     *
     * @param entries   by path, the last of each path's entries in the file
     * @param baseBytes the size of the file's first block (with the header): what its last whole write wrote
     * @param fileBytes the size of the file
     * @param blocks    how many blocks it holds
     * @param whole     false when a block failed its check or the file is not this build's: it is written whole
     */
    private record Loaded(Map<String, Entry> entries, long baseBytes, long fileBytes, int blocks, boolean whole) {
        static final Loaded NONE = new Loaded(Map.of(), 0, 0, 0, false);
    }

    private final long waitMillis;

    private ReadCache(Path folder, String build, Clock clock, long waitMillis) {
        this.folder = folder;
        this.waitMillis = waitMillis;
        this.build = build;
        this.racyAfterNanos = TimeUnit.MILLISECONDS.toNanos(clock.millis() - RACY_MILLIS);
        this.loading = new FutureTask<>(this::load);
    }

    /**
     * The cache of a blog, loading on a thread of its own meanwhile (the posts folder is walked in the meantime).
     *
     * @param blog  the blog folder: the cache is {@code .xpost/cache/reads} in it
     * @param build what tells this build of xpost from any other (its version and jar): another build's cache is
     *              ignored, as it may cut front matter otherwise
     * @param clock the run's clock; files changed less than {@link #RACY_MILLIS} before it are not kept
     */
    public static ReadCache open(Path blog, String build, Clock clock) {
        return open(blog, build, clock, TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    /** As {@link #open(Path, String, Clock)}, waiting at most {@code waitMillis} for a load or a save. */
    static ReadCache open(Path blog, String build, Clock clock, long waitMillis) {
        ReadCache cache = new ReadCache(blog.toAbsolutePath().normalize().resolve(".xpost").resolve("cache"),
                Objects.requireNonNull(build, "build"), clock, waitMillis);
        Thread loader = new Thread(cache.loading, "xpost-read-cache");
        loader.setDaemon(true);
        loader.start();
        return cache;
    }

    /** How many reads this run the cache answered (for tests and the benchmark). */
    int hits() {
        return hits.get();
    }

    /** How many entries this run made from a read of the file. */
    int stored() {
        return added.size();
    }

    /**
     * The attributes (of the "unix" view) a {@link Stat} is made of, with the file's type; {@link PostFinder} asks
     * for them with the ones it needs, so that the file is stat'ed once a run, not once by the walk and once here.
     */
    static final String STAT_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino,isRegularFile";

    /** The {@link Stat} of what {@code lstat} said ({@link #STAT_ATTRIBUTES}, at least), of a regular file. */
    static Stat statOf(Map<String, Object> a) {
        return new Stat((Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS), (Long) a.get("dev"), (Long) a.get("ino"));
    }

    /** What the walk that found the posts said of each plain file it found ({@link #walked}); empty without it. */
    private volatile Map<Path, Stat> walked = Map.of();

    /**
     * The {@link Stat}s the walk that found the posts took ({@link PostFinder.Found}), each used for the file at the
     * same path instead of a new {@code lstat} (50,000 posts: 50,000 system calls fewer, about 0.4 s of CPU). Taken
     * before the file is read, as the lstat was: a file changed after it is found unchanged by this run (as one
     * changed just after its read would be) and never cached with what it holds now (its next stat differs).
     */
    public void walked(PostFinder.Found found) {
        walked = found.stats();
    }

    /** The file's identity, not following a link; null when it is not a regular file or cannot be stat'ed. */
    Stat stat(Path file) {
        if (!usable) {
            return null;
        }
        try {
            Stat known = walked.get(file);
            if (known != null) {
                return devices.computeIfAbsent(known.device(), d -> trustsChangeTimes(file)) ? known : null;
            }
            Map<String, Object> a = Files.readAttributes(file, STAT_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
                return null;
            }
            Stat stat = statOf(a);
            return devices.computeIfAbsent(stat.device(), d -> trustsChangeTimes(file)) ? stat : null;
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            usable = false;   // no "unix" view (Windows): no identity to trust, so no cache
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean trustsChangeTimes(Path file) {
        try {
            return trusts(Files.getFileStore(file).type());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True for a file system type ({@link java.nio.file.FileStore#type()}) among {@link #CTIME_FILE_SYSTEMS}. */
    static boolean trusts(String type) {
        return type != null && CTIME_FILE_SYSTEMS.contains(type.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The entry of {@code file} when it still holds what it was made from and the file may be answered from it;
     * else null (read the file).
     *
     * @param allowed where posts may be read from: the file's folder must be inside it
     */
    Entry hit(Path file, Stat stat, BlogFiles allowed) {
        Entry entry = loaded().entries().get(key(file));
        if (entry == null || !entry.stat().equals(stat) || !allowed.allowsRegularFile(file)) {
            return null;
        }
        return entry;
    }

    /** The entry {@link #hit} gave was used: keep it. */
    void used(Path file, Entry entry) {
        kept.put(key(file), entry);
        hits.incrementAndGet();
    }

    /**
     * The entry {@link #hit} gave still holds, but the run wanted the whole post (a source digest that differs from
     * this run's: run from another folder, another platform chosen): kept, so that such a run does not empty the
     * cache for the next.
     */
    void stillTrue(Path file, Entry entry) {
        kept.put(key(file), entry);
    }

    /**
     * A file read by its front matter: keep what was read, unless it is racy or changed while it was read.
     *
     * @param stat   the file's identity taken before the read
     * @param length how many bytes the read found
     */
    void store(Path file, Stat stat, byte[] content, int headEnd, int length, long check) {
        if (stat.size() != length || stat.modifiedNanos() > racyAfterNanos || stat.changedNanos() > racyAfterNanos) {
            return;
        }
        byte[] head = new byte[headEnd];
        System.arraycopy(content, 0, head, 0, headEnd);
        Entry entry = new Entry(stat, head, check);
        String key = key(file);
        kept.put(key, entry);
        added.put(key, entry);
    }

    /**
     * Writes what this run found new: appended to the file as one block, so that a run costs what it read anew, not
     * the size of the blog (one edited post of 50,000: a few hundred bytes, where the whole cache is 17 MB). The
     * file is written whole instead (a temporary file, renamed over it) when the blocks appended since its last
     * whole write would come to more than a quarter of it (and 64 KB), when more than a quarter of its entries are
     * of files this run did not find (removed or renamed), and when it is missing, damaged or another build's: so
     * the writes are linear in what changed, amortised, and the file stays within about 1.25 times what it holds.
     * Not forced to disk: a cache lost in a crash costs one slower run, and a torn block fails its check (it and
     * what follows are dropped). Done on a thread of its own, waited for at most {@link #WAIT_SECONDS}: an open
     * that blocks is left behind (the thread is a daemon). Never throws.
     */
    public void save() {
        startSave();
        awaitSaved();
    }

    /**
     * As {@link #save}, but returns as soon as the write has started, so that the run goes on meanwhile (a fresh
     * clone's plan of 50,000 posts writes the whole 17 MB cache, which its main thread waited about 0.17 s for
     * there); {@link #awaitSaved} waits for it. Nothing may be read through this cache after it.
     */
    public void startSave() {
        if (!usable) {
            return;
        }
        Loaded loaded = loaded();
        if (!usable) {
            return;
        }
        Thread thread = new Thread(() -> save(loaded), "xpost-read-cache-save");
        thread.setDaemon(true);
        thread.start();
        saver = thread;
    }

    /**
     * Waits, at most {@link #WAIT_SECONDS}, for the write {@link #startSave} started; at once when none was. Called
     * before the run ends (the JVM does not wait for a daemon thread: a write cut short leaves a torn block that
     * the next run drops, and reads those files again).
     */
    public void awaitSaved() {
        Thread thread = saver;
        if (thread == null) {
            return;
        }
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The write {@link #startSave} started; null before. */
    private volatile Thread saver;

    /** Run by the saving thread before it writes: tests hold the write back to see that it is waited for. */
    static volatile Runnable beforeWrite = () -> { };

    private void save(Loaded loaded) {
        beforeWrite.run();
        int unseen = 0;
        for (String key : loaded.entries().keySet()) {
            if (!kept.containsKey(key)) {
                unseen++;
            }
        }
        boolean upToDate = added.isEmpty() && unseen <= loaded.entries().size() / 4
                && (loaded.whole() || kept.isEmpty());
        try {
            if (upToDate) {
                // A cache folder whose .gitignore was removed would be committed by `git add -A`: put it back.
                if (loaded.whole() && safeFolder(false)) {
                    ignoreInGit();   // false when it cannot be: there is nothing to write anyway
                }
                return;
            }
            if (!safeFolder(true) || !ignoreInGit()) {
                return;
            }
            Path file = folder.resolve("reads");
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                return;   // not ours to replace; and no rename over it would succeed
            }
            // Appended only when it stays small; then built in memory and written with one call (an append of
            // its own). The files the load took: never through a link, never a new file (a missing one is written
            // whole by the next run).
            boolean append = loaded.whole() && unseen <= loaded.entries().size() / 4
                    && loaded.blocks() < MAX_BLOCKS && loaded.fileBytes() - loaded.baseBytes()
                            + added.size() * 1024L <= Math.max(64 * 1024, loaded.baseBytes() / 4);
            if (append) {
                ByteArrayOutputStream block = new ByteArrayOutputStream(64 + added.size() * 400);
                writeBlock(block, added);
                try (var out = Files.newOutputStream(file, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    out.write(block.toByteArray());
                }
                return;
            }
            removeLeftovers();
            // A name of its own, created new and never through a link (O_EXCL), then renamed over the old file.
            Path tmp = folder.resolve("reads." + Long.toHexString(System.nanoTime()) + "."
                    + Long.toHexString(ProcessHandle.current().pid()) + ".tmp");
            // Streamed to the file: 50,000 entries are 17 MB, which a run need not hold twice more. Opened before
            // the try: a name that exists already is not this run's to remove.
            java.io.OutputStream opened = Files.newOutputStream(tmp, LinkOption.NOFOLLOW_LINKS,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                try (var out = new java.io.BufferedOutputStream(opened, 1 << 16)) {
                    out.write(header());
                    writeBlock(out, kept);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // A read-only checkout, a full disk: the next run reads the files, as this one did.
        }
    }

    /**
     * Removes the temporary files of whole writes that never ended (a run killed while saving) once they are an hour
     * old: a run still writing one is never that slow. A link of that name is removed, never followed.
     */
    private void removeLeftovers() {
        long hourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
        try (var listing = Files.newDirectoryStream(folder, "reads.*.tmp")) {
            for (Path left : listing) {
                try {
                    if (Files.getLastModifiedTime(left, LinkOption.NOFOLLOW_LINKS).toMillis() < hourAgo) {
                        Files.delete(left);
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile, or not ours to remove
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to clean up, or cannot list: the write goes on
        }
    }

    /**
     * Writes the cache folder's {@code .gitignore} ({@code *}) when it is missing; never through a link.
     *
     * @return true when it is a plain file, so that git ignores the folder (git does not follow a link named
     *         {@code .gitignore}): else the cache is not written, or {@code git add -A} would take it
     */
    private boolean ignoreInGit() throws IOException {
        Path ignore = folder.resolve(".gitignore");
        if (!Files.exists(ignore, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.writeString(ignore, "# Made by xpost: a cache of this machine's reads, never committed.\n*\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                // another run made it meanwhile
            }
        }
        return Files.isRegularFile(ignore, LinkOption.NOFOLLOW_LINKS);
    }

    private Loaded loaded() {
        try {
            return loading.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            usable = false;
            return Loaded.NONE;
        } catch (java.util.concurrent.TimeoutException e) {
            // Something in its place blocks the read: this run goes without the cache and leaves it alone.
            usable = false;
            return Loaded.NONE;
        } catch (ExecutionException e) {
            return Loaded.NONE;
        }
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /**
     * True when the cache folder and {@code .xpost} are folders, not symbolic links: the cache is never read from or
     * written to outside the blog.
     *
     * @param create make the cache folder when it is missing (never {@code .xpost})
     */
    private boolean safeFolder(boolean create) throws IOException {
        Path xpost = folder.getParent();
        for (Path dir : new Path[] {xpost, folder}) {
            if (Files.isSymbolicLink(dir)) {
                return false;
            }
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                // .xpost itself is the state's: a blog without one (no real run yet) gets no cache either.
                if (!create || dir == xpost) {
                    return false;
                }
                try {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    // made meanwhile; checked below
                }
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    private Loaded load() {
        try {
            if (!safeFolder(false)) {
                return Loaded.NONE;
            }
            Path file = folder.resolve("reads");
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Loaded.NONE;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            return decode(bytes, build);
        } catch (IOException | RuntimeException e) {
            return Loaded.NONE;
        }
    }

    /**
     * The file's layout (big-endian, {@link DataOutputStream}): a header (the magic line, the format, the build),
     * then blocks, the first written with the header and each later one appended by a run. A block is its length in
     * bytes, a CRC-32C of what follows, and then the count of its entries and each entry (path, size, modification
     * and change times in ns, device, inode, check, the head's length and bytes). A later entry of a path replaces
     * an earlier one. A block is checked whole before anything in it is read.
     */
    private byte[] header() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.write(MAGIC);
        out.writeInt(FORMAT);
        writeString(out, build);
        out.flush();
        return buffer.toByteArray();
    }

    /** One block of {@link #header()}'s layout, streamed to {@code to}; its length and CRC are written first. */
    private static void writeBlock(java.io.OutputStream to, Map<String, Entry> entries) throws IOException {
        long length = 4;
        CRC32C crc = new CRC32C();
        ByteArrayOutputStream one = new ByteArrayOutputStream(512);
        DataOutputStream entry = new DataOutputStream(one);
        // Two passes, one entry in memory at a time: the first for the length and the CRC that lead the block.
        for (int pass = 0; pass < 2; pass++) {
            DataOutputStream out = new DataOutputStream(to);
            if (pass == 1) {
                if (length > Integer.MAX_VALUE) {
                    throw new IOException("a block of more than 2 GB");
                }
                out.writeInt((int) length);
                out.writeLong(crc.getValue());
                out.writeInt(entries.size());
                out.flush();
            } else {
                crc.update(new byte[] {(byte) (entries.size() >>> 24), (byte) (entries.size() >>> 16),
                    (byte) (entries.size() >>> 8), (byte) entries.size()});
            }
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                one.reset();
                writeEntry(entry, e.getKey(), e.getValue());
                entry.flush();
                if (pass == 0) {
                    length += one.size();
                    crc.update(one.toByteArray());
                } else {
                    one.writeTo(to);
                }
            }
        }
    }

    private static void writeEntry(DataOutputStream out, String key, Entry entry) throws IOException {
        writeString(out, key);
        Stat s = entry.stat();
        out.writeLong(s.size());
        out.writeLong(s.modifiedNanos());
        out.writeLong(s.changedNanos());
        out.writeLong(s.device());
        out.writeLong(s.inode());
        out.writeLong(entry.check());
        out.writeInt(entry.head().length);
        out.write(entry.head());
    }

    /** The entries of a cache file and what {@link #save} needs to know of it. */
    private static Loaded decode(byte[] bytes, String build) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC) || in.available() < 8 || in.readInt() != FORMAT
                || !build.equals(readString(in, 4096))) {
            return Loaded.NONE;
        }
        Map<String, Entry> entries = new HashMap<>();
        long base = 0;
        int blocks = 0;
        int at = bytes.length - in.available();
        while (at < bytes.length) {
            int end = blocks < MAX_BLOCKS ? block(bytes, at, entries) : -1;
            if (end < 0) {
                // A torn or damaged block (or too many): it and what follows are dropped, the file written whole.
                return new Loaded(entries, base == 0 ? bytes.length : base, bytes.length, blocks, false);
            }
            blocks++;
            if (base == 0) {
                base = end;
            }
            at = end;
        }
        return new Loaded(entries, base, bytes.length, blocks, base > 0);
    }

    /**
     * The entries of a cache file by path, or an empty map when it is not one of this build's; a block that fails
     * its check or whose lengths do not fit ends what is read: never trusted beyond what it can prove.
     */
    static Map<String, Entry> entries(byte[] bytes, String build) throws IOException {
        return decode(bytes, build).entries();
    }

    /** Reads the block at {@code at} into {@code entries}; its end, or -1 when it is not whole and true. */
    private static int block(byte[] bytes, int at, Map<String, Entry> entries) {
        try {
            if (bytes.length - at < 16) {
                return -1;
            }
            DataInputStream head = new DataInputStream(new ByteArrayInputStream(bytes, at, 12));
            int length = head.readInt();
            long sum = head.readLong();
            if (length < 4 || length > bytes.length - at - 12) {
                return -1;
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, at + 12, length);
            if (crc.getValue() != sum) {
                return -1;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, at + 12, length));
            int count = in.readInt();
            if (count < 0 || count > length / 56) {
                return -1;
            }
            Map<String, Entry> block = new HashMap<>(count * 4 / 3 + 1);
            for (int i = 0; i < count; i++) {
                String key = readString(in, in.available());
                Stat stat = new Stat(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
                long check = in.readLong();
                int headLength = in.readInt();
                if (headLength < 0 || headLength > in.available() || headLength > stat.size()) {
                    return -1;
                }
                block.put(key, new Entry(stat, in.readNBytes(headLength), check));
            }
            if (in.available() != 0) {
                return -1;
            }
            entries.putAll(block);
            return at + 12 + length;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A length and UTF-8 bytes (not {@code writeUTF}: a path may be longer than its 65,535 bytes). */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** @param max the most bytes it may take: checked before anything is allocated */
    private static String readString(DataInputStream in, int max) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available() || length > max) {
            throw new IOException("bad length");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
