package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local read cache (issue 15: a run with nothing to do at 50,000 posts): a file untouched since the last run is
 * answered from the cache with the very post a read gives, and anything that may have changed it, or that may make
 * it unreadable, sends the run back to the file.
 */
class ReadCacheTest {
    private static final String BUILD = "xpost test build 1";

    @TempDir
    Path blog;
    @TempDir
    Path elsewhere;

    private final PostReader reader = new PostReader(ZoneOffset.UTC);
    private Path posts;
    /** The runs' clock: an hour after now, so that the files written here are old enough to be kept. */
    private Clock later;

    @BeforeEach
    void setUp() throws IOException {
        posts = Files.createDirectories(blog.resolve("posts"));
        Files.createDirectories(blog.resolve(".xpost"));   // a blog that has had a real run
        later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
    }

    private static String post(String title) {
        return "---\ntitle: \"" + title + "\"\nslug: first-post\ntags: java, cli\n---\n\nThe body of " + title
                + ".\n";
    }

    /**
     * One run over {@code files}: a new cache opened, every file read by its front matter, the cache saved. Each
     * with its own {@link BlogFiles}, as each run of xpost (Blog.load): it keeps handles on the folders it read.
     */
    private Run run(Clock clock, Predicate<Post> enough, Path... files) {
        ReadCache cache = ReadCache.open(blog, BUILD, clock);
        try (BlogFiles allowed = new BlogFiles(blog, blog, posts)) {
            List<ReadResult> results = java.util.Arrays.stream(files)
                    .map(f -> reader.read(f, blog.relativize(f), allowed, enough, cache)).toList();
            cache.save();
            return new Run(results, cache.hits(), cache.stored());
        }
    }

    private Run run(Path... files) {
        return run(later, p -> true, files);
    }

    private record Run(List<ReadResult> results, int hits, int stored) {
        ReadResult only() {
            return results.get(0);
        }
    }

    /** As {@link #run}, with the stats of a walk of the posts folder made before it (Blog.load's order). */
    private Run runWalked(PostFinder.Found found) {
        ReadCache cache = ReadCache.open(blog, BUILD, later);
        cache.walked(found);
        try (BlogFiles allowed = new BlogFiles(blog, blog, posts)) {
            List<ReadResult> results = found.files().stream()
                    .map(f -> reader.read(f, blog.relativize(f), allowed, p -> true, cache)).toList();
            cache.save();
            return new Run(results, cache.hits(), cache.stored());
        }
    }

    /**
     * The walk's lstat answers for the file it found (no second one): an untouched file is a hit; one changed
     * after the walk is found as the walk saw it by that run (as one changed just after its read would be), is not
     * cached with what it holds now, and is read anew by the next run.
     */
    @Test
    void theWalksStatsAnswerAndAFileChangedAfterTheWalkIsReadAnewByTheNextRun() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        assertEquals(1, runWalked(PostFinder.findAll(List.of(posts))).stored());
        assertEquals(1, runWalked(PostFinder.findAll(List.of(posts))).hits());

        PostFinder.Found found = PostFinder.findAll(List.of(posts));
        Files.writeString(file, post("Other post"));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(60)));
        Run during = runWalked(found);
        assertEquals("First post", during.only().post().title());
        assertEquals(0, during.stored());

        Run next = runWalked(PostFinder.findAll(List.of(posts)));
        assertEquals(0, next.hits());
        assertEquals("Other post", next.only().post().title());
        assertEquals(1, runWalked(PostFinder.findAll(List.of(posts))).hits());
    }

    /**
     * The size the walk saw sizes the read, never ends it: a file that grew after the walk (past the reader's
     * kept 64 KB buffer) is read whole, one grown past what a post can be is refused, and one that was too large
     * for the walk but was cut back since is read as it is now.
     */
    @Test
    void aFileThatChangedSizeAfterTheWalkIsReadAsItIsNow() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        PostFinder.Found found = PostFinder.findAll(List.of(posts));
        String grown = post("Grown post") + "A longer body. ".repeat(20_000);
        Files.writeString(file, grown);

        ReadResult read = runWalked(found).only();

        assertEquals("Grown post", read.post().title());
        assertEquals(PostSource.check(grown.getBytes(StandardCharsets.UTF_8), grown.length()),
                read.post().source().check());

        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(PostReader.MAX_BYTES + 10);   // sparse: no 32 MB written
        }
        Run tooLarge = runWalked(found);
        assertNull(tooLarge.only().post());
        assertEquals("file-too-large", tooLarge.only().problems().get(0).rule());

        PostFinder.Found large = PostFinder.findAll(List.of(posts));
        Files.writeString(file, post("Cut post"));
        assertEquals("Cut post", runWalked(large).only().post().title());
    }

    /**
     * A run starts the write once its files are read and goes on meanwhile; waiting for it before the run ends
     * finds the whole cache written, which the next run answers from.
     */
    @Test
    void aWriteStartedWhileTheRunGoesOnIsWholeOnceWaitedFor() throws Exception {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        Path reads = blog.resolve(".xpost/cache/reads");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ReadCache.beforeWrite = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            ReadCache cache = ReadCache.open(blog, BUILD, later);
            try (BlogFiles allowed = new BlogFiles(blog, blog, posts)) {
                reader.read(file, blog.relativize(file), allowed, p -> true, cache);
            }
            cache.startSave();
            assertFalse(Files.exists(reads), "the run goes on while the cache is written");
            release.countDown();
            cache.awaitSaved();
            assertTrue(Files.isRegularFile(reads));
        } finally {
            ReadCache.beforeWrite = () -> { };
        }
        assertEquals(1, run(file).hits());
    }

    @Test
    void anUntouchedFileIsAnsweredFromTheCacheWithThePostAReadGives() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        ReadResult read;
        try (BlogFiles allowed = new BlogFiles(blog, blog, posts)) {
            read = reader.read(file, blog.relativize(file), allowed, p -> true);
        }

        Run first = run(file);
        Run second = run(file);

        assertEquals(0, first.hits());
        assertEquals(1, first.stored());
        assertEquals(1, second.hits(), "the second run did not open the file");
        assertEquals(read, first.only());
        assertEquals(read, second.only(), "a hit gives the read's post, source and problems");
        assertEquals("The body of First post.\n", second.only().post().body().strip() + "\n",
                "its body is read from the file when asked for");
        assertEquals("# Made by xpost: a cache of this machine's reads, never committed.\n*\n",
                Files.readString(blog.resolve(".xpost/cache/.gitignore")), "git ignores the whole cache folder");
    }

    @Test
    void anEditThatKeepsTheSizeAndTheModificationTimeIsStillSeen() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        FileTime written = FileTime.from(Instant.now().minus(Duration.ofDays(3)));
        Files.setLastModifiedTime(file, written);
        run(file);
        assertEquals(1, run(file).hits());

        // Same length, same modification time (as `touch -d`, `rsync -t` or `cp -p` leave it): only the change
        // time, which no program can set, tells.
        Object changed = Files.getAttribute(file, "unix:ctime");
        do {
            // Within one tick of the file system's clock the change time would not move either (the racy case the
            // run's clock guards against; this test's clock is an hour ahead): edit again until it moved.
            Files.writeString(file, post("Other post"));
            Files.setLastModifiedTime(file, written);
        } while (changed.equals(Files.getAttribute(file, "unix:ctime")) && sleep());
        Run afterEdit = run(file);

        assertEquals(0, afterEdit.hits());
        assertEquals("Other post", afterEdit.only().post().title());
    }

    private static boolean sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Test
    void aFileChangedJustBeforeTheRunIsReadEveryTimeUntilItIsOlder() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        Clock justAfter = Clock.fixed(Instant.now().plusMillis(500), ZoneOffset.UTC);

        Run first = run(justAfter, p -> true, file);
        Run second = run(justAfter, p -> true, file);

        assertEquals(0, first.stored(), "a file changed within the file system's clock tick of the run is racy");
        assertEquals(0, second.hits());
        assertFalse(Files.exists(blog.resolve(".xpost/cache/reads")), "nothing to keep, nothing written");
        assertEquals(1, run(file).stored(), "once older, it is kept");
    }

    @Test
    void aPostTheRunWantsWholeIsReadFromTheFileAndAskedAboutOnce() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        run(file);
        AtomicInteger asked = new AtomicInteger();

        Run whole = run(later, p -> {
            asked.incrementAndGet();
            return false;
        }, file);

        assertEquals(1, asked.get(), "the file holds what the cache does: the same question, the same answer");
        assertEquals("The body of First post.", whole.only().post().body().strip());
        assertEquals(0, whole.hits());
        assertEquals(1, run(file).hits(), "its entry still holds: such a run (from another folder, say) keeps it");
    }

    @Test
    void aRemovedFileLeavesTheCacheAndAnUnchangedRunWritesNothing() throws IOException {
        Path a = Files.writeString(posts.resolve("a.md"), post("A"));
        Path b = Files.writeString(posts.resolve("b.md"), post("B"));
        run(a, b);
        Path cacheFile = blog.resolve(".xpost/cache/reads");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        Files.setLastModifiedTime(cacheFile, old);

        Files.delete(blog.resolve(".xpost/cache/.gitignore"));
        assertEquals(2, run(a, b).hits());
        assertEquals(old, Files.getLastModifiedTime(cacheFile), "nothing changed: the cache is not written");
        assertTrue(Files.readString(blog.resolve(".xpost/cache/.gitignore")).endsWith("\n*\n"),
                "but a removed .gitignore is put back, or git would take the cache");

        Files.delete(b);
        run(a);
        assertEquals(1, ReadCache.entries(Files.readAllBytes(cacheFile), BUILD).size());
    }

    @Test
    void aCacheThatIsDamagedOrOfAnotherBuildIsIgnoredAndWrittenAnew() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        run(file);
        Path cacheFile = blog.resolve(".xpost/cache/reads");
        byte[] good = Files.readAllBytes(cacheFile);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x20;
        byte[] hugeLength = good.clone();
        // The first entry's path length, after the magic line, format, build and count: made enormous, with a CRC
        // that fits, as a hostile file would.
        int block = "xpost read cache\n".length() + 4 + 4 + BUILD.length();
        hugeLength[block + 12 + 4] = 0x7f;
        fixCrc(hugeLength, block);
        List<byte[]> bad = List.of(flipped, java.util.Arrays.copyOf(good, good.length - 3), new byte[0], hugeLength,
                "not a cache at all".getBytes(StandardCharsets.UTF_8));
        for (byte[] bytes : bad) {
            Files.write(cacheFile, bytes);
            Run r = run(file);
            assertEquals(0, r.hits());
            assertEquals("First post", r.only().post().title());
            assertEquals(1, ReadCache.entries(Files.readAllBytes(cacheFile), BUILD).size(), "written anew");
        }

        Run otherBuild = runWithBuild("xpost test build 2", file);
        assertEquals(0, otherBuild.hits(), "another build may cut front matter otherwise");
        assertEquals(1, runWithBuild("xpost test build 2", file).hits());
    }

    private Run runWithBuild(String build, Path file) {
        ReadCache cache = ReadCache.open(blog, build, later);
        try (BlogFiles allowed = new BlogFiles(blog, blog, posts)) {
            ReadResult r = reader.read(file, blog.relativize(file), allowed, p -> true, cache);
            cache.save();
            return new Run(List.of(r), cache.hits(), cache.stored());
        }
    }

    /** The CRC of the block that starts at {@code block} and ends the file, made to fit its bytes again. */
    private static void fixCrc(byte[] bytes, int block) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, block + 12, bytes.length - block - 12);
        long v = crc.getValue();
        for (int i = 0; i < 8; i++) {
            bytes[block + 4 + 7 - i] = (byte) (v >>> (8 * i));
        }
    }

    /**
     * A run writes what it read anew, not the whole cache: one new post of a cached blog appends one block; a block
     * torn by a crash is dropped with what follows it, the rest is used; and the file is written whole again once
     * its appended blocks (past 64 KB) or the entries of removed files pass a quarter of it.
     */
    @Test
    void aRunAppendsWhatItReadAnewAndTheFileIsWrittenWholeWhenItIsAQuarterStale() throws IOException {
        // About 300 bytes an entry: 1,000 make a file whose quarter is past the 64 KB below which appends go on.
        Path[] files = new Path[1_300];
        for (int i = 0; i < files.length; i++) {
            files[i] = Files.writeString(posts.resolve("p" + i + ".md"), post("Post number " + i + " "
                    + "with a title long enough to make the entry of its front matter about three hundred bytes, or a "
                    + "little more than that"));
        }
        run(java.util.Arrays.copyOf(files, 1_000));
        Path cacheFile = blog.resolve(".xpost/cache/reads");
        byte[] base = Files.readAllBytes(cacheFile);
        assertTrue(base.length / 4 > 64 * 1024, () -> "the test needs a larger cache: " + base.length);

        Run oneMore = run(java.util.Arrays.copyOf(files, 1_001));
        byte[] appended = Files.readAllBytes(cacheFile);

        assertEquals(1_000, oneMore.hits());
        assertEquals(1, oneMore.stored());
        assertArrayEquals(base, java.util.Arrays.copyOf(appended, base.length), "the file was appended to");
        assertTrue(appended.length - base.length < 500, () -> "one entry's block: " + (appended.length - base.length));
        assertEquals(1_001, run(java.util.Arrays.copyOf(files, 1_001)).hits(), "the appended entry is used");

        // A crash in the middle of an append: the last block is torn.
        Files.write(cacheFile, java.util.Arrays.copyOf(appended, appended.length - 5));
        Run afterTear = run(java.util.Arrays.copyOf(files, 1_001));
        assertEquals(1_000, afterTear.hits(), "the whole blocks are used");
        assertEquals(1_001, ReadCache.entries(Files.readAllBytes(cacheFile), BUILD).size(), "and it is written whole");

        // 299 posts at once are more than a quarter of the file: written whole, not appended.
        byte[] before = Files.readAllBytes(cacheFile);
        run(files);
        byte[] after = Files.readAllBytes(cacheFile);
        assertEquals(1_300, ReadCache.entries(after, BUILD).size());
        assertFalse(java.util.Arrays.equals(before, java.util.Arrays.copyOf(after, before.length)), "written whole");
        assertTrue(after.length < before.length * 1.4, "no block of what it already held");

        // Half the posts removed (or renamed): their entries go with the next write, which also removes what a
        // killed run left of its own (an hour old), not a write that may still be going on.
        Path killed = Files.writeString(cacheFile.resolveSibling("reads.1a2b.99.tmp"), "half a cache");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path writing = Files.writeString(cacheFile.resolveSibling("reads.3c4d.98.tmp"), "a cache being written");
        run(java.util.Arrays.copyOf(files, 650));
        assertEquals(650, ReadCache.entries(Files.readAllBytes(cacheFile), BUILD).size());
        assertFalse(Files.exists(killed));
        assertTrue(Files.exists(writing));
    }

    /** Past its limits a cache is not read but written anew: more than 64 MB, or more than 100,000 blocks. */
    @Test
    void aCacheTooLargeOrOfTooManyBlocksIsWrittenAnew() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        run(file);
        Path cacheFile = blog.resolve(".xpost/cache/reads");
        byte[] good = Files.readAllBytes(cacheFile);

        try (var huge = new java.io.RandomAccessFile(cacheFile.toFile(), "rw")) {
            huge.setLength(ReadCache.MAX_BYTES + 1);   // sparse: the good bytes, then zeros
        }
        assertEquals(0, run(file).hits());
        assertEquals(good.length, Files.size(cacheFile), "written anew");

        // The good cache and then 100,000 empty blocks, each whole and true.
        java.io.ByteArrayOutputStream many = new java.io.ByteArrayOutputStream();
        many.write(good);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(new byte[4]);
        java.nio.ByteBuffer empty = java.nio.ByteBuffer.allocate(16).putInt(4).putLong(crc.getValue()).putInt(0);
        for (int i = 0; i < ReadCache.MAX_BLOCKS; i++) {
            many.write(empty.array());
        }
        Files.write(cacheFile, many.toByteArray());
        Run r = run(file);
        assertEquals(1, r.hits(), "the blocks before the limit are used");
        assertEquals(good.length, Files.size(cacheFile), "and the file is written whole");
    }

    /** Git does not follow a link named .gitignore: while it is one, the cache is not written. */
    @Test
    void aGitignoreThatIsNotAPlainFileKeepsTheCacheUnwritten() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        Files.createDirectories(blog.resolve(".xpost/cache"));
        Files.createSymbolicLink(blog.resolve(".xpost/cache/.gitignore"), elsewhere.resolve("missing"));

        run(file);

        assertFalse(Files.exists(blog.resolve(".xpost/cache/reads")));
        assertFalse(Files.exists(elsewhere.resolve("missing")), "not written through the link");
    }

    @Test
    void aBlogWithoutAnyRealRunGetsNoCacheFolder() throws IOException {
        Files.delete(blog.resolve(".xpost"));
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));

        run(file);

        assertFalse(Files.exists(blog.resolve(".xpost")), "a plan in a fresh folder leaves it as it was");
    }

    @Test
    void onlyFileSystemsWithChangeTimesOfTheirOwnAreTrusted() {
        for (String type : List.of("ext4", "xfs", "btrfs", "tmpfs", "apfs", "APFS", "overlay")) {
            assertTrue(ReadCache.trusts(type), type);
        }
        // FAT keeps no change time (Linux shows the modification time), network and FUSE file systems may answer
        // from cached attributes.
        for (String type : List.of("vfat", "msdos", "exfat", "nfs", "nfs4", "cifs", "smb3", "fuseblk", "fuse.sshfs",
                "9p", "")) {
            assertFalse(ReadCache.trusts(type), type);
        }
    }

    /**
     * Whatever blocks in the cache's place (a FIFO put there during the run, a hung network mount) costs the run
     * its cache, not the run: the load and the save each wait a bounded time.
     */
    @Test
    void aFifoInPlaceOfTheCacheNeverStopsTheRun() throws Exception {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        Path second = Files.writeString(posts.resolve("second.md"), post("Second post"));
        run(file);
        Path reads = blog.resolve(".xpost/cache/reads");

        // Loaded as a plain file, then swapped for a FIFO before the run appends to it.
        ReadCache cache = ReadCache.open(blog, BUILD, later, 500);
        ReadResult hit;
        try (BlogFiles allowed = new BlogFiles(blog, blog, posts)) {
            hit = reader.read(file, blog.relativize(file), allowed, p -> true, cache);
            reader.read(second, blog.relativize(second), allowed, p -> true, cache);
        }
        Files.delete(reads);
        Process mkfifo = new ProcessBuilder("mkfifo", reads.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed for this test");
        cache.save();

        assertEquals(1, cache.hits());
        assertEquals("First post", hit.post().title());
        // And a FIFO found at load: the run reads the files and writes the cache anew.
        Run next = run(file, second);
        assertEquals(0, next.hits());
        assertTrue(Files.isRegularFile(reads, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(2, run(file, second).hits());
    }

    @Test
    void aCacheFolderLinkedOutOfTheBlogIsNeitherReadNorWritten() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        Files.createDirectories(blog.resolve(".xpost"));
        Files.createSymbolicLink(blog.resolve(".xpost/cache"), elsewhere);

        run(file);
        Run second = run(file);

        assertEquals(0, second.hits());
        try (var listing = Files.list(elsewhere)) {
            assertEquals(0, listing.count(), "nothing written through the link");
        }
    }

    /**
     * The cache never says a file may be read: a folder of posts moved out of the blog and linked back keeps its
     * files' identities (a rename changes neither their inode nor their times), and is refused as before; so is a
     * post replaced by a link to a file outside.
     */
    @Test
    void whatTheBlogMayNotReadIsRefusedWhateverTheCacheHolds() throws IOException {
        Path folder = Files.createDirectories(posts.resolve("2023"));
        Path moved = Files.writeString(folder.resolve("moved.md"), post("Moved"));
        Path linked = Files.writeString(posts.resolve("linked.md"), post("Linked"));
        run(moved, linked);
        assertEquals(2, run(moved, linked).hits());

        Files.move(folder, elsewhere.resolve("2023"));
        Files.createSymbolicLink(folder, elsewhere.resolve("2023"));
        Path outside = Files.writeString(elsewhere.resolve("linked.md"), post("Linked"));
        Files.setLastModifiedTime(outside, Files.getLastModifiedTime(linked));
        Files.move(linked, elsewhere.resolve("was-linked.md"));
        Files.createSymbolicLink(linked, outside);

        Run r = run(moved, linked);

        assertEquals(0, r.hits());
        for (ReadResult result : r.results()) {
            assertNull(result.post(), () -> result.file() + " was read: " + result);
            assertEquals(BlogFiles.OUTSIDE_BLOG, result.problems().get(0).rule());
        }
    }

    @Test
    void aCacheWrittenAndReadBackHoldsEveryField() throws IOException {
        Path file = Files.writeString(posts.resolve("first.md"), post("First post"));
        run(file);
        var entries = ReadCache.entries(Files.readAllBytes(blog.resolve(".xpost/cache/reads")), BUILD);
        ReadCache.Entry entry = entries.get(file.toAbsolutePath().normalize().toString());

        assertNotNull(entry, entries::toString);
        byte[] content = Files.readAllBytes(file);
        assertEquals(content.length, entry.stat().size());
        assertArrayEquals(java.util.Arrays.copyOf(content, PostReader.headEnd(content)), entry.head());
        assertEquals(PostSource.check(content), entry.check());
        assertEquals(Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS),
                entry.stat().modifiedNanos());
        assertTrue(ReadCache.entries(Files.readAllBytes(blog.resolve(".xpost/cache/reads")), "another").isEmpty());
    }
}
