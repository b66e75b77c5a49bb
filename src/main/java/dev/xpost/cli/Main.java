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
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The one answer scripts ask for most often, without building picocli's model of every command (a
            // third of the start-up time); the same words as XpostCommand.VersionProvider.
            System.out.println("xpost " + dev.xpost.http.Version.get());
            System.out.println("Java " + System.getProperty("java.version"));
            System.exit(ExitCodes.OK);
        }
        if (sendsRequests(args)) {
            dev.xpost.http.Http.warmUp();
        }
        if (Cli.commandNamed(args) != null) {
            // Every command run by name (not help or completion) reads the config first.
            dev.xpost.config.ConfigLoader.warmUp();
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        boolean tty = System.console() != null;
        int code = new Cli(out, err, System.getenv(), Path.of(""), Clock.systemUTC(), tty).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The commands that talk to a platform ({@code status} and {@code preview} never do, whatever tokens are set);
     * any of them named anywhere on the command line is enough to guess.
     */
    private static final java.util.Set<String> NETWORK_COMMANDS =
            java.util.Set.of("publish", "plan", "import", "doctor", "auth");

    /**
     * Whether the run will likely send a request, so that the HTTP client's one-time setup is worth starting at once
     * on another thread (see {@code Http.warmUp}); a wrong guess costs CPU on a spare thread, never a result.
     */
    static boolean sendsRequests(String[] args) {
        for (String a : args) {
            if (NETWORK_COMMANDS.contains(a)) {
                return true;
            }
        }
        return false;
    }
}
