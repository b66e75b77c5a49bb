package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xpost new --tag} refuses a tag whose slug loses its meaning, as validate warns about it in a file. */
class NewTagCliTest {
    @TempDir
    Path dir;

    @Test
    void aTagThatWouldLoseItsMeaningIsRefusedWithTheSlugMeant() throws IOException {
        CliRun cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "timezone: UTC\nhashnode:\n  publication: demo.hashnode.dev\n");
        CliRun.Result r = cli.run("new", "Async in C#", "--tag", "C#");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("tag \"C#\" would become the tag slug \"c\", which names another topic: give the "
                + "tag slug you mean, such as --tag csharp"), r::toString);
        assertFalse(Files.exists(dir.resolve("posts/async-in-c.md")), "nothing written");
        CliRun.Result ok = cli.run("new", "Async in C#", "--tag", "csharp");
        assertEquals(0, ok.code(), ok::toString);
    }
}
