package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.Secrets;
import dev.xpost.http.Backoff;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.devto.DevtoClient;
import dev.xpost.platform.devto.DevtoPlatform;
import dev.xpost.platform.devto.DevtoSettings;
import dev.xpost.platform.hashnode.HashnodeClient;
import dev.xpost.platform.hashnode.HashnodePlatform;
import dev.xpost.platform.linkedin.LinkedInClient;
import dev.xpost.platform.linkedin.LinkedInMode;
import dev.xpost.platform.linkedin.LinkedInPlatform;
import dev.xpost.post.ImageFiles;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Builds the real platform adapters from the config and the secrets. A token goes only into the client of the
 * platform it belongs to; without one, plans and dry runs work offline and a real run stops that platform.
 */
public final class Adapters implements PlatformFactory {
    @Override
    public Platform create(String name, Services services, PublishUseCase.Mode mode) {
        Config config = services.config();
        Secrets secrets = services.secrets();
        Backoff backoff = services.backoff();
        if (name.equals(Config.HASHNODE)) {
            Optional<String> token = secrets.get(Secrets.HASHNODE_TOKEN);
            // Checked before any token is used: a plain-http endpoint is refused unless it is this machine.
            var endpoint = HashnodeClient.endpoint(config.hashnode().endpoint());
            if (token.isEmpty() && mode == PublishUseCase.Mode.LIVE) {
                throw new PlatformException(name, PlatformException.Kind.AUTH, "HASHNODE_TOKEN is not set. Create a "
                        + "personal access token at https://hashnode.com/settings/developer and put it in .env as "
                        + "HASHNODE_TOKEN=… (or in the environment; in CI, a repository secret)");
            }
            HashnodeClient client = token.map(t -> new HashnodeClient(services.http(), endpoint, t, backoff,
                    services.clock())).orElse(null);
            return new HashnodePlatform(client, endpoint.toString(), config.hashnode().publication(),
                    new ImageFiles(services.cwd(), config.root(), config.postsDir()), services.http());
        }
        if (name.equals(Config.LINKEDIN)) {
            Config.LinkedIn li = config.linkedin();
            Optional<String> token = secrets.get(Secrets.LINKEDIN_ACCESS_TOKEN);
            HttpUrl apiBase = HttpUrl.parse(li.apiBase().endsWith("/") ? li.apiBase() : li.apiBase() + "/");
            if (apiBase == null) {
                throw new PlatformException(name, PlatformException.Kind.CONFIG, "linkedin.apiBase \"" + li.apiBase()
                        + "\" is not a URL");
            }
            if (token.isEmpty() && mode == PublishUseCase.Mode.LIVE) {
                throw new PlatformException(name, PlatformException.Kind.AUTH, "LINKEDIN_ACCESS_TOKEN is not set: run "
                        + "`xpost auth linkedin`, or put a token in .env as LINKEDIN_ACCESS_TOKEN=… (in CI, a "
                        + "repository secret)");
            }
            LinkedInClient client = token.map(t -> new LinkedInClient(services.http(), apiBase, li.version(), t,
                    backoff, services.clock())).orElse(null);
            Instant expires = secrets.get(Secrets.LINKEDIN_TOKEN_EXPIRES).map(Adapters::instantOrNull).orElse(null);
            return new LinkedInPlatform(client, services.http(), apiBase, li.version(), li.author(),
                    LinkedInMode.parse(li.mode()).orElse(LinkedInMode.AUTO), expires,
                    new ImageFiles(services.cwd(), config.root(), config.postsDir()));
        }
        if (name.equals(Config.DEVTO)) {
            DevtoSettings s = DevtoConfig.settings(config);
            Optional<String> key = secrets.get(Secrets.DEVTO_API_KEY);
            if (key.isEmpty() && mode == PublishUseCase.Mode.LIVE) {
                throw new PlatformException(name, PlatformException.Kind.AUTH, "DEVTO_API_KEY is not set. Create an "
                        + "API key at https://dev.to/settings/extensions and put it in .env as DEVTO_API_KEY=… (or in "
                        + "the environment; in CI, a repository secret)");
            }
            DevtoClient client = key.map(k -> new DevtoClient(services.http(), s.apiBase(), k, backoff,
                    // The real clock: it spaces writes by dev.to's real rate limit, whatever clock the run uses.
                    Clock.systemUTC())).orElse(null);
            return new DevtoPlatform(client, s, new ImageFiles(services.cwd(), config.root(), config.postsDir()));
        }
        throw new PlatformException(name, PlatformException.Kind.CONFIG, "unknown platform " + name);
    }

    private static Instant instantOrNull(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
