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

/**
 * Writes secrets into {@code .env}: the named keys are replaced or appended, every other line (comments, other
 * secrets) is kept as it was. The file is owner-only (0600) from the moment it exists: it is written to a
 * temporary file created with those permissions and then renamed over the old one.
 */
public final class DotEnv {
    private DotEnv() {
    }

    public static void update(Path file, Map<String, String> values) {
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
