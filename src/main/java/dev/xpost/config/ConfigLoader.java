package dev.xpost.config;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.xpost.http.SecureUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code config/xpost.yaml}. Unknown keys are errors, not warnings: a misspelt {@code publicaton:} would
 * otherwise silently publish nowhere, and a config file is small enough to fix at once.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_FILE = Path.of("config", "xpost.yaml");
    /** What every command that needs a blog says outside one (README: Commands). */
    public static final String NO_BLOG = "no config/xpost.yaml here or in a parent folder; run xpost init";

    /**
     * The YAML mapper, made when first used rather than when this class is: {@link #warmUp} is called from the
     * process entry point, and making the mapper there (Jackson's first mapper: about 0.1 s on the 2-core benchmark
     * machine) held up the main thread before the command line was even read. Now the warm-up thread makes it;
     * a {@link #load} that comes first waits for it rather than making a second one (class initialisation runs once).
     */
    private static final class Yaml {
        static final YAMLMapper MAPPER = new YAMLMapper();
    }
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");
    private static final Pattern VERSION = Pattern.compile("20\\d{2}(0[1-9]|1[0-2])");

    /** The top-level settings that are not a platform's section. */
    private static final Set<String> GENERAL = Set.of("timezone", "posts", "state", "http", "publish");
    /**
     * The platform sections this class still parses itself, because the engine reads them as {@link Config.Hashnode}
     * and {@link Config.LinkedIn}; every other platform's section is kept raw for its own package to parse.
     */
    public static final List<String> TYPED_SECTIONS = List.of(Config.HASHNODE, Config.LINKEDIN);

    private static final Map<String, Set<String>> KNOWN = Map.of(
            "hashnode", Set.of("endpoint", "publication", "enabled"),
            "linkedin", Set.of("apiBase", "version", "author", "mode", "since", "enabled", "oauthBase", "loginPort"),
            "http", Set.of("connectTimeout", "readTimeout", "callTimeout", "maxAttempts", "retryAfterCap"),
            "publish", Set.of("max"));

    /** A config is a few dozen lines; a file over this many bytes is not one (and is not read whole). */
    static final int MAX_CONFIG_BYTES = 1024 * 1024;

    private ConfigLoader() {
    }

    /**
     * Starts the one-time setup of reading a config on a daemon thread, so that it overlaps picocli reading the
     * command line instead of delaying the command: Jackson's first mapper (its class initialisation formats a
     * date, which loads the JDK's CLDR locale data) and the YAML parser with the tree and value classes of a first
     * read. About a fifth of a second of CPU on the loaded 2-core benchmark machine before the first post is read
     * (issue 15; none of it is this class's own work, and the state file and request bodies need the same Jackson
     * classes anyway). Nothing is read from disk; a failure here is met again, and reported, by {@link #load}.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> {
            try {
                // The shapes of a real config: a mapping, a nested mapping, a string and a number.
                JsonNode tree = Yaml.MAPPER.readTree("timezone: UTC\nhashnode:\n  publication: warm-up\n"
                        + "linkedin:\n  author: auto\nhttp:\n  maxAttempts: 1\n");
                raw(tree.get("hashnode"));
                // A config's text is a source of every request's digest (SourceDigest), asked once a run: each
                // record's toString is linked by a bootstrap method the first time it runs (about 60 ms of a
                // 50-post publish on the main thread, async-profiler), so it is linked here meanwhile.
                if (tree instanceof ObjectNode object) {
                    fromTree(Path.of("warm-up").toAbsolutePath(), null, object, TYPED_SECTIONS).toString();
                }
            } catch (IOException | RuntimeException e) {
                // Met again by load, where it is reported.
            }
        }, "xpost-config-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * @param explicit the {@code --config} value, or null to look for {@code config/xpost.yaml} in the working
     *                 folder and its parents (so xpost works from any sub-folder of the blog, as git does)
     */
    public static Config load(Path explicit, Path workingDir) {
        return load(explicit, workingDir, TYPED_SECTIONS);
    }

    /**
     * @param platforms the name of every platform xpost knows (its config section), in publishing order, as the
     *                  platform registry gives them; a section of one of them that this class does not parse itself
     *                  is kept raw ({@link Config#sections()}) for the platform's own package to parse
     */
    public static Config load(Path explicit, Path workingDir, List<String> platforms) {
        Path cwd = workingDir.toAbsolutePath().normalize();
        Path file;
        if (explicit != null) {
            file = cwd.resolve(explicit).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file " + explicit + " not found");
            }
        } else {
            file = find(cwd);
        }
        if (file == null) {
            return fromTree(cwd, null, Yaml.MAPPER.createObjectNode(), platforms);
        }
        Path root = rootOf(file);
        // Read first, then parsed: a file that cannot be read is said to be unreadable, not invalid YAML (its text
        // was never seen), and a file far larger than any config is not read into memory whole.
        byte[] text;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            text = in.readNBytes(MAX_CONFIG_BYTES + 1);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ConfigException(file + ": cannot be read (" + why + "): check that it is a file your user "
                    + "can read");
        }
        if (text.length > MAX_CONFIG_BYTES) {
            throw new ConfigException(file + ": larger than " + MAX_CONFIG_BYTES / 1024 + " KB, which no config "
                    + "of xpost is: is this the right file?");
        }
        JsonNode tree;
        try (com.fasterxml.jackson.core.JsonParser parser = Yaml.MAPPER.createParser(text)) {
            tree = parser.readValueAsTree();
            // A second document (after a `---` line) would be dropped without a word: its settings never read.
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode more = parser.readValueAsTree();
                if (more != null && !more.isNull() && !more.isEmpty()) {
                    throw new ConfigException(file + ":" + line + ": a second YAML document starts here, after a "
                            + "`---` line, and xpost reads only the first: remove that `---` line so that the settings "
                            + "below it are read");
                }
            }
        } catch (IOException e) {
            // Where the fault is, as a post's problems say it, with what it is: SnakeYAML's problem and its mark
            // (Jackson's own location is where its parser had got to, often a line before; the first line of its
            // message is the context, "while scanning for the next token", not the fault).
            String where = "";
            String detail = null;
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                    && marked.getProblem() != null) {
                detail = marked.getProblem();
                if (marked.getProblemMark() != null) {
                    where = ":" + (marked.getProblemMark().getLine() + 1) + ":"
                            + (marked.getProblemMark().getColumn() + 1);
                }
            } else if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                detail = j.getOriginalMessage();
                if (j.getLocation() != null && j.getLocation().getLineNr() > 0) {
                    where = ":" + j.getLocation().getLineNr() + ":" + j.getLocation().getColumnNr();
                }
            }
            if (detail == null) {
                detail = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            throw new ConfigException(file + where + ": not valid YAML: " + detail.lines().findFirst().orElse("")
                    .strip() + ". Check that line: indent with spaces (no tabs), and close every [, { and quote");
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = Yaml.MAPPER.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException(file + ": expected a mapping of settings at the top level");
        }
        return fromTree(root, file, (ObjectNode) tree, platforms);
    }

    /**
     * The blog folder {@link #load} would use (the folder of the config file found or given, as {@code rootOf}
     * says), without reading the config; {@code workingDir} when there is none. Never throws: for masking an error.
     */
    public static Path blogFolder(Path explicit, Path workingDir) {
        Path cwd = workingDir.toAbsolutePath().normalize();
        try {
            Path file = explicit != null ? cwd.resolve(explicit).normalize() : find(cwd);
            return file == null || file.getParent() == null ? cwd : rootOf(file);
        } catch (RuntimeException e) {
            return cwd;
        }
    }

    private static Path find(Path cwd) {
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The blog folder: {@code x/config/xpost.yaml} → {@code x}; a config elsewhere → its own folder. */
    private static Path rootOf(Path file) {
        Path dir = file.getParent();
        if (dir.getFileName() != null && dir.getFileName().toString().equals("config") && dir.getParent() != null) {
            return dir.getParent();
        }
        return dir;
    }

    /**
     * The state file (and its lock and temporary files beside it) is written on every run: it must stay in the blog
     * folder, also when a folder on its way is a symbolic link (a linked {@code .xpost} would have xpost write
     * elsewhere, and start from an empty record there: a twin of every post).
     */
    private static void checkInsideBlog(String where, Path root, Path state) {
        Path base = root.toAbsolutePath().normalize();
        if (!state.toAbsolutePath().normalize().startsWith(base)) {
            throw new ConfigException(where + ": state: " + state + " is outside the blog folder " + base
                    + "; keep the state file in the blog (default .xpost/state.json), where git keeps it with the posts");
        }
        try {
            Path realBase = base.toRealPath();
            // The deepest folder of the path that exists: what a link on the way leads to.
            Path dir = state.toAbsolutePath().normalize().getParent();
            while (dir != null && !java.nio.file.Files.exists(dir)) {
                dir = dir.getParent();
            }
            if (dir != null && !dir.toRealPath().startsWith(realBase)) {
                throw new ConfigException(where + ": the state file's folder " + base.relativize(dir) + " leads out of the "
                        + "blog folder (to " + dir.toRealPath() + ", through a symbolic link); xpost writes its state "
                        + "only inside the blog: replace the link with a folder");
            }
        } catch (java.io.IOException e) {
            // A root that cannot be resolved is reported by whatever reads the blog next.
        }
    }

    static Config fromTree(Path root, Path file, ObjectNode tree, List<String> platforms) {
        String where = file == null ? "defaults" : file.toString();
        Set<String> topLevel = new java.util.HashSet<>(GENERAL);
        topLevel.addAll(platforms);
        checkKeys(where, "", tree, topLevel);
        ZoneId zone = zone(where, text(tree, "timezone", "UTC"));
        Path posts = root.resolve(text(tree, "posts", "posts")).normalize();
        // Written paths only (a posts folder that is itself a link stays allowed, as documented): `posts: ../..`
        // would have every command walk the disk from a folder above the blog.
        if (!posts.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
            throw new ConfigException(where + ": posts: " + text(tree, "posts", "posts") + " is outside the blog "
                    + "folder " + root.toAbsolutePath().normalize() + "; keep the posts in the blog (default posts, or "
                    + "posts: . for a Hashnode backup)");
        }
        Path state = root.resolve(text(tree, "state", ".xpost/state.json")).normalize();
        checkInsideBlog(where, root, state);

        Config.Hashnode hashnode = null;
        JsonNode h = tree.get("hashnode");
        if (h != null && !h.isNull() && enabled(where, "hashnode", h)) {
            checkKeys(where, "hashnode", h);
            String endpoint = text(h, "endpoint", Config.Hashnode.DEFAULT_ENDPOINT);
            String publication = text(h, "publication", null);
            if (publication == null) {
                throw new ConfigException(where + ": hashnode.publication is required: your blog's host (such as "
                        + "myblog.hashnode.dev) or its publication id");
            }
            secureUrl(where, "hashnode.endpoint", endpoint, "HASHNODE_TOKEN");
            hashnode = new Config.Hashnode(endpoint, publication);
        }

        Config.LinkedIn linkedin = null;
        JsonNode l = tree.get("linkedin");
        if (l != null && !l.isNull() && enabled(where, "linkedin", l)) {
            checkKeys(where, "linkedin", l);
            String version = text(l, "version", Config.LinkedIn.DEFAULT_VERSION);
            if (!VERSION.matcher(version).matches()) {
                throw new ConfigException(where + ": linkedin.version must be a month as YYYYMM (such as "
                        + Config.LinkedIn.DEFAULT_VERSION + "), not \"" + version + "\"");
            }
            String author = text(l, "author", "auto");
            if (!author.equals("auto") && !author.matches("urn:li:(person|organization):[A-Za-z0-9_-]+")) {
                throw new ConfigException(where + ": linkedin.author must be auto, urn:li:person:ID or "
                        + "urn:li:organization:ID, not \"" + author + "\"");
            }
            String mode = text(l, "mode", "auto").toLowerCase(Locale.ROOT);
            if (!List.of("auto", "full", "teaser").contains(mode)) {
                throw new ConfigException(where + ": linkedin.mode must be auto, full or teaser, not \"" + mode + "\"");
            }
            LocalDate since = null;
            String sinceText = text(l, "since", null);
            if (sinceText != null) {
                try {
                    since = LocalDate.parse(sinceText);
                } catch (DateTimeParseException e) {
                    throw new ConfigException(where + ": linkedin.since must be a date as YYYY-MM-DD, not \""
                            + sinceText + "\"");
                }
            }
            String apiBase = text(l, "apiBase", Config.LinkedIn.DEFAULT_API_BASE);
            String oauthBase = text(l, "oauthBase", Config.LinkedIn.DEFAULT_OAUTH_BASE);
            secureUrl(where, "linkedin.apiBase", apiBase, "LINKEDIN_ACCESS_TOKEN");
            secureUrl(where, "linkedin.oauthBase", oauthBase, "LINKEDIN_CLIENT_SECRET and the login code");
            linkedin = new Config.LinkedIn(apiBase, version, author, mode, since, oauthBase,
                    positiveInt(where, l, "linkedin.loginPort", "loginPort", Config.LinkedIn.DEFAULT_LOGIN_PORT));
        }

        // Every platform's section as read, for its own package to parse (DESIGN §7: config may not use platform);
        // here only what decides whether it is configured at all: present (an empty line counts) and not
        // `enabled: false`. Its keys and values are checked by its package, as soon as the app loads the config.
        Map<String, Map<String, Object>> sections = new java.util.LinkedHashMap<>();
        for (String name : platforms) {
            JsonNode node = tree.get(name);
            if (TYPED_SECTIONS.contains(name)) {
                boolean typed = name.equals(Config.HASHNODE) ? hashnode != null : linkedin != null;
                if (typed) {
                    sections.put(name, raw(node));
                }
            } else if (node != null && (node.isNull() || enabled(where, name, node))) {
                sections.put(name, raw(node));
            }
        }
        HttpSettings d = HttpSettings.defaults();
        JsonNode hs = tree.path("http");
        if (hs.isObject()) {
            checkKeys(where, "http", hs);
        }
        HttpSettings http = new HttpSettings(
                duration(where, hs, "connectTimeout", d.connectTimeout()),
                duration(where, hs, "readTimeout", d.readTimeout()),
                duration(where, hs, "callTimeout", d.callTimeout()),
                positiveInt(where, hs, "http.maxAttempts", "maxAttempts", d.maxAttempts()),
                d.baseDelay(),
                duration(where, hs, "retryAfterCap", d.retryAfterCap()));
        JsonNode pub = tree.path("publish");
        if (pub.isObject()) {
            checkKeys(where, "publish", pub);
        }
        int max = positiveInt(where, pub, "publish.max", "max", 10);
        return new Config(root.toAbsolutePath().normalize(), file, zone, posts, state, hashnode, linkedin, http, max,
                // In publishing order, not Map.copyOf's order, which changes from one JVM to the next: the config's
                // text is part of every post's source digest, and must read the same in every run.
                java.util.Collections.unmodifiableMap(sections), List.copyOf(platforms));
    }

    /** A section as plain Java values (strings, numbers, booleans, maps, lists); an empty section is an empty map. */
    private static Map<String, Object> raw(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = Yaml.MAPPER.convertValue(node, Map.class);
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }

    /** Every configured URL that receives a secret: https, or http to this machine only ({@link SecureUrl}). */
    private static void secureUrl(String where, String key, String value, String secret) {
        SecureUrl.problem(key, value, secret).ifPresent(why -> {
            throw new ConfigException(where + ": " + why);
        });
    }

    private static boolean enabled(String where, String section, JsonNode node) {
        if (!node.isObject()) {
            throw new ConfigException(where + ": " + section + " must be a mapping of settings");
        }
        String v = text(node, "enabled", "true");
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(where + ": " + section + ".enabled must be true or false");
        }
        return v.equals("true");
    }

    private static void checkKeys(String where, String section, JsonNode node) {
        checkKeys(where, section, node, KNOWN.get(section));
    }

    private static void checkKeys(String where, String section, JsonNode node, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                String full = section.isEmpty() ? key : section + "." + key;
                throw new ConfigException(where + ": unknown setting " + full + " (known" + (section.isEmpty() ? ""
                        : " under " + section) + ": " + String.join(", ", known.stream().sorted().toList()) + ")"
                        + Suggestions.didYouMean(key, known.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode node, String key, String dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isValueNode()) {
            throw new ConfigException("setting " + key + " must be a single value");
        }
        String s = v.asText().strip();
        return s.isEmpty() ? dflt : s;
    }

    private static ZoneId zone(String where, String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new ConfigException(where + ": timezone \"" + id + "\" is not a time zone; use an id such as "
                    + "UTC, Europe/Berlin or America/New_York");
        }
    }

    private static Duration duration(String where, JsonNode node, String key, Duration dflt) {
        String v = text(node, key, null);
        if (v == null) {
            return dflt;
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new ConfigException(where + ": http." + key + " must be a duration such as 500ms, 10s or 2m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static int positiveInt(String where, JsonNode node, String name, String key, int dflt) {
        String v = text(node, key, null);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(where + ": " + name + " must be a whole number, not \"" + v + "\"");
    }
}
