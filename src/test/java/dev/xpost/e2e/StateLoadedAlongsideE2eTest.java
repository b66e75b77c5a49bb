package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} and {@code publish} load the state file on a thread of their own while the posts folder is read: what
 * the user sees is what it was when the state was loaded first. A state file that cannot be read is the one error
 * said, even when the posts cannot be listed either, and it is left untouched with nothing sent.
 */
class StateLoadedAlongsideE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void aBrokenStateFileIsSaidFirstEvenWhenANamedFileIsMissingToo() throws IOException {
        Files.createDirectories(blog.stateFile().getParent());
        Files.writeString(blog.stateFile(), "<<<<<<< HEAD\n{\"posts\": {}, \"version\": 2}\n=======\n{}\n>>>>>>> b\n");
        byte[] before = Files.readAllBytes(blog.stateFile());

        for (List<String> args : List.of(List.of("publish", "posts/nowhere.md"), List.of("plan", "posts/nowhere.md"),
                List.of("publish"))) {
            CliRun.Result r = blog.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().contains("Broken state file") && r.err().contains("merge-conflict markers"),
                    r::toString);
            assertFalse(r.err().contains("no such file"), r::toString);
            assertFalse(r.err().contains("Exception"), r::toString);
            assertArrayEquals(before, Files.readAllBytes(blog.stateFile()), String.join(" ", args));
        }
        assertEquals(0, blog.hashnode.count("PublishPost"), "nothing was sent");
    }

    @Test
    void aSecondRunStillKnowsWhatTheFirstRecordedAndSendsNothing() {
        assertEquals(0, blog.run("publish").code());
        int before = blog.hashnode.count("PublishPost");
        CliRun.Result again = blog.run("publish");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("2 unchanged"), again::toString);   // on Hashnode and LinkedIn
        assertEquals(before, blog.hashnode.count("PublishPost"));
    }
}
