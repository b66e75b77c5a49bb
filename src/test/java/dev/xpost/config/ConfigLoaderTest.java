package dev.xpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("config/xpost.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void noConfigMeansDefaultsAndNoPlatforms() {
        Config c = ConfigLoader.load(null, dir);
        assertNull(c.file());
        assertEquals(List.of(), c.platforms());
        assertEquals(ZoneId.of("UTC"), c.timezone());
        assertEquals(dir.resolve("posts"), c.postsDir());
        assertEquals(dir.resolve(".xpost/state.json"), c.stateFile());
    }

    /** Found by a new user: `posts: ../..` had validate walk the whole disk from above the blog. */
    @Test
    void aPostsFolderOutsideTheBlogIsRefused() throws IOException {
        write("posts: ../..\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir));
        assertTrue(e.getMessage().contains("posts: ../.. is outside the blog folder"), e.getMessage());
        write("posts: .\n");
        assertEquals(dir, ConfigLoader.load(null, dir).postsDir());
    }

    @Test
    void foundFromASubFolderLikeGit() throws IOException {
        write("timezone: Europe/Berlin\n");
        Path sub = Files.createDirectories(dir.resolve("posts/series"));
        Config c = ConfigLoader.load(null, sub);
        assertEquals(dir, c.root());
        assertEquals(ZoneId.of("Europe/Berlin"), c.timezone());
    }

    @Test
    void fullConfigIsRead() throws IOException {
        write("""
                timezone: America/New_York
                posts: content
                hashnode:
                  publication: me.hashnode.dev
                linkedin:
                  author: urn:li:person:abc_12-3
                  mode: teaser
                  since: 2026-01-01
                  version: "202604"
                http:
                  readTimeout: 5s
                  connectTimeout: 750ms
                publish:
                  max: 3
                """);
        Config c = ConfigLoader.load(null, dir);
        assertEquals(List.of("hashnode", "linkedin"), c.platforms());
        assertEquals("https://gql-beta.hashnode.com/", c.hashnode().endpoint());
        assertEquals("me.hashnode.dev", c.hashnode().publication());
        assertEquals("teaser", c.linkedin().mode());
        assertEquals(LocalDate.of(2026, 1, 1), c.linkedin().since());
        assertEquals("202604", c.linkedin().version());
        assertEquals(Duration.ofSeconds(5), c.http().readTimeout());
        assertEquals(Duration.ofMillis(750), c.http().connectTimeout());
        assertEquals(3, c.maxCreates());
        assertEquals(dir.resolve("content"), c.postsDir());
    }

    @Test
    void aMisspeltKeyIsAnErrorNamingIt() throws IOException {
        write("hashnode:\n  publicaton: me.hashnode.dev\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir));
        assertTrue(e.getMessage().contains("hashnode.publicaton"), e.getMessage());
        assertTrue(e.getMessage().contains("publication"), e.getMessage());
    }

    @Test
    void badValuesSayWhatIsExpected() throws IOException {
        write("timezone: Mars/Olympus\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage()
                .contains("Europe/Berlin"));
        write("linkedin:\n  version: 2026-05\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage()
                .contains("YYYYMM"));
        write("linkedin:\n  author: me\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage()
                .contains("urn:li:person"));
        write("hashnode:\n  endpoint: https://x/\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage()
                .contains("hashnode.publication is required"));
        write("title: [unclosed\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage()
                .contains("not valid YAML"));
    }

    @Test
    void invalidYamlIsPlacedByLineAndColumnWithWhatToCheck() throws IOException {
        write("timezone: UTC\nhashnode:\n  publication: x.hashnode.dev\n   endpoint: https://x/\n");
        String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage();
        assertTrue(message.contains("xpost.yaml:4:12: not valid YAML: mapping values are not allowed here"),
                message);
        assertTrue(message.contains("indent with spaces"), message);
        assertFalse(message.contains("\n"), "one line: " + message);

        write("timezone: UTC\nhashnode:\n\tpublication: x.hashnode.dev\n");
        message = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage();
        assertTrue(message.contains("xpost.yaml:3:1: not valid YAML: found character '\\t(TAB)'"), message);
    }

    @Test
    void aSecondYamlDocumentIsAnErrorNotSettingsDroppedWithoutAWord() throws IOException {
        write("---\ntimezone: UTC\n---\nhashnode:\n  publication: x.hashnode.dev\n");
        String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage();
        assertTrue(message.contains("xpost.yaml:4: a second YAML document starts here"), message);
        write("---\ntimezone: UTC\nhashnode:\n  publication: x.hashnode.dev\n---\n");
        assertEquals("x.hashnode.dev", ConfigLoader.load(null, dir).hashnode().publication(),
                "a --- with nothing after it is no second document");
    }

    /**
     * A config that cannot be read is said to be unreadable, not invalid YAML (its text was never seen). The read
     * fails through a link to {@code /proc/self/mem}, a regular file that answers every read with an I/O error:
     * the way to make a read fail for any user, root included (a file without read permission is read by root).
     */
    @Test
    void anUnreadableConfigIsNotCalledInvalidYaml() throws IOException {
        Path mem = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(mem),
                "needs Linux's /proc/self/mem to make a read fail");
        Path f = dir.resolve("config/xpost.yaml");
        Files.createDirectories(f.getParent());
        Files.createSymbolicLink(f, mem);
        String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage();
        assertTrue(message.contains("cannot be read") && !message.contains("YAML"), message);
        assertTrue(message.startsWith(f.toString()), message);
        // Nor is a file far larger than a config read whole.
        Files.delete(f);
        write("# " + "x".repeat(ConfigLoader.MAX_CONFIG_BYTES) + "\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(null, dir)).getMessage()
                .contains("is this the right file?"));
    }

    @Test
    void aPlatformCanBeSwitchedOff() throws IOException {
        write("hashnode:\n  publication: me.hashnode.dev\n  enabled: false\nlinkedin:\n  author: auto\n");
        assertEquals(List.of("linkedin"), ConfigLoader.load(null, dir).platforms());
    }

    @Test
    void explicitMissingConfigIsAnError() {
        assertThrows(ConfigException.class, () -> ConfigLoader.load(Path.of("nope.yaml"), dir));
    }

    @Test
    void environmentWinsOverDotEnvAndQuotesAreStripped() throws IOException {
        Files.writeString(dir.resolve(".env"), "# comment\nHASHNODE_TOKEN=\"from-file\"\nexport LINKEDIN_ACCESS_TOKEN=li\n");
        Secrets s = Secrets.load(Map.of("HASHNODE_TOKEN", "from-env"), dir);
        assertEquals("from-env", s.get(Secrets.HASHNODE_TOKEN).orElseThrow());
        assertEquals("li", s.get(Secrets.LINKEDIN_ACCESS_TOKEN).orElseThrow());
        assertEquals("from-file", Secrets.load(Map.of(), dir).get(Secrets.HASHNODE_TOKEN).orElseThrow());
    }

    @Test
    void aBrokenDotEnvLineIsReportedWithoutEchoingIt() throws IOException {
        Files.writeString(dir.resolve(".env"), "HASHNODE_TOKEN=ok\nsecret-looking-garbage\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Secrets.load(Map.of(), dir));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        assertTrue(!e.getMessage().contains("garbage"), e.getMessage());
    }
}
