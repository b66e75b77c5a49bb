package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.config.HttpSettings;
import dev.xpost.http.Backoff;
import dev.xpost.http.EndlessBody;
import dev.xpost.http.Http;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * LinkedIn's answer to a create is judged by its {@code x-restli-id} header, not its body; an answer longer than
 * xpost reads is cut off cleanly; a recorded create sent again is the same bytes; and a keep-alive connection the
 * server closed never swallows a create.
 */
class LinkedInUnreadableAnswersTest {
    private static final String TOKEN = "fake-li-token-test";
    private static final String AUTHOR = "urn:li:person:324_kGGaLE";
    private static final String URN = "urn:li:share:7141138937766391808";
    private static final String HTML = "<!DOCTYPE html><html><body>Welcome back</body></html>";

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();
    private LinkedInClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20),
                3, Duration.ofMillis(100), Duration.ofSeconds(60));
        client = new LinkedInClient(
                Http.newClient(settings.connectTimeout(), settings.readTimeout(), settings.callTimeout(), null),
                server.url("/"), "202605", TOKEN,
                new Backoff(settings.maxAttempts(), settings.baseDelay(), settings.retryAfterCap(), waits::add,
                        new Random(7)),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CreatedPost create() {
        return client.createPost(AUTHOR, "Hello \\(world\\)", new Card("https://blog.example/hello", "Hello",
                "A subtitle"), "urn:li:image:C4E10AQ1");
    }

    private PlatformException fails(Kind kind, Executable call) {
        PlatformException e = assertThrows(PlatformException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        return e;
    }

    @Test
    void a201WithAnHtmlBodyAndTheUrnHeaderIsASuccess() {
        server.enqueue(new MockResponse.Builder().code(201).setHeader("Content-Type", "text/html")
                .setHeader("x-restli-id", "urn%3Ali%3Ashare%3A7141138937766391808").body(HTML).build());

        CreatedPost p = create();

        assertEquals(URN, p.urn());
        assertFalse(p.duplicate());
    }

    @Test
    void a201WithAnHtmlBodyAndNoUrnHeaderIsUnknownNotNothingPosted() {
        server.enqueue(new MockResponse.Builder().code(201).setHeader("Content-Type", "text/html").body(HTML)
                .build());

        PlatformException e = fails(Kind.UNKNOWN_OUTCOME, this::create);

        assertTrue(e.getMessage().contains("no x-restli-id header, and an HTML page as its body"), e.getMessage());
        assertTrue(e.getMessage().contains("may or may not have created the post"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "a create is never sent twice");
    }

    @Test
    void anEndlessAnswerToACreateIsCutOffAsUnknown() {
        server.enqueue(new MockResponse.Builder().code(201).setHeader("x-restli-id", URN)
                .body(new EndlessBody(4 * Http.MAX_ANSWER_BYTES)).build());

        PlatformException e = fails(Kind.UNKNOWN_OUTCOME, this::create);

        assertTrue(e.getMessage().contains("longer than 16 MiB"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aDeclared3GbAnswerToAReadIsAFailureNotRetried() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{}").setHeader("Content-Length", "3000000000").build());

        PlatformException e = fails(Kind.TRANSIENT, client::userinfoSub);

        assertTrue(e.getMessage().contains("longer than 16 MiB") && e.getMessage().contains("nothing was changed"),
                e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), waits);
    }

    @Test
    void theSamePartsGiveTheSameBytesOnTheWire() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).setHeader("x-restli-id", URN).build());
        server.enqueue(new MockResponse.Builder().code(422).setHeader("Content-Type", "application/json")
                .body("{\"message\":\"Content is a duplicate of " + URN + "\",\"status\":422}").build());

        create();
        CreatedPost again = create();

        assertTrue(again.duplicate());
        assertEquals(URN, again.urn());
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertEquals(first.getBody().utf8(), second.getBody().utf8());
    }

    @Test
    void aKeepAliveConnectionTheServerClosedIsNotUsedForACreate() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"sub\":\"324_kGGaLE\"}").onResponseEnd(new SocketEffect.CloseSocket(true, false, false))
                .build());
        server.enqueue(new MockResponse.Builder().code(201).setHeader("x-restli-id", URN).build());
        client.userinfoSub();

        assertEquals(URN, create().urn());

        server.takeRequest();
        assertEquals(0, server.takeRequest().getExchangeIndex(), "the create went on a new connection");
    }
}
