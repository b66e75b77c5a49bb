package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of little-text escaping and of rendered text, over many random inputs (fixed seed: reproducible). */
class LittleTextPropertyTest {
    private static final long SEED = 20261126L;
    private static final String[] ALPHABET = {
        "\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~", // every reserved character
        "\\\\", "\\#", "\\(", "a", "Z", "0", " ", "\n", "\t", "-", ".", "%", "!", "`", "\"",
        "é", "ß", "\u0633\u0644\u0627\u0645", "\u4E2D", "\uFF03", "\u2026",
        "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83C\uDDEB\uD83C\uDDF7", // emoji, skin tone, flag
        "https://e.com/a_b(c)", "#tag", "C#", "hashtag#X"
    };

    private static String randomText(Random rnd, int maxParts) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(maxParts + 1);
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(10) == 0) {
                int cp;
                do {
                    cp = rnd.nextInt(Character.MAX_CODE_POINT + 1);
                } while (Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED);
                b.appendCodePoint(cp);
            } else {
                b.append(ALPHABET[rnd.nextInt(ALPHABET.length)]);
            }
        }
        return b.toString();
    }

    @Test
    void escapeThenUnescapeGivesBackTheTextAndLeavesNoBareReservedCharacter() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String s = randomText(rnd, 40);
            String little = LinkedInRenderer.escape(s);
            assertEquals(s, LinkedInRenderer.unescape(little), "round trip of <" + s + ">");
            assertEquals(-1, LittleTextAssert.firstBareReserved(little, false), "bare reserved in <" + little + ">");
            assertEquals(LittleText.codePoints(little), LittleText.escapedLength(s));
        }
    }

    @Test
    void everyReservedCharacterIsEscapedExactlyOnce() {
        assertEquals("\\\\\\|\\{\\}\\@\\[\\]\\(\\)\\<\\>\\#\\*\\_\\~", LinkedInRenderer.escape(LittleText.RESERVED));
        assertEquals("a\\\\\\(b", LinkedInRenderer.escape("a\\(b"), "a backslash before ( is escaped, then (");
    }

    @Test
    void handWrittenTextRoundTripsAndOnlyHashtagsStayBare() {
        Random rnd = new Random(SEED + 1);
        for (int i = 0; i < 5_000; i++) {
            String s = randomText(rnd, 40);
            String little = Pieces.little(LittleText.withHashtags(s));
            assertEquals(s, LinkedInRenderer.unescape(little));
            assertEquals(-1, LittleTextAssert.firstBareReserved(little, true), "bare reserved in <" + little + ">");
        }
    }

    @Test
    void renderedRandomMarkdownIsAlwaysSafeAndFitsInAutoMode() {
        String[] lines = {"# ", "## ", "- ", "1. ", "> ", "```", "    ", "---", "", "<div>", "%[https://e.com/x]",
            "![](https://e.com/i.png align=\"center\")", "[link](https://e.com/a_(b))", "*", "**", "`"};
        Random rnd = new Random(SEED + 2);
        for (int i = 0; i < 400; i++) {
            StringBuilder md = new StringBuilder();
            int n = 1 + rnd.nextInt(i % 10 == 0 ? 400 : 30);
            for (int l = 0; l < n; l++) {
                md.append(lines[rnd.nextInt(lines.length)]).append(randomText(rnd, 25)).append('\n');
            }
            Rendering r = LinkedInRenderer.render(TestPosts.post().title(randomText(rnd, 8)).tags("java", "a-b")
                    .body(md.toString()).build(), "https://blog.example.com/p", LinkedInMode.AUTO);
            assertEquals(r.plainText(), LinkedInRenderer.unescape(r.commentary()));
            assertEquals(-1, LittleTextAssert.firstBareReserved(r.commentary(), true), r.commentary());
            assertTrue(r.length() <= LinkedInRenderer.MAX_LENGTH, "length " + r.length());
        }
    }

    /** A random piece of inline Markdown: random text around the inline constructs Hashnode posts use. */
    private static String randomInline(Random rnd) {
        String[] inline = {"~~", "~~struck (out)~~", "[^1]", "[^n_2]", "%%[widget-x]", "%[https://e.com/v_(1)]",
            "#Java", "#k8s", "C#", "F#", "#42", "issue #12", "https://e.com/a_b#Intro", "`#code|{}`", "**", "*", "_",
            "[link](https://e.com/a_(b))", "[anchor](#setup)", "<kbd>Ctrl</kbd>", "<br>", "&lt;T&gt;", "\\|", "|",
            "[hashtag#AWS](https://www.linkedin.com/feed/hashtag/?keywords=aws)", "[ ]", "[x]", "> ", "@me"};
        StringBuilder b = new StringBuilder();
        int n = 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            b.append(rnd.nextBoolean() ? randomText(rnd, 6) : inline[rnd.nextInt(inline.length)]);
            if (rnd.nextInt(3) == 0) {
                b.append(' ');
            }
        }
        return b.toString().replace("\n", " ");
    }

    /** A random block of Markdown: one of the GitHub-flavoured and Hashnode constructs, filled with random text. */
    private static String randomBlock(Random rnd) {
        switch (rnd.nextInt(14)) {
            case 0: {
                int cols = 1 + rnd.nextInt(6);
                StringBuilder t = new StringBuilder();
                for (int row = 0; row < 2 + rnd.nextInt(4); row++) {
                    t.append('|');
                    for (int c = 0; c < cols; c++) {
                        t.append(' ').append(row == 1 ? "---" : rnd.nextInt(4) == 0 ? "" : randomInline(rnd)).append(" |");
                    }
                    t.append('\n');
                }
                return t.toString();
            }
            case 1:
                return "- [" + (rnd.nextBoolean() ? " " : "x") + "] " + randomInline(rnd) + "\n- [ ] "
                        + randomInline(rnd) + "\n  - " + randomInline(rnd) + "\n";
            case 2:
                return "[^" + (rnd.nextBoolean() ? "1" : "n_2") + "]: " + randomInline(rnd) + "\n";
            case 3:
                return (rnd.nextBoolean() ? "> [!NOTE]\n" : "") + "> " + randomInline(rnd) + "\n>\n> - "
                        + randomInline(rnd) + "\n";
            case 4:
                return "<details>\n<summary>" + randomInline(rnd) + "</summary>\n" + randomInline(rnd)
                        + "\n</details>\n";
            case 5:
                return "<p align=\"center\">\n" + randomInline(rnd) + "\n</p>\n";
            case 6:
                return "<div>\n<a href=\"https://e.com/x_(1)\">" + randomInline(rnd) + "</a>\n<ul><li>"
                        + randomInline(rnd) + "</li></ul>\n<iframe src=\"https://e.com/v?a=(1)\"></iframe>\n</div>\n";
            case 7:
                return "%%[" + randomText(rnd, 3).replaceAll("[\\s\\]]", "") + "]\n";
            case 8:
                return "```\n" + randomText(rnd, 20) + "\n```\n";
            case 9:
                return "## " + randomInline(rnd) + "\n";
            case 10:
                return "1. " + randomInline(rnd) + "\n2. [x] " + randomInline(rnd) + "\n";
            default:
                return randomInline(rnd) + "\n" + randomInline(rnd) + "\n";
        }
    }

    @Test
    void renderedRandomGithubFlavouredMarkdownLeavesNothingLinkedInWouldCutAt() {
        Random rnd = new Random(SEED + 3);
        for (int i = 0; i < 600; i++) {
            StringBuilder md = new StringBuilder();
            int n = 1 + rnd.nextInt(i % 20 == 0 ? 200 : 12);
            for (int b = 0; b < n; b++) {
                md.append(randomBlock(rnd)).append(rnd.nextInt(4) == 0 ? "" : "\n");
            }
            for (LinkedInMode mode : LinkedInMode.values()) {
                Rendering r = LinkedInRenderer.render(TestPosts.post().title(randomInline(rnd))
                        .subtitle(rnd.nextBoolean() ? null : randomInline(rnd)).tags("java", "cloud-computing", "k8s")
                        .body(md.toString()).build(), "https://blog.example.com/p", mode);
                String where = "seed case " + i + " (" + mode + "):\n" + md + "\n=>\n" + r.commentary();
                assertEquals(-1, LittleTextAssert.firstBareReserved(r.commentary(), true), where);
                assertEquals(r.plainText(), LinkedInRenderer.unescape(r.commentary()), where);
                if (mode != LinkedInMode.FULL) {
                    assertTrue(r.length() <= LinkedInRenderer.MAX_LENGTH, "length " + r.length() + " " + where);
                }
                assertTrue(LittleTextAssert.bareHashtags(r.commentary()).size() <= LinkedInRenderer.MAX_HASHTAGS,
                        "at most " + LinkedInRenderer.MAX_HASHTAGS + " different hashtags: " + where);
            }
        }
    }
}
