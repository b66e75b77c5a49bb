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
}
