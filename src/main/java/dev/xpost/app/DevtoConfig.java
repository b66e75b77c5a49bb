package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.platform.devto.DevtoSettings;

/**
 * The {@code devto:} section parsed: {@link Config} keeps it raw because {@code config} may not use
 * {@code platform} (DESIGN §7), so the app layer parses it, once when the config is loaded
 * ({@link Services#config()}) so that a bad value is a configuration error (exit 2) before anything runs.
 */
final class DevtoConfig {
    private DevtoConfig() {
    }

    /**
     * @return the settings, or null when dev.to is not configured
     * @throws ConfigException naming the file and the setting, for a value {@link DevtoSettings#parse} refuses
     */
    static DevtoSettings settings(Config config) {
        if (config.devto() == null) {
            return null;
        }
        String where = config.file() == null ? "defaults" : config.file().toString();
        try {
            return DevtoSettings.parse(where, config.devto().isEmpty() ? null : config.devto()).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
