package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.xpost.platform.PlatformException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LinkedInClientTest {
    private static final String TOKEN = "fake-li-token-client";
    private static final String AUTHOR = "urn:li:person:324_kGGaLE";
    /** 21:30 UTC: LinkedIn's daily limit resets in 2h 30m. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T21:30:00Z"), ZoneOffset.UTC);

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();
    private LinkedInClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = client(server.url("/"), TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LinkedInClient client(HttpUrl base, String token) {
        // A read timeout of 1 s: the two tests that stall an answer wait it out once each, and an answer that is
        // not stalled still arrives within it on a loaded 2-core machine (at 200 ms, load 5-7 made one miss it).
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5),
                3, Duration.ofMillis(100), Duration.ofSeconds(60));
        OkHttpClient http = Http.newClient(settings.connectTimeout(), settings.readTimeout(), settings.callTimeout(),
                null);
        Backoff backoff = new Backoff(settings.maxAttempts(), settings.baseDelay(), settings.retryAfterCap(),
                waits::add, new Random(7));
        return new LinkedInClient(http, base, "202605", token, backoff, CLOCK);
    }

    private static String fixture(String name) {
        try (InputStream in = LinkedInClientTest.class.getResourceAsStream("/linkedin/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("missing fixture " + name, e);
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse created(String restliId) {
        return new MockResponse.Builder().code(201).setHeader("x-restli-id", restliId).build();
    }

    private static Rendering rendering(String link) {
        return LinkedInRenderer.render(TestPosts.post().title("Hello (world)").subtitle("A subtitle").tags("java")
                .body("Body with a_b").build(), link, LinkedInMode.AUTO);
    }

    private static void assertJson(String expectedFixture, RecordedRequest r) {
        JsonNode expected = Json.parseOrNull(fixture(expectedFixture));
        JsonNode actual = Json.parseOrNull(r.getBody().utf8());
        assertEquals(expected, actual, r.getBody().utf8());
    }

    private static void assertRestHeaders(RecordedRequest r) {
        assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
        assertEquals("202605", r.getHeaders().get("LinkedIn-Version"));
        assertEquals("2.0.0", r.getHeaders().get("X-Restli-Protocol-Version"));
        assertEquals("application/json", r.getHeaders().get("Content-Type"));
    }

    private static PlatformException fails(Kind kind, Executable call) {
        PlatformException e = assertThrows(PlatformException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals("linkedin", e.platform());
        assertFalse(e.getMessage().contains(TOKEN), "the token leaked into: " + e.getMessage());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            assertFalse(String.valueOf(c.getMessage()).contains(TOKEN));
        }
        return e;
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertTrue(r != null, "no request was sent");
        return r;
    }

    // ---- userinfo ----

    @Test
    void userinfoReturnsTheSubject() throws Exception {
        server.enqueue(json(200, fixture("userinfo.json")));
        assertEquals("324_kGGaLE", client.userinfoSub());
        RecordedRequest r = take();
        assertEquals("GET", r.getMethod());
        assertEquals("/v2/userinfo", r.getTarget());
        assertEquals("Bearer " + TOKEN, r.getHeaders().get("Authorization"));
        assertNull(r.getHeaders().get("LinkedIn-Version"), "/v2 is unversioned");
    }

    @Test
    void userinfoForbiddenNamesTheOpenIdProduct() {
        server.enqueue(json(403, fixture("error-403.json")));
        PlatformException e = fails(Kind.AUTH, client::userinfoSub);
        assertTrue(e.getMessage().contains("Sign In with LinkedIn using OpenID Connect"), e.getMessage());
    }

    @Test
    void userinfoAnsweredWithHtmlIsAConfigurationError() {
        server.enqueue(new MockResponse.Builder().code(200).body(fixture("error-502.html")).build());
        PlatformException e = fails(Kind.CONFIG, client::userinfoSub);
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void readsAreRetriedOnServerErrors() throws Exception {
        server.enqueue(json(503, "{}"));
        server.enqueue(json(200, fixture("userinfo.json")));
        assertEquals("324_kGGaLE", client.userinfoSub());
        assertEquals(2, server.getRequestCount());
        assertEquals(1, waits.size());
    }

    // ---- create ----

    @Test
    void createSendsThePostBodyAndDecodesTheUrnFromTheHeader() throws Exception {
        server.enqueue(created("urn%3Ali%3Ashare%3A123"));
        CreatedPost p = client.createPost(AUTHOR, rendering("https://blog.example.com/hello"), "urn:li:image:C4E10AQFoo");
        assertEquals(new CreatedPost("urn:li:share:123", "https://www.linkedin.com/feed/update/urn:li:share:123/", false), p);
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/rest/posts", r.getTarget());
        assertRestHeaders(r);
        assertJson("create-post-article.json", r);
    }

    @Test
    void aTextOnlyPostHasNoContentKey() throws Exception {
        server.enqueue(created("urn:li:ugcPost:987"));
        assertEquals("urn:li:ugcPost:987", client.createPost(AUTHOR, rendering(null), null).urn());
        RecordedRequest r = take();
        assertJson("create-post-text.json", r);
        assertFalse(r.getBody().utf8().contains("content"));
    }

    @Test
    void createAnsweredWithoutTheIdHeaderHasAnUnknownOutcome() {
        server.enqueue(new MockResponse.Builder().code(201).body("{\"weird\":true}").build());
        PlatformException e = fails(Kind.UNKNOWN_OUTCOME, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().contains("x-restli-id"), e.getMessage());
    }

    @Test
    void aDuplicateIsAdoptedNotAnError() throws Exception {
        server.enqueue(json(422, fixture("error-422-duplicate.json")));
        CreatedPost p = client.createPost(AUTHOR, rendering(null), null);
        assertEquals(new CreatedPost("urn:li:share:7141138937766391808",
                "https://www.linkedin.com/feed/update/urn:li:share:7141138937766391808/", true), p);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anotherUnprocessablePostIsRejectedWithLinkedInsWords() {
        server.enqueue(json(422, fixture("error-422-invalid.json")));
        PlatformException e = fails(Kind.REJECTED, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().contains("status 422"), e.getMessage());
        assertTrue(e.getMessage().contains("string too long"), e.getMessage());
    }

    @Test
    void serverErrorOnCreateIsSentOnceAndHasAnUnknownOutcome() {
        server.enqueue(json(500, "{\"status\":500,\"message\":\"Internal Server Error\"}"));
        server.enqueue(created("urn:li:share:2"));
        PlatformException e = fails(Kind.UNKNOWN_OUTCOME, () -> client.createPost(AUTHOR, rendering(null), null));
        assertEquals(1, server.getRequestCount(), "a create is never retried");
        assertTrue(e.getMessage().contains("LinkedIn may or may not have created the post; it was not retried"));
        assertTrue(waits.isEmpty());
    }

    @Test
    void htmlGatewayErrorOnCreateHasAnUnknownOutcome() {
        server.enqueue(new MockResponse.Builder().code(502).body(fixture("error-502.html")).build());
        PlatformException e = fails(Kind.UNKNOWN_OUTCOME, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
    }

    @Test
    void timeoutOnCreateHasAnUnknownOutcome() {
        server.enqueue(new MockResponse.Builder().code(201).setHeader("x-restli-id", "urn:li:share:1")
                .onResponseStart(SocketEffect.Stall.INSTANCE).build());
        PlatformException e = fails(Kind.UNKNOWN_OUTCOME, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void connectionDroppedAfterSendingACreateHasAnUnknownOutcome() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        fails(Kind.UNKNOWN_OUTCOME, () -> client.createPost(AUTHOR, rendering(null), null));
    }

    @Test
    void refusedConnectionIsANetworkErrorBecauseNothingWasSent() throws IOException {
        MockWebServer closed = new MockWebServer();
        closed.start();
        HttpUrl dead = closed.url("/");
        closed.close();
        PlatformException e = fails(Kind.NETWORK,
                () -> client(dead, TOKEN).createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertTrue(e.getMessage().contains("Check the network, or the endpoint"), e.getMessage());
    }

    @Test
    void expiredTokenSaysHowToGetANewOne() {
        server.enqueue(json(401, fixture("error-401.json")));
        PlatformException e = fails(Kind.AUTH, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().startsWith("LinkedIn refused the token (HTTP 401): it is invalid, expired or "
                + "revoked, and LinkedIn's answer does not tell which (tokens live 60 days). Run "
                + "`xpost auth linkedin` to get a new one, or put a fresh LINKEDIN_ACCESS_TOKEN in .env."),
                e.getMessage());
        assertTrue(e.getMessage().contains("status 401, serviceErrorCode 65601, REVOKED_ACCESS_TOKEN: The token used"),
                e.getMessage());
    }

    @Test
    void forbiddenNamesTheMissingScopeAndProduct() {
        server.enqueue(json(403, fixture("error-403.json")));
        PlatformException e = fails(Kind.AUTH, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().contains("w_member_social"), e.getMessage());
        assertTrue(e.getMessage().contains("\"Share on LinkedIn\""), e.getMessage());
        assertTrue(e.getMessage().contains("Not enough permissions to access"), e.getMessage());
    }

    @Test
    void forbiddenForAnOrganizationNamesThePageRole() {
        server.enqueue(json(403, fixture("error-403.json")));
        PlatformException e = fails(Kind.AUTH,
                () -> client.createPost("urn:li:organization:12345", rendering(null), null));
        assertTrue(e.getMessage().contains("w_organization_social"), e.getMessage());
        assertTrue(e.getMessage().contains("ADMINISTRATOR"), e.getMessage());
    }

    @Test
    void retiredVersionSaysWhatToSet() {
        server.enqueue(json(426, fixture("error-426.json")));
        PlatformException e = fails(Kind.CONFIG, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().startsWith("linkedin.version 202605 is no longer served by LinkedIn (versions are "
                + "retired about a year after release). Set linkedin.version in config/xpost.yaml to a recent month, "
                + "e.g. 202609."), e.getMessage());
        assertTrue(e.getMessage().contains("NONEXISTENT_VERSION"));
    }

    @Test
    void dailyLimitStopsTheClientAndSaysWhenItResets() {
        server.enqueue(json(429, fixture("error-429.json")));
        PlatformException e = fails(Kind.RATE_LIMITED, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().startsWith("LinkedIn's daily limit was reached; it resets at midnight UTC (in 2h 30m)"),
                e.getMessage());
        assertTrue(e.stopsPlatform());
        assertTrue(client.rateLimited());
        fails(Kind.RATE_LIMITED, () -> client.updateCommentary("urn:li:share:1", "x"));
        assertEquals(1, server.getRequestCount(), "nothing more is sent after the daily limit");
    }

    @Test
    void htmlNotFoundMeansTheApiBaseIsWrong() {
        server.enqueue(new MockResponse.Builder().code(404).body("<html><body>Not found</body></html>").build());
        PlatformException e = fails(Kind.CONFIG, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().contains("linkedin.apiBase"), e.getMessage());
    }

    @Test
    void theTokenIsScrubbedEvenWhenLinkedInEchoesIt() {
        server.enqueue(json(400, "{\"status\":400,\"message\":\"Bad header Bearer " + TOKEN + "\"}"));
        PlatformException e = fails(Kind.REJECTED, () -> client.createPost(AUTHOR, rendering(null), null));
        assertTrue(e.getMessage().contains("Bad header Bearer ****"), e.getMessage());
    }

    @Test
    void badInputFailsBeforeAnythingIsSent() {
        fails(Kind.AUTH, () -> client(server.url("/"), " ").userinfoSub());
        fails(Kind.AUTH, () -> client(server.url("/"), "tok\nen").userinfoSub());
        fails(Kind.CONFIG, () -> client.createPost("urn:li:person:", rendering(null), null));
        Rendering empty = LinkedInRenderer.render(TestPosts.post().title(null).body("").build(), null,
                LinkedInMode.AUTO);
        fails(Kind.REJECTED, () -> client.createPost(AUTHOR, empty, null));
        fails(Kind.REJECTED, () -> client.updateCommentary("share:1", "x"));
        assertEquals(0, server.getRequestCount());
    }

    // ---- update ----

    @Test
    void updateIsAPartialUpdateOnTheEncodedUrn() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        client.updateCommentary("urn:li:share:123", "New text \\(edited\\) #java");
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/rest/posts/urn%3Ali%3Ashare%3A123", r.getTarget());
        assertRestHeaders(r);
        assertEquals("PARTIAL_UPDATE", r.getHeaders().get("X-RestLi-Method"));
        assertJson("partial-update.json", r);
    }

    @Test
    void updateIsRetriedOnServerErrorsThenGivesUpAsTransient() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"status\":503,\"message\":\"Service Unavailable\"}"));
        }
        PlatformException e = fails(Kind.TRANSIENT, () -> client.updateCommentary("urn:li:share:1", "x"));
        assertEquals(3, server.getRequestCount());
        assertEquals(2, waits.size());
        assertTrue(e.getMessage().contains("Service Unavailable"), e.getMessage());
    }

    @Test
    void updateWaitsForAShortRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        client.updateCommentary("urn:li:share:1", "x");
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
        assertFalse(client.rateLimited());
    }

    @Test
    void updateTimeoutIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        client.updateCommentary("urn:li:share:1", "x");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void updateOfADeletedPostIsRejected() {
        server.enqueue(json(404, "{\"status\":404,\"message\":\"Not found\"}"));
        PlatformException e = fails(Kind.REJECTED, () -> client.updateCommentary("urn:li:share:1", "x"));
        assertTrue(e.getMessage().contains("deleted"), e.getMessage());
    }

    // ---- images ----

    @Test
    void imageUploadInitializesThenPutsTheBytesWithoutTheTokenToAForeignHost() throws Exception {
        try (MockWebServer uploads = new MockWebServer()) {
            uploads.start();
            HttpUrl uploadUrl = uploads.url("/dms-uploads/abc?ca=vector&sig=x_y");
            server.enqueue(json(200, fixture("initialize-upload-response.json").replace("UPLOAD_URL", uploadUrl.toString())));
            uploads.enqueue(new MockResponse.Builder().code(201).build());
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

            assertEquals("urn:li:image:C4E10AQFoo", client.uploadImage(AUTHOR, png, "image/png"));

            RecordedRequest init = take();
            assertEquals("POST", init.getMethod());
            assertEquals("/rest/images?action=initializeUpload", init.getTarget());
            assertRestHeaders(init);
            assertJson("initialize-upload-request.json", init);

            RecordedRequest put = uploads.takeRequest(2, TimeUnit.SECONDS);
            assertEquals("PUT", put.getMethod());
            assertEquals("/dms-uploads/abc?ca=vector&sig=x_y", put.getTarget());
            assertArrayEquals(png, put.getBody().toByteArray());
            assertEquals("image/png", put.getHeaders().get("Content-Type"));
            assertNull(put.getHeaders().get("Authorization"), "the token never goes to another host");
        }
    }

    @Test
    void imageUploadToTheApiHostCarriesTheToken() throws Exception {
        HttpUrl uploadUrl = server.url("/upload/1");
        server.enqueue(json(200, fixture("initialize-upload-response.json").replace("UPLOAD_URL", uploadUrl.toString())));
        server.enqueue(new MockResponse.Builder().code(201).build());
        client.uploadImage(AUTHOR, new byte[] {1}, null);
        take();
        RecordedRequest put = take();
        assertEquals("Bearer " + TOKEN, put.getHeaders().get("Authorization"));
        assertEquals("application/octet-stream", put.getHeaders().get("Content-Type"));
    }

    @Test
    void imageInitializeAnswerWithoutUploadUrlIsRejected() {
        server.enqueue(json(200, "{\"value\":{\"image\":\"urn:li:image:1\"}}"));
        PlatformException e = fails(Kind.REJECTED, () -> client.uploadImage(AUTHOR, new byte[] {1}, "image/png"));
        assertTrue(e.getMessage().contains("uploadUrl"), e.getMessage());
    }

    @Test
    void theTokenGoesOnlyToTheApiOriginOrLinkedInOverHttps() {
        HttpUrl api = HttpUrl.get("https://api.linkedin.com/");
        assertTrue(LinkedInClient.sendsTokenTo(api, HttpUrl.get("https://www.linkedin.com/dms-uploads/x")));
        assertTrue(LinkedInClient.sendsTokenTo(api, HttpUrl.get("https://api.linkedin.com/x")));
        assertFalse(LinkedInClient.sendsTokenTo(api, HttpUrl.get("http://www.linkedin.com/dms-uploads/x")));
        assertFalse(LinkedInClient.sendsTokenTo(api, HttpUrl.get("https://linkedin.com.evil.example/x")));
        assertFalse(LinkedInClient.sendsTokenTo(api, HttpUrl.get("https://uploads.example.com/x")));
        HttpUrl local = HttpUrl.get("http://localhost:8080/");
        assertFalse(LinkedInClient.sendsTokenTo(local, HttpUrl.get("http://localhost:8081/x")), "another port");
    }

    // ---- versions ----

    @Test
    void versionsAreMonths() {
        assertTrue(LinkedInClient.isValidVersion("202605"));
        assertFalse(LinkedInClient.isValidVersion("2026-05"));
        assertFalse(LinkedInClient.isValidVersion("202613"));
        assertFalse(LinkedInClient.isValidVersion("20260501"));
        assertFalse(LinkedInClient.isValidVersion(null));
        assertTrue(LinkedInClient.isValidVersion(LinkedInClient.DEFAULT_VERSION));
    }

    @Test
    void oldVersionsGetAWarning() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertTrue(LinkedInClient.versionWarning(LinkedInClient.DEFAULT_VERSION, today).isEmpty(),
                "the default version is fine today");
        assertTrue(LinkedInClient.versionWarning("202601", today).isEmpty(), "10 months old");
        String w = LinkedInClient.versionWarning("202512", today).orElseThrow();
        assertTrue(w.contains("11 months old") && w.contains("LinkedIn retires versions after about a year"), w);
        assertTrue(LinkedInClient.versionWarning("202701", today).orElseThrow().contains("future"));
    }

    @Test
    void anInvalidConfiguredVersionIsAConfigErrorBeforeSending() {
        HttpSettings d = HttpSettings.defaults();
        LinkedInClient bad = new LinkedInClient(
                Http.newClient(d.connectTimeout(), d.readTimeout(), d.callTimeout(), null), server.url("/"),
                "2026-05", TOKEN,
                new Backoff(d.maxAttempts(), d.baseDelay(), d.retryAfterCap(), waits::add, new Random(1)));
        PlatformException e = fails(Kind.CONFIG, bad::userinfoSub);
        assertTrue(e.getMessage().contains("YYYYMM"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }
}
