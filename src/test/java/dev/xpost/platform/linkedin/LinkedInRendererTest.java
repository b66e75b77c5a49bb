package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.post.Post;
import dev.xpost.post.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Hashtags, modes, the 3,000-character limit, teasers, hand-written text, the card and the preview. */
class LinkedInRendererTest {
    private static final String LINK = "https://blog.example.com/my-post";

    /** A paragraph of exactly {@code n} code points, no reserved characters, words of 4 letters. */
    private static String words(int n) {
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            b.append(b.length() % 5 == 4 ? ' ' : 'a');
        }
        String s = b.substring(0, n);
        return s.endsWith(" ") ? s.substring(0, n - 1) + "b" : s;
    }

    private static int cp(String s) {
        return s.codePointCount(0, s.length());
    }

    // ---- hashtags ----

    @Test
    void tagsBecomeAHashtagLineReadableAndWithoutDuplicates() {
        Post p = TestPosts.post().title("T").body("Body")
                .tags("cloud-computing", "cicd-cjy1vtdk2005kjjs17n8couc3", "aws", "AWS", "cicd", "2023").build();
        Rendering r = LinkedInRenderer.render(p, null, LinkedInMode.FULL);
        assertEquals("T\n\nBody\n\n#cloudcomputing #cicd #aws", r.plainText());
        assertEquals("T\n\nBody\n\n#cloudcomputing #cicd #aws", r.commentary(), "hashtags are not escaped");
    }

    @Test
    void tagsAlreadyHashtaggedInTheTextAreNotRepeated() {
        Post p = TestPosts.post().title("T").tags("awsorigins", "java")
                .body("At [hashtag#AWSOrigins](https://www.linkedin.com/feed/hashtag/?keywords=awsorigins).").build();
        assertEquals("T\n\nAt #AWSOrigins.\n\n#java", LinkedInRenderer.render(p, null, LinkedInMode.FULL).plainText());
    }

    // ---- the limit, counted in code points on the text as sent ----

    @Test
    void fullTextOf2999And3000CodePointsIsSentWhole() {
        for (int n : new int[] {2999, 3000}) {
            Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(words(n)).build(), LINK,
                    LinkedInMode.FULL);
            assertEquals(n, r.length());
            assertFalse(r.hasErrors(), "length " + n);
            assertEquals(Rendering.Form.FULL, r.form());
        }
    }

    @Test
    void fullTextOf3001CodePointsIsAnErrorThatNamesTheWayOut() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(words(3001)).build(), LINK,
                LinkedInMode.FULL);
        assertTrue(r.hasErrors());
        Problem p = r.problems().get(0);
        assertEquals(LinkedInRenderer.RULE_TOO_LONG, p.rule());
        assertTrue(p.message().contains("linkedin.mode: teaser"), p.message());
        assertTrue(p.message().contains("linkedin: {text: …}"), p.message());
        assertTrue(p.message().contains("3,001"), p.message());
    }

    @Test
    void escapesCountTowardsTheLimit() {
        // 1,500 '(' are 3,000 characters once escaped: fits; one more does not.
        String fits = "(".repeat(1500);
        assertFalse(LinkedInRenderer.render(TestPosts.post().title(null).body(fits).build(), null, LinkedInMode.FULL)
                .hasErrors());
        assertTrue(LinkedInRenderer.render(TestPosts.post().title(null).body(fits + "a").build(), null,
                LinkedInMode.FULL).hasErrors());
    }

    @Test
    void emojiCountAsOneCodePointEach() {
        String emoji = "\uD83D\uDE00".repeat(3000); // 3,000 code points, 6,000 chars
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(emoji).build(), null, LinkedInMode.AUTO);
        assertEquals(Rendering.Form.FULL, r.form());
        assertEquals(3000, r.length());
        assertFalse(r.hasErrors());
    }

    @Test
    void autoSendsTheWholeTextWhenItFitsAndATeaserOtherwise() {
        Post fits = TestPosts.post().title(null).body(words(3000)).build();
        assertEquals(Rendering.Form.FULL, LinkedInRenderer.render(fits, LINK, LinkedInMode.AUTO).form());
        Post tooLong = TestPosts.post().title(null).body(words(3001)).build();
        Rendering r = LinkedInRenderer.render(tooLong, LINK, LinkedInMode.AUTO);
        assertEquals(Rendering.Form.TEASER, r.form());
        assertFalse(r.hasErrors());
        assertTrue(r.length() <= 3000);
    }

    // ---- teasers ----

    @Test
    void teaserHasTitleOpeningParagraphsThatFitLinkAndHashtags() {
        String body = "First paragraph.\n\nSecond paragraph.\n\n" + words(2990) + "\n\nLast.";
        Post p = TestPosts.post().title("Title").tags("java").body(body).build();
        Rendering r = LinkedInRenderer.render(p, LINK, LinkedInMode.AUTO);
        assertEquals(Rendering.Form.TEASER, r.form());
        assertTrue(r.plainText().startsWith("Title\n\nFirst paragraph.\n\nSecond paragraph.\n\n"), r.plainText());
        assertTrue(r.plainText().endsWith("…\n\n" + LINK + "\n\n#java"), r.plainText());
        assertFalse(r.plainText().contains("Last."));
        assertTrue(r.length() <= 3000);
        assertTrue(r.length() > 2900, "a teaser uses the room it has: " + r.length());
    }

    @Test
    void teaserModeOnAShortPostKeepsEverythingAndAddsTheLink() {
        Post p = TestPosts.post().title("Title").body("Short.").build();
        assertEquals("Title\n\nShort.\n\n" + LINK, LinkedInRenderer.render(p, LINK, LinkedInMode.TEASER).plainText());
    }

    @Test
    void teaserCutsOnASentenceWhenOneIsNearTheEnd() {
        String para = ("This is a sentence of words. ").repeat(120); // 3,480 code points
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(para).build(), LINK,
                LinkedInMode.TEASER);
        String text = r.plainText();
        assertTrue(text.endsWith("of words.\n\n" + LINK), text.substring(text.length() - 80));
        assertTrue(r.length() <= 3000);
    }

    @Test
    void teaserCutsOnAWordWithAnEllipsisWhenThereIsNoSentenceEnd() {
        String para = ("word ").repeat(700);
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(para).build(), LINK,
                LinkedInMode.TEASER);
        assertTrue(r.plainText().endsWith("word…\n\n" + LINK), r.plainText());
        assertTrue(r.length() <= 3000);
    }

    @Test
    void teaserNeverCutsInsideAUrl() {
        String url = "https://example.com/" + "very_long_path/".repeat(20);
        // Every position of the cut relative to the URL, so that the budget ends inside it at least once.
        for (int pad = 2600; pad < 3000; pad += 7) {
            String body = words(pad) + " see " + url + " and more words after it " + words(400);
            Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(body).build(), LINK,
                    LinkedInMode.TEASER);
            assertTrue(r.length() <= 3000);
            Matcher m = Pattern.compile("https://example\\.com/\\S*").matcher(r.plainText());
            while (m.find()) {
                assertEquals(url, m.group(), "a URL in the teaser is whole (pad " + pad + ")");
            }
            assertEquals(r.plainText(), LinkedInRenderer.unescape(r.commentary()));
            assertEquals(-1, LittleTextAssert.firstBareReserved(r.commentary(), true));
        }
    }

    @Test
    void teaserNeverCutsAnEscapeOrASurrogatePairOrAHashtag() {
        String unit = "f(x)_y \uD83D\uDE00\uD83D\uDE00 [hashtag#Java](https://www.linkedin.com/feed/hashtag/?keywords=java) ";
        for (int extra = 0; extra < 40; extra++) {
            String body = "a".repeat(extra) + " " + unit.repeat(150);
            Rendering r = LinkedInRenderer.render(TestPosts.post().title(null).body(body).build(), LINK,
                    LinkedInMode.TEASER);
            String c = r.commentary();
            assertTrue(r.length() <= 3000, "length " + r.length());
            assertEquals(-1, LittleTextAssert.firstBareReserved(c, true), c);
            assertEquals(r.plainText(), LinkedInRenderer.unescape(c));
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                assertFalse(Character.isHighSurrogate(ch) && (i + 1 == c.length()
                        || !Character.isLowSurrogate(c.charAt(i + 1))), "split surrogate pair at " + i);
            }
            assertFalse(Pattern.compile("#J(?!ava)").matcher(c).find(), "a hashtag was cut");
        }
    }

    @Test
    void teaserDoesNotEndOnAHeading() {
        String body = "Intro.\n\n## A heading\n\n" + "```\n" + "code line\n".repeat(400) + "```\n";
        Rendering r = LinkedInRenderer.render(TestPosts.post().title("T").body(body).build(), LINK,
                LinkedInMode.TEASER);
        assertFalse(r.plainText().contains("A heading\n\n" + LINK), r.plainText());
    }

    @Test
    void teaserWithoutALinkIsAWarning() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().body(words(3100)).build(), null, LinkedInMode.AUTO);
        assertEquals(Rendering.Form.TEASER, r.form());
        assertFalse(r.hasErrors());
        assertEquals(LinkedInRenderer.RULE_TEASER_WITHOUT_LINK, r.problems().get(0).rule());
        assertNull(r.card());
    }

    @Test
    void aHugeTitleIsCutToo() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title(words(4000)).body("x").build(), LINK,
                LinkedInMode.AUTO);
        assertFalse(r.hasErrors());
        assertTrue(r.length() <= 3000);
        assertTrue(r.plainText().endsWith(LINK));
    }

    // ---- hand-written text ----

    @Test
    void handWrittenTextReplacesTheGeneratedOneAndKeepsItsHashtags() {
        Post p = TestPosts.post().title("T").body("Body").tags("java")
                .linkedinText("New post (part 2)! #Java #c_sharp C# #1 @me\n").build();
        Rendering r = LinkedInRenderer.render(p, LINK, LinkedInMode.AUTO);
        assertEquals(Rendering.Form.HAND_WRITTEN, r.form());
        assertEquals("New post \\(part 2\\)! #Java \\#c\\_sharp C\\# \\#1 \\@me", r.commentary());
        assertEquals(LINK, r.card().source());
    }

    @Test
    void tooLongHandWrittenTextIsAnErrorOnItsLine() {
        Post p = TestPosts.post().linkedinText(words(3001)).build();
        Rendering r = LinkedInRenderer.render(p, LINK, LinkedInMode.TEASER);
        assertTrue(r.hasErrors());
        assertEquals(7, r.problems().get(0).line());
        assertTrue(r.problems().get(0).message().contains("linkedin.text"));
    }

    // ---- the card ----

    @Test
    void cardUsesTheLinkTitleAndSubtitle() {
        Post p = TestPosts.post().title("Fun (with) parens").subtitle("Sub").seoDescription("Seo").body("Body").build();
        Card c = LinkedInRenderer.render(p, LINK, LinkedInMode.AUTO).card();
        assertEquals(new Card(LINK, "Fun (with) parens", "Sub"), c, "card fields are plain JSON text, not escaped");
    }

    @Test
    void cardDescriptionFallsBackToSeoDescriptionThenAnExcerpt() {
        assertEquals("Seo", LinkedInRenderer.render(TestPosts.post().seoDescription("Seo").body("Body").build(),
                LINK, LinkedInMode.AUTO).card().description());
        String body = "## Heading\n\n```\ncode\n```\n\n" + "Opening words of the post ".repeat(20);
        String d = LinkedInRenderer.render(TestPosts.post().body(body).build(), LINK, LinkedInMode.AUTO).card()
                .description();
        assertTrue(d.startsWith("Opening words of the post Opening"), d);
        assertTrue(cp(d) <= 200, "length " + cp(d));
        assertTrue(d.endsWith("post…") || d.endsWith("Opening…") || d.endsWith("words…") || d.endsWith("of…")
                || d.endsWith("the…"), "cut on a word: " + d);
    }

    @Test
    void noLinkNoCard() {
        assertNull(LinkedInRenderer.render(TestPosts.post().body("x").build(), " ", LinkedInMode.AUTO).card());
    }

    @Test
    void excerptCountsCodePoints() {
        String e = LinkedInRenderer.excerpt("\uD83D\uDE00".repeat(300), 200);
        assertEquals(200, cp(e));
        assertFalse(Character.isHighSurrogate(e.charAt(e.length() - 2)) && e.endsWith("\u2026")
                && !Character.isLowSurrogate(e.charAt(e.length() - 2)));
    }

    @Test
    void cardTitleAndDescriptionArePlainTextWithoutMarkdownOrMarkers() {
        Post p = TestPosts.post().title("Using `jq` with **style**").body("> A quote first.\n\n- a list item\n\n"
                + "| a | b |\n|---|---|\n| 1 | 2 |\n\nThe [opening](https://e.com/o) words.[^1]\n\n[^1]: A note.").build();
        Card c = LinkedInRenderer.render(p, LINK, LinkedInMode.AUTO).card();
        assertEquals("Using jq with style", c.title());
        assertEquals("The opening words.", c.description());
        Card given = LinkedInRenderer.render(TestPosts.post().subtitle("Read *this* [now](https://e.com)!").body("x")
                .build(), LINK, LinkedInMode.AUTO).card();
        assertEquals("Read this now!", given.description());
        Card dotnet = LinkedInRenderer.render(TestPosts.post().title("Install .NET on a Pi").body(
                "In the [previous post](https://e.com/p), we met .NET and waited ... a while.").build(), LINK,
                LinkedInMode.AUTO).card();
        assertEquals("Install .NET on a Pi", dotnet.title());
        assertEquals("In the previous post, we met .NET and waited ... a while.", dotnet.description());
    }

    @Test
    void cardTitleAndDescriptionAreCutAtAWordWithinLinkedInsLimits() {
        Post p = TestPosts.post().title(words(260)).subtitle(words(300)).body("x").build();
        Card c = LinkedInRenderer.render(p, LINK, LinkedInMode.AUTO).card();
        assertTrue(cp(c.title()) <= LinkedInRenderer.CARD_TITLE_LENGTH, c.title());
        assertTrue(c.title().endsWith("aaaa\u2026"), "cut after a whole word: " + c.title());
        assertTrue(cp(c.description()) <= LinkedInRenderer.CARD_DESCRIPTION_LENGTH, c.description());
        assertTrue(cp(c.description()) > LinkedInRenderer.CARD_DESCRIPTION_LENGTH - 6, "uses the room it has");
        assertTrue(c.description().endsWith("aaaa\u2026"), c.description());
    }

    @Test
    void aTeaserThatCannotHoldTheNotesLeavesOutTheirMarks() {
        String body = "Opening claim.[^1]\n\n" + words(3200) + "\n\n[^1]: The source.";
        Rendering r = LinkedInRenderer.render(TestPosts.post().title("T").body(body).build(), LINK, LinkedInMode.AUTO);
        assertEquals(Rendering.Form.TEASER, r.form());
        assertTrue(r.plainText().startsWith("T\n\nOpening claim.\n\n"), r.plainText().substring(0, 40));
        assertFalse(r.plainText().contains("[1]") || r.plainText().contains("The source."));
        Rendering full = LinkedInRenderer.render(TestPosts.post().title("T").body("Opening claim.[^1]\n\n"
                + "[^1]: The source.").build(), LINK, LinkedInMode.AUTO);
        assertEquals("T\n\nOpening claim.[1]\n\n[1] The source.", full.plainText());
    }

    @Test
    void readerViewWrapsAtWordsLikeTheFeedAndMarksTheFold() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title("Title").body(
                "word ".repeat(30).strip() + "\n\n  indented https://example.com/" + "x".repeat(70)).build(), null,
                LinkedInMode.FULL);
        String[] lines = r.readerView().split("\n");
        assertEquals("Title", lines[0]);
        assertEquals("", lines[1]);
        assertEquals("word ".repeat(12).strip(), lines[2], "60 columns hold 12 words of 4 and their spaces");
        assertEquals("\u2500\u2500\u2500 \u2026more \u2500\u2500\u2500", lines[3]);
        for (String line : lines) {
            assertTrue(cp(line) <= Rendering.READER_WIDTH, "<" + line + ">");
        }
        assertTrue(r.readerView().contains("indented https://example.com/xxx"), r.readerView());
        assertFalse(r.readerView().contains("\\"), "the reader view is not escaped");
    }

    // ---- preview ----

    @Test
    void previewShowsTheTextAsReadersSeeItTheCommentaryAsSentAndTheCard() {
        Post p = TestPosts.post().title("Hello (world)").subtitle("Sub").tags("java").body("Body").build();
        String preview = LinkedInRenderer.render(p, LINK, LinkedInMode.AUTO).preview();
        assertEquals("""
                LinkedIn post: the whole post, 28 of 3,000 characters
                --- as readers see it (wrapped at 60 columns; the feed shows 3 lines, then …more) ---
                Hello (world)

                Body
                ─── …more ───

                #java
                --- commentary (as sent, little-text escaped) ---
                Hello \\(world\\)

                Body

                #java
                --- link card (content.article) ---
                source:      https://blog.example.com/my-post
                title:       Hello (world)
                description: Sub
                """, preview);
    }

    @Test
    void aTitleOverTwoLinesIsOneLineAndNullModeIsAuto() {
        Rendering r = LinkedInRenderer.render(TestPosts.post().title("Part one\n  and two").body("x").build(), LINK,
                null);
        assertEquals("Part one and two\n\nx", r.plainText());
        assertEquals("Part one and two", r.card().title());
        assertEquals(Rendering.Form.FULL, r.form());
    }

    @Test
    void modeParsesConfigValues() {
        assertEquals(LinkedInMode.TEASER, LinkedInMode.parse(" Teaser ").orElseThrow());
        assertTrue(LinkedInMode.parse("short").isEmpty());
        assertEquals("auto", LinkedInMode.AUTO.configValue());
    }
}
