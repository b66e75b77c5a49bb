package dev.xpost.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Every connection xpost opens has Nagle's algorithm off, so a request body is never held back waiting for the
 * server's delayed ACK (issue 15: ~40 ms on a third of the requests). Checked on the socket itself, for the shared
 * client and for the one-connection-per-create variant, with a body the size of a real Hashnode mutation.
 */
class HttpNoDelayTest {
    @Test
    void theSharedClientAndTheCreateClientOpenSocketsWithTcpNoDelay() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("{}").build());
            server.enqueue(new MockResponse.Builder().body("{}").build());
            List<Boolean> noDelay = new ArrayList<>();
            EventListener spy = new EventListener() {
                @Override
                public void connectionAcquired(Call call, Connection connection) {
                    Socket s = connection.socket();
                    try {
                        noDelay.add(s.getTcpNoDelay());
                    } catch (java.net.SocketException e) {
                        throw new AssertionError(e);
                    }
                }
            };
            OkHttpClient shared = Http.newClient(Duration.ofSeconds(10), Duration.ofSeconds(30),
                    Duration.ofSeconds(60), null).newBuilder().eventListener(spy)
                    .build();
            String body = "x".repeat(40_000);
            for (OkHttpClient client : List.of(shared, Http.once(shared))) {
                Request request = new Request.Builder().url(server.url("/"))
                        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
                try (Response r = client.newCall(request).execute()) {
                    assertEquals(200, r.code());
                }
            }
            assertEquals(2, noDelay.size(), "each call acquired a connection");
            assertTrue(noDelay.stream().allMatch(b -> b), () -> "TCP_NODELAY per connection: " + noDelay);
            assertEquals(body.length(), server.takeRequest().getBody().size(), "the body arrived whole");
        }
    }
}
