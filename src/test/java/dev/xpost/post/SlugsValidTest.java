package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Slugs#isValid} checks slugs without a regex; it must say what {@link Slugs#VALID} says of every text. */
class SlugsValidTest {
    @Test
    void examplesAreJudgedAsThePatternJudgesThem() {
        for (String ok : List.of("a", "9", "hello-world", "aws-part-2", "a-b-c-1-2-3", "x".repeat(300))) {
            assertTrue(Slugs.isValid(ok), ok);
        }
        for (String bad : List.of("", "-", "-a", "a-", "a--b", "Hello", "a_b", "a b", "é", "a\n", "a-\n", "a.b")) {
            assertFalse(Slugs.isValid(bad), bad);
        }
        assertFalse(Slugs.isValid(null));
    }

    @Test
    void randomTextIsJudgedAsThePatternJudgesIt() {
        Random random = new Random(15);
        String alphabet = "ab09-Z_ é\n";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(7);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : alphabet.charAt(random.nextInt(5)));
            }
            String s = text.toString();
            assertEquals(Slugs.VALID.matcher(s).matches(), Slugs.isValid(s), "\"" + s + "\"");
        }
    }
}
