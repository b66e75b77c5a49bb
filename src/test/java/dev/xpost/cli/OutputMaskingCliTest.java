package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every secret is masked at one output boundary, so that a line nobody thought could hold one (a file name, a
 * warning, a message quoting the user's input) cannot leak it either.
 */
class OutputMaskingCliTest {
    private static final String TOKEN = "fake-hn-token-unit";

    @TempDir
    Path dir;

    @Test
    void aSecretInAnyLineACommandPrintsIsMaskedOnStdoutAndStderr() throws IOException {
        CliRun cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: blog.example.dev\n");
        cli.env.put("HASHNODE_TOKEN", TOKEN);

        // A title that happens to be the token makes a slug, a file name and two lines that quote it.
        CliRun.Result r = cli.run("new", TOKEN);

        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.exists(dir.resolve("posts/" + TOKEN + ".md")), "the file itself is written as asked");
        assertFalse(r.out().contains(TOKEN), r::toString);
        assertFalse(r.err().contains(TOKEN), r::toString);
        assertTrue(r.out().contains("fake****"), r::toString);
        assertTrue(r.err().startsWith("Wrote posts" + java.io.File.separator + "fake****"), r::toString);
    }

    @Test
    void aSecretPrintedInPiecesIsStillMaskedAndNothingIsLostAtTheEnd() {
        StringWriter target = new StringWriter();
        UnaryOperator<String> mask = s -> s.replace(TOKEN, "fake****");
        PrintWriter out = new PrintWriter(new MaskingWriter(target, mask));
        out.print("token: fake-hn-to");
        out.print("ken-unit, twice: ");
        out.println(TOKEN);
        out.print("and a last line without its end " + TOKEN);
        out.flush();

        assertEquals("token: fake****, twice: fake****" + System.lineSeparator()
                + "and a last line without its end fake****", target.toString());
    }
}
