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

    /**
     * A state file that is a named pipe would block the read for good (a CI job hanging until its timeout, with the
     * lock held); a folder cannot be read either. Both are said at once, exit 2, nothing sent.
     */
    @Test
    void aStateFileThatIsAPipeOrAFolderIsSaidAtOnceNotWaitedOn() throws Exception {
        Files.createDirectories(blog.stateFile().getParent());
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", blog.stateFile().toString())
                .start().waitFor() == 0, "mkfifo is not available here");
        java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            for (String command : List.of("plan", "publish")) {
                // Bounded by a timeout only so that a regression fails instead of hanging the suite; run without
                // E2eBlog's look into the state file after each run, which would wait on the pipe itself.
                CliRun.Result r = one.submit(() -> blog.cli.run(command)).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(2, r.code(), r::toString);
                assertTrue(r.err().contains("not a regular file (a named pipe"), r::toString);
                assertFalse(r.err().contains("Exception"), r::toString);
            }
        } finally {
            one.shutdownNow();
        }
        Files.delete(blog.stateFile());
        Files.createDirectories(blog.stateFile());
        CliRun.Result folder = blog.cli.run("publish");
        assertEquals(2, folder.code(), folder::toString);
        assertTrue(folder.err().contains("it is a folder"), folder::toString);
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
