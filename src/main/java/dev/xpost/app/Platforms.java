package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import java.util.List;

/** Which platforms a command works on: the configured ones, narrowed by {@code --platform}. */
final class Platforms {
    private Platforms() {
    }

    static List<String> select(Config config, List<String> wanted) {
        List<String> configured = config.platforms();
        if (wanted == null || wanted.isEmpty()) {
            return configured;
        }
        for (String w : wanted) {
            Config.checkKnownPlatform(w);
            if (!configured.contains(w)) {
                throw new ConfigException("platform " + w + " is not configured: add a `" + w + ":` section to "
                        + (config.file() == null ? "config/xpost.yaml" : config.display(config.file())));
            }
        }
        return configured.stream().filter(wanted::contains).toList();
    }
}
