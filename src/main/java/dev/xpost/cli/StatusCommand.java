package dev.xpost.cli;

import dev.xpost.app.StatusUseCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status",
        description = {"Every post with its URL (and id, in --json) and sync state on each platform: in sync, "
                + "changed since last sync, scheduled, not published, not recorded (publish adopts it), skipped, "
                + "failed, unknown, with plan's reason for each, in plan's order. Reads only the files and "
                + ".xpost/state.json; sends no request."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost status", "  xpost status posts/2024/ --json"})
final class StatusCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders to show (default: every post, and records whose file is gone).")
    List<java.nio.file.Path> paths = new ArrayList<>();

    @Option(names = "--now", paramLabel = "INSTANT", description = "The clock for \"scheduled\" (default: now).")
    String now;

    /**
     * A post by its slug; a file that is not a post by its path, as plan shows it: without escape sequences, which
     * a file's name may hold (they would drive the terminal, and widen the column without taking its room).
     */
    private static String name(StatusUseCase.Row r) {
        return Terminal.clean(r.slug() != null ? r.slug() : r.file().toString());
    }

    /** A folder relative to the blog when it is inside it, as the user wrote it in the config. */
    private static String shown(java.nio.file.Path cwd, java.nio.file.Path dir) {
        return dir.startsWith(cwd) && !dir.equals(cwd) ? cwd.relativize(dir) + "/" : dir.toString();
    }

    StatusCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        var services = cli.services(global);
        List<StatusUseCase.Row> rows = new StatusUseCase(services, cli.platforms()).run(paths, Clocks.parseNow(now,
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
            var config = services.config();
            cli.out().println(config.platforms().isEmpty() ? "No platform configured in config/xpost.yaml, and "
                    + "nothing recorded in the state file." : "No posts in " + shown(services.cwd(), config.postsDir())
                    + ", and nothing recorded in the state file.");
        } else {
            // As wide as the longest name, as kubectl and docker size their columns: one row per line (grep finds
            // a post with its state), and the columns line up however long a slug is. A header names them.
            int width = Math.max("POST".length(), rows.stream().mapToInt(r -> name(r).length()).max().orElse(0));
            String format = "  %-" + width + "s  %-9s %-23s %s";
            cli.out().println(String.format(format, "POST", "PLATFORM", "STATE", "DETAIL"));
            for (StatusUseCase.Row r : rows) {
                // Every reason plan gives (skipped, held back, gone, failed…) is shown with its row, as plan does.
                String detail = switch (r.sync()) {
                    case SCHEDULED -> "for " + Output.when(r.when(), zone);
                    case IN_SYNC, CHANGED -> r.url() == null ? "" : r.url();
                    default -> r.message() != null ? Terminal.clean(r.message())
                            + (r.url() != null && r.sync() == StatusUseCase.Sync.SKIPPED ? "; recorded as "
                            + r.url() : "") : r.url() == null ? "" : r.url();
                };
                cli.out().println(String.format(format, name(r),
                        r.platform() == null ? "-" : r.platform(), r.sync().label(), detail).stripTrailing());
            }
        }
        cli.out().flush();
        return ExitCodes.OK;
    }
}
