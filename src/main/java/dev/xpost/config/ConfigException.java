package dev.xpost.config;

/** A setting, the config file or a secret is missing or wrong. Always exit 2, with a message saying what to fix. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
