package dev.xpost.platform.linkedin;

import dev.xpost.platform.Capabilities;
import dev.xpost.platform.PlatformModule;
import dev.xpost.platform.PlatformSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LinkedIn as xpost knows it: its posts link to the Hashnode post, it cannot be read, and it refuses a repeated
 * create for a while, so a lost create is settled by sending it again.
 */
public final class LinkedInModule implements PlatformModule {
    public static final LinkedInModule INSTANCE = new LinkedInModule();

    /**
     * LinkedIn answers a repeated create with 422 and the URN of the post it already has, for about ten minutes
     * (API.md §6). Within that window an unsettled create is settled by sending it again; after it, only the
     * user can tell, so xpost asks.
     */
    public static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

    private static final Capabilities CAPABILITIES = new Capabilities("LinkedIn", false, Capabilities.Settle.RESEND,
            DUPLICATE_WINDOW, true, true, "URN");

    private LinkedInModule() {
    }

    @Override
    public Optional<PlatformSetup> configure(String where, Map<String, Object> section) {
        return Optional.of(LinkedInSetup.of(section));
    }

    @Override
    public String name() {
        return LinkedInClient.PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<String> secretNames() {
        return List.of(LinkedInSetup.TOKEN, LinkedInSetup.CLIENT_SECRET);
    }

    @Override
    public Optional<String> badId(String id) {
        // Posts API ids are urn:li:share:{n} or urn:li:ugcPost:{n} (reference/linkedin/API.md, "x-restli-id").
        return id.matches("urn:li:(share|ugcPost):[0-9]+") ? Optional.empty()
                : Optional.of("\"" + id + "\" is not a LinkedIn post URN: a LinkedIn id is urn:li:share:{number} or "
                        + "urn:li:ugcPost:{number}, such as urn:li:share:7141138937766391808");
    }

    @Override
    public Optional<String> urlOf(String id) {
        return Optional.of("https://www.linkedin.com/feed/update/" + id + "/");
    }
}
