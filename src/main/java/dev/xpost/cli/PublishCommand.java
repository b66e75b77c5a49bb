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
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Post files or folders (default: the posts folder of the config).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--dry-run", description = "Show each request that would be sent (tokens never appear) and send "
            + "no change.")
    boolean dryRun;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "The clock for \"is it due?\", e.g. 2026-12-01T09:00:00Z (default: now).")
    String now;

    @Option(names = "--platform", paramLabel = "NAME", description = "Only this platform (repeatable).")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--max", paramLabel = "N", description = "Remote posts this run may create (default: 10, or "
            + "publish.max); the rest are held back for the next run.")
    Integer max;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    PublishCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        var services = cli.services(global);
        if (max != null && max < 0) {
            throw new UserException(ExitCodes.USAGE, "--max must be 0 or more");
        }
        RunReport report = new PublishUseCase(services, cli.platforms()).run(new PublishUseCase.Options(paths,
                Clocks.parseNow(now, services), platforms,
                dryRun ? PublishUseCase.Mode.DRY_RUN : PublishUseCase.Mode.LIVE, max));
        if (json) {
            cli.out().println(cli.mask(Json.pretty(ReportView.json(report))));
        } else {
            java.io.StringWriter buf = new java.io.StringWriter();
            ReportView.text(report, new java.io.PrintWriter(buf), cli.err(), cli.ansi());
            cli.out().print(cli.mask(buf.toString()));
        }
        cli.out().flush();
        return ReportView.exitCode(report);
    }
}
