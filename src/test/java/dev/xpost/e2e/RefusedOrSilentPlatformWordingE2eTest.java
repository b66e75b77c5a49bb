package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code doctor} and {@code auth status} say when a platform refuses the token or does not answer in time,
 * worded as truthfully as the platform's answer allows: LinkedIn's 401 does not tell an invalid token from an expired
 * or revoked one; a host that was reached but gave no answer in time is not one that "could not be reached".
 */
class RefusedOrSilentPlatformWordingE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void aRefusedLinkedInTokenIsInvalidExpiredOrRevokedNotJustExpired() throws IOException {
        blog = new E2eBlog(dir);
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        for (String[] command : new String[][] {{"doctor"}, {"auth", "status"}}) {
            blog.linkedin.fail("userinfo", Fault.HTTP_401);
            CliRun.Result r = blog.run(command);
            assertEquals(4, r.code(), r::toString);
            assertTrue(r.out().contains("LinkedIn refused the token (HTTP 401): it is invalid, expired or revoked, "
                    + "and LinkedIn's answer does not tell which"), r::toString);
            assertTrue(r.out().contains("xpost auth linkedin"), r::toString);
            assertFalse(r.out().contains("token expired or revoked"), r::toString);
        }
    }

    @Test
    void aDevtoThatAnswersTooLateWasReachedNotUnreachable() throws IOException {
        blog = new E2eBlog(dir).withDevto("700ms");
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        for (String[] command : new String[][] {{"doctor"}, {"auth", "status"}}) {
            blog.devto.fail("list", Fault.HEADERS_DELAY, 2, false, 2_000);
            CliRun.Result r = blog.run(command);
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.out().contains("dev.to at " + blog.devtoServer.getHostName()
                    + " was reached but gave no answer in time (xpost waits "
                    + "http.readTimeout of config/xpost.yaml for each answer)"), r::toString);
            assertFalse(r.out().contains("Could not reach dev.to"), r::toString);
        }
    }

    /**
     * A Hashnode that cannot be reached: its failed check says what to do (every failed check has a fix, also in
     * {@code --json}), and the token line does not claim the endpoint answered something that was not GraphQL
     * (a new user's review: no fix, and "did not answer GraphQL" for a host that was never reached).
     */
    @Test
    void anUnreachableHashnodeHasAFixAndItsTokenIsNotCheckedForThatReason() throws IOException {
        blog = new E2eBlog(dir);
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        blog.hashnodeServer.close();
        CliRun.Result r = blog.run("doctor", "--json");
        assertEquals(2, r.code(), r::toString);
        com.fasterxml.jackson.databind.JsonNode endpoint = null;
        com.fasterxml.jackson.databind.JsonNode token = null;
        for (com.fasterxml.jackson.databind.JsonNode c : dev.xpost.http.Json.parseOrNull(r.out()).path("checks")) {
            if (c.path("check").asText().equals("hashnode endpoint")) {
                endpoint = c;
            } else if (c.path("check").asText().equals("hashnode token")) {
                token = c;
            }
        }
        assertTrue(endpoint != null && endpoint.path("fix").asText().contains("network connection"), r::toString);
        assertTrue(token != null && token.path("message").asText().contains("could not be reached"), r::toString);
        assertFalse(r.out().contains("did not answer GraphQL"), r::toString);
    }

    @Test
    void aLinkedInThatAnswersTooLateWasReachedNotUnreachable() throws IOException {
        blog = new E2eBlog(dir);
        blog.config("700ms");
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        blog.linkedin.fail("userinfo", Fault.HEADERS_DELAY, 2, false, 2_000);
        CliRun.Result r = blog.run("auth", "status");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().contains("LinkedIn at " + blog.linkedinServer.getHostName()
                + " was reached but gave no answer in time"), r::toString);
        assertFalse(r.out().contains("Could not reach LinkedIn"), r::toString);
    }
}
