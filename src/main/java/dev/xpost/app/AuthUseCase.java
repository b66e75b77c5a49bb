package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.config.DotEnv;
import dev.xpost.config.Secrets;
import dev.xpost.http.Backoff;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.hashnode.HashnodeClient;
import dev.xpost.platform.hashnode.PublicationRef;
import dev.xpost.platform.linkedin.LinkedInClient;
import dev.xpost.platform.linkedin.LinkedInLogin;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/** {@code xpost auth linkedin} (sign in, keep the token in .env) and {@code xpost auth status}. */
public final class AuthUseCase {
    /** Scopes of the token, as LinkedIn granted them, kept next to it for {@code auth status}. */
    public static final String LINKEDIN_TOKEN_SCOPE = "LINKEDIN_TOKEN_SCOPE";

    private final Services services;

    public AuthUseCase(Services services) {
        this.services = services;
    }

    /** Signs in to LinkedIn and writes the token and its expiry into {@code .env}; returns the expiry. */
    public Instant loginLinkedIn(Integer port, Consumer<String> showUrl, Duration timeout) {
        Config config = services.config();
        Secrets secrets = services.secrets();
        String id = secrets.get(Secrets.LINKEDIN_CLIENT_ID).orElseThrow(() -> new ConfigException(
                "LINKEDIN_CLIENT_ID is not set: create an app at https://www.linkedin.com/developers/apps with the "
                        + "products \"Share on LinkedIn\" and \"Sign In with LinkedIn using OpenID Connect\", add the "
                        + "redirect URL http://127.0.0.1:" + loginPort(config, port) + "/callback, and put its "
                        + "client id and secret in .env as LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET"));
        String secret = secrets.get(Secrets.LINKEDIN_CLIENT_SECRET).orElseThrow(() -> new ConfigException(
                "LINKEDIN_CLIENT_SECRET is not set: copy it from your LinkedIn app's Auth tab into .env"));
        HttpUrl base = HttpUrl.parse(config.linkedin() == null ? Config.LinkedIn.DEFAULT_OAUTH_BASE
                : config.linkedin().oauthBase());
        if (base == null) {
            throw new ConfigException("linkedin.oauthBase is not a URL");
        }
        LinkedInLogin login = new LinkedInLogin(services.http(), base, id, secret, loginPort(config, port),
                services.clock());
        LinkedInLogin.Token token = login.run(showUrl, timeout);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(Secrets.LINKEDIN_ACCESS_TOKEN, token.accessToken());
        values.put(Secrets.LINKEDIN_TOKEN_EXPIRES, token.expiresAt().toString());
        values.put(LINKEDIN_TOKEN_SCOPE, token.scope().replace(' ', ','));
        DotEnv.update(config.root().resolve(".env"), values);
        return token.expiresAt();
    }

    private static int loginPort(Config config, Integer port) {
        return port != null ? port : config.linkedin() != null ? config.linkedin().loginPort()
                : Config.LinkedIn.DEFAULT_LOGIN_PORT;
    }

    /** One line per platform: is a token there, is it accepted, what can it do, how long does it live. */
    public List<String> status() {
        Config config = services.config();
        Secrets secrets = services.secrets();
        List<String> out = new ArrayList<>();
        Backoff backoff = new Backoff(config.http(), Backoff.REAL, new SecureRandom());
        if (config.hashnode() != null) {
            Optional<String> token = secrets.get(Secrets.HASHNODE_TOKEN);
            if (token.isEmpty()) {
                out.add("✘ hashnode: HASHNODE_TOKEN is not set (https://hashnode.com/settings/developer)");
            } else {
                try {
                    HashnodeClient client = new HashnodeClient(services.http(),
                            HashnodeClient.endpoint(config.hashnode().endpoint()), token.get(), backoff,
                            services.clock());
                    var pub = client.publication(PublicationRef.parse(config.hashnode().publication()));
                    out.add("✔ hashnode: token accepted; it can read and write " + pub.host()
                            + " (writes need its Pro plan)");
                } catch (PlatformException e) {
                    out.add("✘ hashnode: " + e.getMessage());
                }
            }
        }
        if (config.linkedin() != null) {
            Optional<String> token = secrets.get(Secrets.LINKEDIN_ACCESS_TOKEN);
            if (token.isEmpty()) {
                out.add("✘ linkedin: LINKEDIN_ACCESS_TOKEN is not set (run: xpost auth linkedin)");
            } else {
                String left = secrets.get(Secrets.LINKEDIN_TOKEN_EXPIRES).map(this::daysLeft)
                        .orElse("expiry unknown (tokens live 60 days; `xpost auth linkedin` records it)");
                String scope = secrets.get(LINKEDIN_TOKEN_SCOPE).map(s -> "scopes " + s + "; ").orElse("");
                try {
                    HttpUrl api = HttpUrl.parse(config.linkedin().apiBase().replaceAll("/*$", "/"));
                    LinkedInClient client = new LinkedInClient(services.http(), api, config.linkedin().version(),
                            token.get(), backoff, services.clock());
                    String sub = client.userinfoSub();
                    out.add("✔ linkedin: token accepted for urn:li:person:" + sub + "; " + scope + left);
                } catch (PlatformException e) {
                    out.add("✘ linkedin: " + e.getMessage() + " (" + left + ")");
                }
            }
        }
        if (out.isEmpty()) {
            out.add("no platform is configured in config/xpost.yaml");
        }
        return out;
    }

    private String daysLeft(String expiresAt) {
        try {
            Instant at = Instant.parse(expiresAt);
            long days = Duration.between(services.clock().instant(), at).toDays();
            return days < 0 ? "expired on " + at + ": run `xpost auth linkedin`"
                    : days + " days left (until " + at + ")" + (days < 7 ? ": renew soon with `xpost auth linkedin`"
                    : "");
        } catch (DateTimeParseException e) {
            return "expiry unreadable in .env";
        }
    }
}
