package dev.xpost.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "xpost",
        versionProvider = XpostCommand.VersionProvider.class,
        header = "Publish Markdown posts to Hashnode and cross-post them to LinkedIn and dev.to, exactly once.",
        description = {
            "Reads posts/*.md (YAML front matter), checks them, and keeps every configured platform in step with them.",
            "Settings: config/xpost.yaml. Secrets: HASHNODE_TOKEN, LINKEDIN_ACCESS_TOKEN, DEVTO_API_KEY (environment or"
                    + " .env).",
            "Options --config, --verbose and --help go before or after the command.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  xpost validate", "  xpost --verbose plan --now 2026-12-01T09:00Z", "  xpost new \"My next post\" "
                + "--tag java", "  xpost help publish"},
        synopsisSubcommandLabel = "COMMAND")
final class XpostCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    final GlobalOptions global;

    @picocli.CommandLine.Option(names = {"-V", "--version"}, versionHelp = true,
            description = "Print the version and exit.")
    boolean version;

    XpostCommand(GlobalOptions global) {
        this.global = global;
    }

    @Override
    public Integer call() {
        // No subcommand: show what there is, as git does, and fail like any other usage error.
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Cli.version(), "Java " + System.getProperty("java.version")};
        }
    }
}
