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
            "Without --date the post is a draft (draft: true), so it cannot go out before you finish it.",
            "A --date in the past would go out with the next run: at a terminal xpost asks first; elsewhere it "
                    + "refuses unless --draft or --yes. A part number already taken in the series, or a series "
                    + "that is not a slug, is refused."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost new \"Part 4: Lambda arrives\" --series aws-origins --part 4 --date 2026-12-20T09:00 "
                + "--tag aws --tag serverless",
            "  xpost new \"Notes on CRDTs\"",
            "  xpost new \"Looking back at 2024\" --date 2024-12-31 --draft"})
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

    @Option(names = "--draft", description = "Write draft: true, also with --date.")
    boolean draft;

    @Option(names = {"-y", "--yes"}, description = "Keep a --date in the past without asking.")
    boolean yes;

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
        if (when != null && !draft && when.isBefore(cli.clock().instant())) {
            confirmPastDate(when, services.config().timezone());
        }
        Path file = new NewPostUseCase(services).run(new NewPostUseCase.Request(title, slug, series, part, when,
                tags, draft));
        cli.out().println(file);
        cli.err().println("Wrote " + file + (when == null || draft ? " (a draft: remove `draft: true` when it is "
                + "ready)" : "") + ". Check it with: xpost validate " + file);
        return ExitCodes.OK;
    }

    /**
     * A new post dated in the past is due at once: the next run (a scheduled CI job, say) publishes it, and
     * LinkedIn never gets it when the date is before linkedin.since. At a terminal xpost asks; elsewhere (CI,
     * scripts) it refuses unless --yes keeps the date or --draft makes it a draft, because nobody is there to ask.
     */
    private void confirmPastDate(Instant when, java.time.ZoneId zone) {
        String warning = "--date " + Output.when(when, zone) + " is in the past: the post would go out with the next "
                + "publish run, and LinkedIn skips posts dated before linkedin.since";
        if (yes) {
            cli.err().println(cli.ansi().string("@|yellow warning:|@ ") + warning + ".");
            return;
        }
        java.io.Console console = cli.tty() ? System.console() : null;
        if (console != null) {
            cli.err().println(cli.ansi().string("@|yellow warning:|@ ") + warning + ".");
            cli.err().flush();
            String answer = console.readLine("Write it with this date anyway? [y/N] (--draft writes a draft) ");
            if (answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                return;
            }
            throw new UserException(ExitCodes.USAGE, "nothing written: add --draft to write a draft, or a later "
                    + "--date");
        }
        throw new UserException(ExitCodes.USAGE, warning + ". Add --draft to write it as a draft, or --yes to keep "
                + "the date");
    }
}
