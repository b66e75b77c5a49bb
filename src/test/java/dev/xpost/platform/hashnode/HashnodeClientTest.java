package dev.xpost.platform.hashnode;

import static dev.xpost.platform.hashnode.HashnodeFixtures.NOW;
import static dev.xpost.platform.hashnode.HashnodeFixtures.POST_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.PUBLICATION;
import static dev.xpost.platform.hashnode.HashnodeFixtures.PUBLICATION_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.SERIES_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.TOKEN;
import static dev.xpost.platform.hashnode.HashnodeFixtures.assertFails;
import static dev.xpost.platform.hashnode.HashnodeFixtures.assertGraphql;
import static dev.xpost.platform.hashnode.HashnodeFixtures.fixture;
import static dev.xpost.platform.hashnode.HashnodeFixtures.ok;
import static dev.xpost.platform.hashnode.HashnodeFixtures.samplePost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Json;
import dev.xpost.platform.PlatformException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request the client sends, checked on the wire, and how it reads Hashnode's answers. */
class HashnodeClientTest {
    private MockWebServer server;
    private HashnodeFixtures.Sleeps sleeps;
    private HashnodeClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        sleeps = new HashnodeFixtures.Sleeps();
        client = new HashnodeClient(HashnodeFixtures.http(Duration.ofSeconds(5)), server.url("/"), TOKEN,
                HashnodeFixtures.backoff(sleeps));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void resolvesPublicationByHost() throws Exception {
        server.enqueue(ok("publication.json"));

        Publication p = client.publication(PublicationRef.parse("myblog.hashnode.dev"));

        assertEquals(PUBLICATION_ID, p.id());
        assertEquals("https://myblog.hashnode.dev", p.url());
        assertEquals("My Blog", p.title());
        assertEquals("myblog.hashnode.dev", p.host());
        assertGraphql(server.takeRequest(), "Publication", fixture("request-publication-host.json"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void resolvesPublicationById() throws Exception {
        server.enqueue(ok("publication.json"));

        Publication p = client.publication(PublicationRef.parse(PUBLICATION_ID));

        assertEquals(PUBLICATION_ID, p.id());
        assertGraphql(server.takeRequest(), "Publication", fixture("request-publication-id.json"));
    }

    @Test
    void unknownPublicationIsAConfigError() {
        server.enqueue(ok("publication-null.json"));

        var e = assertFails(Kind.CONFIG, () -> client.publication(PublicationRef.parse("nope.hashnode.dev")));

        assertTrue(e.getMessage().contains("nope.hashnode.dev"), e.getMessage());
        assertTrue(e.getMessage().contains("hashnode.publication"), e.getMessage());
    }

    @Test
    void resolvesSeriesOnceAndRemembersIt() throws Exception {
        server.enqueue(ok("series.json"));

        assertEquals(SERIES_ID, client.seriesId(PUBLICATION, "aws"));
        assertEquals(SERIES_ID, client.seriesId(PUBLICATION, "aws"));

        assertGraphql(server.takeRequest(), "Series", fixture("request-series.json"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void missingSeriesIsRejectedWithWhatToDo() {
        server.enqueue(ok("series-null.json"));

        var e = assertFails(Kind.REJECTED, () -> client.seriesId(PUBLICATION, "aws"));

        assertEquals("Series \"aws\" was not found in publication myblog.hashnode.dev. Create it in the Hashnode "
                + "dashboard first (the API cannot create series).", e.getMessage());
    }

    @Test
    void findsPostBySlugWithItsMarkdown() throws Exception {
        server.enqueue(ok("post-by-slug.json"));

        RemotePost p = client.postBySlug(PUBLICATION, "aws-part-2").orElseThrow();

        assertEquals(POST_ID, p.id());
        assertEquals("clwte0xct00000aldcy2oegjp", p.cuid());
        assertEquals("aws-part-2", p.slug());
        assertEquals("https://myblog.hashnode.dev/aws-part-2", p.url());
        assertEquals(Instant.parse("2024-03-01T09:00:00Z"), p.publishedAt());
        assertTrue(p.markdown().contains("align=\"center\")"));
        assertFalse(p.sameMarkdown(samplePost().body()), "the file has one more paragraph");
        assertGraphql(server.takeRequest(), "PostBySlug", fixture("request-post-by-slug.json"));
    }

    @Test
    void missingSlugIsEmptyWhetherNullOrNotFound() {
        server.enqueue(ok("post-by-slug-null.json"));
        server.enqueue(ok("error-not-found.json"));

        assertEquals(Optional.empty(), client.postBySlug(PUBLICATION, "aws-part-2"));
        assertEquals(Optional.empty(), client.postBySlug(PUBLICATION, "aws-part-2"));
    }

    @Test
    void listsAllPostsHundredAPageFollowingCursors() throws Exception {
        server.enqueue(page(0, 100, "cursor-100"));
        server.enqueue(page(100, 100, "cursor-200"));
        server.enqueue(page(200, 50, null));

        List<RemotePost> posts = client.posts(PUBLICATION);

        assertEquals(250, posts.size());
        assertEquals("slug-0", posts.get(0).slug());
        assertEquals("slug-249", posts.get(249).slug());
        assertEquals("c" + String.format("%024d", 137), posts.get(137).cuid());
        assertEquals("# Post 249\n", posts.get(249).markdown());
        assertEquals(3, server.getRequestCount());
        assertGraphql(server.takeRequest(), "Posts", "{\"id\":\"" + PUBLICATION_ID + "\",\"first\":100}");
        assertGraphql(server.takeRequest(), "Posts",
                "{\"id\":\"" + PUBLICATION_ID + "\",\"first\":100,\"after\":\"cursor-100\"}");
        assertGraphql(server.takeRequest(), "Posts",
                "{\"id\":\"" + PUBLICATION_ID + "\",\"first\":100,\"after\":\"cursor-200\"}");
    }

    @Test
    void pagingThatDoesNotAdvanceStopsInsteadOfLooping() {
        server.enqueue(page(0, 100, "same"));
        server.enqueue(page(100, 100, "same"));

        var e = assertFails(Kind.TRANSIENT, () -> client.posts(PUBLICATION));

        assertTrue(e.getMessage().contains("200 posts"), e.getMessage());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void publishSendsEveryMappedFieldAndReturnsWhatHashnodeStored() throws Exception {
        server.enqueue(ok("publish-post.json"));
        PostInput input = PostInput.publish(samplePost(), PUBLICATION_ID, SERIES_ID, NOW);

        PublishResult r = client.publish(input);

        assertEquals(new PublishResult(POST_ID, "clwte0xct00000aldcy2oegjp", "aws-part-2",
                "https://myblog.hashnode.dev/aws-part-2", "aws-part-2"), r);
        assertFalse(r.slugSuffixed());
        assertEquals(Optional.empty(), r.slugWarning("posts/aws-part-2.md"));
        var request = server.takeRequest();
        assertGraphql(request, "PublishPost", fixture("request-publish-post.json"));
        assertEquals(input.requestBody(), request.getBody().utf8(), "the body sent is the one that was measured");
    }

    @Test
    void publishReportsASuffixedSlug() throws Exception {
        server.enqueue(ok("publish-post-suffixed.json"));

        PublishResult r = client.publish(PostInput.publish(samplePost(), PUBLICATION_ID, SERIES_ID, NOW));

        assertEquals("aws-part-2-1a2b", r.slug());
        assertEquals("https://myblog.hashnode.dev/aws-part-2-1a2b", r.url());
        assertTrue(r.slugSuffixed());
        String warning = r.slugWarning("posts/aws-part-2.md").orElseThrow();
        assertTrue(warning.startsWith("Hashnode published it as `aws-part-2-1a2b`: the slug `aws-part-2` is taken; "
                + "set `slug:` in posts/aws-part-2.md"), warning);
    }

    @Test
    void updateSendsEverythingButTheSlug() throws Exception {
        server.enqueue(ok("update-post.json"));

        PublishResult r = client.update(PostInput.update(samplePost(), POST_ID, SERIES_ID, NOW, false));

        assertEquals(POST_ID, r.id());
        assertEquals("aws-part-2", r.slug());
        assertFalse(r.slugSuffixed());
        assertGraphql(server.takeRequest(), "UpdatePost", fixture("request-update-post.json"));
    }

    @Test
    void updateSendsTheSlugWhenItChanged() throws Exception {
        server.enqueue(ok("update-post.json"));

        client.update(PostInput.update(samplePost(), POST_ID, SERIES_ID, NOW, true));

        JsonNode vars = assertGraphql(server.takeRequest(), "UpdatePost", null);
        assertEquals("aws-part-2", vars.path("input").path("slug").asText());
    }

    @Test
    void errorsWinOverPartialData() {
        server.enqueue(ok("error-partial-data.json"));

        var e = assertFails(Kind.REJECTED, () -> client.seriesId(PUBLICATION, "aws"));

        assertTrue(e.getMessage().contains("Cannot return series of a private publication"), e.getMessage());
    }

    @Test
    void tokenGoesOnlyToTheConfiguredEndpointPerRequest() throws Exception {
        server.enqueue(ok("publication.json"));
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            other.enqueue(new MockResponse.Builder().body("{}").build());
            // The same shared OkHttpClient, used by someone else (LinkedIn, say), must not carry the token.
            var shared = HashnodeFixtures.http(Duration.ofSeconds(5));
            var c = new HashnodeClient(shared, server.url("/"), TOKEN, HashnodeFixtures.backoff(sleeps));
            c.publication(PublicationRef.parse("myblog.hashnode.dev"));
            try (var resp = shared.newCall(new okhttp3.Request.Builder().url(other.url("/x")).build()).execute()) {
                assertEquals(200, resp.code());
            }
            assertEquals(null, other.takeRequest().getHeaders().get("Authorization"));
            shared.connectionPool().evictAll();
        }
    }

    @Test
    void endpointDefaultsAndAcceptsHttpsAndLoopback() {
        assertEquals(HttpUrl.get("https://gql-beta.hashnode.com/"), HashnodeClient.endpoint(null));
        assertEquals(HttpUrl.get("https://gql-beta.hashnode.com/"), HashnodeClient.endpoint("  "));
        assertEquals("https://example.org/graphql", HashnodeClient.endpoint("https://example.org/graphql").toString());
        assertEquals("http://127.0.0.5:8080/", HashnodeClient.endpoint("http://127.0.0.5:8080/").toString());
        assertEquals("http://localhost:8080/", HashnodeClient.endpoint("http://localhost:8080/").toString());
        assertEquals("http://[::1]:8080/", HashnodeClient.endpoint("http://[::1]:8080/").toString());
    }

    private static MockResponse page(int from, int count, String endCursor) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", String.format("%024x", i));
            node.put("cuid", "c" + String.format("%024d", i));
            node.put("slug", "slug-" + i);
            node.put("url", "https://myblog.hashnode.dev/slug-" + i);
            node.put("title", "Post " + i);
            node.put("publishedAt", "2024-01-01T00:00:00.000Z");
            node.put("content", Map.of("markdown", "# Post " + i + "\n"));
            edges.add(Map.of("node", node));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", endCursor != null);
        pageInfo.put("endCursor", endCursor);
        Map<String, Object> body = Map.of("data", Map.of("publication",
                Map.of("id", PUBLICATION_ID, "posts", Map.of("edges", edges, "pageInfo", pageInfo))));
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(Json.compact(body))
                .build();
    }
}
