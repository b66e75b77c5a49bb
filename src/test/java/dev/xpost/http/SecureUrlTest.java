package dev.xpost.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.platform.PlatformException;
import dev.xpost.platform.linkedin.LinkedInClient;
import dev.xpost.platform.linkedin.LinkedInLogin;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class SecureUrlTest {
    @Test
    void httpsAnywhereAndHttpOnlyToThisMachine() {
        for (String ok : new String[] {"https://api.linkedin.com", "http://localhost:8080/", "http://127.0.0.1:1/",
                "http://127.9.8.7/", "http://[::1]:9/"}) {
            assertTrue(SecureUrl.allowed(HttpUrl.get(ok)), ok);
            assertTrue(SecureUrl.problem("k", ok, "S").isEmpty(), ok);
        }
        for (String bad : new String[] {"http://api.linkedin.com", "http://10.0.0.1/", "http://localhost.evil.com/",
                "http://127.0.0.1.evil.com/", "http://[::2]/"}) {
            String why = SecureUrl.problem("linkedin.apiBase", bad, "LINKEDIN_ACCESS_TOKEN").orElseThrow();
            assertTrue(why.startsWith("linkedin.apiBase http://") && why.contains("LINKEDIN_ACCESS_TOKEN unencrypted"),
                    why);
        }
        assertTrue(SecureUrl.problem("linkedin.oauthBase", "ftp://x", "S").orElseThrow().contains("not an http(s) URL"));
    }

    /**
     * A user name or password in an endpoint is never sent, but a URL is shown (--verbose request logs, previews):
     * refused, and the message shows neither.
     */
    @Test
    void aUserNameOrPasswordInAUrlIsRefusedWithoutShowingIt() {
        for (String bad : new String[] {"https://alice:fake-pw-1234@gql.example.com/", "https://fake-pw-1234@x.io/",
                "http://alice:fake-pw-1234@localhost:9/", "http://alice:fake-pw-1234@api.example.com/",
                "https://:fake-pw-1234@x.io/", "ftp://alice:fake-pw-1234@x.io/",
                // Read as URLs by OkHttp without their slashes, or not URLs at all: a new user's tries.
                "https:alice:fake-pw-1234@gql.example.com/", "https:/alice:fake-pw-1234@x.io/",
                "alice:fake-pw-1234@gql.example.com", "https//alice:fake-pw-1234@x.io/"}) {
            String why = SecureUrl.problem("hashnode.endpoint", bad, "HASHNODE_TOKEN").orElseThrow();
            assertTrue(why.startsWith("hashnode.endpoint "), why);
            assertFalse(why.contains("fake-pw-1234") || why.contains("alice"), why);
        }
        assertTrue(SecureUrl.problem("k", "https://alice:fake-pw-1234@gql.example.com/", "S").orElseThrow()
                .contains("https://…@gql.example.com/ holds a user name or password"));
        assertTrue(SecureUrl.problem("k", "https://gql.example.com/a@b", "S").isEmpty(), "an @ in the path is fine");
    }

    @Test
    void clientsBuiltWithoutTheConfigRefusePlainHttpToo() {
        OkHttpClient http = new OkHttpClient();
        Backoff backoff = new Backoff(3, Duration.ofMillis(500), Duration.ofSeconds(60), Backoff.REAL, new Random(1));
        PlatformException api = assertThrows(PlatformException.class, () -> new LinkedInClient(http,
                HttpUrl.get("http://api.linkedin.com/"), "202605", "token-123456789", backoff));
        assertEquals(PlatformException.Kind.CONFIG, api.kind());
        assertTrue(api.getMessage().contains("linkedin.apiBase"), api.getMessage());
        PlatformException oauth = assertThrows(PlatformException.class, () -> new LinkedInLogin(http,
                HttpUrl.get("http://www.linkedin.com/"), "id", "secret", 18920, Clock.systemUTC()));
        assertTrue(oauth.getMessage().contains("linkedin.oauthBase"), oauth.getMessage());
    }
}
