package dev.xpost.platform.devto;

import dev.xpost.http.SecureUrl;
import dev.xpost.post.Post;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.HttpUrl;

/**
 * The {@code devto:} section of {@code config/xpost.yaml}.
 *
 * @param apiBase      where the Forem API lives, without the {@code /api} part the paths carry (default
 *                     {@value #DEFAULT_API_BASE}); https, or http to this machine only, since it receives
 *                     {@value #SECRET}
 * @param organization the numeric id of a dev.to organisation to publish under, or null for the key's own user
 *                     (dev.to ignores an id the user is not a member of: reference §2.2)
 * @param since        posts dated before this day are not cross-posted to dev.to (like {@code linkedin.since}), or
 *                     null for no such limit
 */
public record DevtoSettings(HttpUrl apiBase, Long organization, LocalDate since) {
    /** The platform's name: in {@code platforms:}, {@code --platform}, the state file and messages. */
    public static final String PLATFORM = "devto";
    /** The config section. */
    public static final String SECTION = "devto";
    /** The environment variable (or {@code .env} entry) holding the dev.to API key. */
    public static final String SECRET = "DEVTO_API_KEY";
    public static final String DEFAULT_API_BASE = "https://dev.to/";
    /** Every key the section may hold; {@code enabled} as in the other sections. */
    public static final Set<String> KEYS = Set.of("apiBase", "organization", "since", "enabled");

    public static DevtoSettings defaults() {
        return new DevtoSettings(HttpUrl.get(DEFAULT_API_BASE), null, null);
    }

    /**
     * Reads the section as the YAML reader gives it (scalars as strings, numbers or booleans).
     *
     * @param where   the config file, for messages ({@code config/xpost.yaml})
     * @param section the mapping under {@code devto:}; null for an empty {@code devto:} line (all defaults)
     * @return empty when the section says {@code enabled: false}
     * @throws IllegalArgumentException with a message for the user (the wiring turns it into a configuration error,
     *                                  exit 2): an unknown key, an apiBase that is not https (or loopback http), an
     *                                  organization that is not a positive whole number, a since that is not a date
     */
    public static Optional<DevtoSettings> parse(String where, Map<String, ?> section) {
        if (section == null) {
            return Optional.of(defaults());
        }
        for (String key : section.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown setting " + SECTION + "." + key
                        + " (known under " + SECTION + ": " + String.join(", ", new TreeSet<>(KEYS)) + ")"
                        + dev.xpost.config.Suggestions.didYouMean(key, new TreeSet<>(KEYS)));
            }
        }
        String enabled = text(where, section, "enabled");
        if (enabled != null && !List.of("true", "false").contains(enabled)) {
            throw new IllegalArgumentException(where + ": " + SECTION + ".enabled must be true or false");
        }
        if ("false".equals(enabled)) {
            return Optional.empty();
        }
        String base = text(where, section, "apiBase");
        HttpUrl apiBase = HttpUrl.get(DEFAULT_API_BASE);
        if (base != null) {
            SecureUrl.problem(SECTION + ".apiBase", base, SECRET).ifPresent(why -> {
                throw new IllegalArgumentException(where + ": " + why);
            });
            apiBase = HttpUrl.get(base);
            if (apiBase.query() != null) {
                throw new IllegalArgumentException(where + ": " + SECTION + ".apiBase \"" + base + "\" must not "
                        + "have a query; give the site, such as " + DEFAULT_API_BASE);
            }
        }
        Long organization = null;
        String org = text(where, section, "organization");
        if (org != null) {
            try {
                organization = Long.parseLong(org);
            } catch (NumberFormatException e) {
                organization = -1L;
            }
            if (organization <= 0) {
                throw new IllegalArgumentException(where + ": " + SECTION + ".organization must be the numeric id "
                        + "of a dev.to organisation (the organization.id of one of its articles), not \"" + org
                        + "\"");
            }
        }
        LocalDate since = null;
        String sinceText = text(where, section, "since");
        if (sinceText != null) {
            try {
                since = LocalDate.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": " + SECTION + ".since must be a date as YYYY-MM-DD, "
                        + "not \"" + sinceText + "\"");
            }
        }
        return Optional.of(new DevtoSettings(apiBase, organization, since));
    }

    /**
     * Why this post does not go to dev.to, or empty when it goes: a post dated before {@link #since()} (its date
     * taken in the blog's time zone, as for {@code linkedin.since}) stays off dev.to, so that moving a blog in does
     * not flood it with years of old posts. An undated post goes.
     *
     * @param zone the blog's {@code timezone}
     */
    public Optional<String> skipReason(Post post, ZoneId zone) {
        if (since == null || post.publishAt() == null) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(post.publishAt(), zone);
        return day.isBefore(since) ? Optional.of("dated before " + SECTION + ".since (" + since + ")")
                : Optional.empty();
    }

    private static String text(String where, Map<String, ?> section, String key) {
        Object v = section.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof Iterable) {
            throw new IllegalArgumentException(where + ": " + SECTION + "." + key + " must be a single value");
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }
}
