package dev.xpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: the config's one-time setup runs on another thread at start; loads read and refuse exactly as before. */
class ConfigLoaderWarmUpTest {
    @Test
    void loadsDuringAndAfterTheWarmUpReadTheSameConfigAndRefuseTheSameMistakes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/xpost.yaml"), "timezone: Europe/Berlin\nhashnode:\n  publication: "
                + "blog.example.dev\nhttp:\n  readTimeout: 500ms\n  maxAttempts: 2\ndevto:\n  tags: [java]\n");
        Config before = ConfigLoader.load(null, dir, java.util.List.of("hashnode", "linkedin", "devto"));
        ConfigLoader.warmUp();
        Config during = ConfigLoader.load(null, dir, java.util.List.of("hashnode", "linkedin", "devto"));
        assertEquals(before, during);
        assertEquals(ZoneId.of("Europe/Berlin"), during.timezone());
        assertEquals(Duration.ofMillis(500), during.http().readTimeout());
        assertEquals(java.util.Map.of("tags", java.util.List.of("java")), during.section("devto"));

        Files.writeString(dir.resolve("config/xpost.yaml"), "hashnode:\n  publicaton: blog.example.dev\n");
        ConfigLoader.warmUp();
        assertEquals(dir.resolve("config/xpost.yaml") + ": unknown setting hashnode.publicaton (known under "
                + "hashnode: enabled, endpoint, publication); did you mean publication?",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage());
    }
}
