package dev.xpost.cli;

import dev.xpost.app.NewPostUseCase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new",
        description = {"Write posts/<slug>.md with valid front matter. Refuses to overwrite a file or reuse a slug.",
            "Without --date the post is a draft (draft: true), so it cannot go out before you finish it."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost new \"Part 4: Lambda arrives\" --series aws-origins --part 4 --date 2026-12-20T09:00 "
                + "--tag aws --tag serverless",
            "  xpost new \"Notes on CRDTs\""})
final class NewCommand extends BaseCommand {
    @Parameters(paramLabel = "TITLE", description = "The post's title (quote it).")
    String title;

    @Option(names = "--slug", paramLabel = "SLUG", description = "Slug (default: derived from the title).")
    String slug;

    @Option(names = "--series", paramLabel = "S", description = "Series slug.")
    String series;

    @Option(names = "--part", paramLabel = "N", description = "Part number in the series.")
    Integer part;

    @Option(names = "--date", paramLabel = "D",
            description = "Publish time, e.g. 2026-12-20T09:00 (configured zone) or 2026-12-20T08:00:00Z.")
    String date;

    @Option(names = "--tag", paramLabel = "T", description = "Tag (repeatable).")
    List<String> tags = new ArrayList<>();

    NewCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        var services = cli.services(global);
        if (part != null && part < 1) {
            throw new UserException(ExitCodes.USAGE, "--part must be 1 or more");
        }
        Instant when = Clocks.parse("--date", date, services);
        Path file = new NewPostUseCase(services).run(new NewPostUseCase.Request(title, slug, series, part, when,
                tags));
        cli.out().println(file);
        cli.err().println("Wrote " + file + (when == null ? " (a draft: remove `draft: true` when it is ready)" : "")
                + ". Check it with: xpost validate " + file);
        return ExitCodes.OK;
    }
}
