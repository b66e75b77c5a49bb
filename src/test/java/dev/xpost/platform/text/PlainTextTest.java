package dev.xpost.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The platform-neutral Markdown → plain text rendering by itself: what each construct becomes. */
class PlainTextTest {

    @Test
    void headingsAndParagraphsAreBlocksSeparatedByABlankLineWithoutMarkup() {
        assertEquals("Hello\n\nSome bold, some italic and code.",
                PlainText.render("# Hello\n\nSome **bold**, some _italic_ and `code`.\n"));
    }

    @Test
    void linksReadAsTextColonUrlAndTheUrlOnceWhenItIsTheText() {
        assertEquals("Read the docs: https://example.com/docs, see https://example.com and the about page.",
                PlainText.render("Read [the docs](https://example.com/docs), see [example.com](https://example.com) "
                        + "and [the about page](/about)."));
        assertEquals("Write to me@example.com", PlainText.render("Write to [](mailto:me@example.com)"));
        assertEquals("Links: https://example.com/a", PlainText.render("[Links:](https://example.com/a)"));
    }

    @Test
    void listsGetBulletsNumbersAndTaskBoxesNestedListsAreIndented() {
        assertEquals("\u2022 one\n\u2022 two\n  1. a\n  2. b",
                PlainText.render("- one\n- two\n  1. a\n  2. b\n"));
        assertEquals("3. third\n4. fourth", PlainText.render("3. third\n4. fourth\n"));
        assertEquals("\u2610 to do\n\u2611 done", PlainText.render("- [ ] to do\n- [x] done\n"));
    }

    @Test
    void smallTablesAreOneLinePerRowAndWideOnesLabelEachCell() {
        assertEquals("Plan \u2014 Price\nFree \u2014 0\nPro \u2014 5",
                PlainText.render("| Plan | Price |\n|---|---|\n| Free | 0 |\n| Pro | 5 |\n"));
        assertEquals("\u2022 CLI \u2014 Free: yes; Pro: yes; Team: no",
                PlainText.render("| Feature | Free | Pro | Team |\n|---|---|---|---|\n| CLI | yes | yes | no |\n"));
    }

    @Test
    void quotesGetQuotationMarksAndAlertsReadAsTheAuthorSpeaking() {
        assertEquals("\u201CBe kind.\u201D", PlainText.render("> Be kind.\n"));
        assertEquals("Note: Back up first.", PlainText.render("> [!NOTE]\n> Back up first.\n"));
        assertEquals("Update: fixed.", PlainText.render("> Update: fixed.\n"));
    }

    @Test
    void footnotesAreNumberedInOrderOfUseAndGatheredAtTheEnd() {
        PlainText.Parsed parsed = PlainText.parse("First[^b], second[^a], orphan[^none].\n\nMore.\n\n"
                + "[^a]: Note A.\n[^b]: Note B.\n");
        assertEquals("First[1], second[2], orphan.\n\nMore.\n\n[1] Note B.\n[2] Note A.", parsed.text());
        assertEquals("[1] Note B.\n[2] Note A.", parsed.notes().plain());
        assertEquals(Block.Kind.NOTES, parsed.notes().kind());
        assertNull(PlainText.parse("No notes.").notes());
    }

    @Test
    void struckTextImagesAndRulesAreLeftOut() {
        assertEquals("We use Java 17.\n\nAfter the break.",
                PlainText.render("We use ~~Java 8~~ Java 17.\n\n![diagram](https://example.com/d.png)\n\n---\n\n"
                        + "After the break.\n"));
        assertEquals("About ~5 minutes.", PlainText.render("About ~5 minutes.\n"));
    }

    @Test
    void hashnodeSyntaxEmbedsBecomeUrlsWidgetsAndAlignedImagesAreDroppedAndWidgetsReported() {
        PlainText.Parsed parsed = PlainText.parse("Watch:\n\n%[https://youtu.be/abc]\n\n"
                + "![chart](https://cdn.example.com/c.png align=\"center\")\n\n%%[newsletter]\n\nEnd.\n");
        assertEquals("Watch:\n\nhttps://youtu.be/abc\n\nEnd.", parsed.text());
        assertEquals(List.of("newsletter"), parsed.widgets());
    }

    @Test
    void htmlKeepsItsTextLinksAndFramesAndDropsCommentsAndScripts() {
        assertEquals("Centered site: https://example.com",
                PlainText.render("<p align=\"center\">Centered <a href=\"https://example.com\">site</a></p>\n"));
        assertEquals("https://www.youtube.com/embed/x",
                PlainText.render("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n"));
        assertEquals("", PlainText.render("<!-- draft note -->\n"));
        assertEquals("line one\nline two", PlainText.render("line one<br>line two\n"));
        assertEquals("\uD83D\uDCA1 Tip text",
                PlainText.render("<div data-node-type=\"callout\"><div data-node-type=\"callout-emoji\">\uD83D\uDCA1"
                        + "</div><div data-node-type=\"callout-text\">Tip text</div></div>\n"));
    }

    @Test
    void codeIsKeptVerbatim() {
        assertEquals("int x = 1;\n  return x;", PlainText.render("```java\nint x = 1;\n  return x;\n```\n"));
    }

    @Test
    void withoutAProseHashtagsStayWordsAndNothingElseIsMade() {
        PlainText.Parsed parsed = PlainText.parse(
                "Love #Java and [hashtag#AWS](https://www.linkedin.com/feed/hashtag/aws)");
        assertTrue(parsed.blocks().stream().flatMap(b -> b.pieces().stream())
                .noneMatch(p -> p instanceof Piece.Hashtag));
        assertEquals("Love #Java and hashtag#AWS: https://www.linkedin.com/feed/hashtag/aws", parsed.text());
    }

    @Test
    void aProseDecidesWhatProseAndLinksBecomeButNeverTouchesCodeOrUrls() {
        Prose shouting = new Prose() {
            @Override
            public List<Piece> words(String text) {
                return List.of(new Piece.Words(text.toUpperCase(Locale.ROOT)));
            }

            @Override
            public Optional<List<Piece>> link(String text, String url) {
                return url.contains("tag") ? Optional.of(List.of(new Piece.Hashtag(text))) : Optional.empty();
            }
        };
        PlainText.Parsed parsed = PlainText.parse(
                "say `quiet` [and](https://example.com/x) [Java](https://t.example/tag)", shouting);
        // The link text reaches link() as the prose made it.
        assertEquals("SAY quiet AND: https://example.com/x #JAVA", parsed.text());
    }

    @Test
    void inlineTextIsOneLineOfWordsWithoutUrlsOrBlockSyntax() {
        assertEquals("2023. A year of Rust and the docs, read on",
                PlainText.inlineText("2023. A year of **Rust** and [the docs](https://example.com) , read  on"));
        assertEquals("# of users", PlainText.inlineText("# of users"));
        assertNull(PlainText.inlineText(null));
    }

    @Test
    void emptyOrNullMarkdownIsEmptyText() {
        assertEquals("", PlainText.render(null));
        assertEquals("", PlainText.render("\n\n"));
    }
}
