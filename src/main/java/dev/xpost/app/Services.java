package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.config.ConfigLoader;
import dev.xpost.config.HttpSettings;
import dev.xpost.config.Secrets;
import dev.xpost.http.Backoff;
import dev.xpost.http.Http;
import dev.xpost.platform.PlatformContext;
import dev.xpost.platform.PlatformModules;
import dev.xpost.post.ImageFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Everything a use case needs from the outside world, passed in rather than reached for, so that a test runs the
 * real CLI in a temporary folder with its own environment and clock.
 */
public final class Services {
    private final Path cwd;
    private final Map<String, String> env;
    private final Clock clock;
    private final Path configFile;
    private Config config;
    private Secrets secrets;
    /** The secrets {@link #maskInJson} replaces, once {@link #secrets} is loaded. */
    private java.util.List<String> jsonSafeSecrets;
    private PrintWriter httpLog;
    private OkHttpClient http;
    /** No secret reaches a platform: see {@link #offline()}. */
    private boolean offline;
    /** Wraps every store {@link #stateStore} makes; tests count its fsyncs with it. */
    java.util.function.UnaryOperator<dev.xpost.state.StateStore> stateStoreHook =
            java.util.function.UnaryOperator.identity();

    public Services(Path cwd, Map<String, String> env, Clock clock, Path configFile) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.configFile = configFile;
    }

    public Path cwd() {
        return cwd;
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, String> env() {
        return env;
    }

    /**
     * Loaded on first use ({@code --help}, {@code init} and {@code completion} never ask for it).
     *
     * @throws ConfigException with {@link ConfigLoader#NO_BLOG} when no config file is here or in a parent folder:
     *                         every command that works on a blog says the same thing outside one, rather than
     *                         reading a stray {@code posts/} folder or writing one wherever it is run
     */
    public synchronized Config config() {
        if (config == null) {
            Config loaded = ConfigLoader.load(configFile, cwd, PlatformModules.names());
            if (loaded.file() == null) {
                throw new ConfigException(ConfigLoader.NO_BLOG);
            }
            Setups.of(loaded);
            config = loaded;
        }
        return config;
    }

    /**
     * What a platform's package is given to build its client and ask its probes: the secrets, the run's HTTP client
     * and clock, the blog's images. Loads the config and secrets on first use of each.
     */
    public PlatformContext platformContext() {
        return new PlatformContext() {
            @Override
            public Optional<String> secret(String name) {
                return offline ? Optional.empty() : secrets().get(name);
            }

            @Override
            public OkHttpClient http() {
                return Services.this.http();
            }

            @Override
            public Backoff backoff() {
                return Services.this.backoff();
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public ImageFiles images() {
                Config c = config();
                return new ImageFiles(cwd, c.root(), c.postsDir());
            }
        };
    }

    /**
     * The same blog, config, environment and clock, but no platform is given a secret: its adapter then has no
     * client and never reaches the network. For the commands documented as sending no request ({@code preview},
     * {@code status}), whatever tokens the environment or {@code .env} hold: with a token an adapter would look
     * up what it does not know (the publication, the LinkedIn member), and with none it says so in place of the
     * value.
     */
    public synchronized Services offline() {
        Services copy = new Services(cwd, env, clock, configFile);
        copy.config = config();
        copy.httpLog = httpLog;
        copy.stateStoreHook = stateStoreHook;
        copy.offline = true;
        return copy;
    }

    /** With {@code --verbose}: where each HTTP request is logged (method, URL, status; never headers). */
    public synchronized Services logRequestsTo(PrintWriter log) {
        this.httpLog = log;
        return this;
    }

    /** The one HTTP client of the run, shared by every platform (OkHttp's advice: one client, many calls). */
    public synchronized OkHttpClient http() {
        if (http == null) {
            HttpSettings s = config().http();
            http = Http.newClient(s.connectTimeout(), s.readTimeout(), s.callTimeout(), httpLog);
        }
        return http;
    }

    /** A fresh backoff for retrying idempotent requests, within the config's {@code http:} limits; waits for real. */
    public Backoff backoff() {
        HttpSettings s = config().http();
        return new Backoff(s.maxAttempts(), s.baseDelay(), s.retryAfterCap(), Backoff.REAL, new SecureRandom());
    }

    /** The secret values loaded so far (environment and .env), for masking output; empty before any was loaded. */
    public synchronized java.util.List<String> loadedSecrets() {
        return secrets == null ? java.util.List.of() : secrets.values();
    }

    /**
     * Every secret value this run knows: the environment's {@code *TOKEN} and {@code *SECRET} variables and the
     * secrets of {@code .env} (an unreadable {@code .env} gives the environment's alone: masking must not fail).
     */
    public synchronized java.util.List<String> knownSecrets() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        env.forEach((k, v) -> {
            if (Secrets.isSecretVariable(k)) {
                out.add(v);
            }
        });
        try {
            out.addAll(secrets().values());
        } catch (RuntimeException e) {
            // A broken .env or config is reported by whatever needs it; its secrets cannot be known here.
        }
        out.removeIf(v -> v == null || v.isBlank());
        return java.util.List.copyOf(out);
    }

    /**
     * The secrets of {@link #knownSecrets} by name ({@code HASHNODE_TOKEN} → its value, without the white space
     * around it, as it is sent), sorted by name, so that a post that holds one can say which to revoke.
     */
    public synchronized java.util.Map<String, String> knownSecretsByName() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        env.forEach((k, v) -> {
            if (Secrets.isSecretVariable(k) && v != null) {
                out.put(k, v.strip());
            }
        });
        try {
            Secrets s = secrets();
            for (String name : s.names()) {
                s.get(name).ifPresent(v -> out.putIfAbsent(name, v));
            }
        } catch (RuntimeException e) {
            // A broken .env or config is reported by whatever needs it; its secrets cannot be known here.
        }
        out.values().removeIf(v -> v == null || v.isBlank());
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The state file's store, masking every known secret in what it writes (DESIGN §7: a platform may quote a token
     * back in an error, even the other platform's, and the state file is committed to git).
     */
    public dev.xpost.state.StateStore stateStore() {
        return stateStoreHook.apply(new dev.xpost.state.StateStore(config().stateFile()).masking(this::maskInJson));
    }

    /**
     * Masks secrets in JSON text. Only a secret that can appear in JSON solely inside a string is replaced: at least
     * 8 characters, one of them a letter, none a quote, backslash or control character (JSON would escape those).
     * Real tokens are all of that; replacing a shorter or odder value could break the JSON.
     */
    private String maskInJson(String json) {
        java.util.List<String> safe;
        synchronized (this) {
            safe = jsonSafeSecrets;
        }
        if (safe == null) {
            safe = knownSecrets().stream()
                    .filter(v -> v.length() >= 8 && v.chars().anyMatch(Character::isLetter)
                            && v.chars().noneMatch(c -> c == '"' || c == '\\' || c < 0x20 || c == 0x7f))
                    .toList();
            synchronized (this) {
                // Kept once the secrets are loaded for good (they never change after): every state journal line
                // is masked, three per create, and listing the secrets again for each was a tenth of a create's
                // CPU (issue 15). Before that (a broken .env) the list is made again each time, as it always was.
                if (secrets != null) {
                    jsonSafeSecrets = safe;
                }
            }
        }
        return Http.mask(json, safe);
    }

    public synchronized Secrets secrets() {
        if (secrets == null) {
            secrets = Secrets.load(env, config().root(), PlatformModules.secretNames());
        }
        return secrets;
    }
}
