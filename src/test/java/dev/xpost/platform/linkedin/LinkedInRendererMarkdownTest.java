package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How each Markdown construct reads once rendered as LinkedIn plain text. */
class LinkedInRendererMarkdownTest {

    private static String plain(String markdown) {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(markdown).build(), null,
                LinkedInMode.FULL);
        assertEquals(r.plainText(), LinkedInRenderer.unescape(r.commentary()), "commentary must unescape to plain");
        return r.plainText();
    }

    @Test
    void headingsAndParagraphsAreBlocksSeparatedByABlankLine() {
        assertEquals("Intro\n\nFirst paragraph that goes on.\n\nSecond",
                plain("## Intro\nFirst paragraph\nthat goes on.\n\nSecond"));
    }

    @Test
    void emphasisAndInlineCodeKeepOnlyTheirText() {
        assertEquals("Use the flag --force on main, really.",
                plain("Use *the* flag `--force` on **main**, _really_."));
    }

    @Test
    void bulletListsUseBulletsAndNestedListsAreIndented() {
        assertEquals("• one\n• two\n  • two a\n  • two b\n• three",
                plain("- one\n- two\n  - two a\n  - two b\n- three"));
    }

    @Test
    void numberedListsKeepTheirStartNumber() {
        assertEquals("3. three\n4. four\n   • inner", plain("3. three\n4. four\n   * inner"));
    }

    @Test
    void looseListItemsWithSeveralParagraphsStayUnderTheirMarker() {
        assertEquals("• first para\n  second para\n• next", plain("- first para\n\n  second para\n\n- next"));
    }

    @Test
    void linksBecomeTextColonUrl() {
        assertEquals("Read the docs: https://example.com/docs today",
                plain("Read [the docs](https://example.com/docs) today"));
    }

    @Test
    void linkWhoseTextIsTheUrlShowsTheUrlOnce() {
        assertEquals("See https://example.com/a and https://example.com/b",
                plain("See [https://example.com/a](https://example.com/a) and <https://example.com/b>"));
        assertEquals("Repo: https://github.com/x/y", plain("Repo: [github.com/x/y](https://github.com/x/y)"));
    }

    @Test
    void linkTextEndingInAColonGetsOnlyASpace() {
        assertEquals("Source: https://example.com", plain("[Source:](https://example.com)"));
    }

    @Test
    void relativeLinksAndAnchorsKeepOnlyTheirText() {
        assertEquals("see part two and the summary", plain("see [part two](../part-2.md) and [the summary](#summary)"));
    }

    @Test
    void codeBlocksAreKeptVerbatim() {
        assertEquals("Run:\n\nif (a_b) {\n    x[0] = *p;\n}",
                plain("Run:\n\n```java\nif (a_b) {\n    x[0] = *p;\n}\n```\n"));
    }

    @Test
    void blockQuotesArePrefixed() {
        assertEquals("> quoted line one\n>\n> two", plain("> quoted line\n> one\n>\n> two"));
    }

    @Test
    void thematicBreaksAndImagesAreDropped() {
        assertEquals("before\n\nafter", plain("before\n\n---\n\n![diagram](https://x/y.png)\n\nafter"));
    }

    @Test
    void rawHtmlIsDroppedButTextBetweenInlineTagsStays() {
        assertEquals("Press Ctrl and go", plain("<div class=\"x\">\n<p>block html</p>\n</div>\n\nPress <kbd>Ctrl</kbd> and go"));
        assertEquals("one\ntwo", plain("one<br/>two"));
    }

    @Test
    void hashnodeCalloutsKeepTheirEmojiAndText() {
        String md = "<div data-node-type=\"callout\">\n<div data-node-type=\"callout-emoji\">⚠</div>\n"
                + "<div data-node-type=\"callout-text\">Mostly <strong>wrong</strong> &amp; slow.</div>\n</div>\n\nNext";
        assertEquals("⚠ Mostly wrong & slow.\n\nNext", plain(md));
    }

    @Test
    void hashnodeAlignedImagesAreDropped() {
        assertEquals("Intro\n\nOutro", plain("Intro\n\n![](https://cdn.hashnode.com/a/b.png align=\"center\")\n\nOutro"));
        assertEquals("Intro", plain("Intro\n\n![image.png](https://cdn.hashnode.com/v1/oGn_d2.png align=\"left\")"));
    }

    @Test
    void hashnodeAlignedImageWithAltTextOverTwoLinesIsDropped() {
        assertEquals("Text", plain("Text\n\n![Angular docs describing 2-way bindings\n]"
                + "(https://pbs.twimg.com/media/F02B?format=png&name=small align=\"left\")"));
    }

    @Test
    void linkAroundAHashnodeAlignedImageShowsItsUrl() {
        assertEquals("https://asciinema.org/a/549083",
                plain("[![asciicast](https://asciinema.org/a/549083.svg align=\"left\")](https://asciinema.org/a/549083)"));
    }

    @Test
    void hashnodeAlignedImageInsideAListItemIsDropped() {
        assertEquals("• Speaker labels", plain("* Speaker labels\n\n  ![arch](https://github.com/a/raw/p.png align=\"left\")"));
    }

    @Test
    void hashnodeEmbedsBecomeTheirUrl() {
        assertEquals("Watch:\n\nhttps://www.youtube.com/watch?v=FIzCQJ2hYNA",
                plain("Watch:\n\n%[https://www.youtube.com/watch?v=FIzCQJ2hYNA] \n"));
    }

    @Test
    void linkedinHashtagLinksBecomeRealHashtags() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(
                "Great talk at [hashtag#AWSOrigins](https://www.linkedin.com/feed/hashtag/?keywords=awsorigins"
                        + "&highlightedUpdateUrns=urn%3Ali%3Aactivity%3A7141) today").build(), null, LinkedInMode.FULL);
        assertEquals("Great talk at #AWSOrigins today", r.plainText());
        assertEquals("Great talk at #AWSOrigins today", r.commentary(), "the hashtag's # is not escaped");
    }

    @Test
    void aHashInOrdinaryTextIsEscaped() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body("C# is #1 and #fun").build(), null,
                LinkedInMode.FULL);
        assertEquals("C\\# is \\#1 and \\#fun", r.commentary());
    }

    @Test
    void reservedCharactersInTextAndUrlsAreEscaped() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null)
                .body("Call f(x) at [docs](https://e.com/a_b?q=(1)) ~ok").build(), null, LinkedInMode.FULL);
        assertEquals("Call f(x) at docs: https://e.com/a_b?q=(1) ~ok", r.plainText());
        assertEquals("Call f\\(x\\) at docs: https://e.com/a\\_b?q=\\(1\\) \\~ok", r.commentary());
        assertEquals(-1, LittleTextAssert.firstBareReserved(r.commentary(), false));
    }

    @Test
    void titleComesFirstAndARepeatedFirstHeadingIsDropped() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title("My Post").body("# My Post\n\nHello").build(),
                null, LinkedInMode.FULL);
        assertEquals("My Post\n\nHello", r.plainText());
    }

    @Test
    void textWithNothingLeftIsAnError() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null)
                .body("![](https://x/y.png align=\"center\")").build(), null, LinkedInMode.AUTO);
        assertTrue(r.hasErrors());
        assertEquals(LinkedInRenderer.RULE_EMPTY, r.problems().get(0).rule());
    }

    @Test
    void crlfBodiesRenderLikeLfBodies() {
        assertEquals(plain("a\nb\n\nc"), plain("a\r\nb\r\n\r\nc"));
        assertFalse(plain("a\r\nb").contains("\r"));
    }
}
