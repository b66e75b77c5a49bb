package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.config.HttpSettings;
import dev.xpost.http.Http;
import dev.xpost.post.ImageFiles;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cover download of a LinkedIn card: redirects, type by bytes, transient against permanent failures. */
class CoverDownloadTest {
    private static final byte[] GIF = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    private static final byte[] WEBP = "RIFF\u0000\u0000\u0000\u0000WEBPVP8 ".getBytes(
            java.nio.charset.StandardCharsets.ISO_8859_1);

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = Http.newClient(HttpSettings.defaults().connectTimeout(),
            HttpSettings.defaults().readTimeout(), HttpSettings.defaults().callTimeout(), null);

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse bytes(byte[] b) {
        return new MockResponse.Builder().code(200).body(new Buffer().write(b)).build();
    }

    private static MockResponse redirect(String to) {
        return new MockResponse.Builder().code(301).setHeader("Location", to).build();
    }

    @Test
    void followsUpToFiveRedirectsWithoutAnyHeaderOfOurs() throws Exception {
        for (int i = 1; i <= CoverDownload.MAX_HOPS; i++) {
            server.enqueue(redirect("/hop" + i));
        }
        server.enqueue(bytes(GIF));
        CoverDownload.Result r = CoverDownload.fetch(http, server.url("/cover.gif").toString());
        assertEquals(CoverDownload.Kind.OK, r.kind(), r::reason);
        assertEquals(ImageFiles.Type.GIF, r.type());
        for (int i = 0; i <= CoverDownload.MAX_HOPS; i++) {
            assertNull(server.takeRequest().getHeaders().get("Authorization"));
        }
    }

    @Test
    void aSixthRedirectIsPermanent() {
        for (int i = 1; i <= CoverDownload.MAX_HOPS + 1; i++) {
            server.enqueue(redirect("/hop" + i));
        }
        CoverDownload.Result r = CoverDownload.fetch(http, server.url("/cover.png").toString());
        assertEquals(CoverDownload.Kind.PERMANENT, r.kind());
        assertTrue(r.reason().contains("more than 5"), r.reason());
    }

    @Test
    void httpToHttpsIsFollowedAndHttpsToHttpIsRefused() {
        HttpUrl http1 = HttpUrl.get("http://img.example.com/a.png");
        HttpUrl https1 = HttpUrl.get("https://img.example.com/a.png");
        assertTrue(CoverDownload.refuse(http1, https1).isEmpty());
        assertTrue(CoverDownload.refuse(https1, https1).isEmpty());
        assertTrue(CoverDownload.refuse(https1, http1).orElseThrow().contains("https to http"));
    }

    @Test
    void theTypeIsJudgedByTheBytesNotTheName() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body(new Buffer().write(WEBP)).build());
        CoverDownload.Result webp = CoverDownload.fetch(http, server.url("/looks-like.png").toString());
        assertEquals(CoverDownload.Kind.PERMANENT, webp.kind());
        assertTrue(webp.reason().contains("image/webp"), webp.reason());

        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body("<!doctype html><title>Sign in</title>").build());
        CoverDownload.Result html = CoverDownload.fetch(http, server.url("/login.png").toString());
        assertEquals(CoverDownload.Kind.PERMANENT, html.kind());
        assertTrue(html.reason().contains("not a JPG, PNG or GIF"), html.reason());
    }

    @Test
    void serverErrorsArePassingAndClientErrorsAreNot() {
        server.enqueue(new MockResponse.Builder().code(403).build());
        assertEquals(CoverDownload.Kind.PERMANENT, CoverDownload.fetch(http, server.url("/a.png").toString()).kind());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        CoverDownload.Result r = CoverDownload.fetch(http, server.url("/b.png").toString());
        assertEquals(CoverDownload.Kind.TRANSIENT, r.kind());
        assertTrue(r.reason().contains("503"), r.reason());
    }

    @Test
    void aPictureLargerThanEightMegabytesIsNotDownloadedWhole() {
        byte[] big = new byte[(int) CoverDownload.MAX_BYTES + 10];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        server.enqueue(bytes(big));
        CoverDownload.Result r = CoverDownload.fetch(http, server.url("/huge.jpg").toString());
        assertEquals(CoverDownload.Kind.PERMANENT, r.kind());
        assertTrue(r.reason().contains("8 MB"), r.reason());
    }

    @Test
    void notAUrlIsPermanent() {
        assertEquals(CoverDownload.Kind.PERMANENT, CoverDownload.fetch(http, "ftp://example.com/a.png").kind());
    }
}
