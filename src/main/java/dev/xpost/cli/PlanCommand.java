package dev.xpost.cli;

import dev.xpost.app.PublishUseCase;
import dev.xpost.app.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "plan",
        description = {"Show what publish would do, post by post and platform by platform. Sends no change; reads "
                + "the platform only when a token is set (to find posts to adopt).",
            "Actions: create, update, adopt, unchanged, drift, scheduled, held, skipped, draft, ignored, invalid, gone "
                    + "(a cuid the publication does not hold), unknown (the platform could not be asked).",
            "Exits with the code publish would: 3 when a post is invalid; a missing token is a warning, not 4 (a "
                    + "plan needs none)."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost plan", "  xpost plan --now 2026-12-24T08:00:00Z --platform hashnode", "  xpost plan --json"})
final class PlanCommand extends BaseCommand {
    @Mixin
    RunOptions run = new RunOptions();

    PlanCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        var services = cli.services(global);
        RunReport report = new PublishUseCase(services, cli.platforms())
                .run(run.toOptions(services, PublishUseCase.Mode.PLAN));
        ReportView.print(report, run.asJson(), global.verbose, cli);
        if (run.github()) {
            ReportView.github(report, cli);
        }
        // The code publish would exit with, so that a CI check on plan fails when publish would.
        return ReportView.exitCode(report);
    }
}
