package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTest {
    @Test
    void plainTextIsLeftAsItIs() {
        String s = "LinkedIn said: status 400, INVALID: «ü» — fine\n\tsecond line";
        assertSame(s, Terminal.clean(s));
        assertNull(Terminal.clean(null));
    }

    @Test
    void escapeSequencesAreRemovedWhole() {
        assertEquals("red text", Terminal.clean("\u001b[1;31mred\u001b[0m text"));
        assertEquals("title", Terminal.clean("\u001b]0;window title\u0007title"));
        assertEquals("link", Terminal.clean("\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\"));
        assertEquals("cleared", Terminal.clean("\u001b[2Jcleared\u001bc"));
        assertEquals("c1", Terminal.clean("\u009b2Jc1"));
    }

    @Test
    void otherControlCharactersAreDropped() {
        assertEquals("ok then hidden", Terminal.clean("ok then\r hidden"));
        assertEquals("abc", Terminal.clean("a\u0000b\u0008\u007fc\u0085"));
    }
}
