package dev.xpost.cli;

import dev.xpost.app.PublishUseCase;
import dev.xpost.app.RunReport;
import dev.xpost.http.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan",
        description = {"Show what publish would do, post by post and platform by platform. Sends no change; reads "
                + "the platform only when a token is set (to find posts to adopt).",
            "Actions: create, update, adopt, unchanged, scheduled, held, skipped, draft, ignored, invalid."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost plan", "  xpost plan --now 2026-12-24T08:00:00Z --platform hashnode", "  xpost plan --json"})
final class PlanCommand extends BaseCommand {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Post files or folders (default: the posts folder of the config).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "The clock for \"is it due?\", e.g. 2026-12-01T09:00:00Z (default: now).")
    String now;

    @Option(names = "--platform", paramLabel = "NAME", description = "Only this platform (repeatable).")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--max", paramLabel = "N", description = "Remote posts one run may create (default: 10, or "
            + "publish.max).")
    Integer max;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    PlanCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        var services = cli.services(global);
        RunReport report = new PublishUseCase(services, cli.platforms()).run(new PublishUseCase.Options(paths,
                Clocks.parseNow(now, services), platforms, PublishUseCase.Mode.PLAN, max));
        if (json) {
            cli.out().println(Json.pretty(ReportView.json(report)));
        } else {
            ReportView.text(report, cli.out(), cli.err(), cli.ansi());
        }
        cli.out().flush();
        return ExitCodes.OK;
    }
}
