package dev.xpost.platform.hashnode;

import static dev.xpost.platform.hashnode.HashnodeFixtures.NOW;
import static dev.xpost.platform.hashnode.HashnodeFixtures.PUBLICATION;
import static dev.xpost.platform.hashnode.HashnodeFixtures.PUBLICATION_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.SERIES_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.TOKEN;
import static dev.xpost.platform.hashnode.HashnodeFixtures.assertFails;
import static dev.xpost.platform.hashnode.HashnodeFixtures.fixture;
import static dev.xpost.platform.hashnode.HashnodeFixtures.ok;
import static dev.xpost.platform.hashnode.HashnodeFixtures.samplePost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.http.EndlessBody;
import dev.xpost.http.Http;
import dev.xpost.platform.PlatformException.Kind;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers to {@code publishPost} that do not prove "not created" are an unknown outcome, never a failure; an answer
 * longer than xpost reads is cut off cleanly; and a keep-alive connection the server closed never swallows a create.
 */
class HashnodeUnreadableAnswersTest {
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

    private PublishResult publish() {
        return client.publish(PostInput.publish(samplePost(), PUBLICATION_ID, SERIES_ID, NOW));
    }

    private static MockResponse json200(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    private void assertUnknown(String said) {
        var e = assertFails(Kind.UNKNOWN_OUTCOME, this::publish);
        assertTrue(e.getMessage().contains(said), e.getMessage());
        assertTrue(e.getMessage().contains("may or may not have created the post"), e.getMessage());
        assertTrue(e.getMessage().contains("look the slug up (`aws-part-2`)"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "a create is never sent twice");
    }

    @Test
    void htmlPageIn200ToPublishIsUnknownNotAConfigError() {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
                .body(fixture("retired-endpoint.html")).build());

        assertUnknown("HTTP 200 with an HTML page");
    }

    @Test
    void dataWithThePostAndErrorsIsUnknown() {
        server.enqueue(json200("{\"data\":{\"publishPost\":{\"post\":{\"id\":\"6a603fb103e2cb323e7851aa\","
                + "\"slug\":\"aws-part-2\"}}},\"errors\":[{\"message\":\"Cannot return url\",\"path\":[\"publishPost\","
                + "\"post\",\"url\"],\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}"));

        assertUnknown("both a result and errors");
    }

    @Test
    void anErrorNamedDeeperThanPublishPostIsUnknownEvenWithoutData() {
        server.enqueue(json200("{\"data\":null,\"errors\":[{\"message\":\"Cannot return url\",\"path\":"
                + "[\"publishPost\",\"post\",\"url\"],\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}"));

        assertUnknown("both a result and errors");
    }

    @Test
    void jsonWithNeitherDataNorErrorsIsUnknown() {
        server.enqueue(json200("{\"ok\":true}"));

        assertUnknown("neither data nor errors");
    }

    @Test
    void anErrorThatRefusedTheMutationItselfStillRejectsThePost() {
        server.enqueue(json200("{\"data\":{\"publishPost\":null},\"errors\":[{\"message\":\"Title is required\","
                + "\"path\":[\"publishPost\"],\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}"));

        var e = assertFails(Kind.REJECTED, this::publish);
        assertTrue(e.getMessage().contains("Title is required"), e.getMessage());
    }

    @Test
    void anErrorWithoutACodeOrWithAnUnknownOneIsUnknownNotARefusal() {
        // Nothing in "Something went wrong" says the post was not stored before the server gave up.
        server.enqueue(json200("{\"data\":{\"publishPost\":null},\"errors\":[{\"message\":\"Something went "
                + "wrong\",\"path\":[\"publishPost\"]}]}"));
        assertUnknown("Something went wrong");

        server.enqueue(json200("{\"data\":{\"publishPost\":null},\"errors\":[{\"message\":\"Try later\",\"path\":"
                + "[\"publishPost\"],\"extensions\":{\"code\":\"SERVICE_DEGRADED\"}}]}"));
        var e = assertFails(Kind.UNKNOWN_OUTCOME, this::publish);
        assertTrue(e.getMessage().contains("SERVICE_DEGRADED"), e.getMessage());
    }

    @Test
    void aDeclared3GbAnswerToPublishIsUnknownAndNotRead() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{}").setHeader("Content-Length", "3000000000").build());

        assertUnknown("longer than 16 MiB");
    }

    @Test
    void anEndlessAnswerToPublishIsCutOffAsUnknown() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(new EndlessBody(4 * Http.MAX_ANSWER_BYTES)).build());

        assertUnknown("longer than 16 MiB");
    }

    @Test
    void anEndlessAnswerToAReadFailsOnceWithoutRetrying() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(new EndlessBody(4 * Http.MAX_ANSWER_BYTES)).build());
        server.enqueue(ok("publication.json"));

        var e = assertFails(Kind.TRANSIENT, () -> client.postBySlug(PUBLICATION, "aws-part-2"));

        assertTrue(e.getMessage().contains("longer than 16 MiB") && e.getMessage().contains("nothing was changed"),
                e.getMessage());
        assertEquals(1, server.getRequestCount(), "the same question would get the same answer");
        assertEquals(0, sleeps.slept.size());
    }

    @Test
    void aKeepAliveConnectionTheServerClosedIsNotUsedForACreate() throws Exception {
        // The read's connection is closed by the server right after its answer, while the client keeps it pooled.
        server.enqueue(new MockResponse.Builder(ok("publication.json"))
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(ok("publish-post.json"));
        client.publication(PublicationRef.parse("myblog.hashnode.dev"));

        PublishResult r = publish();

        assertEquals("6a603fb103e2cb323e7851aa", r.id());
        assertEquals(2, server.getRequestCount());
        server.takeRequest();
        assertEquals(0, server.takeRequest().getExchangeIndex(), "the create went on a new connection");
    }
}
