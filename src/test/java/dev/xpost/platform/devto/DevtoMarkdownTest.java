package dev.xpost.platform.devto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DevtoMarkdownTest {
    @Test
    void hashnodeEmbedOnItsOwnLineBecomesDevtosEmbedTag() {
        assertEquals("Watch this:\n\n{% embed https://www.youtube.com/watch?v=dQw4w9WgXcQ %}\n\nDone.",
                DevtoMarkdown.convert("Watch this:\n\n%[https://www.youtube.com/watch?v=dQw4w9WgXcQ]\n\nDone."));
        assertEquals("{% embed https://gist.github.com/ada/1a2b %}",
                DevtoMarkdown.convert("%[ https://gist.github.com/ada/1a2b ]  "));
    }

    @Test
    void embedInsideProseOrWithoutAUrlIsLeftAlone() {
        String body = "Hashnode writes %[url] for embeds.\n\n%[not a url]\n";
        assertEquals(body, DevtoMarkdown.convert(body));
    }

    @Test
    void imageAlignmentAttributeIsRemoved() {
        assertEquals("![Architecture](https://cdn.hashnode.com/res/a.png)\n"
                        + "Text ![x](https://e.com/b.png \"Title\") and ![y](https://e.com/c.png)",
                DevtoMarkdown.convert("![Architecture](https://cdn.hashnode.com/res/a.png align=\"center\")\n"
                        + "Text ![x](https://e.com/b.png \"Title\" align=\"left\") and "
                        + "![y](https://e.com/c.png align='right')"));
    }

    @Test
    void codeIsNeverChanged() {
        String body = "```md\n%[https://youtu.be/x]\n![a](b.png align=\"center\")\n```\n\n"
                + "~~~~\n%[https://youtu.be/y]\n~~~~\n\n"
                + "Inline `![a](b.png align=\"center\")` stays.\n\n"
                + "    %[https://youtu.be/indented]\n";
        assertEquals(body, DevtoMarkdown.convert(body));
    }

    @Test
    void embedAfterACodeBlockIsConverted() {
        assertEquals("```\ncode\n```\n{% embed https://youtu.be/z %}",
                DevtoMarkdown.convert("```\ncode\n```\n%[https://youtu.be/z]"));
    }

    @Test
    void aLeadingThematicBreakIsNotTakenForFrontMatter() {
        assertEquals("\n***\nText\n\n---\n", DevtoMarkdown.convert("\n---\nText\n\n---\n"));
    }

    @Test
    void plainMarkdownPassesThroughByteForByte() {
        String body = "# Title\n\nSome *text* with a [link](https://example.com) and {{ braces }}.\r\n- a\n- b\n";
        assertEquals(body, DevtoMarkdown.convert(body));
    }
}
