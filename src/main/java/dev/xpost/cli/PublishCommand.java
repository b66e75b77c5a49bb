package dev.xpost.cli;

import dev.xpost.app.PublishUseCase;
import dev.xpost.app.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "publish",
        description = {"Publish due posts, update changed ones, and record every id in .xpost/state.json.",
            "Due: the post's publish time (datePublished) is at or before now. Oldest first; a series part waits "
                    + "for the part before it; LinkedIn waits for the Hashnode post it links to.",
            "Never posts twice: the intent of each create is recorded before it is sent, and an unsettled one is "
                    + "looked up (Hashnode) or asked about (LinkedIn) before anything is created again."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost publish --dry-run", "  xpost publish", "  xpost publish --platform hashnode --max 3",
            "  xpost publish --json > result.json"})
final class PublishCommand extends BaseCommand {
    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--dry-run", description = "Show each request that would be sent (tokens never appear) and send "
            + "no change.")
    boolean dryRun;

    PublishCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        var services = cli.services(global);
        RunReport report = new PublishUseCase(services, cli.platforms())
                .run(run.toOptions(services, dryRun ? PublishUseCase.Mode.DRY_RUN : PublishUseCase.Mode.LIVE));
        ReportView.print(report, run.asJson(), global.verbose, cli);
        if (run.github()) {
            ReportView.github(report, cli);
        }
        return ReportView.exitCode(report);
    }
}
