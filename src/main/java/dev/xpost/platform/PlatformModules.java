package dev.xpost.platform;

import dev.xpost.platform.devto.DevtoModule;
import dev.xpost.platform.hashnode.HashnodeModule;
import dev.xpost.platform.linkedin.LinkedInModule;
import java.util.List;
import java.util.Optional;

/**
 * Every platform xpost knows, in publishing order: the home platform (which others link to) comes first. Adding a platform is its package plus one line here.
 */
public final class PlatformModules {
    private static final List<PlatformModule> ALL = List.of(
            HashnodeModule.INSTANCE,
            LinkedInModule.INSTANCE,
            DevtoModule.INSTANCE);

    private PlatformModules() {
    }

    /** All modules, in publishing order. */
    public static List<PlatformModule> all() {
        return ALL;
    }

    /** Their names, in publishing order. */
    public static List<String> names() {
        return ALL.stream().map(PlatformModule::name).toList();
    }

    public static Optional<PlatformModule> find(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * @throws IllegalArgumentException for a name no module has: callers check names as the user typed them
     *                                  first (Config.checkKnownPlatform), so this is a bug
     */
    public static Capabilities capabilities(String name) {
        return find(name).map(PlatformModule::capabilities)
                .orElseThrow(() -> new IllegalArgumentException("no platform module named " + name));
    }

    /** The home platform's name (where cuids and slugs name posts), when one is registered. */
    public static Optional<String> home() {
        return ALL.stream().filter(m -> m.capabilities().home()).map(PlatformModule::name).findFirst();
    }
}
