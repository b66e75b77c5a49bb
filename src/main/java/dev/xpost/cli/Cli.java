package dev.xpost.cli;

import dev.xpost.app.Adapters;
import dev.xpost.app.PlatformFactory;
import dev.xpost.app.Services;
import dev.xpost.config.ConfigLoader;
import dev.xpost.config.Suggestions;
import dev.xpost.http.Http;
import dev.xpost.http.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Builds the command tree and runs it with the given streams, environment, folder and clock, so that tests run
 * exactly what a user runs. Every failure is turned into a message and an exit code here, by {@link ExitCodes}.
 */
public final class Cli {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    /** The environment's {@code *TOKEN} and {@code *SECRET} values, masked in all output. */
    private final List<String> envSecrets;
    private final Path cwd;
    private final Clock clock;
    private final Ansi ansi;
    private final boolean terminal;
    /** The options every command takes, wherever they were given on the command line. */
    private GlobalOptions global = new GlobalOptions();
    /** The services of the command being run, so that {@link #mask} knows the secrets it loaded. */
    private Services services;

    public Cli(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock, boolean tty) {
        // Masked here, once, for every command: no result, warning or trace needs to remember to mask itself.
        this.out = new PrintWriter(new MaskingWriter(out, this::mask), true);
        this.err = new PrintWriter(new MaskingWriter(err, this::mask), true);
        this.env = Map.copyOf(env);
        // Found once, not for each line printed (a plan of 10,000 posts prints 10,000 lines).
        // With the platforms' own names (DEVTO_API_KEY), which need no blog to be known as secrets.
        List<String> named = dev.xpost.platform.PlatformModules.secretNames();
        this.envSecrets = this.env.entrySet().stream()
                .filter(e -> dev.xpost.config.Secrets.isSecretVariable(e.getKey()) || named.contains(e.getKey()))
                .map(Map.Entry::getValue).filter(v -> v != null && !v.isBlank())
                // As set and as sent: a CI secret pasted with its line break is sent without it.
                .flatMap(v -> java.util.stream.Stream.of(v, v.strip())).distinct().toList();
        this.cwd = cwd.toAbsolutePath().normalize();
        this.clock = clock;
        // https://no-color.org: any non-empty NO_COLOR turns colour off; so does output that is not a terminal.
        String noColor = env.get("NO_COLOR");
        this.ansi = tty && (noColor == null || noColor.isEmpty()) ? Ansi.ON : Ansi.OFF;
        this.terminal = tty;
    }

    public int run(String... args) {
        CommandLine cl = commandLine(commandNamed(args));
        try {
            String empty = emptyValue(args);
            if (empty != null) {
                // `--dry-run=$DRY` with DRY unset: picocli reads an empty value of a flag as false, and published.
                return onBadUsage(new CommandLine.ParameterException(cl, empty + " has an empty value (an unset "
                        + "variable?): give it one, or leave out the ="), args);
            }
            return cl.execute(args);
        } finally {
            // A line printed without its end is held by the masking writer until now.
            out.flush();
            err.flush();
        }
    }

    /** The first option written {@code --name=} with nothing after the {@code =}, before any {@code --}; or null. */
    static String emptyValue(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return null;
            }
            if (a.startsWith("-") && a.endsWith("=") && a.indexOf('=') == a.length() - 1 && a.length() > 2) {
                return a.substring(0, a.length() - 1);
            }
        }
        return null;
    }

    /** The whole command tree, as help, completion and unknown input need it. */
    CommandLine commandLine() {
        return commandLine(null);
    }

    /** Every command, in the order help lists them. */
    static final List<String> COMMANDS = List.of("validate", "plan", "publish", "status", "new", "state", "preview",
            "auth", "import", "init", "doctor", "completion", "help", "__slugs");

    /**
     * The command tree with only {@code only} under the root ({@code null}: every command). Picocli reads each
     * command's annotations by reflection when it is added, and reading all of them cost about 0.45 s of a 2.5 s
     * {@code publish} on the 2-core machine (issue 15, bench/peer.sh), for commands the run never uses.
     */
    CommandLine commandLine(String only) {
        global = new GlobalOptions();
        CommandLine cl = new CommandLine(new XpostCommand(global));
        // An argument @FILE is that word, never the lines of FILE (picocli's default): `xpost help @.env` printed
        // .env, keys unknown to xpost unmasked, and a post's path may begin with @.
        cl.setExpandAtFiles(false);
        for (String name : COMMANDS) {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, command(name));
            }
        }
        HelpLayout.apply(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        cl.setExecutionExceptionHandler(this::onException);
        cl.setParameterExceptionHandler(this::onBadUsage);
        return cl;
    }

    private Object command(String name) {
        return switch (name) {
            case "validate" -> new ValidateCommand(this);
            case "plan" -> new PlanCommand(this);
            case "publish" -> new PublishCommand(this);
            case "status" -> new StatusCommand(this);
            case "new" -> new NewCommand(this);
            case "state" -> {
                CommandLine state = new CommandLine(new StateCommand.Group());
                state.addSubcommand("show", new StateCommand.Show(this));
                state.addSubcommand("adopt", new StateCommand.Adopt(this));
                state.addSubcommand("forget", new StateCommand.Forget(this));
                yield state;
            }
            case "preview" -> new PreviewCommand(this);
            case "auth" -> {
                CommandLine auth = new CommandLine(new AuthCommand.Group());
                auth.addSubcommand("linkedin", new AuthCommand.LinkedIn(this));
                auth.addSubcommand("status", new AuthCommand.Status(this));
                yield auth;
            }
            case "import" -> {
                CommandLine importGroup = new CommandLine(new ImportCommand.Group());
                importGroup.addSubcommand("hashnode", new ImportCommand.Hashnode(this));
                yield importGroup;
            }
            case "init" -> new InitCommand(this);
            case "doctor" -> new DoctorCommand(this);
            case "completion" -> new CompletionCommand();
            case "help" -> new HelpCommand();
            case "__slugs" -> new CompletionCommand.Slugs(this);
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /**
     * The one command a run needs, when the command line plainly names it: the first word that is neither a global
     * option nor the value of {@code --config}, with nothing before it but those. Null (the whole tree) for anything
     * else, so that what sees other commands behaves as it always did: help and completion, which list them; no
     * command, an unknown one, or any other option before the command, which picocli answers with the root's usage
     * or its suggestions among every command.
     */
    static String commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                    return null;
                }
                i++;
            } else if (a.startsWith("--config=") || a.equals("-v") || a.equals("--verbose")) {
                continue;
            } else if (a.startsWith("-")) {
                return null;
            } else {
                return COMMANDS.contains(a) && !a.equals("help") && !a.equals("completion") ? a : null;
            }
        }
        return null;
    }

    private int onException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        int code = ExitCodes.of(e);
        boolean verbose = global.verbose;
        // A message may quote a server (an error body, an OAuth error_description): no escapes reach the terminal.
        String message = Terminal.clean(e.getMessage() == null ? e.toString() : e.getMessage());
        // The line already opens with "xpost:": a message that names xpost as its subject reads "xpost: gave up…".
        message = message.replaceFirst("^xpost (?=[a-z])", "");
        if (code == ExitCodes.INTERNAL) {
            message = "internal error: " + message + (verbose ? "" : " (run again with --verbose for details)");
        }
        knowSecrets();
        err.println(ansi.string("@|bold,red xpost:|@ ") + message);
        if (verbose) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return code;
    }

    /**
     * Reads the secrets of the blog's .env (whether or not a command has loaded them, and whatever state the config
     * is in), so that an error quoting what was typed or configured (a token pasted where a word, a platform or a
     * setting was expected) is masked with them too; never fails.
     */
    private void knowSecrets() {
        // From the .env file itself, not through the config: a broken config must not turn masking off, and a
        // typo is not worth parsing the YAML for.
        errorSecrets = dev.xpost.config.Secrets.forMasking(ConfigLoader.blogFolder(global.config, cwd),
                dev.xpost.platform.PlatformModules.secretNames());
    }

    /** The .env's secrets found by {@link #knowSecrets} for an error message; empty until then. */
    private volatile List<String> errorSecrets = List.of();

    private int onBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = e.getMessage();
        // The command lines to suggest for a word that names no command (null: not such a word).
        List<String> commandsNear = e instanceof HelpCommand.UnknownCommand u ? u.near : null;
        // A word where a command is expected is an unknown command, as `xpost help` calls it, not picocli's
        // "Unmatched argument at index 0".
        if (e instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command \"" + u.getUnmatched().get(0) + "\"; the commands are "
                    + HelpCommand.commands(cmd);
            String qualified = cmd.getCommandSpec().qualifiedName();
            List<String> names = new java.util.ArrayList<>(HelpCommand.commandNames(cmd));
            if (cmd.getParent() == null) {
                names.add(HelpCommand.EXIT_CODES);   // `xpost exit-codes`: a help topic, asked as a command
            }
            List<String> rest = u.getUnmatched().subList(1, u.getUnmatched().size());
            commandsNear = Suggestions.near(u.getUnmatched().get(0), names).stream()
                    .map(c -> qualified + (c.equals(HelpCommand.EXIT_CODES) ? " help " + c
                            : " " + HelpCommand.withSubcommands(cmd, c, rest))).toList();
        } else if (e instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty()) {
            // `xpost --json plan`: an option of the command given before it, where only --config, --verbose and
            // --help go. Said as such, with the line that works.
            String option = u.getUnmatched().get(0);
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            CommandLine at = cmd;
            CommandLine owner = null;
            for (String arg : args) {
                CommandLine sub = at.getSubcommands().get(arg);
                if (sub != null) {
                    at = sub;
                    owner = sub.getCommandSpec().findOption(name) != null ? sub : owner;
                }
            }
            if (owner != null) {
                String command = owner.getCommandSpec().qualifiedName();
                // Its value goes with it (`--platform hashnode`), unless written as `--platform=hashnode`.
                String written = option;
                int index = java.util.Arrays.asList(args).indexOf(option);
                if (!option.contains("=") && owner.getCommandSpec().findOption(name).arity().min() > 0 && index >= 0
                        && index + 1 < args.length) {
                    written = option + " " + args[index + 1];
                }
                message = option + " is an option of `" + command + "`: put it after the command (`" + command
                        + " " + written + "`)";
            }
        }
        if (commandsNear == null && e instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty() && u.getUnmatched().get(0).startsWith("-")
                && message.startsWith("Unknown option")) {
            // Said as every other error is, and "did you mean" as for commands: the options near it on this
            // command, else on its siblings (`plan --dry-run`: `xpost publish --dry-run`).
            // Every unknown option is named (picocli listed them all); the first is the one answered.
            List<String> unknown = u.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a).distinct().toList();
            String name = unknown.get(0);
            message = "unknown option" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown) + " of `"
                    + cmd.getCommandSpec().qualifiedName() + "`";
            commandsNear = optionsNear(cmd, name);
            if (commandsNear.isEmpty() && cmd.getParent() != null && cmd.getParent().getParent() == null) {
                // A command under the root: this run's tree holds it alone (see commandLine(String)), so its
                // siblings are made here, on this path only.
                String self = cmd.getCommandName();
                commandsNear = COMMANDS.stream().filter(n -> !n.equals(self)).map(this::command)
                        .map(c -> c instanceof CommandLine line ? line : new CommandLine(c))
                        .filter(c -> !c.getCommandSpec().usageMessage().hidden())
                        .flatMap(c -> optionsNear(c, name).stream()).map(line -> "xpost " + line).toList();
            } else if (commandsNear.isEmpty() && cmd.getParent() != null) {
                commandsNear = cmd.getParent().getSubcommands().values().stream().distinct()
                        .filter(c -> c != cmd && !c.getCommandSpec().usageMessage().hidden())
                        .flatMap(c -> optionsNear(c, name).stream()).toList();
            }
        }
        knowSecrets();
        // What was typed is echoed: without its escape sequences, so that a word cannot drive the terminal.
        err.println(ansi.string("@|bold,red xpost:|@ ") + Terminal.clean(message));
        if (commandsNear != null && !commandsNear.isEmpty()) {
            err.println("Did you mean: " + String.join(" or ", commandsNear) + "?");
        } else if (commandsNear != null || !CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Run `" + cmd.getCommandSpec().qualifiedName() + " --help` for usage.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * The options of {@code cmd} near {@code name} (see {@link Suggestions}), each as the command
     * line that has it; none for a one-letter option ({@code -n}), which two edits make into any other.
     */
    private static List<String> optionsNear(CommandLine cmd, String name) {
        if (name.length() <= 2) {
            return List.of();
        }
        List<String> names = cmd.getCommandSpec().options().stream().filter(o -> !o.hidden())
                .flatMap(o -> java.util.Arrays.stream(o.names())).filter(n -> n.startsWith("--")).toList();
        String qualified = cmd.getCommandSpec().qualifiedName();
        return Suggestions.near(name, names).stream().map(o -> qualified + " " + o).toList();
    }

    /**
     * Secrets are masked in anything we print, whatever its source: those of the environment and those read from
     * {@code .env} by this run. Applied by the {@link MaskingWriter} that {@link #out} and {@link #err} write to.
     */
    private String mask(String text) {
        List<String> secrets = envSecrets;
        List<String> loaded = services == null ? List.of() : services.loadedSecrets();
        if (!loaded.isEmpty() || !errorSecrets.isEmpty()) {
            secrets = new java.util.ArrayList<>(envSecrets);
            secrets.addAll(loaded);
            secrets.addAll(errorSecrets);
        }
        return Http.mask(text, secrets);
    }

    Services services(GlobalOptions g) {
        Services s = new Services(cwd, env, clock, g.config);
        services = s;
        return g.verbose ? s.logRequestsTo(err) : s;
    }

    PlatformFactory platforms() {
        return new Adapters();
    }

    GlobalOptions global() {
        return global;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** True when a person may be at the terminal to answer a question. */
    boolean tty() {
        return terminal;
    }

    Ansi ansi() {
        return ansi;
    }

    Clock clock() {
        return clock;
    }

    /** The folder xpost runs in (absolute). */
    Path cwd() {
        return cwd;
    }

    /** A variable of the environment xpost was started with, or null. */
    String env(String name) {
        return env.get(name);
    }

    /** The workflow commands of a document, paths relative to {@code GITHUB_WORKSPACE} when set. */
    GithubCommands github() {
        return new GithubCommands(cwd, env.get("GITHUB_WORKSPACE"));
    }

    static String version() {
        return "xpost " + Version.get();
    }
}
