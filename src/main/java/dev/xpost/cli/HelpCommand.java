package dev.xpost.cli;

import dev.xpost.config.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xpost help [COMMAND…]}, as git and gh have it, and {@code xpost help exit-codes}: the one place the table
 * of exit codes is printed (every command's help points here, instead of repeating it).
 */
@Command(name = "help", helpCommand = true,
        description = {"Show the help of xpost or of a command, or the exit codes every command uses."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost help", "  xpost help publish", "  xpost help state adopt", "  xpost help exit-codes"})
final class HelpCommand implements Callable<Integer> {
    static final String EXIT_CODES = "exit-codes";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command (and subcommand), or exit-codes.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        if (words.equals(List.of(EXIT_CODES))) {
            spec.commandLine().getOut().print(exitCodes());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        CommandLine target = root;
        List<String> before = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            CommandLine sub = target.getSubcommands().get(w);
            if (sub == null) {
                List<String> names = new ArrayList<>(commandNames(target));
                if (target == root) {
                    names.add(EXIT_CODES);
                }
                String asked = String.join(" ", before);
                CommandLine parent = target;
                List<String> rest = words.subList(i + 1, words.size());
                throw new UnknownCommand(spec.commandLine(), "unknown command \"" + String.join(" ", words)
                        + "\"; the commands are " + commands(target) + (target == root ? ", and exit-codes" : ""),
                        Suggestions.near(w, names).stream().map(n -> "xpost help " + (asked.isEmpty() ? "" : asked
                                + " ") + withSubcommands(parent, n, rest)).toList());
            }
            before.add(w);
            target = sub;
        }
        target.usage(spec.commandLine().getOut(), spec.commandLine().getColorScheme());
        return ExitCodes.OK;
    }

    /** The commands under {@code parent} that help lists (hidden ones left out), comma-separated. */
    static String commands(CommandLine parent) {
        return String.join(", ", commandNames(parent));
    }

    /** A word where a command was expected that names none; {@code near}: the command lines to suggest. */
    static final class UnknownCommand extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;
        final transient List<String> near;

        UnknownCommand(CommandLine at, String message, List<String> near) {
            super(at, message);
            this.near = near;
        }
    }

    /**
     * {@code name} followed by the words of {@code rest} that name its subcommands, one under the other, up to the
     * first that does not: `xpost statte show` suggests `xpost state show`.
     */
    static String withSubcommands(CommandLine parent, String name, List<String> rest) {
        StringBuilder out = new StringBuilder(name);
        CommandLine at = parent.getSubcommands().get(name);
        for (String word : rest) {
            at = at == null ? null : at.getSubcommands().get(word);
            if (at == null) {
                break;
            }
            out.append(' ').append(word);
        }
        return out.toString();
    }

    /** The names of {@code parent}'s commands that help lists (hidden ones left out), in its order. */
    static List<String> commandNames(CommandLine parent) {
        return parent.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey).toList();
    }

    /** The table of README "Exit codes", from {@link ExitCodes#DESCRIPTIONS}. */
    static String exitCodes() {
        StringBuilder b = new StringBuilder("Exit codes (every command):\n");
        for (Map.Entry<String, String> e : ExitCodes.DESCRIPTIONS.entrySet()) {
            b.append(HelpLayout.wrap(e.getValue(), "  " + e.getKey() + "   ", "      ", HelpLayout.WIDTH));
        }
        b.append(HelpLayout.wrap("When several apply, the one that most needs a person wins: 6, then 4, 2, 3, 5.", "",
                "", HelpLayout.WIDTH));
        return b.toString();
    }
}
