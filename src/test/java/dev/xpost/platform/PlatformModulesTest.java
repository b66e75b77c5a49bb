package dev.xpost.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.config.Config;
import dev.xpost.config.Secrets;
import dev.xpost.post.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registry is what the engine asks about a platform; the lists the config and the post rules still keep (they
 * may not depend on {@code platform}) must name the same platforms, or a platform would be half known.
 */
class PlatformModulesTest {
    @Test
    void theConfigAndThePostRulesKnowExactlyTheRegisteredPlatformsInPublishingOrder() {
        assertEquals(PlatformModules.names(), Config.KNOWN_PLATFORMS);
        assertEquals(PlatformModules.names(), Rules.PLATFORMS);
    }

    @Test
    void theHomePlatformComesFirstSoThatPlatformsLinkingToItWaitForIt() {
        List<PlatformModule> all = PlatformModules.all();
        assertEquals(1, all.stream().filter(m -> m.capabilities().home()).count(), "one home platform");
        assertTrue(all.get(0).capabilities().home(), "the home platform is published first");
        assertEquals("hashnode", PlatformModules.home().orElseThrow());
    }

    @Test
    void everySecretAPlatformDeclaresIsMaskedInOutput() {
        for (PlatformModule m : PlatformModules.all()) {
            assertTrue(Secrets.names().containsAll(m.secretNames()), m.name() + ": " + m.secretNames());
        }
    }

    @Test
    void aLostCreateIsLookedUpOnHashnodeAndSentAgainOnLinkedIn() {
        Capabilities hashnode = PlatformModules.capabilities("hashnode");
        Capabilities linkedin = PlatformModules.capabilities("linkedin");
        assertEquals(Capabilities.Settle.LOOKUP, hashnode.settle());
        assertEquals(30, hashnode.settleWindow().toSeconds(), "Hashnode's reads lag up to ~25 s (API.md §3)");
        assertEquals(Capabilities.Settle.RESEND, linkedin.settle());
        assertEquals(10, linkedin.settleWindow().toMinutes(), "LinkedIn's duplicate window (API.md §6)");
        assertTrue(linkedin.linksHome() && linkedin.skipsOldPosts());
        assertTrue(!hashnode.linksHome() && !hashnode.skipsOldPosts());
    }
}
