package dev.xpost.cli;

import dev.xpost.app.ImportUseCase;
import dev.xpost.platform.PlatformException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xpost import hashnode}. */
final class ImportCommand {
    private ImportCommand() {
    }

    @Command(name = "import", description = "Move an existing blog in: write its posts as files and record them.",
            footerHeading = "%nExamples:%n", footer = {"  xpost import hashnode --publication myblog.hashnode.dev"})
    static final class Group implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
    }

    @Command(name = "hashnode",
            description = {"Write every post of a Hashnode publication as a file, recorded as in sync.",
                "Each published post becomes <slug>.md in the format of Hashnode's backups (front matter, then the "
                    + "Markdown exactly as Hashnode stores it), recorded in .xpost/state.json as published and in "
                    + "sync: a plan right after the import has nothing to do on Hashnode.",
                "A post in a series gets part: N, its place in the series by publish time. Posts already in the "
                    + "posts folder (same slug or cuid) are skipped unless --overwrite. One read per 100 posts; "
                    + "nothing is written to Hashnode. Needs HASHNODE_TOKEN (and Hashnode's Pro plan on the "
                    + "publication)."},
            footerHeading = "%nExamples:%n",
            footer = {"  xpost import hashnode --publication myblog.hashnode.dev",
                "  xpost import hashnode --into posts/imported",
                "  xpost import hashnode --overwrite     # rewrite files already there"})
    static final class Hashnode extends BaseCommand {
        @Option(names = "--publication", paramLabel = "HOST",
                description = "The blog host (myblog.hashnode.dev) or publication id (default: hashnode.publication).")
        String publication;

        @Option(names = "--into", paramLabel = "FOLDER", description = "Where new files go (default: the posts "
                + "folder of the config).")
        Path into;

        @Option(names = "--overwrite", description = "Rewrite files that already hold one of the posts (matched by "
                + "slug or cuid), where they are.")
        boolean overwrite;

        Hashnode(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            ImportUseCase.Result r;
            try {
                r = new ImportUseCase(cli.services(global)).run(
                        new ImportUseCase.Request(publication, into, overwrite), line -> {
                            cli.err().println(line);
                            cli.err().flush();
                        });
            } catch (PlatformException e) {
                // Every read comes before the first write, so a failed read leaves nothing behind. An import only
                // reads, so it exits as doctor and auth status do (README "Exit codes"): 4 for a refused or missing
                // token, 2 for a platform that cannot be reached or answers with an error or not in JSON (never
                // 5, "partly done": nothing was done).
                UserException stop = new UserException(e.kind() == PlatformException.Kind.AUTH ? ExitCodes.AUTH
                        : ExitCodes.USAGE, "nothing imported: " + e.getMessage().replaceFirst("^xpost (?=[a-z])", ""));
                stop.initCause(e);
                throw stop;
            }
            r.written().forEach(w -> cli.out().println(w.file()));
            r.skipped().forEach(s -> cli.out().println("skipped " + s.file() + " (" + s.slug() + ": " + s.why()
                    + (overwrite ? ")" : "; --overwrite rewrites it)")));
            r.refused().forEach(s -> cli.out().println(Terminal.clean("not imported " + Json.compact(s.slug())
                    + (s.file() == null ? "" : " (" + s.file() + ")") + ": " + s.why())));
            r.problems().forEach(p -> cli.out().println(Output.problem(p, cli.ansi())));
            cli.out().println("Imported " + Output.plural(r.written().size(), "post") + " from "
                    + r.publication().host() + " into " + display(r.into()) + (r.skipped().isEmpty() ? ""
                    : "; skipped " + r.skipped().size() + " already there") + (r.refused().isEmpty() ? ""
                    : "; refused " + r.refused().size() + " (see above)") + ". Recorded in " + r.stateFile() + ".");
            cli.out().flush();
            if (!r.written().isEmpty()) {
                cli.err().println("Next: xpost validate, then xpost plan (the imported posts show as unchanged), "
                        + "and commit the files with " + r.stateFile() + ".");
            }
            return ExitCodes.decide(ExitCodes.findings(r));
        }

        private static String display(Path p) {
            String s = p.toString();
            return s.isEmpty() ? "." : s + "/";
        }
    }
}
