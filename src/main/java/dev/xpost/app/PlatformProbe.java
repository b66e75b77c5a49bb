package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.Secrets;
import dev.xpost.http.Backoff;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.hashnode.HashnodeClient;
import dev.xpost.platform.hashnode.Publication;
import dev.xpost.platform.hashnode.PublicationRef;
import dev.xpost.platform.linkedin.LinkedInClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Asks each configured platform, with one read, whether its token works: shared by {@code xpost auth status} and
 * {@code xpost doctor}. Nothing is written anywhere.
 */
public final class PlatformProbe {
    /** Below this many days left, the LinkedIn token should be renewed ({@code publish} warns too). */
    public static final long RENEW_DAYS = 7;

    /**
     * What the publication read said.
     *
     * @param tokenSet    false when HASHNODE_TOKEN is missing (then nothing was sent)
     * @param publication the publication, when the read succeeded (the token works and the publication has Pro)
     * @param failure     why it did not, when it did not
     */
    public record HashnodeAnswer(String endpoint, boolean tokenSet, Publication publication,
            PlatformException failure) {
    }

    /**
     * What {@code GET /v2/userinfo} said.
     *
     * @param memberId the token owner's member id ({@code sub}), when it was accepted
     */
    public record LinkedInAnswer(boolean tokenSet, String memberId, PlatformException failure) {
    }

    /**
     * The LinkedIn token's life, from {@code LINKEDIN_TOKEN_EXPIRES_AT} (written by {@code xpost auth linkedin}).
     *
     * @param expiresAt null when not recorded or unreadable
     * @param daysLeft  whole days from now; negative once expired
     * @param readable  false when a value is there but is not an ISO instant
     */
    public record Expiry(Instant expiresAt, long daysLeft, boolean readable) {
        public boolean known() {
            return expiresAt != null;
        }

        /** How it reads in a status line. */
        public String describe() {
            if (!readable) {
                return "expiry unreadable in .env";
            }
            if (expiresAt == null) {
                return "expiry unknown (tokens live 60 days; `xpost auth linkedin` records it)";
            }
            return daysLeft < 0 ? "expired on " + expiresAt + ": run `xpost auth linkedin`"
                    : daysLeft + (daysLeft == 1 ? " day" : " days") + " left (until " + expiresAt + ")"
                    + (daysLeft < RENEW_DAYS
                    ? ": renew soon with `xpost auth linkedin`" : "");
        }
    }

    private final Services services;

    public PlatformProbe(Services services) {
        this.services = services;
    }

    /** Resolves the configured publication; call only when Hashnode is configured. */
    public HashnodeAnswer hashnode() {
        Config config = services.config();
        String endpoint = config.hashnode().endpoint();
        Optional<String> token = services.secrets().get(Secrets.HASHNODE_TOKEN);
        if (token.isEmpty()) {
            return new HashnodeAnswer(endpoint, false, null, null);
        }
        try {
            HashnodeClient client = new HashnodeClient(services.http(), HashnodeClient.endpoint(endpoint),
                    token.get(), backoff(), services.clock());
            return new HashnodeAnswer(endpoint, true,
                    client.publication(PublicationRef.parse(config.hashnode().publication())), null);
        } catch (PlatformException e) {
            return new HashnodeAnswer(endpoint, true, null, e);
        }
    }

    /** Asks LinkedIn whose token it is; call only when LinkedIn is configured. */
    public LinkedInAnswer linkedin() {
        Config.LinkedIn li = services.config().linkedin();
        Optional<String> token = services.secrets().get(Secrets.LINKEDIN_ACCESS_TOKEN);
        if (token.isEmpty()) {
            return new LinkedInAnswer(false, null, null);
        }
        try {
            HttpUrl api = HttpUrl.parse(li.apiBase().replaceAll("/*$", "/"));
            if (api == null) {
                throw new PlatformException(LinkedInClient.PLATFORM, PlatformException.Kind.CONFIG,
                        "linkedin.apiBase \"" + li.apiBase() + "\" is not a URL: fix it in config/xpost.yaml");
            }
            LinkedInClient client = new LinkedInClient(services.http(), api, li.version(), token.get(), backoff(),
                    services.clock());
            return new LinkedInAnswer(true, client.userinfoSub(), null);
        } catch (PlatformException e) {
            return new LinkedInAnswer(true, null, e);
        }
    }

    /** The LinkedIn token's expiry as recorded in the environment or {@code .env}. */
    public Expiry linkedinExpiry() {
        Optional<String> text = services.secrets().get(Secrets.LINKEDIN_TOKEN_EXPIRES);
        if (text.isEmpty()) {
            return new Expiry(null, 0, true);
        }
        try {
            Instant at = Instant.parse(text.get());
            Instant now = services.clock().instant();
            long days = Duration.between(now, at).toDays();
            // toDays() rounds toward zero: an hour past the expiry is still "0 days" without this.
            return new Expiry(at, at.isBefore(now) ? Math.min(days, -1) : days, true);
        } catch (DateTimeParseException e) {
            return new Expiry(null, 0, false);
        }
    }

    private Backoff backoff() {
        return services.backoff();
    }
}
