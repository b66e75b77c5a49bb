package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The HTTP warm-up is started for the commands that talk to a platform, and spared for those that never do. */
class MainWarmUpTest {
    @Test
    void onlyCommandsThatSendRequestsWarmUpTheHttpClient() {
        assertTrue(Main.sendsRequests(new String[] {"publish", "--max", "50"}));
        assertTrue(Main.sendsRequests(new String[] {"--verbose", "plan"}));
        assertTrue(Main.sendsRequests(new String[] {"import", "hashnode"}));
        assertTrue(Main.sendsRequests(new String[] {"doctor"}));
        assertFalse(Main.sendsRequests(new String[] {"validate"}));
        assertFalse(Main.sendsRequests(new String[] {"new", "My next post"}));
        assertFalse(Main.sendsRequests(new String[] {"preview", "posts/a.md"}));
        assertFalse(Main.sendsRequests(new String[] {"status", "--json"}));
        assertFalse(Main.sendsRequests(new String[0]));
    }
}
