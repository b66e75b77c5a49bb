package dev.xpost.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The process entry point starts OkHttp's one-time setup (its platform, the trust store, the TLS context) on another
 * thread ({@link Http#warmUp}); the client a run then builds must be the same client it would have built from
 * scratch: no redirects followed, answers capped, xpost's User-Agent, TCP_NODELAY sockets, and TLS ready for https.
 */
class HttpWarmUpTest {
    @Test
    void aClientBuiltAfterTheWarmUpKeepsEverySettingAndSharesTheTlsSetup() throws Exception {
        Http.warmUp();
        Http.warmUp();   // a second call starts nothing more
        OkHttpClient a = Http.newClient(Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5), null);
        OkHttpClient b = Http.newClient(Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5), null);
        assertNotNull(a.sslSocketFactory(), "https works");
        assertSame(a.sslSocketFactory(), b.sslSocketFactory(), "the trust store and TLS context are set up once");
        assertFalse(a.followRedirects());
        assertFalse(a.followSslRedirects());
        assertFalse(a.retryOnConnectionFailure());
        assertFalse(a.fastFallback(), "one connection attempt at a time, in the caller's thread");
        assertTrue(a.socketFactory() instanceof Http.NoDelaySockets);
        assertEquals(3_000, a.connectTimeoutMillis());
        assertEquals(4_000, a.readTimeoutMillis());
        assertEquals(5_000, a.callTimeoutMillis());
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "http://example.invalid/")
                    .build());
            try (Response r = a.newCall(new Request.Builder().url(server.url("/moved")).build()).execute()) {
                assertEquals(302, r.code(), "a redirect is answered, not followed");
            }
            RecordedRequest seen = server.takeRequest();
            assertTrue(seen.getHeaders().get("User-Agent").startsWith("xpost/"), seen.getHeaders().toString());
        }
    }
}
