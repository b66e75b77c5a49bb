package dev.xpost.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "xpost",
        mixinStandardHelpOptions = true,
        versionProvider = XpostCommand.VersionProvider.class,
        header = "Publish Markdown posts to Hashnode and cross-post them to LinkedIn, exactly once.",
        description = {
            "Reads posts/*.md (YAML front matter), checks them, and keeps Hashnode and LinkedIn in step with them.",
            "Settings: config/xpost.yaml. Secrets: HASHNODE_TOKEN, LINKEDIN_ACCESS_TOKEN (environment or .env).",
            "",
            "Examples:",
            "  xpost validate",
            "  xpost plan --now 2026-12-01T09:00Z",
            "  xpost new \"My next post\" --tag java",
        },
        synopsisSubcommandLabel = "COMMAND")
final class XpostCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

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
