package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xpost preview --platform linkedin}: the text as readers will see it, and as it is sent. */
class PreviewLinkedInCliTest {
    @TempDir
    Path dir;
    CliRun cli;

    @BeforeEach
    void blog() throws IOException {
        cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: demo.hashnode.dev\nlinkedin:\n  author: auto\n");
        cli.write("posts/review.md", "---\ntitle: \"Reviews (early ones)\"\nslug: reviews\ntags: java\n---\n\n"
                + "> Review the design, not the typos.\n\n"
                + "| Step | When |\n|---|---|\n| design | day 1 |\n\n"
                + "- [x] ~~names~~ design first\n\n"
                + "I post as #Java folk, in C# too.[^1]\n\n%%[newsletter]\n\n[^1]: Since 2021 (mostly).\n");
    }

    @Test
    void showsTheTextAsReadersSeeItThenAsSentThenTheCard() {
        CliRun.Result r = cli.run("preview", "posts/review.md", "--platform", "linkedin");
        assertEquals(0, r.code(), r::toString);
        String out = r.out();
        String reader = section(out, "--- as readers see it");
        assertEquals("""
                Reviews (early ones)

                “Review the design, not the typos.”
                ─── …more ───

                Step — When
                design — day 1

                ☑ design first

                I post as #Java folk, in C# too.[1]

                [1] Since 2021 (mostly).""", reader, r::toString);
        String sent = section(out, "--- commentary (as sent");
        assertTrue(sent.startsWith("Reviews \\(early ones\\)\n\n“Review the design, not the typos.”\n"), sent);
        assertTrue(sent.contains("I post as #Java folk, in C\\# too.\\[1\\]"), sent);
        assertTrue(sent.contains("\\[1\\] Since 2021 \\(mostly\\)."), sent);
        assertTrue(out.indexOf("--- as readers see it") < out.indexOf("--- commentary (as sent"), out);
        assertTrue(out.contains("title:       Reviews (early ones)"), out);
        assertTrue(out.contains("warning: the Hashnode widget %%[newsletter] has no form on LinkedIn"), out);
    }

    @Test
    void aPostNotYetOnHashnodeLinksToTheUrlHashnodeWillGiveIt() throws IOException {
        CliRun.Result r = cli.run("preview", "posts/review.md", "--platform", "linkedin");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("https://demo.hashnode.dev/reviews"), r::toString);

        // Written as a URL with a trailing slash, the publication is the same host.
        cli.write("config/xpost.yaml", "hashnode:\n  publication: https://demo.hashnode.dev/\nlinkedin:\n"
                + "  author: auto\n");
        CliRun.Result url = cli.run("preview", "posts/review.md", "--platform", "linkedin");
        assertEquals(0, url.code(), url::toString);
        assertTrue(url.out().contains("https://demo.hashnode.dev/reviews"), url::toString);
        assertFalse(url.out().contains("https://https:") || url.out().contains(".dev//reviews"), url::toString);
    }

    /** The lines after the heading that starts with {@code heading}, up to the next "--- " heading. */
    private static String section(String out, String heading) {
        int start = out.indexOf('\n', out.indexOf(heading)) + 1;
        int end = out.indexOf("\n--- ", start);
        return out.substring(start, end < 0 ? out.length() : end);
    }
}
