package dev.xpost.platform.devto;

import dev.xpost.platform.Capabilities;
import dev.xpost.platform.PlatformModule;
import java.time.Duration;
import java.util.List;
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

    private DevtoModule() {
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
