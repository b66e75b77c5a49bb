package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.config.DotEnv;
import dev.xpost.platform.PlatformContext;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformSetup;
import dev.xpost.platform.linkedin.LinkedInClient;
import dev.xpost.platform.linkedin.LinkedInSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code xpost auth linkedin} (sign in, keep the token in .env) and {@code xpost auth status}. */
public final class AuthUseCase {
    /** Scopes of the token, as LinkedIn granted them, kept next to it for {@code auth status}. */
    public static final String LINKEDIN_TOKEN_SCOPE = LinkedInSetup.SCOPE;

    private final Services services;

    public AuthUseCase(Services services) {
        this.services = services;
    }

    /**
     * Signs in to LinkedIn ({@link LinkedInSetup#signIn}, with {@code linkedin:}'s settings or their defaults) and
     * writes the token, its expiry and its scopes into {@code .env}; returns the expiry.
     */
    public Instant loginLinkedIn(Integer port, Consumer<String> showUrl, Duration timeout) {
        Config config = services.config();
        PlatformSetup configured = Setups.of(config, LinkedInClient.PLATFORM);
        LinkedInSetup linkedin = configured instanceof LinkedInSetup l ? l : LinkedInSetup.defaults();
        LinkedInSetup.SignedIn token = linkedin.signIn(services.platformContext(), port, showUrl, timeout);
        for (Map.Entry<String, String> v : token.values().entrySet()) {
            // What LinkedIn answered goes into a file that is read as lines: a token with a line break would add
            // lines of its own (HASHNODE_TOKEN=…), so it is refused whole, and .env stays as it was.
            DotEnv.problem(v.getKey(), v.getValue()).ifPresent(why -> {
                throw new PlatformException("linkedin", PlatformException.Kind.AUTH, "LinkedIn's token answer "
                        + "cannot be stored: " + why + ". Nothing was written; run `xpost auth linkedin` again, and "
                        + "if it happens again check linkedin.oauthBase in config/xpost.yaml");
            });
        }
        DotEnv.update(config.root().resolve(".env"), token.values());
        return token.expiresAt();
    }

    /**
     * What {@code auth status} found for one configured platform.
     *
     * @param platform the platform's name, such as {@code hashnode}
     * @param ok       the token is set and the platform accepted it
     * @param message  what was found, for the user: for whom, what it can do, days left, or what to do
     * @param failure  why it is not ok: {@code AUTH} for a missing or refused token, {@code NETWORK} when the
     *                 platform could not be reached, another kind when it answered something else; null when ok
     */
    public record TokenStatus(String platform, boolean ok, String message, PlatformException.Kind failure) {
    }

    /**
     * One finding per configured platform, as its package words it ({@link PlatformSetup#authStatus}): is a token
     * there, is it accepted, for whom, what can it do, how long it lives.
     */
    public List<TokenStatus> status() {
        Config config = services.config();
        List<TokenStatus> out = new ArrayList<>();
        PlatformContext ctx = services.platformContext();
        for (Map.Entry<String, PlatformSetup> e : Setups.of(config).entrySet()) {
            dev.xpost.platform.TokenStatus t = e.getValue().authStatus(ctx);
            out.add(new TokenStatus(e.getKey(), t.ok(), t.message(), t.failure()));
        }
        if (out.isEmpty()) {
            throw new ConfigException("no platform is configured in " + config.display(config.file())
                    + ": add a hashnode: or linkedin: section");
        }
        return out;
    }
}
