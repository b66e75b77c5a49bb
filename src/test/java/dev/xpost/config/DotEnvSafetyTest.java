package dev.xpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes into .env must read back as exactly one line with exactly that value. */
class DotEnvSafetyTest {
    @TempDir
    Path dir;

    @Test
    void tokensExpiriesAndScopesAreAccepted() {
        for (String v : new String[] {"AQXb9-_~.+/=", "2027-01-25T12:00:00Z", "openid,profile,w_member_social"}) {
            assertTrue(DotEnv.problem("LINKEDIN_ACCESS_TOKEN", v).isEmpty(), v);
        }
    }

    @Test
    void anythingThatCouldEndTheLineOrBeReadBackOtherwiseIsRefusedWithoutQuotingIt() {
        for (String v : new String[] {"a\nHASHNODE_TOKEN=evil", "a\rb", "a\u0000b", "a b", "\"quoted\"", "'q'",
                "a#comment", "$(rm)", "back\\slash", "ü", "", "x".repeat(8193)}) {
            String why = DotEnv.problem("LINKEDIN_ACCESS_TOKEN", v).orElseThrow(() -> new AssertionError(v));
            assertTrue(why.startsWith("LINKEDIN_ACCESS_TOKEN "), why);
            assertFalse(v.length() > 2 && why.contains(v), why);
        }
        assertTrue(DotEnv.problem("LINKEDIN_ACCESS_TOKEN", "a\nb").orElseThrow().contains("line break"));
        assertTrue(DotEnv.problem("X\nY", "v").isPresent());
    }

    @Test
    void updateRefusesABadValueAndLeavesTheFileAsItWas() throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, "HASHNODE_TOKEN=keep-me\n");
        ConfigException e = assertThrows(ConfigException.class, () -> DotEnv.update(env,
                Map.of("LINKEDIN_ACCESS_TOKEN", "ok\nHASHNODE_TOKEN=attacker")));
        assertTrue(e.getMessage().contains("line break"), e.getMessage());
        assertFalse(e.getMessage().contains("attacker"), e.getMessage());
        assertEquals("HASHNODE_TOKEN=keep-me\n", Files.readString(env));
        assertEquals("keep-me", Secrets.load(Map.of(), dir).get("HASHNODE_TOKEN").orElseThrow());
    }
}
