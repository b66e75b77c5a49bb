package dev.xpost.http;

import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The one rule for every URL a secret is sent to (a bearer token, the OAuth client secret): {@code https://}, or
 * plain {@code http://} to this machine only (a test server on localhost, 127.0.0.0/8 or ::1). Anything else would
 * carry the secret in clear text across a network.
 */
public final class SecureUrl {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");

    private SecureUrl() {
    }

    /** True for {@code localhost}, {@code 127.x.y.z} and {@code ::1} (as OkHttp writes hosts: no brackets). */
    public static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || LOOPBACK_V4.matcher(host).matches();
    }

    /** True when a secret may be sent to {@code url}. */
    public static boolean allowed(HttpUrl url) {
        return url.isHttps() || isLoopback(url.host());
    }

    /**
     * Why the configured {@code value} of setting {@code key} must not receive {@code secret}, or empty when it may.
     *
     * @param key    the setting as the user writes it, such as {@code linkedin.apiBase}
     * @param value  its value (null or blank: the default, which is https, so fine)
     * @param secret what would travel there, such as {@code LINKEDIN_ACCESS_TOKEN}
     */
    public static Optional<String> problem(String key, String value, String secret) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse(value.strip());
        if (url == null) {
            // Not quoted when it holds an @: what stands before it may be a password, in a form no rule can cut.
            String shown = value.indexOf('@') >= 0 ? "" : " \"" + value.strip() + "\"";
            return Optional.of(key + shown + " is not an http(s) URL: fix it in config/xpost.yaml (or leave it out "
                    + "for the default)");
        }
        // Never sent (OkHttp puts no user information of a URL in a request; xpost authenticates otherwise), yet the
        // URL is shown: in --verbose request logs, previews and these messages. So it is refused, and not shown.
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            return Optional.of(key + " " + withoutUserInfo(url) + " holds a user name or password before "
                    + "its host, which xpost never sends (it authenticates with " + secret + ") and which would show "
                    + "wherever the URL is shown (--verbose, previews): remove them from config/xpost.yaml");
        }
        if (!allowed(url)) {
            return Optional.of(key + " " + url + " uses plain http://, which would send " + secret + " unencrypted: "
                    + "use https:// in config/xpost.yaml (plain http is allowed only for a test server on this "
                    + "machine: localhost, 127.0.0.1, ::1)");
        }
        return Optional.empty();
    }

    /**
     * The URL made again from its parts with its user information as {@code …}: never from the text, which OkHttp
     * reads leniently ({@code https:user:password@host}, without the slashes, is such a URL too).
     */
    static String withoutUserInfo(HttpUrl url) {
        HttpUrl bare = url.newBuilder().username("").password("").build();
        return bare.toString().replaceFirst("://", "://…@");
    }
}
