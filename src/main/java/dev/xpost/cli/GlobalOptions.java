package dev.xpost.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command takes (DESIGN.md §4), before or after the subcommand ({@code xpost --verbose validate} and
 * {@code xpost validate --verbose}): picocli's inherited options copy them onto every subcommand, and every copy
 * writes into this one instance, which {@link Cli} hands to each command.
 */
public final class GlobalOptions {
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Config file (default: config/xpost.yaml in this folder or a parent).")
    Path config;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log each HTTP request (never a header), list unchanged and skipped posts, "
                    + "show stack traces.")
    boolean verbose;
}
