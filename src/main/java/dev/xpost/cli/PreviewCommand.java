package dev.xpost.cli;

import dev.xpost.app.PreviewUseCase;
import dev.xpost.platform.WireRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "preview",
        description = {"Print exactly what would be sent for one post now: for LinkedIn the text as readers will see "
                + "it, the text as sent (escaped) and the link card; for Hashnode the publishPost variables, or "
                + "updatePost with the recorded id. A scheduled post shows what its release run sends (publishedAt "
                + "included); a post the platform would skip says why. Sends nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost preview posts/little-text.md --platform linkedin",
            "  xpost preview part-2-front-matter-is-an-api --platform hashnode --json"})
final class PreviewCommand extends BaseCommand {
    @Parameters(paramLabel = "POST", description = "The post: its file or its slug.")
    String post;

    @Option(names = "--platform", required = true, paramLabel = "NAME",
            completionCandidates = CompletionCommand.Platforms.class, description = "linkedin or hashnode.")
    String platform;

    @Option(names = "--now", paramLabel = "INSTANT", description = "The clock (default: now).")
    String now;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    PreviewCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        var services = cli.services(global);
        PreviewUseCase.Preview p = new PreviewUseCase(services, cli.platforms()).run(post, platform,
                Clocks.parseNow(now, services));
        if (json) {
            var m = Output.item(p.slug(), p.file(), p.platform());
            m.put("action", p.action().label());
            m.put("id", p.id());
            m.put("when", p.when() == null ? null : p.when().toString());
            m.put("message", p.message());
            m.put("requests", p.requests().stream().map(Output::request).toList());
            Output.json(cli, m);
            return ExitCodes.OK;
        }
        StringBuilder b = new StringBuilder(headline(p, services.config().timezone())).append('\n');
        if (p.linkedIn() != null) {
            b.append(p.linkedIn());
        }
        for (WireRequest w : p.requests()) {
            if (p.linkedIn() != null && w.operation().equals("createPost")) {
                continue;
            }
            b.append(w.operation()).append(": ").append(w.method()).append(' ').append(w.url()).append('\n')
                    .append(Json.pretty(w.body())).append('\n');
        }
        String text = b.toString();
        cli.out().print(text.endsWith("\n") ? text : text + "\n");
        cli.out().flush();
        return ExitCodes.OK;
    }

    /** The first line: what the platform would do with the post, with the plan's words. */
    private static String headline(PreviewUseCase.Preview p, java.time.ZoneId zone) {
        String on = p.platform() + " " + (p.slug() != null ? p.slug() : p.file().toString());
        return switch (p.action()) {
            case UPDATE -> "update " + on + " (recorded as " + p.id() + ")" + (p.message() == null ? ""
                    : ": " + p.message());
            case SCHEDULED -> "scheduled " + on + " for " + Output.when(p.when(), zone) + "; that run sends:";
            case SKIPPED, DRAFT, IGNORED -> p.action().label() + " " + on + ": " + p.message()
                    + "; it would otherwise send:";
            default -> "create " + on;
        };
    }
}
