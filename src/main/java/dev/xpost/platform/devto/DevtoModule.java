package dev.xpost.platform.devto;

import dev.xpost.platform.Capabilities;
import dev.xpost.platform.InitQuestion;
import dev.xpost.platform.PlatformModule;
import dev.xpost.platform.PlatformSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dev.to as xpost knows it: its articles carry the Hashnode URL as their canonical URL, and it can be read, so a
 * lost create is settled by looking the author's articles up (dev.to allows duplicates: a create is never sent
 * again to find out).
 */
public final class DevtoModule implements PlatformModule {
    public static final DevtoModule INSTANCE = new DevtoModule();

    /**
     * How long after a create its article may still be missing from {@code /api/articles/me/all}: the list is read
     * from dev.to's database, but its edge has cached answers of {@code /api/articles/me} for 30 s
     * (forem/forem#23675, API.md §5.3), so a listing younger than that may predate the create.
     */
    public static final Duration READ_LAG = Duration.ofSeconds(30);

    private static final Capabilities CAPABILITIES = new Capabilities("dev.to", false, Capabilities.Settle.LOOKUP,
            READ_LAG, true, true, "article id");

    /** What {@code xpost init} writes when the author wants dev.to too. */
    private static final InitQuestion INIT = new InitQuestion("Cross-post to dev.to too (its articles point home "
            + "with a canonical URL)?", """
            devto:
              # Posts dated before this day are never cross-posted: the day this blog was set up, so that the posts
              # it already has do not flood dev.to. The key goes in .env as DEVTO_API_KEY.
              since: {{since}}
              # The numeric id of a dev.to organisation to publish under (you must be a member).
              # organization: 1234
            """);

    private DevtoModule() {
    }

    @Override
    public Optional<PlatformSetup> configure(String where, Map<String, Object> section) {
        return DevtoSettings.parse(where, section.isEmpty() ? null : section).map(DevtoSetup::new);
    }

    @Override
    public Optional<InitQuestion> initQuestion() {
        return Optional.of(INIT);
    }

    @Override
    public String name() {
        return DevtoSettings.PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<String> secretNames() {
        return List.of(DevtoSettings.SECRET);
    }

    @Override
    public Optional<String> badId(String id) {
        return id.matches("[1-9][0-9]{0,18}") ? Optional.empty()
                : Optional.of("a dev.to article id is a number such as 2045871 (the id field of "
                + "GET /api/articles/me/all)");
    }
}
