package dev.xpost.cli;

import dev.xpost.app.StateUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xpost state show|adopt|forget}. */
final class StateCommand {
    private StateCommand() {
    }

    @Command(name = "state",
            description = "Inspect and repair .xpost/state.json without editing JSON.",
            footerHeading = "%nExamples:%n",
            footer = {"  xpost state show part-2-front-matter-is-an-api",
                "  xpost state adopt posts/little-text.md --platform linkedin --id urn:li:share:7141138937766391808",
                "  xpost state forget posts/little-text.md --platform linkedin"})
    static final class Group implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
    }

    @Command(name = "show", description = "Print the state file, or one post's record (by slug or file).",
            footerHeading = "%nExamples:%n", footer = {"  xpost state show", "  xpost state show posts/little-text.md",
                "  xpost state show --json"})
    static final class Show extends BaseCommand {
        @Parameters(paramLabel = "POST", arity = "0..1", description = "Slug or file of a post.")
        String post;

        @Option(names = "--json", description = "Print one JSON document of records (post, file, platform, state, "
                + "id, url, message) instead of the file's own text.")
        boolean json;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            if (json) {
                java.util.List<java.util.Map<String, Object>> items = new java.util.ArrayList<>();
                for (StateUseCase.Row r : new StateUseCase(cli.services(global)).records(post)) {
                    var m = Output.item(r.slug(), r.file(), r.platform());
                    m.put("state", r.record().status().label());
                    m.put("id", r.record().id());
                    m.put("url", r.record().url());
                    m.put("when", r.record().sentAt() == null ? null : r.record().sentAt().toString());
                    m.put("message", r.record().message());
                    items.add(m);
                }
                Output.json(cli, java.util.Map.of("records", items));
                return ExitCodes.OK;
            }
            cli.out().print(new StateUseCase(cli.services(global)).show(post));
            cli.out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "adopt", description = {"Record that a post already exists on a platform (after an unknown "
            + "outcome, or a post made by hand). The next publish updates it to match the file; it never creates it."},
            footerHeading = "%nExamples:%n",
            footer = {"  xpost state adopt posts/little-text.md --platform linkedin --id urn:li:share:7141138937766391808",
                "  xpost state adopt my-post --platform hashnode --id 6a603fb103e2cb323e7851f6 "
                        + "--url https://myblog.hashnode.dev/my-post"})
    static final class Adopt extends BaseCommand {
        @Parameters(paramLabel = "POST", description = "Slug or file of a post.")
        String post;

        @Option(names = "--platform", required = true, paramLabel = "P",
                completionCandidates = CompletionCommand.Platforms.class, description = "hashnode or linkedin.")
        String platform;

        @Option(names = "--id", required = true, paramLabel = "ID",
                description = "Hashnode post id, or LinkedIn post URN (urn:li:share:…).")
        String id;

        @Option(names = "--url", paramLabel = "URL", description = "The post's URL (LinkedIn's is derived).")
        String url;

        Adopt(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            cli.err().println(new StateUseCase(cli.services(global)).adopt(post, platform, id, url));
            return ExitCodes.OK;
        }
    }

    @Command(name = "forget", description = {"Drop a post's record on a platform (the remote post is not touched). "
            + "The next publish looks for it where it can and otherwise creates it."},
            footerHeading = "%nExamples:%n", footer = {"  xpost state forget posts/little-text.md --platform linkedin"})
    static final class Forget extends BaseCommand {
        @Parameters(paramLabel = "POST", description = "Slug or file of a post.")
        String post;

        @Option(names = "--platform", required = true, paramLabel = "P",
                completionCandidates = CompletionCommand.Platforms.class, description = "hashnode or linkedin.")
        String platform;

        Forget(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            cli.err().println(new StateUseCase(cli.services(global)).forget(post, platform));
            return ExitCodes.OK;
        }
    }
}
