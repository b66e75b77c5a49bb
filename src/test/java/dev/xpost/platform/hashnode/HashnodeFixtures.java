package dev.xpost.platform.hashnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.config.HttpSettings;
import dev.xpost.http.Backoff;
import dev.xpost.http.Http;
import dev.xpost.http.Json;
import dev.xpost.platform.PlatformException;
import dev.xpost.post.Dialect;
import dev.xpost.post.Post;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.function.Executable;

/** Shared test data for the Hashnode client tests: sample posts, fixture files, a recording sleeper. */
final class HashnodeFixtures {
    static final String TOKEN = "fake-hn-token-client";
    static final String PUBLICATION_ID = "6a603fb103e2cb323e7851f6";
    static final String SERIES_ID = "65f0c0ffee0000000000beef";
    static final String POST_ID = "6a603fb103e2cb323e7851aa";
    static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    static final Publication PUBLICATION = new Publication(PUBLICATION_ID, "https://myblog.hashnode.dev", "My Blog");
    static final String BODY = "Intro\n\n"
            + "![](https://cdn.hashnode.com/res/hashnode/image/upload/v1/x.png align=\"center\")\n\n"
            + "%[https://youtu.be/abc]\n\nCosts $5 a month.\n";

    private HashnodeFixtures() {
    }

    /** A post with every field xpost maps to Hashnode set, duplicate tag included, dated in the past. */
    static Post samplePost() {
        return post(BODY, List.of("aws", "cdk", "aws", "cicd-cjy1vtdk2005kjjs17n8couc3"),
                Instant.parse("2024-03-01T09:00:00Z"), "aws");
    }

    static Post post(String body, List<String> tags, Instant publishAt, String series) {
        return new Post(Path.of("posts/aws-part-2.md"), Dialect.GENERIC, "Deploying with CDK, part 2",
                "Pipelines that ship themselves", "aws-part-2", true, tags, tags,
                publishAt == null ? null : publishAt.toString(), publishAt, null, "https://example.com/aws-part-2",
                "https://cdn.hashnode.com/res/hashnode/image/upload/v1/cover.png",
                "https://cdn.hashnode.com/res/hashnode/image/upload/v1/og.png", "CDK pipelines, part 2",
                "How a CDK pipeline deploys itself.", series, 2, "2", false, false, true, false, null, List.of(),
                null, Map.of(), body, 12, Map.of());
    }

    static String fixture(String name) {
        try (InputStream in = HashnodeFixtures.class.getResourceAsStream("/hashnode/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int code, String fixtureName) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(fixture(fixtureName)).build();
    }

    static MockResponse ok(String fixtureName) {
        return json(200, fixtureName);
    }

    /** Records what the client would have slept, so retries cost no real time. */
    static final class Sleeps implements Backoff.Sleeper {
        final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration d) {
            slept.add(d);
        }
    }

    static HttpSettings settings(Duration readTimeout) {
        return new HttpSettings(Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(10), 3,
                Duration.ofMillis(100), Duration.ofSeconds(60));
    }

    static OkHttpClient http(Duration readTimeout) {
        HttpSettings s = settings(readTimeout);
        return Http.newClient(s.connectTimeout(), s.readTimeout(), s.callTimeout(), null);
    }

    static Backoff backoff(Sleeps sleeps) {
        HttpSettings s = settings(Duration.ofSeconds(5));
        return new Backoff(s.maxAttempts(), s.baseDelay(), s.retryAfterCap(), sleeps, new Random(7));
    }

    /** Asserts a request is the GraphQL POST of {@code operation} with exactly these variables, and returns them. */
    static JsonNode assertGraphql(RecordedRequest r, String operation, String expectedVariablesJson) {
        assertEquals("POST", r.getMethod());
        assertEquals("/", r.getUrl().encodedPath());
        assertNull(r.getUrl().query(), "no query string");
        assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
        assertEquals("application/json", r.getHeaders().get("Content-Type"));
        assertEquals("application/json", r.getHeaders().get("Accept"));
        String ua = r.getHeaders().get("User-Agent");
        assertTrue(ua != null && ua.startsWith("xpost/"), "User-Agent was " + ua);
        JsonNode body = Json.parseOrNull(r.getBody().utf8());
        assertEquals(operation, body.path("operationName").asText());
        String query = body.path("query").asText();
        assertTrue(query.contains(" " + operation + "("), "query names " + operation + ": " + query);
        assertEquals(Operations.ALL.get(operation), query);
        if (expectedVariablesJson != null) {
            assertEquals(Json.parseOrNull(expectedVariablesJson), body.path("variables"));
        }
        return body.path("variables");
    }

    /** Runs {@code call}, expects a Hashnode PlatformException of {@code kind}, and checks the token is not in it. */
    static PlatformException assertFails(PlatformException.Kind kind, Executable call) {
        PlatformException e = assertThrows(PlatformException.class, call);
        assertEquals("hashnode", e.platform());
        assertEquals(kind, e.kind(), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), "token leaked: " + e.getMessage());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            assertFalse(String.valueOf(c.getMessage()).contains(TOKEN), "token leaked in cause");
        }
        return e;
    }
}
