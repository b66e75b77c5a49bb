package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.platform.PlatformException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole login flow, with MockWebServer as LinkedIn and an HTTP client playing the user's browser. */
class LinkedInLoginTest {
    private final MockWebServer linkedin = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(5, TimeUnit.SECONDS).build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private int port;

    @BeforeEach
    void start() throws IOException {
        linkedin.start();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        linkedin.close();
    }

    private LinkedInLogin login() {
        return new LinkedInLogin(http, linkedin.url("/"), "client-123", "very-secret-client-value", port, clock);
    }

    /** The "browser": follows the authorization URL's redirect by calling our callback with these parameters. */
    private java.util.function.Consumer<String> browser(Map<String, String> override, CompletableFuture<String> page) {
        return url -> CompletableFuture.runAsync(() -> {
            HttpUrl auth = HttpUrl.get(url);
            HttpUrl.Builder cb = HttpUrl.get(auth.queryParameter("redirect_uri")).newBuilder()
                    .addQueryParameter("code", "the-code")
                    .addQueryParameter("state", auth.queryParameter("state"));
            override.forEach(cb::setQueryParameter);
            try (Response r = http.newCall(new Request.Builder().url(cb.build()).build()).execute()) {
                page.complete(r.code() + " " + r.body().string());
            } catch (IOException e) {
                page.completeExceptionally(e);
            }
        });
    }

    @Test
    void exchangesTheCodeForATokenAfterCheckingState() throws Exception {
        linkedin.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"AQX-new-token\",\"expires_in\":5184000,\"scope\":\"openid,profile,"
                        + "w_member_social\"}").build());
        CompletableFuture<String> page = new CompletableFuture<>();
        String[] shown = new String[1];
        LinkedInLogin.Token t = login().run(url -> {
            shown[0] = url;
            browser(Map.of(), page).accept(url);
        }, Duration.ofSeconds(10));

        assertEquals("AQX-new-token", t.accessToken());
        assertEquals(Instant.parse("2026-11-26T12:00:00Z").plusSeconds(5184000), t.expiresAt());
        HttpUrl auth = HttpUrl.get(shown[0]);
        assertEquals("/oauth/v2/authorization", auth.encodedPath());
        assertEquals("code", auth.queryParameter("response_type"));
        assertEquals("client-123", auth.queryParameter("client_id"));
        assertEquals("openid profile w_member_social", auth.queryParameter("scope"));
        assertEquals("http://127.0.0.1:" + port + "/callback", auth.queryParameter("redirect_uri"));
        assertTrue(auth.queryParameter("state").length() >= 20);

        RecordedRequest token = linkedin.takeRequest();
        assertEquals("POST", token.getMethod());
        assertEquals("/oauth/v2/accessToken", token.getUrl().encodedPath());
        String form = token.getBody().utf8();
        assertTrue(form.contains("grant_type=authorization_code"), form);
        assertTrue(form.contains("code=the-code"), form);
        assertTrue(form.contains("client_id=client-123"), form);
        assertTrue(form.contains("client_secret=very-secret-client-value"), form);
        assertTrue(form.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A" + port + "%2Fcallback"), form);
        assertTrue(page.get(5, TimeUnit.SECONDS).startsWith("200 "), page.get());
        assertFalse(t.toString().contains("AQX"), "the token must not show in toString");
    }

    @Test
    void aWrongStateIsRefusedAndNoCodeIsExchanged() {
        CompletableFuture<String> page = new CompletableFuture<>();
        PlatformException e = assertThrows(PlatformException.class,
                () -> login().run(browser(Map.of("state", "forged"), page), Duration.ofSeconds(10)));
        assertEquals(PlatformException.Kind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("wrong state"), e.getMessage());
        assertEquals(0, linkedin.getRequestCount());
        assertFalse(page.join().contains("signed in"), "the browser is not told a sign-in worked: " + page.join());
    }

    @Test
    void aRefusalInTheBrowserIsReported() {
        CompletableFuture<String> page = new CompletableFuture<>();
        PlatformException e = assertThrows(PlatformException.class, () -> login().run(
                browser(Map.of("error", "user_cancelled_login", "error_description", "The user cancelled\nxpost: "
                        + "all done"), page), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("user_cancelled_login (The user cancelled xpost: all done)"),
                "a server's words stay on one line: " + e.getMessage());
        assertEquals(0, linkedin.getRequestCount());
    }

    @Test
    void aFailedExchangeSaysWhatToCheckWithoutTheSecret() {
        linkedin.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")
                .build());
        CompletableFuture<String> page = new CompletableFuture<>();
        PlatformException e = assertThrows(PlatformException.class,
                () -> login().run(browser(Map.of(), page), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("Client authentication failed"), e.getMessage());
        assertTrue(e.getMessage().contains("LINKEDIN_CLIENT_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("very-secret-client-value"), e.getMessage());
    }

    @Test
    void noAnswerInTimeIsAClearError() {
        PlatformException e = assertThrows(PlatformException.class,
                () -> login().run(url -> { }, Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("no answer from the browser"), e.getMessage());
    }
}
