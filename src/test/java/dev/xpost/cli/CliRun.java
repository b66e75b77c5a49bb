package dev.xpost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in a temporary blog folder, the way a user would, and keeps what it printed. */
public final class CliRun {
    public final Path dir;
    public final Map<String, String> env = new HashMap<>();
    public Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    public boolean tty;

    public CliRun(Path dir) {
        this.dir = dir;
    }

    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public Result run(String... args) {
        return runIn(dir, args);
    }

    /** As {@link #run}, standing in {@code cwd} (a sub-folder of the blog, say) instead of the blog folder. */
    public Result runIn(Path cwd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), env, cwd, clock, tty).run(args);
        return new Result(code, out.toString(), err.toString());
    }

    public Path write(String relative, String content) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    public String read(String relative) throws IOException {
        return Files.readString(dir.resolve(relative));
    }

    /** A post in the seed format of Hashnode's backups. */
    public static String post(String title, String date, String slug, String tags, String... extra) {
        StringBuilder b = new StringBuilder("---\ntitle: \"" + title + "\"\n");
        if (date != null) {
            b.append("datePublished: ").append(date).append('\n');
        }
        b.append("slug: ").append(slug).append('\n');
        if (tags != null) {
            b.append("tags: ").append(tags).append('\n');
        }
        for (String e : extra) {
            b.append(e).append('\n');
        }
        return b.append("\n---\n\nSome text for ").append(title).append(".\n").toString();
    }
}
