package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.platform.PlatformModule;
import dev.xpost.platform.PlatformModules;
import dev.xpost.platform.PlatformSetup;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configured platforms' sections, each parsed by its own package ({@link PlatformModule#configure}). Parsed
 * once per loaded config ({@link Services#config()} asks first, so that a bad value is a configuration error, exit 2,
 * before anything runs) and remembered, since plan and status ask for every post.
 */
final class Setups {
    /**
     * The config parsed last and its setups, matched by identity: a run loads one config, and a map keyed by the
     * config would hash it (a record's hashCode, linked by a bootstrap method on first use: about 20 ms of every
     * run's start, async-profiler wall clock of the sample blog's plan).
     */
    private record Parsed(Config config, Map<String, PlatformSetup> setups) {
    }

    private static volatile Parsed last;

    private Setups() {
    }

    /**
     * @return by platform name, in publishing order, every configured platform that is not {@code enabled: false}
     * @throws ConfigException naming the file and the setting, for a value a platform refuses
     */
    static Map<String, PlatformSetup> of(Config config) {
        Parsed known = last;
        if (known != null && known.config() == config) {
            return known.setups();
        }
        String where = config.file() == null ? "defaults" : config.file().toString();
        Map<String, PlatformSetup> out = new LinkedHashMap<>();
        for (String name : config.platforms()) {
            PlatformModule module = PlatformModules.find(name).orElseThrow(() -> new ConfigException(
                    "unknown platform \"" + name + "\""));
            try {
                module.configure(where, config.section(name)).ifPresent(s -> out.put(name, s));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        Map<String, PlatformSetup> parsed = Collections.unmodifiableMap(out);
        last = new Parsed(config, parsed);
        return parsed;
    }

    /** One configured platform's setup; null when it is not configured. */
    static PlatformSetup of(Config config, String platform) {
        return of(config).get(platform);
    }
}
