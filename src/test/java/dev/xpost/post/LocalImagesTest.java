package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalImagesTest {
    private static List<String> paths(String body) {
        return LocalImages.inBody(body, 1).stream().map(LocalImages.Ref::path).toList();
    }

    @Test
    void findsMarkdownHashnodeAndHtmlImagesWithTheirFileLines() {
        String body = "Intro\n\n![A diagram](./img/diagram.png)\n\n![](img/a.png align=\"center\")\n\n"
                + "<img src=\"/images/b.gif\" width=\"300\">\n\nText with <img src='c.webp'> inline.\n";
        List<LocalImages.Ref> refs = LocalImages.inBody(body, 10);
        assertEquals(List.of("./img/diagram.png", "img/a.png", "/images/b.gif", "c.webp"),
                refs.stream().map(LocalImages.Ref::path).toList());
        assertEquals(List.of(12, 14, 16, 18), refs.stream().map(LocalImages.Ref::line).toList());
        for (LocalImages.Ref r : refs) {
            assertEquals(r.path(), body.substring(r.start(), r.end()), "offsets point at the path as written");
        }
    }

    @Test
    void codeBlocksInlineCodeAndUrlsAreLeftAlone() {
        String body = "```md\n![x](img/in-fence.png)\n```\n\n    ![x](img/indented.png)\n\n"
                + "Use `![](img/inline.png align=\"left\")` or `<img src=\"x.png\">`.\n\n"
                + "![web](https://example.com/a.png) ![data](data:image/png;base64,AAAA) [anchor](#top)\n\n"
                + "![proto](//cdn.example.com/a.png) ![broken](https//example.com/a.png)\n";
        assertEquals(List.of(), paths(body));
    }

    @Test
    void replaceRewritesOnlyTheDestinations() {
        String body = "![A [nested] alt](<img/my pic.png> \"Title\") and ![](img/a.png align=\"center\")\n\n"
                + "```\n![](img/a.png)\n```\n![ref image][pic]\n\n[pic]: img/c.png \"C\"\n";
        List<LocalImages.Ref> refs = LocalImages.inBody(body, 1);
        assertEquals(List.of("img/my pic.png", "img/a.png", "img/c.png"),
                refs.stream().map(LocalImages.Ref::path).toList());
        String out = LocalImages.replace(body, refs, r -> "https://cdn.hashnode.com/" + r.path().replace(' ', '-'));
        assertEquals("![A [nested] alt](<https://cdn.hashnode.com/img/my-pic.png> \"Title\") and "
                + "![](https://cdn.hashnode.com/img/a.png align=\"center\")\n\n```\n![](img/a.png)\n```\n"
                + "![ref image][pic]\n\n[pic]: https://cdn.hashnode.com/img/c.png \"C\"\n", out);
    }

    @Test
    void aBodyWithOnlyWebLinksIsNotParsed() {
        assertFalse(LocalImages.mayHaveLocal("See [docs](https://example.com/docs?id=1) and `code`.\n"
                + "![x](HTTPS://example.com/a.png) [a](#x) [b]( mailto:me@example.com)"));
        assertTrue(LocalImages.mayHaveLocal("![x](img/a.png)"));
        assertTrue(LocalImages.mayHaveLocal("<IMG SRC=a.png>"));
    }

    @Test
    void charsOutsideTheBasicPlaneDoNotHideWhatFollowsThem() {
        String emoji = "\uD83C\uDF89";
        for (int k = 1; k <= 9; k++) {
            String before = ("x" + emoji).repeat(k) + " ";
            assertTrue(LocalImages.mayHaveLocal(before + "<img src=\"img/a.png\">"), before);
            assertTrue(LocalImages.mayHaveLocal(before + "![a:](img/a.png)"), before);
            assertEquals(List.of("img/a.png"), paths(before + "![a](img/a.png)"), before);
        }
        assertFalse(LocalImages.mayHaveLocal(emoji + " ![web](https://example.com/a.png)"));
    }

    @Test
    void localMeansAPathInTheBlog() {
        for (String local : List.of("img/a.png", "./a.png", "../shared/a.png", "/images/a.png", "a b.png")) {
            assertTrue(LocalImages.isLocal(local), local);
        }
        for (String remote : List.of("https://x.org/a.png", "http://x", "data:image/png;base64,AA", "//cdn/a.png",
                "#top", "", "  ", "mailto:a@b.c", "https//broken", "www.example.com/a.png")) {
            assertFalse(LocalImages.isLocal(remote), remote);
        }
    }
}
