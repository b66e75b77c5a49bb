package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostFinderTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: x\n---\n");
        return file;
    }

    @Test
    void walksNestedFoldersInSortedOrderSkippingReadmesHiddenAndOtherFiles() throws IOException {
        Path b = touch("posts/b.md");
        Path a = touch("posts/2024/a.markdown");
        Path c = touch("posts/2024/deep/c.MD");
        touch("posts/README.md");
        touch("posts/2024/readme.markdown");
        touch("posts/.hidden.md");
        touch("posts/.xpost/state.md");
        touch("posts/.git/info.md");
        touch("posts/notes.txt");
        touch("posts/image.png");
        assertEquals(List.of(a, c, b), PostFinder.find(List.of(dir.resolve("posts"))));
    }

    /**
     * One path per file: a folder linked inside the walk, a post linked to another and a hard link are the same
     * files, found once, by the path without a link (a hard link has none: the first in path order).
     */
    @Test
    void aFileReachedByTwoPathsIsFoundOnceByThePathWithoutALink() throws IOException {
        Path a = touch("posts/sub/a.md");
        Path b = touch("posts/b.md");
        Files.createSymbolicLink(dir.resolve("posts/alias"), Path.of("sub"));
        Files.createSymbolicLink(dir.resolve("posts/0-link-to-b.md"), Path.of("b.md"));
        Path hard = Files.createLink(dir.resolve("posts/c-hard.md"), b);
        PostFinder.Found found = PostFinder.findAll(List.of(dir.resolve("posts")));
        assertEquals(List.of(b, a), found.files());
        assertEquals(List.of(dir.resolve("posts/0-link-to-b.md"), hard), found.aliases().get(b));
        assertEquals(List.of(dir.resolve("posts/alias/a.md")), found.aliases().get(a));
        // Named again on the command line by its linked path: still the one file.
        assertEquals(List.of(b, a), PostFinder.find(List.of(dir.resolve("posts"), dir.resolve("posts/alias/a.md"))));
        // Named through a link outside the posts folder (sorting before it): the walked path, not the link's.
        Files.createSymbolicLink(dir.resolve("a-link"), Path.of("posts"));
        assertEquals(List.of(b, a), PostFinder.find(List.of(dir.resolve("posts"), dir.resolve("a-link/sub/a.md"))));
    }

    /**
     * Links that all lead to one file outside the walk (or to .env) are each kept, to be judged and refused one by
     * one; a thousand links to one post are one post, found in time linear in them (an attack review's 1,000 took
     * 23 s when every pair was compared).
     */
    @Test
    void linksWithoutTheFilesOwnPathAreEachKeptAndManyLinksAreOnePost() throws IOException {
        Path outside = Files.createTempDirectory("xpost-outside");
        try {
            Path target = Files.writeString(outside.resolve("p.md"), "x");
            Path o1 = Files.createSymbolicLink(Files.createDirectories(dir.resolve("posts")).resolve("o1.md"), target);
            Path o2 = Files.createSymbolicLink(dir.resolve("posts/o2.md"), target);
            Path one = touch("posts/one.md");
            for (int i = 0; i < 1000; i++) {
                Files.createSymbolicLink(dir.resolve("posts/l" + i + ".md"), Path.of("one.md"));
            }
            PostFinder.Found found = PostFinder.findAll(List.of(dir.resolve("posts")));
            assertEquals(List.of(o1, o2, one), found.files());
            assertEquals(1000, found.aliases().get(one).size());
        } finally {
            Files.delete(outside.resolve("p.md"));
            Files.delete(outside);
        }
    }

    @Test
    void orderIsThatOfPathsWhateverTheirCharactersAndCase() throws IOException {
        // Names whose string order and path order differ (a char above U+FFFF against one in U+E000–U+FFFF), names
        // that differ by case, a file beside a folder of the same stem, and relative and absolute roots mixed.
        List<String> names = List.of("posts/b.md", "posts/B.md", "posts/a-\uFB01.md", "posts/a-\uD83D\uDE00.md",
                "posts/a/z.md", "posts/a.md", "posts/\u00e9t\u00e9.md", "posts/ete.md", "posts/a-\u00ff.md",
                "posts/10.md", "posts/9.md", "posts/a b.md", "posts/a-b.md");
        List<Path> made = new java.util.ArrayList<>();
        for (String name : names) {
            try {
                made.add(touch(name));
            } catch (java.nio.file.InvalidPathException e) {
                assumeTrue(false, "this file system does not take the name " + name);
            }
        }
        List<Path> expected = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(made));
        expected.sort(null);
        assertEquals(expected, PostFinder.find(List.of(dir.resolve("posts"))));

        Path other = Files.createTempDirectory("xpost-finder");
        try {
            Path outside = Files.writeString(other.resolve("c.md"), "---\ntitle: x\n---\n");
            List<Path> mixed = new java.util.ArrayList<>(expected);
            mixed.add(outside);
            mixed.sort(null);
            assertEquals(mixed, PostFinder.find(List.of(outside, dir.resolve("posts"))));
        } finally {
            Files.deleteIfExists(other.resolve("c.md"));
            Files.deleteIfExists(other);
        }
    }

    @Test
    void explicitFileIsKeptWhateverItsNameAndDuplicatesAreDropped() throws IOException {
        Path readme = touch("README.md");
        Path text = touch("draft.txt");
        Path post = touch("posts/p.md");
        assertEquals(List.of(readme, text, post),
                PostFinder.find(List.of(text, dir.resolve("posts"), readme, post)));
    }

    @Test
    void hiddenRootFolderIsWalkedWhenNamedExplicitly() throws IOException {
        Path post = touch(".drafts/p.md");
        assertEquals(List.of(post), PostFinder.find(List.of(dir.resolve(".drafts"))));
    }

    @Test
    void missingRootThrowsNoSuchFile() throws IOException {
        touch("posts/p.md");
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> PostFinder.find(List.of(dir.resolve("posts"), dir.resolve("nope"))));
        assertEquals(dir.resolve("nope").toString(), e.getFile());
    }

    @Test
    void symlinkLoopsAreSkipped() throws IOException {
        Path post = touch("posts/p.md");
        try {
            Files.createSymbolicLink(dir.resolve("posts/loop"), dir.resolve("posts"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not supported here");
        }
        assertEquals(List.of(post), PostFinder.find(List.of(dir.resolve("posts"))));
    }

    /**
     * The walk that stats each entry once finds what the JDK's walk (kept where there is no "unix" view) finds, in
     * a tree of every kind of entry: links to files and folders inside and outside, a loop, a broken link, hidden
     * folders and files, a link to a hidden folder, a FIFO, a hard link, a flat folder large enough to be stat'ed
     * on both cores; and it gives the read cache the lstat of each plain file found, not of a link.
     */
    @Test
    void theWalkThatStatsOnceFindsWhatTheJdksWalkFinds() throws Exception {
        Path posts = dir.resolve("posts");
        Path plain = touch("posts/2024/plain.md");
        touch("posts/2024/deep/er/post.markdown");
        touch("posts/.hidden/secret.md");
        touch("posts/.notes.md");
        touch("posts/README.md");
        Path outside = touch("outside/out.md");
        touch("outside/sub/o2.md");
        for (int i = 0; i < 600; i++) {
            touch("posts/flat/p" + i + ".md");
        }
        Files.createSymbolicLink(posts.resolve("to-file.md"), plain);
        Files.createSymbolicLink(posts.resolve("to-outside.md"), outside);
        Files.createSymbolicLink(posts.resolve("linked-dir"), dir.resolve("outside"));
        Files.createSymbolicLink(posts.resolve("2024/deep/loop"), posts.resolve("2024"));
        Files.createSymbolicLink(posts.resolve("broken.md"), dir.resolve("missing.md"));
        Files.createSymbolicLink(posts.resolve("to-hidden"), posts.resolve(".hidden"));
        Files.createLink(posts.resolve("hard.md"), plain);
        Process fifo = new ProcessBuilder("mkfifo", posts.resolve("pipe.md").toString()).start();
        assumeTrue(fifo.waitFor() == 0, "mkfifo is needed for this test");

        PostFinder.Found jdk = PostFinder.findAll(List.of(posts), false);
        PostFinder.Found once = PostFinder.findAll(List.of(posts));

        assertEquals(jdk.files(), once.files());
        assertEquals(jdk.aliases(), once.aliases());
        assertEquals(606, once.files().size(), once.files().toString());
        assertTrue(once.files().contains(posts.resolve("to-hidden/secret.md")), "a link's own name decides");
        assertTrue(once.files().contains(posts.resolve("linked-dir/sub/o2.md")));
        assertEquals(java.util.Map.of(plain, List.of(posts.resolve("hard.md"), posts.resolve("to-file.md"))),
                once.aliases());
        ReadCache.Stat stat = once.stats().get(plain);
        var lstat = Files.readAttributes(plain, "unix:size,ino", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        assertEquals(lstat.get("size"), stat.size());
        assertEquals(lstat.get("ino"), stat.inode());
        assertFalse(once.stats().containsKey(posts.resolve("to-outside.md")), "a link is stat'ed when read");
        assertTrue(once.stats().containsKey(posts.resolve("linked-dir/out.md")),
                "a plain file in a linked folder: its own lstat, as the cache took it");
        assertTrue(jdk.stats().isEmpty());
    }

    @Test
    void emptyFolderGivesNoFiles() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(List.of(), PostFinder.find(List.of(dir.resolve("empty"))));
    }
}
