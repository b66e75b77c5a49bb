package dev.xpost.cli;

import dev.xpost.app.DoctorUseCase;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "doctor",
        description = {"Check that this blog is ready to publish: config, tokens, endpoints, posts and state.",
            "One line per check (✔ fine, ✘ must be fixed, with the fix; ⚠ worth a look; – not checked): the "
                    + "config; each configured platform's token, endpoint "
                    + "and publication (and whether Hashnode's Pro plan allows writes); the LinkedIn version's age "
                    + "and the token's days left; the posts; the state file against the posts folder.",
            "Reads only: one request per platform. Exits 0 when every check passes, else with the code of the finding "
                    + "that most needs a person: 4 a token refused or Pro missing, then 2 config, state or a platform "
                    + "that cannot be reached, then 3 invalid posts."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost doctor", "  xpost doctor --config ../blog/config/xpost.yaml", "  xpost doctor --json"})
final class DoctorCommand extends BaseCommand {
    @picocli.CommandLine.Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    DoctorCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        List<DoctorUseCase.Check> checks = new DoctorUseCase(cli.services(global)).run();
        List<ExitCodes.Finding> codes = ExitCodes.findings(checks);
        if (json) {
            List<java.util.Map<String, Object>> items = new java.util.ArrayList<>();
            for (DoctorUseCase.Check c : checks) {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("check", c.name());
                m.put("state", c.mark().name().toLowerCase(java.util.Locale.ROOT));
                m.put("message", c.message());
                m.put("fix", c.fix());
                items.add(m);
            }
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("checks", items);
            doc.put("failed", codes.size());
            Output.json(cli, doc);
            return ExitCodes.decide(codes);
        }
        for (DoctorUseCase.Check c : checks) {
            String mark = switch (c.mark()) {
                case OK -> "@|green ✔|@";
                case FAIL -> "@|bold,red ✘|@";
                case WARN -> "@|yellow ⚠|@";
                case SKIPPED -> "–";
            };
            String line = c.fix() == null ? c.message() : sentence(c.message()) + " Fix: " + sentence(c.fix());
            cli.out().println(cli.ansi().string(mark) + " " + c.name() + ": " + Terminal.clean(line));
        }
        long failed = codes.size();
        cli.out().println(failed == 0 ? "All checks passed." : Output.plural(failed, "check") + " failed.");
        cli.out().flush();
        return ExitCodes.decide(codes);
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }
}
