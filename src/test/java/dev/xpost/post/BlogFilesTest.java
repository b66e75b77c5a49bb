package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlogFilesTest {
    @TempDir
    Path blog;
    @TempDir
    Path elsewhere;

    @Test
    void filesAndLinksInsideTheBlogAreFineLinksOutOrToSecretsAreNot() throws IOException {
        Path posts = Files.createDirectories(blog.resolve("posts"));
        Path post = Files.writeString(posts.resolve("p.md"), "x");
        Path env = Files.writeString(blog.resolve(".env"), "HASHNODE_TOKEN=t");
        Path outside = Files.writeString(elsewhere.resolve("o.md"), "x");
        BlogFiles files = new BlogFiles(blog, blog);

        assertTrue(files.check(post, "posts/p.md").isEmpty());
        assertTrue(files.check(Files.createSymbolicLink(posts.resolve("same.md"), post), "s").isEmpty());
        assertTrue(files.check(posts.resolve("missing.md"), "m").isEmpty(), "the reader reports a missing file");

        BlogFiles.Refusal secret = files.check(Files.createSymbolicLink(posts.resolve("env.md"), Path.of("../.env")),
                "posts/env.md").orElseThrow();
        assertEquals(BlogFiles.SECRET_FILE, secret.rule());
        assertTrue(secret.message().startsWith("posts/env.md is a symbolic link to " + env.toRealPath()),
                secret.message());
        assertEquals(BlogFiles.SECRET_FILE, files.check(env, ".env").orElseThrow().rule());

        BlogFiles.Refusal out = files.check(Files.createSymbolicLink(posts.resolve("out.md"), outside), "posts/out.md")
                .orElseThrow();
        assertEquals(BlogFiles.OUTSIDE_BLOG, out.rule());
        assertTrue(out.message().contains("outside the blog folder"), out.message());
        assertEquals(BlogFiles.OUTSIDE_BLOG, files.check(outside, "o.md").orElseThrow().rule());

        // A linked folder out of the blog is out too, and a configured posts folder elsewhere is allowed.
        Path linkedDir = Files.createSymbolicLink(posts.resolve("more"), elsewhere);
        assertEquals(BlogFiles.OUTSIDE_BLOG, files.check(linkedDir.resolve("o.md"), "x").orElseThrow().rule());
        assertTrue(new BlogFiles(blog, blog, elsewhere).check(outside, "o.md").isEmpty());
    }

    /**
     * Every file of a folder linked out of the blog is refused, not only the first, a link among plain files is
     * followed, and a path through {@code link/..} is resolved as the file system does, not as normalising it would.
     * (Each file's real path is resolved when it is checked. A cache of folders' real paths was tried twice and
     * dropped both times: without a check, a folder replaced by a link during the run let every later file of it be
     * read; with the folder's device and inode as the check, a folder renamed out of the blog and linked back still
     * matched, a new folder outside the blog could get the inode of one removed from it, and a swap between the
     * resolution and the inode's look-up stored an outside folder under an inside path. Both then opened the file
     * by its path, through whatever the folder's name led to by then. {@link BlogFiles#open} keeps no path: it
     * opens the file through a handle on the folder that was checked, below.)
     */
    @Test
    void everyFileOfALinkedFolderIsJudgedByWhereItReallyIs() throws IOException {
        Path posts = Files.createDirectories(blog.resolve("posts"));
        Files.writeString(elsewhere.resolve("a.md"), "x");
        Files.writeString(elsewhere.resolve("b.md"), "x");
        Path inside = Files.writeString(posts.resolve("in.md"), "x");
        Path linkedDir = Files.createSymbolicLink(posts.resolve("linked"), elsewhere);
        BlogFiles files = new BlogFiles(blog, blog);

        assertEquals(BlogFiles.OUTSIDE_BLOG, files.check(linkedDir.resolve("a.md"), "a").orElseThrow().rule());
        assertEquals(BlogFiles.OUTSIDE_BLOG, files.check(linkedDir.resolve("b.md"), "b").orElseThrow().rule());
        assertTrue(files.check(inside, "in").isEmpty());
        Path env = Files.writeString(blog.resolve(".env"), "HASHNODE_TOKEN=t");
        assertEquals(BlogFiles.SECRET_FILE, files.check(Files.createSymbolicLink(posts.resolve("e.md"), env), "e")
                .orElseThrow().rule(), "a link in a folder already seen is followed");
        // posts/linked/.. is the parent of `elsewhere`, not posts/: outside the blog.
        Path sibling = Files.writeString(elsewhere.getParent().resolve("sib-" + elsewhere.getFileName() + ".md"), "x");
        try {
            Path throughLink = linkedDir.resolve("..").resolve(sibling.getFileName());
            assertEquals(BlogFiles.OUTSIDE_BLOG, files.check(throughLink, "t").orElseThrow().rule());
        } finally {
            Files.delete(sibling);
        }
        assertTrue(files.check(posts.resolve("gone.md"), "g").isEmpty(), "the reader reports a missing file");

        // A folder already resolved, then replaced by a link out of the blog: its later files are refused.
        // And one renamed out of the blog and linked back (the same folder, now outside) too.
        Path sub = Files.createDirectories(posts.resolve("sub"));
        Path first = Files.writeString(sub.resolve("a.md"), "x");
        assertTrue(files.check(first, "sub/a").isEmpty());
        Files.move(sub, blog.resolve("moved-away"));
        Files.createSymbolicLink(sub, elsewhere);
        assertEquals(BlogFiles.OUTSIDE_BLOG, files.check(sub.resolve("a.md"), "sub/a").orElseThrow().rule(),
                "a folder swapped for a link is resolved again");
        assertEquals(BlogFiles.OUTSIDE_BLOG, files.check(sub.resolve("b.md"), "sub/b").orElseThrow().rule());
        Path kept = Files.createDirectories(posts.resolve("kept"));
        Path inKept = Files.writeString(kept.resolve("k.md"), "x");
        assertTrue(files.check(inKept, "kept/k").isEmpty());
        Path away = Files.move(kept, elsewhere.resolve("kept-away"));
        Files.createSymbolicLink(kept, away);
        assertEquals(BlogFiles.OUTSIDE_BLOG, files.check(inKept, "kept/k").orElseThrow().rule(),
                "the same folder, renamed out of the blog and linked back, is outside it now");
    }

    /**
     * {@link BlogFiles#open}: a plain file of an allowed folder is opened through a handle on its folder; anything
     * else is left to {@link BlogFiles#check} (null), which refuses what it refused before.
     */
    @Test
    void aPlainFileOfAnAllowedFolderOpensThroughItsFolderAndNothingElseDoes() throws IOException {
        Path posts = Files.createDirectories(blog.resolve("posts"));
        Path post = Files.writeString(posts.resolve("p.md"), "inside");
        Files.writeString(blog.resolve(".env"), "HASHNODE_TOKEN=fake-hn-token-1");
        Path outside = Files.writeString(elsewhere.resolve("o.md"), "outside");
        try (BlogFiles files = new BlogFiles(blog, blog)) {
            assertEquals("inside", read(files.open(post, false)));
            assertNull(files.open(Files.createSymbolicLink(posts.resolve("same.md"), post), false),
                    "a link is checked");
            assertNull(files.open(Files.createSymbolicLink(posts.resolve("env.md"), Path.of("../.env")), false));
            assertNull(files.open(blog.resolve(".env"), false), "a secret's name");
            assertNull(files.open(Files.writeString(posts.resolve("prod.env"), "T=fake-t"), false));
            assertNull(files.open(outside, false), "a folder outside the blog");
            Path linkedDir = Files.createSymbolicLink(posts.resolve("more"), elsewhere);
            assertNull(files.open(linkedDir.resolve("o.md"), false), "a folder linked out of the blog");
            assertNull(files.open(posts.resolve("more/../p.md"), false), "a path through .. is resolved by check");
            assertNull(files.open(posts.resolve("missing.md"), false), "the reader reports a missing file");
        }
    }

    /**
     * As Blog.load makes it (the blog folder and the posts folder allowed): a post directly in the posts folder, or
     * in the blog folder, or deeper, opens through a handle, not through the slower check. (A handle on an allowed
     * folder itself was never made: every read went the slow way, unnoticed but for its 250,000 readlink calls.)
     */
    @Test
    void thePostsOfTheUsualLayoutOpenThroughHandles() throws IOException {
        Path posts = Files.createDirectories(blog.resolve("posts"));
        Path direct = Files.writeString(posts.resolve("p.md"), "direct");
        Path deeper = Files.writeString(Files.createDirectories(posts.resolve("2024/06")).resolve("d.md"), "deeper");
        Path atRoot = Files.writeString(blog.resolve("r.md"), "root");
        try (BlogFiles files = new BlogFiles(blog, blog, posts)) {
            assertEquals("direct", read(files.open(direct, true)));
            assertEquals("deeper", read(files.open(deeper, false)));
            assertEquals("root", read(files.open(atRoot, false)));
        }
    }

    /**
     * A handle is made only on the allowed folder itself, by its device and inode as when the run started: the
     * attack review swapped the posts folder and a link to an outside folder in a loop, and an open that followed
     * the link (between the check of the path and the open) gave a handle on the outside folder for the whole run.
     * Another folder at the posts folder's path is not it: its files are checked by their real paths instead.
     */
    @Test
    void aHandleIsMadeOnlyOnTheAllowedFolderItWasMadeWith() throws IOException {
        Path posts = Files.createDirectories(blog.resolve("posts"));
        Files.writeString(posts.resolve("p.md"), "first");
        try (BlogFiles files = new BlogFiles(blog, blog, posts)) {
            Files.move(posts, blog.resolve("old-posts"));
            Files.createDirectories(posts);
            Path other = Files.writeString(posts.resolve("p.md"), "second");
            assertNull(files.open(other, false), "not the posts folder of the start of the run");
            assertTrue(files.check(other, "p").isEmpty(), "checked by its real path, inside the blog");
        }
        try (BlogFiles files = new BlogFiles(blog, blog, posts)) {
            assertEquals("second", read(files.open(posts.resolve("p.md"), false)));
        }
    }

    /**
     * The handle is the folder that was checked, not its name: a folder opened, then swapped for a link out of the
     * blog, still gives its own files and never the outside ones the link now names.
     */
    @Test
    void aFolderSwappedForALinkAfterItWasOpenedIsNotFollowed() throws IOException {
        Path sub = Files.createDirectories(blog.resolve("posts/sub"));
        Path first = Files.writeString(sub.resolve("a.md"), "first");
        Files.writeString(sub.resolve("b.md"), "second");
        Files.writeString(elsewhere.resolve("b.md"), "outside");
        try (BlogFiles files = new BlogFiles(blog, blog)) {
            assertEquals("first", read(files.open(first, false)));
            Files.move(sub, blog.resolve("moved-away"));
            Files.createSymbolicLink(sub, elsewhere);
            assertEquals("second", read(files.open(sub.resolve("b.md"), false)), "read from the folder checked");
            assertEquals(BlogFiles.OUTSIDE_BLOG, files.check(sub.resolve("b.md"), "b").orElseThrow().rule());
        }
        try (BlogFiles files = new BlogFiles(blog, blog)) {
            assertNull(files.open(sub.resolve("b.md"), false), "a new run sees the link");
        }
    }

    /** Past {@link BlogFiles#MAX_OPEN_FOLDERS} folders, files are checked by their real paths; close lets go. */
    @Test
    void aBlogOfManyFoldersKeepsABoundedNumberOfHandles() throws IOException {
        List<Path> posts = new java.util.ArrayList<>();
        for (int i = 0; i < BlogFiles.MAX_OPEN_FOLDERS + 6; i++) {
            posts.add(Files.writeString(Files.createDirectories(blog.resolve("posts/p" + i)).resolve("index.md"),
                    "post " + i));
        }
        BlogFiles files = new BlogFiles(blog, blog);
        int opened = 0;
        for (Path p : posts) {
            var channel = files.open(p, false);
            if (channel != null) {
                opened++;
                read(channel);
            }
            assertTrue(files.check(p, "p").isEmpty());
        }
        assertEquals(BlogFiles.MAX_OPEN_FOLDERS, opened);
        files.close();
        int last = posts.size() - 1;
        assertEquals("post " + last, read(files.open(posts.get(last), false)), "closed handles are counted out");
        files.close();
    }

    /**
     * A FIFO where a folder or a post was is never opened (opening one blocks until something writes to it: the run
     * would hang, holding the state lock): the handle is not made, the post is not opened, and the reader says
     * what it is.
     */
    @Test
    void aFifoInPlaceOfAFolderOrAPostNeverBlocksTheRun() throws Exception {
        Path posts = Files.createDirectories(blog.resolve("posts"));
        Files.writeString(posts.resolve("p.md"), "---\ntitle: P\n---\nBody\n");
        Path pipeFolder = posts.resolve("folder");
        Path pipePost = posts.resolve("pipe.md");
        for (Path fifo : List.of(pipeFolder, pipePost)) {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
            org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed for this test");
        }
        PostReader reader = new PostReader(java.time.ZoneOffset.UTC);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            try (BlogFiles files = new BlogFiles(blog, blog)) {
                assertNull(files.open(pipeFolder.resolve("a.md"), false));
                assertNull(files.open(pipePost, false));
                for (ReadResult r : List.of(reader.read(pipePost, pipePost, files),
                        reader.read(pipePost, pipePost, files, p -> true))) {
                    assertNull(r.post());
                    assertTrue(r.problems().get(0).message().startsWith("not a regular file"), r.toString());
                }
            }
        });
    }

    /**
     * The attack review swapped a folder and a link out of the blog in a loop while posts were opened (with
     * renameat2's exchange) and read the outside file through a handle whose folder's real path was stat'ed again,
     * following the link. Handles are now opened part by part from the blog without following a link: whatever
     * the moment of the swap, what is opened is the blog's own post or nothing.
     */
    @Test
    void aFolderSwappedForALinkAgainAndAgainNeverGivesAnOutsideFile() throws Exception {
        Path posts = Files.createDirectories(blog.resolve("posts"));
        Path sub = Files.createDirectories(posts.resolve("sub"));
        Files.writeString(sub.resolve("a.md"), "inside");
        Files.createDirectories(elsewhere.resolve("sub"));
        Files.writeString(elsewhere.resolve("sub/a.md"), "LEAKED");
        Path parked = blog.resolve("parked");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread swapper = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Files.move(sub, parked);
                    Files.createSymbolicLink(sub, elsewhere.resolve("sub"));
                    Files.delete(sub);
                    Files.move(parked, sub);
                } catch (IOException e) {
                    // a step lost to the reader's timing: the next loop goes on
                }
            }
        });
        swapper.start();
        int inside = 0;
        try {
            for (int i = 0; i < 3000; i++) {
                try (BlogFiles files = new BlogFiles(blog, blog)) {
                    var channel = files.open(sub.resolve("a.md"), false);
                    if (channel != null) {
                        String text = read(channel);
                        assertEquals("inside", text, "read through a handle at try " + i);
                        inside++;
                    }
                }
            }
        } finally {
            stop.set(true);
            swapper.join();
        }
        assertTrue(inside > 0, "some opens met the folder in place");
    }

    private static String read(java.nio.channels.SeekableByteChannel channel) throws IOException {
        assertNotNull(channel, "not opened");
        try (var in = java.nio.channels.Channels.newInputStream(channel)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void secretNames() {
        assertTrue(BlogFiles.isSecretName(Path.of("a/.env")));
        assertTrue(BlogFiles.isSecretName(Path.of(".env.production")));
        assertTrue(BlogFiles.isSecretName(Path.of(".ENV")));
        assertTrue(!BlogFiles.isSecretName(Path.of("env.md")) && !BlogFiles.isSecretName(Path.of(".envrc.md")));
        // An editor's backup, direnv's file and a named env file hold the same secrets.
        assertTrue(BlogFiles.isSecretName(Path.of(".env~")) && BlogFiles.isSecretName(Path.of(".envrc"))
                && BlogFiles.isSecretName(Path.of("config/prod.env")) && BlogFiles.isSecretName(Path.of("X.ENV")));
        assertTrue(!BlogFiles.isSecretName(Path.of("environment.md")) && !BlogFiles.isSecretName(Path.of("dev.md")));
    }
}
