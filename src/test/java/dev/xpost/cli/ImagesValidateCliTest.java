package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} checks every local image a publishable post refers to, at the line that refers to it. */
class ImagesValidateCliTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @TempDir
    Path dir;
    CliRun cli;

    @BeforeEach
    void blog() throws IOException {
        cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: demo.hashnode.dev\n");
        Files.createDirectories(dir.resolve("posts/img"));
        Files.write(dir.resolve("posts/img/ok.png"), PNG);
        Files.createDirectories(dir.resolve("images"));
        Files.write(dir.resolve("images/shared.png"), PNG);
    }

    @Test
    void anImageAfterAnEmojiIsStillFound() throws IOException {
        // An emoji is two Java chars: the quick scan once read it as one and missed every image after it.
        cli.write("posts/a.md", "---\ntitle: \"Party\"\nslug: party\ntags: java\n---\n\n"
                + "Great \uD83C\uDF89 <img src=\"img/nothere.png\">\n\n"
                + "\uD83D\uDE80\uD83D\uDE80\uD83D\uDE80\uD83D\uDE80 ![a:](img/gone.png)\n");
        CliRun.Result r = cli.run("validate");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("posts/a.md:7: error: image \"img/nothere.png\": no such file"), r::toString);
        assertTrue(r.out().contains("posts/a.md:9: error: image \"img/gone.png\": no such file"), r::toString);
    }

    @Test
    void everyBadImageIsAnErrorWithItsRuleAndLine() throws IOException {
        cli.write("posts/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        cli.write("posts/img/fake.png", "this is text, not a picture\n");
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("posts/img/big.png").toFile(), "rw")) {
            big.write(PNG);
            big.setLength(9L * 1024 * 1024);
        }
        cli.write("posts/a.md", """
                ---
                title: "Images"
                slug: images
                tags: java
                cover: img/missing.jpg
                ogImage: ../../outside.png
                ---

                ![svg](img/logo.svg)
                ![big](img/big.png)
                ![text](img/fake.png)
                ![](img/nope.png align="center")

                ```md
                ![](img/in-code.png)
                ```
                Use `![](img/inline-code.png)` here, and see ![ok](img/ok.png).
                """);
        CliRun.Result r = cli.run("validate");
        assertEquals(3, r.code(), r::toString);
        String out = r.out();
        assertTrue(out.contains("posts/a.md:5: error: cover \"img/missing.jpg\": no such file (looked for "
                + "posts/img/missing.jpg) (missing-image)"), r::toString);
        assertTrue(out.contains("posts/a.md:6: error: ogImage \"../../outside.png\" is outside the blog folder"),
                r::toString);
        assertTrue(out.contains("(image-outside-blog)"), r::toString);
        assertTrue(out.contains("posts/a.md:9: error: image \"img/logo.svg\" is an SVG, and Hashnode does not accept "
                + "SVG images: export it as PNG or WebP (unsupported-image)"), r::toString);
        assertTrue(out.contains("posts/a.md:10: error: image \"img/big.png\" is 9.0 MB, and Hashnode accepts images "
                + "of at most 8 MB: make it smaller (image-too-large)"), r::toString);
        assertTrue(out.contains("posts/a.md:11: error: image \"img/fake.png\" is named .png but is not a PNG image "
                + "(its first bytes are not an image's)"), r::toString);
        assertTrue(out.contains("(not-an-image)"), r::toString);
        assertTrue(out.contains("posts/a.md:12: error: image \"img/nope.png\": no such file"), r::toString);
        assertFalse(out.contains("in-code.png") || out.contains("inline-code.png") || out.contains("ok.png"),
                "code is not an image reference, and a good image is no problem: " + r);
        assertTrue(out.contains("1 post checked: 6 errors, 0 warnings."), r::toString);
    }

    @Test
    void goodLocalImagesAndCoversPassAndDraftsAreNotChecked() throws IOException {
        cli.write("posts/good.md", "---\ntitle: Good\nslug: good\ntags: java\ncover: /images/shared.png\n"
                + "ogImage: ./img/ok.png\n---\n\n![](img/ok.png)\n<img src=\"../images/shared.png\">\n"
                + "![](my%20pic.png)\n");
        Files.write(dir.resolve("posts/my pic.png"), PNG);
        cli.write("posts/draft.md", "---\ntitle: Draft\ndraft: true\ncover: img/not-drawn-yet.png\n---\n\n"
                + "![](img/later.png)\n");
        cli.write("posts/bad-url.md", "---\ntitle: Bad\nslug: bad\ntags: java\ncover: ftp://example.com/a.png\n"
                + "---\n\nText\n");
        CliRun.Result r = cli.run("validate");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("posts/bad-url.md:5: error: cover \"ftp://example.com/a.png\" is neither an "
                + "absolute http(s) URL nor a path to an image in the blog (invalid-url)"), r::toString);
        assertTrue(r.out().contains("3 posts checked: 1 error, 0 warnings."), r::toString);
    }
}
