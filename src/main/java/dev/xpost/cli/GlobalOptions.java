package dev.xpost.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes (DESIGN.md §4). */
public final class GlobalOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: config/xpost.yaml in this folder or a parent).")
    Path config;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-v", "--verbose"}, description = "Log each HTTP request (never a header), list unchanged posts, show stack traces.")
    boolean verbose;
}
