package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * README: a GitHub alert ({@code > [!NOTE]}) or a quote opening with {@code NOTE:} is the author's aside and reads
 * {@code Note: …} on LinkedIn, without quotation marks, however the label was typed.
 */
class AsideLabelCliTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "> NOTE: back up first.|Note: back up first.",
        "> **NOTE:** back up first.|Note: back up first.",
        "> [!NOTE]\\n> back up first.|Note: back up first.",
        "> [!NOTE]\\n>\\n> back up first.|Note: back up first.",
        "> [!WARNING] back up first.|Warning: back up first.",
        "> TIP: back up first.|Tip: back up first.",
        "> tl;dr: back up first.|TL;DR: back up first."})
    void anAsideReadsWithItsLabelWrittenOneWay(String quote, String expected) throws IOException {
        CliRun cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: demo.hashnode.dev\nlinkedin:\n  author: auto\n");
        cli.write("posts/aside.md", "---\ntitle: \"Asides\"\nslug: asides\ntags: java\n---\n\nBefore.\n\n"
                + quote.replace("\\n", "\n") + "\n\nAfter.\n");
        CliRun.Result r = cli.run("preview", "posts/aside.md", "--platform", "linkedin");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\n" + expected + "\n"), r::toString);
        assertFalse(r.out().contains("NOTE"), r::toString);
        assertFalse(r.out().contains("\u201C" + expected), r::toString);
    }
}
