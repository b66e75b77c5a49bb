package dev.xpost.platform.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.xpost.http.Json;
import dev.xpost.http.SecureUrl;
import dev.xpost.platform.PlatformException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * LinkedIn's 3-legged OAuth for a command-line program (reference/linkedin/API.md §4): a one-shot listener on
 * the loopback address receives the redirect, {@code state} is checked against the one we sent, and the code is
 * exchanged at once (it lives only minutes). The user brings their own app's client id and secret: a CLI cannot
 * keep a secret of ours.
 */
public final class LinkedInLogin {
    public static final String SCOPES = "openid profile w_member_social";
    public static final String DEFAULT_OAUTH_BASE = "https://www.linkedin.com";
    public static final int DEFAULT_PORT = 18920;

    /** What LinkedIn granted. */
    public record Token(String accessToken, Instant expiresAt, String scope) {
        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + ", scope=" + scope + "]";
        }
    }

    private final OkHttpClient http;
    private final HttpUrl oauthBase;
    private final String clientId;
    private final String clientSecret;
    private final int port;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LinkedInLogin(OkHttpClient http, HttpUrl oauthBase, String clientId, String clientSecret, int port,
            Clock clock) {
        this.http = http;
        if (!SecureUrl.allowed(oauthBase)) {
            // The client secret and the login code go there: the config loader refuses this too.
            throw new PlatformException("linkedin", PlatformException.Kind.CONFIG, SecureUrl.problem(
                    "linkedin.oauthBase", oauthBase.toString(), "LINKEDIN_CLIENT_SECRET").orElseThrow());
        }
        this.oauthBase = oauthBase;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.port = port;
        this.clock = clock;
    }

    public String redirectUri() {
        return "http://127.0.0.1:" + port + "/callback";
    }

    /**
     * Runs the whole flow: listen, hand the authorization URL to {@code showUrl} (which prints and may open a
     * browser), wait for the redirect, exchange the code.
     */
    public Token run(Consumer<String> showUrl, Duration timeout) {
        String state = newState();
        CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
        HttpServer server = listen(callback);
        try {
            showUrl.accept(authorizationUrl(state));
            Map<String, String> params;
            try {
                params = callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new PlatformException("linkedin", PlatformException.Kind.AUTH, "no answer from the browser "
                        + "within " + timeout.toSeconds() + " s; run `xpost auth linkedin` again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformException("linkedin", PlatformException.Kind.AUTH, "login interrupted");
            } catch (ExecutionException e) {
                throw new PlatformException("linkedin", PlatformException.Kind.AUTH, e.getCause().getMessage());
            }
            // State first: a redirect we did not start (someone else's link, a stale tab, another local program)
            // is not acted on at all, whatever else it carries (a code, or an error to show).
            if (!state.equals(params.get("state"))) {
                throw new PlatformException("linkedin", PlatformException.Kind.AUTH, "the login answer carried "
                        + "the wrong state value, so it was ignored; run `xpost auth linkedin` again");
            }
            if (params.containsKey("error")) {
                throw new PlatformException("linkedin", PlatformException.Kind.AUTH, "LinkedIn refused the login: "
                        + oneLine(params.get("error")) + (params.containsKey("error_description")
                        ? " (" + oneLine(params.get("error_description")) + ")" : ""));
            }
            String code = params.get("code");
            if (code == null || code.isBlank()) {
                throw new PlatformException("linkedin", PlatformException.Kind.AUTH, "the login answer had no code");
            }
            return exchange(code);
        } finally {
            server.stop(0);
        }
    }

    /** A server's words on one line: a line break in them must not print a line of its own in the terminal. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    String authorizationUrl(String state) {
        return oauthBase.newBuilder().addPathSegments("oauth/v2/authorization")
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("redirect_uri", redirectUri())
                .addQueryParameter("state", state)
                .addQueryParameter("scope", SCOPES)
                .build().toString();
    }

    private HttpServer listen(CompletableFuture<Map<String, String>> callback) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new PlatformException("linkedin", PlatformException.Kind.CONFIG, "port " + port + " is in use: "
                    + "stop what uses it, or register another redirect URL in your LinkedIn app and pass --port");
        } catch (IOException e) {
            throw new PlatformException("linkedin", PlatformException.Kind.CONFIG, "cannot listen on 127.0.0.1:"
                    + port + ": " + e.getMessage());
        }
        server.createContext("/callback", exchange -> answer(exchange, callback));
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, CompletableFuture<Map<String, String>> callback)
            throws IOException {
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        boolean ok = params.containsKey("code") && !params.containsKey("error");
        byte[] page = ("<!doctype html><meta charset=utf-8><title>xpost</title><p>"
                // Said before the terminal checks the state and exchanges the code: only the terminal knows the end.
                + (ok ? "xpost received LinkedIn's answer. The terminal says whether the sign-in worked; you can "
                        + "close this tab."
                        : "LinkedIn did not sign xpost in. Go back to the terminal for details.")
                + "</p>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(ok ? 200 : 400, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
        callback.complete(params);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private Token exchange(String code) {
        Request request = new Request.Builder()
                .url(oauthBase.newBuilder().addPathSegments("oauth/v2/accessToken").build())
                .post(new FormBody.Builder()
                        .add("grant_type", "authorization_code")
                        .add("code", code)
                        .add("redirect_uri", redirectUri())
                        .add("client_id", clientId)
                        .add("client_secret", clientSecret)
                        .build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            JsonNode json = Json.parseOrNull(body);
            if (!response.isSuccessful() || json == null || !json.hasNonNull("access_token")) {
                String why = json != null && json.hasNonNull("error_description")
                        ? json.get("error_description").asText()
                        : json != null && json.hasNonNull("error") ? json.get("error").asText()
                        : "HTTP " + response.code();
                throw new PlatformException("linkedin", PlatformException.Kind.AUTH, "LinkedIn did not exchange "
                        + "the login code for a token: " + why + ". Check LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET "
                        + "and that " + redirectUri() + " is a redirect URL of your LinkedIn app");
            }
            long seconds = json.path("expires_in").asLong(60L * 24 * 3600);
            return new Token(json.get("access_token").asText(), clock.instant().plusSeconds(seconds),
                    json.path("scope").asText(""));
        } catch (IOException e) {
            throw new PlatformException("linkedin", PlatformException.Kind.TRANSIENT, "cannot reach "
                    + oauthBase.host() + " to finish the login: " + e.getMessage(), e);
        }
    }

    private String newState() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
