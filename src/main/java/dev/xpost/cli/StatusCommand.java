package dev.xpost.cli;

import dev.xpost.app.StatusUseCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status",
        description = {"Every post with its id, URL and sync state on each platform: in sync, changed since last "
                + "sync, scheduled, not published, failed, unknown. Reads only the files and .xpost/state.json."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost status", "  xpost status --json"})
final class StatusCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--now", paramLabel = "INSTANT", description = "The clock for \"scheduled\" (default: now).")
    String now;

    StatusCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        var services = cli.services(global);
        List<StatusUseCase.Row> rows = new StatusUseCase(services, cli.platforms()).run(Clocks.parseNow(now,
                services));
        var zone = services.config().timezone();
        services.knownSecrets(); // loads .env, so that the output masks its tokens too (a state file of an older xpost)
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (StatusUseCase.Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("post", r.slug());
                m.put("file", r.file().toString());
                m.put("platform", r.platform());
                m.put("state", r.sync().label());
                m.put("when", r.when() == null ? null : r.when().toString());
                m.put("id", r.id());
                m.put("url", r.url());
                m.put("message", r.message());
                out.add(m);
            }
            cli.out().println(Json.pretty(Map.of("posts", out)));
        } else if (rows.isEmpty()) {
            cli.out().println("No posts, and no platform configured or nothing recorded.");
        } else {
            int width = Math.min(48, rows.stream().mapToInt(r -> r.slug().length()).max().orElse(4));
            for (StatusUseCase.Row r : rows) {
                String detail = switch (r.sync()) {
                    case SCHEDULED -> "for " + Output.when(r.when(), zone);
                    case FAILED, UNKNOWN, NO_FILE, DRIFT -> r.message() == null ? "" : Terminal.clean(r.message());
                    default -> r.url() == null ? "" : r.url();
                };
                cli.out().println(String.format("  %-" + width + "s  %-9s %-23s %s", r.slug(), r.platform(),
                        r.sync().label(), detail).stripTrailing());
            }
        }
        cli.out().flush();
        return ExitCodes.OK;
    }
}
