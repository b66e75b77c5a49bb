package dev.xpost.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** The {@code xpost} executable: the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        boolean tty = System.console() != null;
        int code = new Cli(out, err, System.getenv(), Path.of(""), Clock.systemUTC(), tty).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
