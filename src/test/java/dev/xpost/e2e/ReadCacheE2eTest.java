package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local read cache seen from the command line (issue 15): runs that answer unchanged posts from
 * {@code .xpost/cache/reads} still see every edit, even one that keeps the file's size and modification time, and
 * a cache that is removed or damaged changes nothing but the time a run takes.
 */
class ReadCacheE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        // The run's clock an hour after the files were written, so that the cache keeps them (a file changed within
        // 3 s of a run is read on every run until it is older).
        blog.cli.clock = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        blog.post("second.md", "Second post", "2026-11-22T09:00:00Z", "second-post");
        blog.post("third.md", "Third post", "2026-11-24T09:00:00Z", "third-post");
        E2eBlog.Run created = blog.publish("--platform", "hashnode");
        assertEquals(0, created.code(), created::toString);
        // Created posts are read whole; the next run reads them by their front matter and keeps that.
        E2eBlog.Run recorded = blog.publish("--platform", "hashnode");
        assertEquals(0, recorded.code(), recorded::toString);
        blog.resetCounts();
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void anEditKeepingTheSizeAndTheTimeOfTheFileIsPublished() throws IOException {
        Path cache = dir.resolve(".xpost/cache/reads");
        assertTrue(Files.isRegularFile(cache), "the run kept its reads");
        assertEquals("*", Files.readString(dir.resolve(".xpost/cache/.gitignore")).lines().reduce((a, b) -> b)
                .orElseThrow(), "git never sees the cache");
        byte[] kept = Files.readAllBytes(cache);
        E2eBlog.Run warm = blog.publish("--platform", "hashnode");
        assertEquals("unchanged", warm.outcome("second-post", "hashnode"), warm::toString);
        assertEquals(0, blog.hashnode.total());
        // Had it read any post from its file, the run would have kept that read anew (an appended block).
        assertArrayEquals(kept, Files.readAllBytes(cache), "every post was answered from the cache");
        assertTrue(kept.length > 3 * 100, "the cache holds the three posts: " + kept.length + " bytes");

        Path file = dir.resolve("posts/second.md");
        FileTime time = Files.getLastModifiedTime(file);
        Object changed = Files.getAttribute(file, "unix:ctime");
        String edited = blog.cli.read("posts/second.md").replace("Some text for Second post.",
                "Some text for Second pest.");
        do {
            blog.cli.write("posts/second.md", edited);
            Files.setLastModifiedTime(file, time);   // as `touch -r`, `rsync -t` or `cp -p` leave it
        } while (changed.equals(Files.getAttribute(file, "unix:ctime")) && pause());

        E2eBlog.Run r = blog.publish("--platform", "hashnode");

        assertEquals(0, r.code(), r::toString);
        assertEquals("updated", r.outcome("second-post", "hashnode"), r::toString);
        assertEquals("unchanged", r.outcome("first-post", "hashnode"), r::toString);
        assertEquals(List.of("UpdatePost"), blog.hashnode.operations());
        assertTrue(blog.hashnode.postsTitled("Second post").get(0).markdown.contains("Second pest"));
    }

    @Test
    void aRemovedOrDamagedCacheChangesNothingButTheTime() throws IOException {
        Path cache = dir.resolve(".xpost/cache/reads");
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 2] ^= 1;
        Files.write(cache, bytes);
        E2eBlog.Run damaged = blog.publish("--platform", "hashnode");
        Files.delete(cache);
        E2eBlog.Run removed = blog.publish("--platform", "hashnode");

        for (E2eBlog.Run r : List.of(damaged, removed)) {
            assertEquals(0, r.code(), r::toString);
            for (String slug : List.of("first-post", "second-post", "third-post")) {
                assertEquals("unchanged", r.outcome(slug, "hashnode"), r::toString);
            }
            assertTrue(r.result().err().isBlank(), r::toString);
        }
        assertEquals(0, blog.hashnode.total());
        assertTrue(Files.isRegularFile(cache), "written anew");
    }

    /**
     * xpost runs from any sub-folder of the blog, as git does: a run there finds every post unchanged by its source
     * digest, as one from the blog folder does, so it leaves the state file and the cache as they are (the digest
     * named the post's file as shown, relative to where the run stood, and each change of folder rewrote every
     * post's digest).
     */
    @Test
    void aRunFromASubFolderFindsThePostsUnchangedAndRewritesNothing() throws IOException {
        Path state = dir.resolve(".xpost/state.json");
        Path cache = dir.resolve(".xpost/cache/reads");
        byte[] stateBefore = Files.readAllBytes(state);
        byte[] cacheBefore = Files.readAllBytes(cache);

        var r = blog.cli.runIn(dir.resolve("posts"), "publish", "--platform", "hashnode");

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("3 unchanged"), r::toString);
        assertEquals(0, blog.hashnode.total());
        assertArrayEquals(stateBefore, Files.readAllBytes(state), "no source digest rewritten");
        assertTrue(Files.notExists(dir.resolve(".xpost/state.journal")), "nothing journaled either");
        assertArrayEquals(cacheBefore, Files.readAllBytes(cache), "every post answered from the cache");
    }

    private static boolean pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
