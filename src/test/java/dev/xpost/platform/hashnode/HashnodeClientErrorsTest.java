package dev.xpost.platform.hashnode;

import static dev.xpost.platform.hashnode.HashnodeFixtures.NOW;
import static dev.xpost.platform.hashnode.HashnodeFixtures.POST_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.PUBLICATION;
import static dev.xpost.platform.hashnode.HashnodeFixtures.PUBLICATION_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.SERIES_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.TOKEN;
import static dev.xpost.platform.hashnode.HashnodeFixtures.assertFails;
import static dev.xpost.platform.hashnode.HashnodeFixtures.fixture;
import static dev.xpost.platform.hashnode.HashnodeFixtures.json;
import static dev.xpost.platform.hashnode.HashnodeFixtures.ok;
import static dev.xpost.platform.hashnode.HashnodeFixtures.samplePost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way Hashnode can say no, and what the user is told. */
class HashnodeClientErrorsTest {
    private MockWebServer server;
    private HashnodeFixtures.Sleeps sleeps;
    private HashnodeClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        sleeps = new HashnodeFixtures.Sleeps();
        client = clientFor(server.url("/"), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HashnodeClient clientFor(HttpUrl url, Duration readTimeout) {
        return new HashnodeClient(HashnodeFixtures.http(readTimeout), url, TOKEN, HashnodeFixtures.backoff(sleeps));
    }

    private PublishResult publish() {
        return client.publish(PostInput.publish(samplePost(), PUBLICATION_ID, SERIES_ID, NOW));
    }

    private PublishResult update() {
        return client.update(PostInput.update(samplePost(), POST_ID, SERIES_ID, NOW, false));
    }

    private Publication readPublication() {
        return client.publication(PublicationRef.parse("myblog.hashnode.dev"));
    }

    @Test
    void http401IsAuthWithWhereToGetAToken() {
        server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized").build());

        var e = assertFails(Kind.AUTH, this::readPublication);

        assertEquals(HashnodeClient.TOKEN_REJECTED, e.getMessage());
        assertTrue(e.getMessage().contains("https://hashnode.com/settings/developer"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void unauthenticatedInsideHttp200IsAuth() {
        server.enqueue(ok("error-unauthenticated.json"));

        var e = assertFails(Kind.AUTH, this::publish);

        assertTrue(e.getMessage().startsWith("HASHNODE_TOKEN was rejected."), e.getMessage());
    }

    @Test
    void proPlanForbiddenIsAuthNamesProAndIsNotRetried() {
        server.enqueue(ok("error-forbidden-pro.json"));
        server.enqueue(ok("publication.json"));

        var e = assertFails(Kind.AUTH, this::readPublication);

        assertTrue(e.getMessage().contains("Publication does not have an active Pro plan"), e.getMessage());
        assertTrue(e.getMessage().contains("needs a Hashnode Pro plan on the publication"), e.getMessage());
        assertTrue(e.stopsPlatform());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeps.slept);
    }

    @Test
    void otherForbiddenSaysTheUserLacksPermission() {
        server.enqueue(ok("error-forbidden-member.json"));

        var e = assertFails(Kind.AUTH, this::publish);

        assertTrue(e.getMessage().contains("You are not a member of this publication."), e.getMessage());
        assertTrue(e.getMessage().contains("lacks permission"), e.getMessage());
        assertFalse(e.getMessage().contains("Pro plan"), e.getMessage());
    }

    @Test
    void badUserInputInHttp400RejectsThatPost() {
        server.enqueue(json(400, "error-bad-user-input.json"));

        var e = assertFails(Kind.REJECTED, this::publish);

        assertTrue(e.getMessage().contains("Expected type \"ObjectId\""), e.getMessage());
        assertTrue(e.getMessage().contains("posts/aws-part-2.md"), e.getMessage());
        assertFalse(e.stopsPlatform());
    }

    @Test
    void notFoundOnUpdateRejectsThatPost() {
        server.enqueue(ok("error-not-found.json"));

        var e = assertFails(Kind.REJECTED, this::update);

        assertTrue(e.getMessage().contains("Post not found"), e.getMessage());
    }

    @Test
    void redirectIsNotFollowedAndPointsAtTheSetting() {
        server.enqueue(new MockResponse.Builder().code(301)
                .setHeader("Location", server.url("/moved").toString()).body("moved").build());
        server.enqueue(ok("publication.json"));

        var e = assertFails(Kind.CONFIG, this::readPublication);

        assertEquals(1, server.getRequestCount(), "the redirect target was not requested");
        assertTrue(e.getMessage().contains("redirect (HTTP 301) to " + server.url("/moved")), e.getMessage());
        assertTrue(e.getMessage().contains("Set hashnode.endpoint in config/xpost.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("https://gql-beta.hashnode.com/"), e.getMessage());
    }

    @Test
    void htmlPageInsteadOfGraphqlIsAConfigError() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
                .body(fixture("retired-endpoint.html")).build());

        var e = assertFails(Kind.CONFIG, this::readPublication);

        assertTrue(e.getMessage().contains("an HTML page instead of GraphQL"), e.getMessage());
        assertTrue(e.getMessage().contains("hashnode.endpoint"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void garbageBodyIsAConfigErrorQuotingWhatCame() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("OK then").build());

        var e = assertFails(Kind.CONFIG, this::readPublication);

        assertTrue(e.getMessage().contains("not GraphQL JSON (\"OK then\")"), e.getMessage());
        assertTrue(e.getMessage().contains("hashnode.endpoint"), e.getMessage());
    }

    @Test
    void readIsRetriedAfter500() {
        server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
        server.enqueue(ok("publication.json"));

        assertEquals(PUBLICATION_ID, readPublication().id());

        assertEquals(2, server.getRequestCount());
        assertEquals(1, sleeps.slept.size());
        Duration d = sleeps.slept.get(0);
        assertTrue(!d.isNegative() && d.compareTo(Duration.ofMillis(100)) <= 0, "full jitter under the base: " + d);
    }

    @Test
    void readHonoursRetryAfterOn429() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
        server.enqueue(ok("series.json"));

        assertEquals(SERIES_ID, client.seriesId(PUBLICATION, "aws"));

        assertEquals(List.of(Duration.ofSeconds(2)), sleeps.slept);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void retryAfterBeyondTheCapGivesUpAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());

        var e = assertFails(Kind.RATE_LIMITED, this::readPublication);

        assertTrue(e.getMessage().contains("3600 s"), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeps.slept);
    }

    @Test
    void internalServerErrorOnAReadIsRetried() {
        server.enqueue(ok("error-internal.json"));
        server.enqueue(ok("post-by-slug.json"));

        assertTrue(client.postBySlug(PUBLICATION, "aws-part-2").isPresent());

        assertEquals(2, server.getRequestCount());
    }

    @Test
    void readGivesUpAfterTheLastTryAsTransient() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        }

        var e = assertFails(Kind.TRANSIENT, this::readPublication);

        assertTrue(e.getMessage().contains("after 3 tries (last: HTTP 503)"), e.getMessage());
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeps.slept.size());
    }

    @Test
    void publishIsNeverRetriedAndA500IsAnUnknownOutcome() {
        server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
        server.enqueue(ok("publish-post.json"));

        var e = assertFails(Kind.UNKNOWN_OUTCOME, this::publish);

        assertEquals(1, server.getRequestCount());
        assertTrue(e.getMessage().contains("Hashnode may or may not have created the post; xpost will look the slug "
                + "up (`aws-part-2`) before trying again"), e.getMessage());
        assertEquals(List.of(), sleeps.slept);
    }

    @Test
    void internalServerErrorOnPublishIsAnUnknownOutcome() {
        server.enqueue(ok("error-internal.json"));

        assertFails(Kind.UNKNOWN_OUTCOME, this::publish);

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void publishTimeoutIsAnUnknownOutcome() throws Exception {
        // A second, not less: on a loaded machine a shorter timeout can expire before the request is even written.
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        client = clientFor(server.url("/"), Duration.ofSeconds(1));

        var e = assertFails(Kind.UNKNOWN_OUTCOME, this::publish);

        assertTrue(e.getMessage().contains("no answer in time"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void droppedConnectionAfterSendingIsAnUnknownOutcomeForPublish() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

        var e = assertFails(Kind.UNKNOWN_OUTCOME, this::publish);

        assertTrue(e.getMessage().contains("broken connection"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void droppedConnectionOnAReadIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("publication.json"));

        assertEquals(PUBLICATION_ID, readPublication().id());

        assertEquals(2, server.getRequestCount());
    }

    @Test
    void updateFailuresAreTransientAndSaySoNotRetried() {
        server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());

        var e = assertFails(Kind.TRANSIENT, this::update);

        assertTrue(e.getMessage().contains("An update is safe to send again"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void refusedConnectionOnPublishIsANetworkErrorNothingCreated() throws Exception {
        client = clientFor(closedPort(), Duration.ofSeconds(1));

        var e = assertFails(Kind.NETWORK, this::publish);

        assertTrue(e.getMessage().contains("nothing was created"), e.getMessage());
        assertTrue(e.getMessage().contains("check the network, or the endpoint"), e.getMessage());
    }

    @Test
    void refusedConnectionOnAReadIsRetriedThenANetworkError() throws Exception {
        client = clientFor(closedPort(), Duration.ofSeconds(1));

        assertFails(Kind.NETWORK, this::readPublication);

        assertEquals(2, sleeps.slept.size(), "3 tries, 2 waits");
    }

    @Test
    void http413AndOther4xxAreRejectedWithAnExcerpt() {
        server.enqueue(new MockResponse.Builder().code(413).body("too big").build());
        server.enqueue(new MockResponse.Builder().code(422).setHeader("Content-Type", "text/plain")
                .body("unprocessable: " + "x".repeat(500)).build());

        var tooLarge = assertFails(Kind.REJECTED, this::publish);
        var other = assertFails(Kind.REJECTED, this::update);

        assertTrue(tooLarge.getMessage().contains("too large (HTTP 413)"), tooLarge.getMessage());
        assertTrue(other.getMessage().contains("HTTP 422: unprocessable: xxx"), other.getMessage());
        assertTrue(other.getMessage().length() < 400, "excerpt is short: " + other.getMessage().length());
    }

    @Test
    void oversizedPostIsRefusedBeforeAnythingIsSent() {
        var big = HashnodeFixtures.post("a".repeat(96_000), List.of(), null, null);

        var e = assertFails(Kind.REJECTED,
                () -> client.publish(PostInput.publish(big, PUBLICATION_ID, null, NOW)));

        assertTrue(e.getMessage().contains("100 KB"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void tokenEchoedByHashnodeIsMasked() {
        server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                .body("{\"errors\":[{\"message\":\"token " + TOKEN + " is malformed\","
                        + "\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}").build());
        server.enqueue(new MockResponse.Builder().code(418).body("I saw Bearer " + TOKEN).build());

        var inGraphql = assertFails(Kind.REJECTED, this::publish);
        var inBody = assertFails(Kind.REJECTED, this::update);

        assertTrue(inGraphql.getMessage().contains("token **** is malformed"), inGraphql.getMessage());
        assertTrue(inBody.getMessage().contains("Bearer ****"), inBody.getMessage());
    }

    @Test
    void plainHttpToARealHostIsRefused() {
        var e = assertFails(Kind.CONFIG, () -> HashnodeClient.endpoint("http://gql-beta.hashnode.com/"));
        var viaConstructor = assertFails(Kind.CONFIG, () -> clientFor(HttpUrl.get("http://10.0.0.1/"),
                Duration.ofSeconds(1)));

        assertTrue(e.getMessage().startsWith("hashnode.endpoint http://gql-beta.hashnode.com/ uses plain http://"),
                e.getMessage());
        assertTrue(viaConstructor.getMessage().contains("hashnode.endpoint"));
        assertFails(Kind.CONFIG, () -> HashnodeClient.endpoint("gql-beta.hashnode.com"));
    }

    @Test
    void missingOrMalformedTokenIsAuthBeforeAnyRequest() {
        var missing = assertFails(Kind.AUTH, () -> new HashnodeClient(HashnodeFixtures.http(Duration.ofSeconds(1)),
                server.url("/"), " ", HashnodeFixtures.backoff(sleeps)));
        var spaced = assertFails(Kind.AUTH, () -> new HashnodeClient(HashnodeFixtures.http(Duration.ofSeconds(1)),
                server.url("/"), "Bearer " + TOKEN, HashnodeFixtures.backoff(sleeps)));

        assertTrue(missing.getMessage().contains("HASHNODE_TOKEN is not set"));
        assertTrue(spaced.getMessage().contains("without \"Bearer\""));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void publicationNotFoundErrorIsAConfigError() {
        server.enqueue(ok("error-not-found.json"));

        PlatformException e = assertFails(Kind.CONFIG, this::readPublication);

        assertTrue(e.getMessage().contains("hashnode.publication"), e.getMessage());
    }

    private static HttpUrl closedPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return HttpUrl.get("http://127.0.0.1:" + port + "/");
    }
}
