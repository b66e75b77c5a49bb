package dev.xpost.platform.devto;

import dev.xpost.platform.Finding;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformContext;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformSetup;
import dev.xpost.platform.TokenStatus;
import dev.xpost.post.Post;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** dev.to as a blog configures it ({@code devto:}): its adapter, its doctor and auth status lines, its cutoff. */
final class DevtoSetup implements PlatformSetup {
    private static final String WHERE_KEYS = "https://dev.to/settings/extensions";

    private final DevtoSettings settings;

    DevtoSetup(DevtoSettings settings) {
        this.settings = settings;
    }

    DevtoSettings settings() {
        return settings;
    }

    @Override
    public Platform open(PlatformContext ctx, boolean live) {
        Optional<String> key = ctx.secret(DevtoSettings.SECRET);
        if (key.isEmpty() && live) {
            throw new PlatformException(DevtoSettings.PLATFORM, PlatformException.Kind.AUTH, "DEVTO_API_KEY is not "
                    + "set. Create an API key at " + WHERE_KEYS + " and put it in .env as DEVTO_API_KEY=… (or in "
                    + "the environment; in CI, a repository secret)");
        }
        return new DevtoPlatform(key.map(k -> client(ctx, k)).orElse(null), settings, ctx.images());
    }

    /** The real clock: it spaces writes by dev.to's real rate limit, whatever clock the run uses. */
    private DevtoClient client(PlatformContext ctx, String key) {
        return new DevtoClient(ctx.http(), settings.apiBase(), key, ctx.backoff(), Clock.systemUTC());
    }

    @Override
    public List<Finding> doctor(PlatformContext ctx) {
        Optional<String> key = ctx.secret(DevtoSettings.SECRET);
        if (key.isEmpty()) {
            return List.of(Finding.fail("devto key", "DEVTO_API_KEY is not set", "create an API key at "
                    + WHERE_KEYS + " and put it in .env as DEVTO_API_KEY=… (in CI: a repository secret)",
                    Finding.Trouble.AUTH));
        }
        try {
            Optional<String> user = client(ctx, key.get()).username();
            return List.of(Finding.ok("devto key", "DEVTO_API_KEY is accepted" + user.map(u -> " for the dev.to "
                    + "user " + u).orElse(" (the account has no article yet, so dev.to did not name its user)")
                    + (settings.organization() == null ? "" : "; articles go to organisation "
                    + settings.organization())));
        } catch (PlatformException e) {
            return List.of(Finding.failed("devto key", e));
        }
    }

    @Override
    public TokenStatus authStatus(PlatformContext ctx) {
        Optional<String> key = ctx.secret(DevtoSettings.SECRET);
        if (key.isEmpty()) {
            return TokenStatus.missing("DEVTO_API_KEY is not set (" + WHERE_KEYS + ")");
        }
        try {
            Optional<String> user = client(ctx, key.get()).username();
            return TokenStatus.accepted("key accepted" + user.map(u -> " for the dev.to user " + u)
                    .orElse(" (the account has no article yet, so dev.to did not name its user)"));
        } catch (PlatformException e) {
            return TokenStatus.failed(e);
        }
    }

    /**
     * {@code devto.since} only: {@code linkedin.since} and LinkedIn's front matter override say nothing about
     * dev.to, and an article there carries the canonical URL home, so an adopted post does no harm by going.
     */
    @Override
    public Optional<String> skipReason(Post post, ZoneId zone, boolean adopted, LocalDate firstDay) {
        return settings.skipReason(post, zone);
    }
}
