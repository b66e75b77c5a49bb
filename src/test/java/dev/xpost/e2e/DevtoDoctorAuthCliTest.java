package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.cli.CliRun;
import dev.xpost.http.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xpost doctor} and {@code xpost auth status} for dev.to, through the CLI against a fake dev.to: whether the
 * key is accepted and whose it is (one read of {@code GET /api/articles/me/all}, API.md §4), and what a refused key
 * or an unreachable dev.to says and exits with.
 */
class DevtoDoctorAuthCliTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir).withDevto();
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        blog.cli.env.put("LINKEDIN_TOKEN_EXPIRES_AT", "2027-01-25T12:00:00Z");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    private CliRun.Result run(String... args) {
        CliRun.Result r = blog.cli.run(args);
        blog.assertNoTokenIn(r);
        return r;
    }

    private static JsonNode item(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }

    @Test
    void anAcceptedKeyIsReportedWithItsUsernameAfterOneReadAndNothingWritten() {
        blog.devto.seed("Hand-made", "Written on dev.to", null, List.of("java"));
        CliRun.Result doctor = run("doctor");
        assertEquals(0, doctor.code(), doctor::toString);
        assertTrue(doctor.out().contains("✔ devto key: DEVTO_API_KEY is accepted for the dev.to user ada"),
                doctor::toString);
        assertTrue(doctor.out().contains("All checks passed."), doctor::toString);
        assertEquals(1, blog.devto.count("list"), "one read");
        assertEquals(0, blog.devto.count("create") + blog.devto.count("update"), "nothing written");

        CliRun.Result status = run("auth", "status");
        assertEquals(0, status.code(), status::toString);
        assertTrue(status.out().contains("✔ devto: key accepted for the dev.to user ada"), status::toString);
        assertTrue(status.out().contains("✔ hashnode: ") && status.out().contains("✔ linkedin: "), status::toString);
    }

    @Test
    void jsonSaysTheSameForDoctorAndAuthStatus() {
        blog.devto.seed("Hand-made", "Written on dev.to", null, List.of("java"));
        CliRun.Result doctor = run("doctor", "--json");
        assertEquals(0, doctor.code(), doctor::toString);
        JsonNode check = item(Json.parseOrNull(doctor.out()).path("checks"), "check", "devto key");
        assertEquals("ok", check.path("state").asText(), doctor::toString);
        assertTrue(check.path("message").asText().contains("for the dev.to user ada"), doctor::toString);

        CliRun.Result status = run("auth", "status", "--json");
        assertEquals(0, status.code(), status::toString);
        JsonNode devto = item(Json.parseOrNull(status.out()).path("platforms"), "platform", "devto");
        assertEquals("ok", devto.path("state").asText(), status::toString);
        assertTrue(devto.path("message").asText().contains("ada"), status::toString);
    }

    @Test
    void anAccountWithoutArticlesIsAcceptedWithoutAName() {
        CliRun.Result doctor = run("doctor");
        assertEquals(0, doctor.code(), doctor::toString);
        assertTrue(doctor.out().contains("✔ devto key: DEVTO_API_KEY is accepted (the account has no article yet, "
                + "so dev.to did not name its user)"), doctor::toString);
        CliRun.Result status = run("auth", "status");
        assertTrue(status.out().contains("✔ devto: key accepted (the account has no article yet"), status::toString);
    }

    @Test
    void aRefusedKeyIsAnAuthFailureThatSaysWhatToFixAndExits4() {
        blog.cli.env.put("DEVTO_API_KEY", "fake-devto-key-revoked");
        CliRun.Result doctor = run("doctor");
        assertEquals(4, doctor.code(), doctor::toString);
        assertTrue(doctor.out().contains("✘ devto key: dev.to refused the API key (HTTP 401)"), doctor::toString);
        assertTrue(doctor.out().contains("check DEVTO_API_KEY") && doctor.out().contains(
                "https://dev.to/settings/extensions"), doctor::toString);
        assertFalse(doctor.out().contains("fake-devto-key-revoked"), doctor::toString);

        CliRun.Result status = run("auth", "status", "--json");
        assertEquals(4, status.code(), status::toString);
        JsonNode devto = item(Json.parseOrNull(status.out()).path("platforms"), "platform", "devto");
        assertEquals("fail", devto.path("state").asText(), status::toString);
        assertTrue(devto.path("message").asText().contains("refused the API key"), status::toString);
        assertFalse(status.out().contains("fake-devto-key-revoked"), status::toString);
    }

    @Test
    void aMissingKeyIsAnAuthFailureWithWhereToGetOne() {
        blog.cli.env.remove("DEVTO_API_KEY");
        CliRun.Result doctor = run("doctor");
        assertEquals(4, doctor.code(), doctor::toString);
        assertTrue(doctor.out().contains("✘ devto key: DEVTO_API_KEY is not set. Fix: create an API key at "
                + "https://dev.to/settings/extensions"), doctor::toString);
        CliRun.Result status = run("auth", "status");
        assertEquals(4, status.code(), status::toString);
        assertTrue(status.out().contains("✘ devto: DEVTO_API_KEY is not set (https://dev.to/settings/extensions)"),
                status::toString);
        assertEquals(0, blog.devto.count("list"), "nothing asked without a key");
    }

    @Test
    void anUnreachableDevtoIsANetworkProblemNotARefusedKey() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String yaml = blog.cli.read("config/xpost.yaml").replace(blog.devtoServer.url("/").toString(),
                "http://127.0.0.1:" + closed + "/");
        blog.cli.write("config/xpost.yaml", yaml);
        CliRun.Result status = run("auth", "status");
        assertEquals(2, status.code(), "a network to fix, not a key (4): " + status);
        assertTrue(status.out().contains("✘ devto: Could not reach dev.to at 127.0.0.1"), status::toString);
        assertFalse(status.out().contains("refused"), status::toString);

        CliRun.Result doctor = run("doctor");
        assertEquals(2, doctor.code(), doctor::toString);
        assertTrue(doctor.out().contains("✘ devto key: Could not reach dev.to"), doctor::toString);
    }
}
