package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.platform.PlatformModules;
import java.util.List;

/** Which platforms a command works on: the configured ones, narrowed by {@code --platform}. */
public final class Platforms {
    private Platforms() {
    }

    /** Every platform xpost knows, in publishing order (the registry's: {@link PlatformModules}). */
    public static List<String> known() {
        return PlatformModules.names();
    }

    /**
     * The same words wherever a platform name is read ({@code --platform} of plan, publish, preview and state).
     *
     * @throws ConfigException when no platform of that name is registered
     */
    public static void checkKnown(String name) {
        Config.checkKnownPlatform(name, known());
    }

    static List<String> select(Config config, List<String> wanted) {
        List<String> configured = config.platforms();
        if (wanted == null || wanted.isEmpty()) {
            return configured;
        }
        for (String w : wanted) {
            checkKnown(w);
            if (!configured.contains(w)) {
                throw new ConfigException("platform " + w + " is not configured: add a `" + w + ":` section to "
                        + (config.file() == null ? "config/xpost.yaml" : config.display(config.file())));
            }
        }
        return configured.stream().filter(wanted::contains).toList();
    }
}
