package dev.xpost.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets from the environment, then from {@code .env} in the blog folder. The environment wins, so CI secrets
 * override a developer's file. Values are never printed: {@link #names()} are the secrets every platform declares
 * (the app passes the platform registry's), whose values {@link #values()} gives for masking.
 */
public final class Secrets {
    public static final String HASHNODE_TOKEN = "HASHNODE_TOKEN";
    public static final String LINKEDIN_ACCESS_TOKEN = "LINKEDIN_ACCESS_TOKEN";
    public static final String LINKEDIN_TOKEN_EXPIRES = "LINKEDIN_TOKEN_EXPIRES_AT";
    public static final String LINKEDIN_CLIENT_ID = "LINKEDIN_CLIENT_ID";
    public static final String LINKEDIN_CLIENT_SECRET = "LINKEDIN_CLIENT_SECRET";
    /** The secrets this class names itself, for a caller that gives no list. */
    private static final List<String> OWN = List.of(HASHNODE_TOKEN, LINKEDIN_ACCESS_TOKEN, LINKEDIN_CLIENT_SECRET);

    private final Map<String, String> env;
    private final Map<String, String> dotEnv;
    private final List<String> names;

    public Secrets(Map<String, String> env, Map<String, String> dotEnv) {
        this(env, dotEnv, OWN);
    }

    /** @param names the secrets to mask: every platform's ({@code PlatformModule.secretNames()}) */
    public Secrets(Map<String, String> env, Map<String, String> dotEnv, List<String> names) {
        this.env = Map.copyOf(env);
        this.dotEnv = Map.copyOf(dotEnv);
        this.names = List.copyOf(names);
    }

    /** Reads {@code .env} in {@code folder} when present; a malformed line is a ConfigException naming the line. */
    public static Secrets load(Map<String, String> env, Path folder) {
        return load(env, folder, OWN);
    }

    /**
     * @param names the secrets whose values {@link #values()} gives for masking: every registered platform's
     */
    public static Secrets load(Map<String, String> env, Path folder, List<String> names) {
        Path file = folder.resolve(".env");
        if (!Files.isRegularFile(file)) {
            return new Secrets(env, Map.of(), names);
        }
        try {
            return new Secrets(env, parseDotEnv(file, Files.readAllLines(file, StandardCharsets.UTF_8)), names);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The largest .env {@link #forMasking} reads: far above any real one, well below what could exhaust memory. */
    static final long MASKING_READ_LIMIT = 1024 * 1024;

    /**
     * Every secret value the {@code .env} of {@code folder} holds, for masking an error message before any command
     * has loaded it (or when its config is broken): the values of {@code names} and of every {@link
     * #isSecretVariable} name, as written and without white space. Lenient where {@link #load} is strict: a malformed
     * line is skipped (it may be the pasted token the message quotes), a file that is not a regular one or is over
     * {@link #MASKING_READ_LIMIT} is not read; never throws.
     */
    public static List<String> forMasking(Path folder, List<String> names) {
        Path file = folder.resolve(".env");
        List<String> out = new java.util.ArrayList<>();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MASKING_READ_LIMIT) {
                return out;
            }
            entries(file, Files.readAllLines(file, StandardCharsets.UTF_8), true, (key, value) -> {
                if ((names.contains(key) || isSecretVariable(key)) && !value.isBlank()) {
                    out.add(value);
                    if (!value.strip().equals(value)) {
                        out.add(value.strip());   // as it is sent (a quoted value may hold white space)
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            // Unreadable or not UTF-8: nothing more to mask with than what the environment gives.
        }
        return out;
    }

    static Map<String, String> parseDotEnv(Path file, List<String> lines) {
        Map<String, String> out = new HashMap<>();
        entries(file, lines, false, out::put);
        return out;
    }

    /**
     * Each {@code NAME=value} line of a .env file, in order, to {@code sink}; blank lines and comments skipped. A
     * malformed line is a ConfigException naming the line, or skipped when {@code lenient}.
     */
    private static void entries(Path file, List<String> lines, boolean lenient,
                                java.util.function.BiConsumer<String, String> sink) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                if (lenient) {
                    continue;
                }
                // Not echoing the line: it may be a pasted token.
                throw new ConfigException(file + ":" + (i + 1) + ": expected NAME=value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            sink.accept(key, value);
        }
    }

    public Optional<String> get(String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            v = dotEnv.get(name);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /**
     * True for an environment variable whose value is taken for a secret whatever its platform ({@code *TOKEN},
     * {@code *SECRET}): masked in output and looked for in posts, as the named secrets are.
     */
    public static boolean isSecretVariable(String name) {
        return name.endsWith("TOKEN") || name.endsWith("SECRET");
    }

    /** Every secret value we know, so that output can be masked defensively. */
    public List<String> values() {
        return names().stream().map(this::get).flatMap(Optional::stream).toList();
    }

    /** The names of the secrets whose values are masked. */
    public List<String> names() {
        return names;
    }
}
