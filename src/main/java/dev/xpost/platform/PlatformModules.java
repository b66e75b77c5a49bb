package dev.xpost.platform;

import dev.xpost.platform.devto.DevtoModule;
import dev.xpost.platform.hashnode.HashnodeModule;
import dev.xpost.platform.linkedin.LinkedInModule;
import java.util.List;
import java.util.Optional;

/**
 * Every platform xpost knows, in publishing order: the home platform (which others link to) comes first. Adding a
 * platform is its package plus one line here (and its README section and {@code .env.example} line): its module
 * declares its name, capabilities, secrets, config section, client, doctor and auth status lines, cutoff and init
 * question, and nothing outside its package names it.
 *
 * <p>Counted for dev.to (files outside {@code platform/devto/} and the tests that name it; {@code git grep -l -E
 * 'devto|DEVTO|Devto'}, a post's "devtools" left out): 14 while config, secrets, clients, doctor, auth status, the
 * cutoff, init and the front-matter rules each named it; 5 since they ask the registry: this file, {@code .env.example}
 * and its copy in {@code init/}, README, and the launcher {@code xpost} (which keeps every platform's secret out of
 * the run that trains its class-data archive). {@code post.Rules} is given the names by {@code app}.
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

    /** Every secret any platform declares, for masking and for {@code .env} checks. */
    public static List<String> secretNames() {
        return ALL.stream().flatMap(m -> m.secretNames().stream()).distinct().toList();
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
