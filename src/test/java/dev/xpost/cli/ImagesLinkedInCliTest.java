package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local cover becomes the LinkedIn card's thumbnail through the Images API, uploaded once per picture. */
class ImagesLinkedInCliTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final String AUTHOR = "urn:li:person:abc123";

    @TempDir
    Path dir;
    CliRun cli;
    final MockWebServer linkedin = new MockWebServer();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void blog() throws IOException {
        linkedin.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                requests.add(r);
                String target = r.getTarget();
                if (target.startsWith("/rest/images?action=initializeUpload")) {
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                            .body("{\"value\":{\"uploadUrlExpiresAt\":1790000000000,\"uploadUrl\":\""
                                    + linkedin.url("/dms-uploads/img1") + "\",\"image\":\"urn:li:image:C4E10AQ1\"}}")
                            .build();
                }
                if (target.startsWith("/dms-uploads/")) {
                    return new MockResponse.Builder().code(201).build();
                }
                if (target.equals("/rest/posts")) {
                    return new MockResponse.Builder().code(201)
                            .setHeader("x-restli-id", "urn:li:share:" + (7000 + requests.size())).build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        linkedin.start();
        cli = new CliRun(dir);
        cli.env.put("LINKEDIN_ACCESS_TOKEN", "AQV_linkedin_token_for_tests");
        cli.write("config/xpost.yaml", "linkedin:\n  author: " + AUTHOR + "\n  apiBase: " + linkedin.url("/") + "\n");
        Files.createDirectories(dir.resolve("posts/img"));
        Files.write(dir.resolve("posts/img/cover.png"), PNG);
        Files.write(dir.resolve("posts/img/same-picture.png"), PNG);
        cli.write("posts/a.md", "---\ntitle: First\nslug: first\ntags: java\ncanonical: https://example.com/first\n"
                + "cover: img/cover.png\n---\n\nThe first post.\n");
        cli.write("posts/b.md", "---\ntitle: Second\nslug: second\ntags: java\ncanonical: https://example.com/second\n"
                + "cover: /posts/img/same-picture.png\n---\n\nThe second post.\n");
    }

    @AfterEach
    void stop() {
        linkedin.close();
    }

    private List<RecordedRequest> to(String prefix) {
        return requests.stream().filter(r -> r.getTarget().startsWith(prefix)).toList();
    }

    @Test
    void aLocalCoverIsUploadedOnceAndUsedAsTheThumbnailOfEveryCardShowingIt() throws Exception {
        CliRun.Result dry = cli.run("publish", "--dry-run");
        assertEquals(0, dry.code(), dry::toString);
        assertTrue(dry.out().contains("upload cover img/cover.png: PUT"), dry::toString);
        assertEquals(List.of(), requests, "a dry run sends nothing");

        CliRun.Result r = cli.run("publish");
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, to("/rest/images").size(), "one picture, one upload: " + r);
        List<RecordedRequest> puts = to("/dms-uploads/");
        assertEquals(1, puts.size());
        assertEquals("PUT", puts.get(0).getMethod());
        assertEquals("image/png", puts.get(0).getHeaders().get("Content-Type"));
        assertArrayEquals(PNG, puts.get(0).getBody().toByteArray());
        JsonNode init = Json.parseOrNull(to("/rest/images").get(0).getBody().utf8());
        assertEquals(AUTHOR, init.path("initializeUploadRequest").path("owner").asText());

        List<RecordedRequest> posts = to("/rest/posts");
        assertEquals(2, posts.size(), r::toString);
        for (RecordedRequest p : posts) {
            JsonNode article = Json.parseOrNull(p.getBody().utf8()).path("content").path("article");
            assertEquals("urn:li:image:C4E10AQ1", article.path("thumbnail").asText(), article.toString());
        }
        String hash = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        JsonNode images = Json.parseOrNull(cli.read(".xpost/state.json")).path("images");
        assertEquals("urn:li:image:C4E10AQ1", images.path("linkedin " + hash).asText(), images.toString());

        // Renaming the cover file changes nothing on LinkedIn: same picture, same card.
        Files.move(dir.resolve("posts/img/cover.png"), dir.resolve("posts/img/renamed.png"));
        cli.write("posts/a.md", cli.read("posts/a.md").replace("img/cover.png", "img/renamed.png"));
        int before = requests.size();
        CliRun.Result again = cli.run("publish");
        assertEquals(0, again.code(), again::toString);
        assertEquals(before, requests.size(), "nothing to send: " + again);
    }
}
