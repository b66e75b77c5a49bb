package dev.xpost.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.app.Platforms;
import dev.xpost.app.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry is what the engine asks about a platform; the config and the post rules (given the names by
 * {@code app}, since {@code post} may not depend on {@code platform}) learn the platforms from it.
 */
class PlatformModulesTest {
    @TempDir
    Path dir;

    @Test
    void theConfigKnowsExactlyTheRegisteredPlatformsInPublishingOrder() throws IOException {
        assertEquals(PlatformModules.names(), Platforms.known());
        // Every registered platform's section, written in reverse: the config still lists them in publishing order.
        StringBuilder yaml = new StringBuilder();
        List<String> reversed = new java.util.ArrayList<>(PlatformModules.names());
        java.util.Collections.reverse(reversed);
        for (String name : reversed) {
            yaml.append(name).append(":\n  enabled: true\n")
                    .append(name.equals("hashnode") ? "  publication: demo.hashnode.dev\n" : "");
        }
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/xpost.yaml"), yaml.toString());
        var config = new Services(dir, Map.of(), Clock.systemUTC(), null).config();
        assertEquals(PlatformModules.names(), config.platforms());
        // The sections keep that order too, so that the config reads (and digests) the same in every JVM.
        assertEquals(PlatformModules.names(), List.copyOf(config.sections().keySet()));
    }

    @Test
    void theHomePlatformComesFirstSoThatPlatformsLinkingToItWaitForIt() {
        List<PlatformModule> all = PlatformModules.all();
        assertEquals(1, all.stream().filter(m -> m.capabilities().home()).count(), "one home platform");
        assertTrue(all.get(0).capabilities().home(), "the home platform is published first");
        assertEquals("hashnode", PlatformModules.home().orElseThrow());
    }

    @Test
    void everySecretAPlatformDeclaresIsMaskedInOutput() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/xpost.yaml"), "timezone: UTC\n");
        Map<String, String> env = new LinkedHashMap<>();
        for (PlatformModule m : PlatformModules.all()) {
            // Names that do not end in TOKEN or SECRET, so that only the registry can make them known.
            m.secretNames().forEach(n -> env.put(n, "value-of-" + n.toLowerCase() + "-0123456789"));
        }
        Services services = new Services(dir, env, Clock.systemUTC(), null);
        services.secrets();
        for (PlatformModule m : PlatformModules.all()) {
            for (String n : m.secretNames()) {
                assertTrue(services.loadedSecrets().contains(env.get(n)), m.name() + ": " + n);
            }
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
