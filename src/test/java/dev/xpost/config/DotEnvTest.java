package dev.xpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {
    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyFile() throws IOException {
        Path env = dir.resolve(".env");
        DotEnv.update(env, Map.of("LINKEDIN_ACCESS_TOKEN", "abc"));
        assertEquals("LINKEDIN_ACCESS_TOKEN=abc\n", Files.readString(env));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env)));
    }

    @Test
    void replacesItsKeysAndKeepsEveryOtherLine() throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, "# my secrets\nHASHNODE_TOKEN=keep-me\nexport LINKEDIN_ACCESS_TOKEN=old\n\nOTHER=1\n");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("LINKEDIN_ACCESS_TOKEN", "new");
        v.put("LINKEDIN_TOKEN_EXPIRES_AT", "2027-01-25T12:00:00Z");
        DotEnv.update(env, v);
        assertEquals("# my secrets\nHASHNODE_TOKEN=keep-me\nLINKEDIN_ACCESS_TOKEN=new\n\nOTHER=1\n"
                + "LINKEDIN_TOKEN_EXPIRES_AT=2027-01-25T12:00:00Z\n", Files.readString(env));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env)));
        assertEquals("new", Secrets.load(Map.of(), dir).get("LINKEDIN_ACCESS_TOKEN").orElseThrow());
    }
}
