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
    void blockQuotesAreInQuotationMarksWithoutTheMarker() {
        assertEquals("\u201Cquoted line one\n\ntwo\u201D", plain("> quoted line\n> one\n>\n> two"));
        assertEquals("\"Already quoted,\" she said.", plain("> \"Already quoted,\" she said."));
    }

    @Test
    void githubAlertsReadAsANoteNotAQuote() {
        assertEquals("Note: back up first.", plain("> [!NOTE]\n> back up first."));
        assertEquals("Warning: this deletes it.", plain("> [!WARNING]\n> this deletes it."));
    }

    @Test
    void thematicBreaksAndImagesAreDropped() {
        assertEquals("before\n\nafter", plain("before\n\n---\n\n![diagram](https://x/y.png)\n\nafter"));
    }

    @Test
    void htmlBlocksKeepTheirTextAndInlineTagsGoWhileTheirTextStays() {
        assertEquals("block html\n\nPress Ctrl and go",
                plain("<div class=\"x\">\n<p>block html</p>\n</div>\n\nPress <kbd>Ctrl</kbd> and go"));
        assertEquals("one\ntwo", plain("one<br/>two"));
        assertEquals("", plain("<!-- a note to self -->\n<img src=\"https://e.com/a.png\">"), "nothing to read");
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

    // ---- GitHub-flavoured constructs Hashnode renders ----

    @Test
    void aSmallTableIsOneLinePerRowHeaderFirst() {
        assertEquals("Setting \u2014 Default\ntimeout \u2014 30s\nretries \u2014 3",
                plain("| Setting | Default |\n|---|---:|\n| `timeout` | 30s |\n| retries | **3** |"));
    }

    @Test
    void aWideTableIsOneBulletedLinePerRowWithEachCellLabelled() {
        String md = "| Plan | Price | Users | Support |\n|---|---|---|---|\n| **Basics** | | | |\n"
                + "| Free | 0 | 1 | forum |\n| Team | 9 \\| seat | 10 | |\n";
        assertEquals("Basics\n\u2022 Free \u2014 Price: 0; Users: 1; Support: forum\n"
                + "\u2022 Team \u2014 Price: 9 | seat; Users: 10", plain(md));
    }

    @Test
    void struckTextIsLeftOutAndASingleTildeIsText() {
        assertEquals("We use Java 17, about ~5 services.", plain("We use ~~Java 8~~ Java 17, about ~5 services."));
    }

    @Test
    void taskItemsGetBoxes() {
        assertEquals("\u2610 write it\n\u2611 test it\n\u2022 plain item", plain("- [ ] write it\n- [x] test it\n- plain item"));
        assertEquals("1. \u2611 first\n2. \u2610 second", plain("1. [X] first\n2. [ ] second"));
    }

    @Test
    void footnotesAreNumberedInOrderOfUseAndGatheredAtTheEnd() {
        String md = "Claim one.[^src] Claim two.[^a]\n\nAgain.[^src]\n\n[^a]: The second note.\n"
                + "[^src]: See [the paper](https://e.com/p).\n[^unused]: Never cited.\n";
        assertEquals("Claim one.[1] Claim two.[2]\n\nAgain.[1]\n\n[1] See the paper: https://e.com/p.\n"
                + "[2] The second note.", plain(md));
    }

    @Test
    void aFootnoteMarkWithoutANoteIsDropped() {
        assertEquals("Claim.", plain("Claim.[^nowhere]"));
    }

    @Test
    void detailsKeepsItsSummaryAndBody() {
        assertEquals("Why not Gradle?\nBecause the build is small.",
                plain("<details>\n<summary>Why not Gradle?</summary>\nBecause the build is <b>small</b>.\n</details>"));
        assertEquals("Spoiler\n\nIt was DNS.",
                plain("<details>\n<summary>Spoiler</summary>\n\nIt was **DNS**.\n\n</details>"));
    }

    @Test
    void centredParagraphsAndDivsKeepTheirWordsLinksAndFrames() {
        assertEquals("Made with care & coffee", plain("<p align=\"center\">\n  Made with <em>care</em> &amp; coffee\n</p>"));
        assertEquals("Star it on GitHub: https://github.com/x/y\n\u2022 one\n\u2022 two",
                plain("<div>\n<a href=\"https://github.com/x/y\">Star it on GitHub</a>\n<ul><li>one</li><li>two</li></ul>\n</div>"));
        assertEquals("https://www.youtube.com/embed/abc",
                plain("<iframe width=\"560\" src=\"https://www.youtube.com/embed/abc\"></iframe>"));
    }

    @Test
    void hashnodeWidgetsAreLeftOutWithAWarning() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body("Before\n\n%%[newsletter-box]\n\nAfter")
                .build(), null, LinkedInMode.FULL);
        assertEquals("Before\n\nAfter", r.plainText());
        assertFalse(r.hasErrors());
        assertEquals(LinkedInRenderer.RULE_WIDGET, r.problems().get(0).rule());
        assertTrue(r.problems().get(0).message().contains("%%[newsletter-box]"), r.problems().toString());
    }

    @Test
    void quotesEndingInAUrlKeepTheUrlApartFromTheClosingMark() {
        assertEquals("\u201CDocs: https://e.com/a \u201D", plain("> Docs: https://e.com/a"));
    }

    @Test
    void anAsideInAQuoteIsNotPutInQuotationMarks() {
        assertEquals("Note: examples use Kotlin.", plain("> NOTE: examples use Kotlin."));
    }

    // ---- hashtags written in the body ----

    @Test
    void bodyHashtagsAreHashtagsAndOtherHashesStayEscapedText() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(
                "I write #Java and #Kotlin, not C# or F#; see issue #12, #42 and #1.\n\n"
                        + "Anchors [stay](#setup), code `#Java` and https://e.com/a#Intro too.\n\n```\n#Java\n```")
                .build(), null, LinkedInMode.FULL);
        assertEquals("I write #Java and #Kotlin, not C\\# or F\\#; see issue \\#12, \\#42 and \\#1.\n\n"
                + "Anchors stay, code \\#Java and https://e.com/a\\#Intro too.\n\n\\#Java", r.commentary());
    }

    @Test
    void hashtagsAreDeduplicatedAcrossBodyAndTagsAndCappedBodyFirst() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title("T")
                .body("Notes on #Java, #JVM and #GraalVM; #java again.")
                .tags("java", "cloud-computing", "jvm", "devops", "testing", "kotlin").build(), null, LinkedInMode.FULL);
        assertEquals("T\n\nNotes on #Java, #JVM and #GraalVM; #java again.\n\n#cloudcomputing #devops",
                r.plainText());
        Rendering many = LinkedInRenderer.render(TestPosts.post().title(null)
                .body("#a1 #b2 #c3 #d4 #e5 #f6 and #A1 again").tags("java").build(), null, LinkedInMode.FULL);
        assertEquals("#a1 #b2 #c3 #d4 #e5 \\#f6 and #A1 again", many.commentary(),
                "the sixth different hashtag stays text, and no tag is added");
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
    void aHashThatIsNotAHashtagIsEscapedAndABodyHashtagIsNot() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body("C# is #1 and #fun").build(), null,
                LinkedInMode.FULL);
        assertEquals("C\\# is \\#1 and #fun", r.commentary());
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
