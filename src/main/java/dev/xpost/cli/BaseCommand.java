package dev.xpost.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand: parse options, call one use case, render its result, return an exit code. */
abstract class BaseCommand implements Callable<Integer> {
    final Cli cli;

    /** Shared with the root command, where the inherited options write their values. */
    final GlobalOptions global;

    @Spec
    CommandSpec spec;

    BaseCommand(Cli cli) {
        this.cli = cli;
        this.global = cli.global();
    }
}
