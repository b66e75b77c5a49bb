package dev.xpost.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Masking a secret a server echoes back (found by an attack: a key echoed with an invisible character slipped into
 * it reached the state file and --json whole).
 */
class HttpMaskTest {
    private static final String KEY = "fake-devto-key-0123456789abcdef";

    @Test
    void aSecretEchoedWithAnInvisibleCharacterInsideIsMaskedToo() {
        String zeroWidth = "dev.to said: bad key fake-devto-\u200bkey-0123456789abcdef.";
        String escape = "bad key fake-devto-key-0123456789\u001babcdef";
        String jsonEscaped = "{\"message\":\"bad key fake-devto-key-\\u200b0123456789abcdef\"}";

        assertEquals("dev.to said: bad key fake****.", Http.mask(zeroWidth, List.of(KEY)));
        assertEquals("bad key fake****", Http.mask(escape, List.of(KEY)));
        assertEquals("{\"message\":\"bad key fake****\"}", Http.mask(jsonEscaped, List.of(KEY)));
    }

    @Test
    void plainTextAndTheSecretAsWrittenAreMaskedAsBefore() {
        assertEquals("key fake****, again fake****", Http.mask("key " + KEY + ", again " + KEY, List.of(KEY)));
        assertEquals("nothing here\n\ttab", Http.mask("nothing here\n\ttab", List.of(KEY)));
        assertFalse(Http.mask("x" + KEY.replace("-", "-\u2060"), List.of(KEY)).contains("0123456789"));
    }

    @Test
    void aSecretSplitByAFormatCharacterBeyondTheBasicPlaneOrAJsonShortEscapeIsMasked() {
        String tag = new String(Character.toChars(0xE0020));
        assertEquals("Bearer fake****.", Http.mask("Bearer fake-devto-" + tag + "key-0123456789abcdef.",
                List.of(KEY)));
        assertEquals("{\"m\":\"fake****\"}", Http.mask("{\"m\":\"fake-devto-key-\\t0123456789abcdef\"}",
                List.of(KEY)));
    }

    @Test
    void thousandsOfInvisibleCharactersInARowAreScannedWithoutOverflowingTheStack() {
        String run = "\u200b".repeat(20_000);
        String text = "f" + run + "ake and more " + KEY.charAt(0) + run;
        assertEquals(text, Http.mask(text, List.of(KEY)), "nothing to mask, and no StackOverflowError");
        assertEquals("x fake**** y", Http.mask("x " + String.join(run, KEY.split("")) + " y", List.of(KEY)));
    }

    @Test
    void theStateFileMasksPieceByPieceWhatTheWholeTextWouldMask() {
        // Issue 15's piece-by-piece write: a piece with no other invisible character must still be searched.
        String tag = new String(Character.toChars(0xE0020));
        String piece = "{\"message\":\"Bearer fake-devto-" + tag + "key-0123456789abcdef\"}";
        assertFalse(Http.mask(piece, List.of(KEY)).contains("0123456789abcdef"));
    }
}
