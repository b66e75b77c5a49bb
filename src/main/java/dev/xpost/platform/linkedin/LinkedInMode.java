package dev.xpost.platform.linkedin;

import java.util.Locale;
import java.util.Optional;

/** How much of a post goes into the LinkedIn text ({@code linkedin.mode} in the configuration). */
public enum LinkedInMode {
    /** The whole post when it fits in 3,000 characters, else a teaser. */
    AUTO,
    /** The whole post; a post that does not fit is an error for that post. */
    FULL,
    /** The title, the opening paragraphs that fit, the link and the hashtags. */
    TEASER;

    /** The mode for a configuration value ({@code auto}, {@code full}, {@code teaser}, any case); empty if none. */
    public static Optional<LinkedInMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (LinkedInMode m : values()) {
            if (m.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The value as written in configuration. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
