package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.config.ConfigLoader;
import dev.xpost.config.Secrets;
import dev.xpost.http.Http;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
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
    private PrintWriter httpLog;
    private OkHttpClient http;

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
            Config loaded = ConfigLoader.load(configFile, cwd);
            if (loaded.file() == null) {
                throw new ConfigException(ConfigLoader.NO_BLOG);
            }
            config = loaded;
        }
        return config;
    }

    /** With {@code --verbose}: where each HTTP request is logged (method, URL, status; never headers). */
    public synchronized Services logRequestsTo(PrintWriter log) {
        this.httpLog = log;
        return this;
    }

    /** The one HTTP client of the run, shared by every platform (OkHttp's advice: one client, many calls). */
    public synchronized OkHttpClient http() {
        if (http == null) {
            http = Http.newClient(config().http(), httpLog);
        }
        return http;
    }

    /** The secret values loaded so far (environment and .env), for masking output; empty before any was loaded. */
    public synchronized java.util.List<String> loadedSecrets() {
        return secrets == null ? java.util.List.of() : secrets.values();
    }

    public synchronized Secrets secrets() {
        if (secrets == null) {
            secrets = Secrets.load(env, config().root());
        }
        return secrets;
    }
}
