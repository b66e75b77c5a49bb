package dev.xpost.cli;

import dev.xpost.app.PreviewUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "preview",
        description = {"Print exactly what would be sent for one post: for LinkedIn the text as readers will see "
                + "it, the text as sent (escaped) and the link card; for Hashnode the publishPost variables. Sends "
                + "nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost preview posts/little-text.md --platform linkedin",
            "  xpost preview part-2-front-matter-is-an-api --platform hashnode"})
final class PreviewCommand extends BaseCommand {
    @Parameters(paramLabel = "POST", description = "The post: its file or its slug.")
    String post;

    @Option(names = "--platform", required = true, paramLabel = "NAME", description = "linkedin or hashnode.")
    String platform;

    @Option(names = "--now", paramLabel = "INSTANT", description = "The clock (default: now).")
    String now;

    PreviewCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        var services = cli.services(global);
        String text = new PreviewUseCase(services, cli.platforms()).run(post, platform, Clocks.parseNow(now,
                services));
        cli.out().print(text.endsWith("\n") ? text : text + "\n");
        cli.out().flush();
        return ExitCodes.OK;
    }
}
