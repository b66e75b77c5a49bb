package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void emptyFolderGivesNoFiles() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(List.of(), PostFinder.find(List.of(dir.resolve("empty"))));
    }
}
