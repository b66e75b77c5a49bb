package dev.xpost.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * How every {@code --help} is laid out. Picocli wraps with the JDK's line {@link java.text.BreakIterator}, which
 * breaks after a dot ({@code .xpost/state.} | {@code json}) and inside examples; help is pasted into shells and
 * searched for paths, so here text wraps only at spaces, and example lines (those that start with two spaces) are
 * never wrapped at all.
 */
final class HelpLayout {
    /** Columns of help text; a terminal is at least this wide, and wider lines are hard to read. */
    static final int WIDTH = 80;
    /** Where the description of an option starts, at most; longer option names put it on the next line. */
    private static final int MAX_NAME_COLUMN = 30;

    private HelpLayout() {
    }

    /** Applies the layout to a command and its subcommands, and points each at the one exit-code table. */
    static void apply(CommandLine cl) {
        Map<String, CommandLine.IHelpSectionRenderer> r = cl.getHelpSectionMap();
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER, h -> lines(h.commandSpec().usageMessage()
                .header(), WIDTH));
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, h -> lines(h.commandSpec().usageMessage()
                .description(), WIDTH));
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        r.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, h -> lines(h.commandSpec().usageMessage()
                .footer(), WIDTH));
        List<String> footer = new ArrayList<>(List.of(cl.getCommandSpec().usageMessage().footer()));
        footer.add("");
        footer.add("Exit codes: see xpost help exit-codes");
        cl.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        cl.getCommandSpec().usageMessage().width(WIDTH).commandListHeading("%nCommands:%n");
        cl.getSubcommands().values().stream().distinct().forEach(HelpLayout::apply);
    }

    /** Each line as written: an example (two leading spaces) or an empty line verbatim, the rest wrapped. */
    static String lines(String[] text, int width) {
        StringBuilder b = new StringBuilder();
        for (String line : text) {
            String s = line.replace("%n", "\n").replace("%%", "%");
            for (String part : s.split("\n", -1)) {
                if (part.startsWith("  ") || part.isEmpty()) {
                    b.append(part).append('\n');
                } else {
                    b.append(wrap(part, "", "", width));
                }
            }
        }
        return b.toString();
    }

    /**
     * Wraps at spaces only; a word longer than the line stays whole on a line of its own.
     *
     * @param first the start of the first line (an option's names, padded), counted in the width
     * @param rest  the indent of every further line
     */
    static String wrap(String text, String first, String rest, int width) {
        StringBuilder b = new StringBuilder();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && line.length() + 1 + word.length() > width) {
                b.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        b.append(line.toString().stripTrailing()).append('\n');
        return b.toString();
    }

    private static String options(Help help) {
        return table(optionRows(help), column(help));
    }

    private static String parameters(Help help) {
        return table(parameterRows(help), column(help));
    }

    /** Parameters and options line up in one column. */
    private static int column(Help help) {
        List<String[]> all = new ArrayList<>(optionRows(help));
        all.addAll(parameterRows(help));
        return column(all);
    }

    private static List<String[]> optionRows(Help help) {
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec o : help.commandSpec().options()) {
            if (o.hidden()) {
                continue;
            }
            String shortName = null;
            String longName = null;
            for (String n : o.names()) {
                if (n.length() == 2 && shortName == null) {
                    shortName = n;
                } else if (longName == null) {
                    longName = n;
                }
            }
            String label = o.typeInfo().isBoolean() || o.arity().max() == 0 ? "" : "=" + o.paramLabel();
            String names = (shortName == null ? "    " : shortName + (longName == null ? "  " : ", "))
                    + (longName == null ? "" : longName) + label;
            rows.add(new String[] {"  " + names, String.join(" ", o.description())});
        }
        rows.sort((a, b) -> a[0].strip().replaceFirst("^-\\w, ", "").compareTo(b[0].strip()
                .replaceFirst("^-\\w, ", "")));
        return rows;
    }

    private static List<String[]> parameterRows(Help help) {
        List<String[]> rows = new ArrayList<>();
        for (PositionalParamSpec p : help.commandSpec().positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            rows.add(new String[] {"      " + (p.arity().min() == 0 ? "[" + label + "]" : label),
                String.join(" ", p.description())});
        }
        return rows;
    }

    private static String commands(Help help) {
        List<String[]> rows = new ArrayList<>();
        help.commandSpec().subcommands().forEach((name, sub) -> {
            CommandSpec s = sub.getCommandSpec();
            if (!s.name().equals(name) || s.usageMessage().hidden()) {
                return;
            }
            String[] header = s.usageMessage().header();
            String[] description = s.usageMessage().description();
            String first = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
            rows.add(new String[] {"  " + name, firstSentence(first)});
        });
        return table(rows, column(rows));
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot < 0 ? s : s.substring(0, dot + 1);
    }

    private static int column(List<String[]> rows) {
        return rows.stream().mapToInt(r -> r[0].length() + 2).filter(w -> w <= MAX_NAME_COLUMN).max()
                .orElse(MAX_NAME_COLUMN);
    }

    private static String table(List<String[]> rows, int column) {
        if (rows.isEmpty()) {
            return "";
        }
        String indent = " ".repeat(column + 2);
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            if (r[0].length() + 2 > column) {
                b.append(r[0]).append('\n').append(wrap(r[1], " ".repeat(column), indent, WIDTH));
            } else {
                b.append(wrap(r[1], r[0] + " ".repeat(column - r[0].length()), indent, WIDTH));
            }
        }
        return b.toString();
    }
}
