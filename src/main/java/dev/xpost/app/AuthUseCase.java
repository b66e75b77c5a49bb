package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.config.DotEnv;
import dev.xpost.config.Secrets;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.linkedin.LinkedInLogin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        if (token.scope().isBlank()) {
            values.remove(LINKEDIN_TOKEN_SCOPE);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            // What LinkedIn answered goes into a file that is read as lines: a token with a line break would add
            // lines of its own (HASHNODE_TOKEN=…), so it is refused whole, and .env stays as it was.
            DotEnv.problem(v.getKey(), v.getValue()).ifPresent(why -> {
                throw new PlatformException("linkedin", PlatformException.Kind.AUTH, "LinkedIn's token answer "
                        + "cannot be stored: " + why + ". Nothing was written; run `xpost auth linkedin` again, and "
                        + "if it happens again check linkedin.oauthBase in config/xpost.yaml");
            });
        }
        DotEnv.update(config.root().resolve(".env"), values);
        return token.expiresAt();
    }

    private static int loginPort(Config config, Integer port) {
        return port != null ? port : config.linkedin() != null ? config.linkedin().loginPort()
                : Config.LinkedIn.DEFAULT_LOGIN_PORT;
    }

    /**
     * What {@code auth status} found for one configured platform.
     *
     * @param platform {@code hashnode} or {@code linkedin}
     * @param ok       the token is set and the platform accepted it
     * @param message  what was found, for the user: for whom, what it can do, days left, or what to do
     * @param failure  why it is not ok: {@code AUTH} for a missing or refused token, {@code NETWORK} when the
     *                 platform could not be reached, another kind when it answered something else; null when ok
     */
    public record TokenStatus(String platform, boolean ok, String message, PlatformException.Kind failure) {
    }

    /** One finding per configured platform: is a token there, is it accepted, what can it do, how long it lives. */
    public List<TokenStatus> status() {
        Config config = services.config();
        PlatformProbe probe = new PlatformProbe(services);
        List<TokenStatus> out = new ArrayList<>();
        if (config.hashnode() != null) {
            PlatformProbe.HashnodeAnswer a = probe.hashnode();
            if (!a.tokenSet()) {
                out.add(new TokenStatus(Config.HASHNODE, false, "HASHNODE_TOKEN is not set "
                        + "(https://hashnode.com/settings/developer)", PlatformException.Kind.AUTH));
            } else if (a.failure() != null) {
                out.add(new TokenStatus(Config.HASHNODE, false, a.failure().getMessage(), a.failure().kind()));
            } else {
                out.add(new TokenStatus(Config.HASHNODE, true, "token accepted; it can read and write "
                        + a.publication().host() + " (writes need its Pro plan)", null));
            }
        }
        if (config.linkedin() != null) {
            PlatformProbe.LinkedInAnswer a = probe.linkedin();
            if (!a.tokenSet()) {
                out.add(new TokenStatus(Config.LINKEDIN, false, "LINKEDIN_ACCESS_TOKEN is not set (run: xpost auth "
                        + "linkedin)", PlatformException.Kind.AUTH));
            } else {
                String left = probe.linkedinExpiry().describe();
                String scope = services.secrets().get(LINKEDIN_TOKEN_SCOPE).map(s -> "scopes " + s + "; ").orElse("");
                out.add(a.failure() != null
                        ? new TokenStatus(Config.LINKEDIN, false, a.failure().getMessage() + " (" + left + ")",
                                a.failure().kind())
                        : new TokenStatus(Config.LINKEDIN, true, "token accepted for urn:li:person:" + a.memberId()
                                + "; " + scope + left, null));
            }
        }
        if (config.devto() != null) {
            // No dev.to probe yet: a set key is reported as set, not as accepted.
            out.add(services.secrets().get(Secrets.DEVTO_API_KEY).isPresent()
                    ? new TokenStatus(Config.DEVTO, true, "DEVTO_API_KEY is set; not checked (xpost has no dev.to "
                            + "probe)", null)
                    : new TokenStatus(Config.DEVTO, false, "DEVTO_API_KEY is not set "
                            + "(https://dev.to/settings/extensions)", PlatformException.Kind.AUTH));
        }
        if (out.isEmpty()) {
            throw new ConfigException("no platform is configured in " + config.display(config.file())
                    + ": add a hashnode: or linkedin: section");
        }
        return out;
    }
}
