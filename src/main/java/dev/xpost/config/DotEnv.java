package dev.xpost.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes secrets into {@code .env}: the named keys are replaced or appended, every other line (comments, other
 * secrets) is kept as it was. The file is owner-only (0600) from the moment it exists: it is written to a
 * temporary file created with those permissions and then renamed over the old one.
 */
public final class DotEnv {
    private DotEnv() {
    }

    /** What a name written into {@code .env} may be. */
    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    /**
     * What a value written into {@code .env} may hold: the characters of OAuth tokens (RFC 6750's b64token:
     * letters, digits, {@code - . _ ~ + /} and trailing {@code =}), of an ISO-8601 instant ({@code :}) and of a
     * comma-separated scope list. No space, quote, {@code #}, {@code $}, backslash, line break or other control
     * character: each would either end the line (adding lines of its own, such as {@code HASHNODE_TOKEN=…}) or be
     * read back as something else.
     */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._~+/=:,@%-]{1,8192}");

    /**
     * Why {@code value} must not be written into {@code .env} as {@code name}, or empty when it may. The message
     * never quotes the value: it is a secret.
     */
    public static Optional<String> problem(String name, String value) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.of("\"" + name + "\" is not a name for .env (upper-case letters, digits and _)");
        }
        if (value == null || value.isEmpty()) {
            return Optional.of(name + " is empty");
        }
        if (!VALUE.matcher(value).matches()) {
            String what = value.length() > 8192 ? "is longer than 8192 characters"
                    : value.chars().anyMatch(c -> c == '\n' || c == '\r') ? "contains a line break"
                    : value.chars().anyMatch(c -> c < 0x20 || c >= 0x7f && c <= 0x9f) ? "contains a control character"
                    : "contains a character a token never has (a space, a quote, #, $, \\ or a non-ASCII letter)";
            return Optional.of(name + " " + what + ", so it cannot be written into .env safely");
        }
        return Optional.empty();
    }

    /**
     * Replaces or appends {@code values} in {@code file}, keeping every other line.
     *
     * @throws ConfigException when a name or value fails {@link #problem} (nothing is written), or the file cannot
     *                         be written
     */
    public static void update(Path file, Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            problem(e.getKey(), e.getValue()).ifPresent(why -> {
                throw new ConfigException(why + "; " + file + " was left as it was");
            });
        }
        try {
            List<String> lines = Files.isRegularFile(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
            Map<String, String> pending = new LinkedHashMap<>(values);
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                String key = keyOf(line);
                if (key != null && pending.containsKey(key)) {
                    out.add(key + "=" + pending.remove(key));
                } else {
                    out.add(line);
                }
            }
            pending.forEach((k, v) -> out.add(k + "=" + v));
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp;
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                tmp = Files.createTempFile(dir, ".env", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                tmp = Files.createTempFile(dir, ".env", ".tmp");
            }
            try {
                Files.write(tmp, out, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static String keyOf(String line) {
        String s = line.strip();
        if (s.startsWith("#")) {
            return null;
        }
        if (s.startsWith("export ")) {
            s = s.substring(7).strip();
        }
        int eq = s.indexOf('=');
        return eq > 0 ? s.substring(0, eq).strip() : null;
    }
}
