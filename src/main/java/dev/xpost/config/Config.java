package dev.xpost.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Every non-secret setting, resolved: paths are absolute, defaults filled in. Built by {@link ConfigLoader}.
 *
 * @param root      the blog folder: the parent of {@code config/}, or the working folder when there is no config
 * @param file      the config file read, or null when none exists (then no platform is configured)
 * @param maxCreates default of {@code publish --max}: remote posts one run may create
 * @param sections  every configured platform's section as read (an empty section is an empty map), by platform
 *                  name; a section that says {@code enabled: false} is left out. Kept raw because each platform's
 *                  settings live in its own package, which {@code config} may not use (DESIGN §7): the app layer has
 *                  the platform parse it as soon as the config is loaded
 * @param knownPlatforms every platform xpost knows, in publishing order (the registry's, as given to the loader)
 */
public record Config(
        Path root,
        Path file,
        ZoneId timezone,
        Path postsDir,
        Path stateFile,
        Hashnode hashnode,
        LinkedIn linkedin,
        HttpSettings http,
        int maxCreates,
        Map<String, Map<String, Object>> sections,
        List<String> knownPlatforms) {

    public static final String HASHNODE = "hashnode";
    public static final String LINKEDIN = "linkedin";

    /**
     * @param endpoint    GraphQL endpoint (gql-beta since 2026)
     * @param publication a host such as {@code myblog.hashnode.dev}, or a publication id
     */
    public record Hashnode(String endpoint, String publication) {
        public static final String DEFAULT_ENDPOINT = "https://gql-beta.hashnode.com/";
    }

    /**
     * @param version {@code YYYYMM}; LinkedIn retires each monthly version about a year after release
     * @param author  {@code urn:li:person:…}, {@code urn:li:organization:…} or {@code auto}
     * @param mode    {@code auto}, {@code full} or {@code teaser}
     * @param since   posts dated before this day are never cross-posted; null for no limit
     * @param oauthBase where {@code xpost auth linkedin} signs in (LinkedIn's www host)
     * @param loginPort the loopback port of the login redirect, as registered in the LinkedIn app
     */
    public record LinkedIn(String apiBase, String version, String author, String mode, LocalDate since,
            String oauthBase, int loginPort) {
        public static final String DEFAULT_API_BASE = "https://api.linkedin.com";
        public static final String DEFAULT_OAUTH_BASE = "https://www.linkedin.com";
        /** The redirect port linkedctl made common: register {@code http://127.0.0.1:18920/callback}. */
        public static final int DEFAULT_LOGIN_PORT = 18920;
        /**
         * A version LinkedIn has released and real clients sent in 2026 (see reference/linkedin/API.md §1.2:
         * crossposter used 202605). Monthly versions live about a year, so this default needs a bump each
         * release of xpost; {@code linkedin.version} overrides it without a new build.
         */
        public static final String DEFAULT_VERSION = "202605";
    }

    /**
     * The same words wherever a platform name is read ({@code --platform} of plan, publish, preview and state):
     * {@code unknown platform "x"; the known platforms are hashnode, linkedin}.
     *
     * @param known every platform xpost knows, in publishing order
     * @throws ConfigException when {@code name} is not one of {@code known}
     */
    public static void checkKnownPlatform(String name, List<String> known) {
        if (!known.contains(name)) {
            throw new ConfigException("unknown platform \"" + name + "\"; the known platforms are "
                    + String.join(", ", known) + Suggestions.didYouMean(name, known));
        }
    }

    /** Names of the platforms this config sets up, in publishing order (Hashnode first: LinkedIn links to it). */
    public List<String> platforms() {
        return knownPlatforms.stream().filter(sections::containsKey).toList();
    }

    /** The section of a configured platform as read; null when that platform is not configured. */
    public Map<String, Object> section(String platform) {
        return sections.get(platform);
    }

    /**
     * How the state file names a post's file: relative to the blog folder, with {@code /}, so that the file reads
     * the same from every clone and every operating system.
     */
    public String fileKey(Path file) {
        return display(file).replace('\\', '/');
    }

    /** A path for messages: relative to the blog folder when inside it. */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
