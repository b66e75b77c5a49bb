package dev.xpost.cli;

import dev.xpost.app.InitUseCase;
import dev.xpost.http.Version;
import java.io.Console;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init",
        description = {"Set up this folder as a blog: config, secrets template, .gitignore, an example post, CI.",
            "Writes config/xpost.yaml, .env.example, a .gitignore that keeps .env out of git, posts/ with an example "
                    + "post (a draft), and two GitHub workflows that use the xpost action of this version: scheduled "
                    + "releases (.github/workflows/xpost-publish.yml) and a pull-request check "
                    + "(.github/workflows/xpost-check.yml: validate and plan, no secrets).",
            "Never overwrites a file: what is already there is listed as skipped, the rest is written. At a "
                    + "terminal it asks for what the options do not give; elsewhere (CI, scripts) it uses the "
                    + "options and defaults."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost init",
            "  xpost init --publication myblog.hashnode.dev --linkedin-author auto --yes",
            "  xpost init --publication myblog.hashnode.dev && xpost import hashnode"})
final class InitCommand extends BaseCommand {
    @Option(names = "--publication", paramLabel = "HOST",
            description = "Your Hashnode blog host, e.g. myblog.hashnode.dev (or the publication id).")
    String publication;

    @Option(names = "--linkedin-author", paramLabel = "URN|auto",
            description = "auto (the token's owner), urn:li:person:ID or urn:li:organization:ID (default: auto).")
    String author;

    @Option(names = "--with", paramLabel = "PLATFORM", split = ",",
            completionCandidates = OptionalPlatforms.class,
            description = "Set up this platform too (repeatable): ${COMPLETION-CANDIDATES}. At a terminal, init asks "
                    + "about each one this option does not name.")
    java.util.List<String> with = new java.util.ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Ask nothing: use the options and defaults.")
    boolean yes;

    /** The platforms init may add: those whose module has an init question. */
    static final class OptionalPlatforms implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return InitUseCase.questions().keySet().iterator();
        }
    }

    InitCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        InitUseCase init = new InitUseCase(cli.services(global));
        init.refuseInsideABlog();
        Console console = yes ? null : System.console();
        if (console != null && publication == null) {
            publication = console.readLine("Hashnode blog host (e.g. myblog.hashnode.dev; Enter to fill it in "
                    + "later): ");
        }
        if (console != null && author == null) {
            author = console.readLine("LinkedIn author (auto, urn:li:person:ID or urn:li:organization:ID) [auto]: ");
        }
        if (console != null) {
            for (var q : InitUseCase.questions().entrySet()) {
                if (!with.contains(q.getKey())) {
                    String answer = console.readLine(q.getValue().question() + " [y/N]: ");
                    if (answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                        with.add(q.getKey());
                    }
                }
            }
        }
        InitUseCase.Result r = init.run(new InitUseCase.Request(publication, author, with));
        r.written().forEach(f -> cli.out().println("wrote   " + f));
        r.skipped().forEach(s -> cli.out().println("skipped " + s.file() + " (" + s.why() + ")"));
        cli.out().flush();
        r.warnings().forEach(w -> cli.err().println(cli.ansi().string("@|yellow warning:|@ ") + w));
        if (r.postsHere() > 0) {
            cli.err().println("Found " + Output.plural(r.postsHere(), "post") + " in this folder, as a Hashnode backup "
                    + "keeps them: config/xpost.yaml reads them there (posts: .), and no example post was written. "
                    + "Posts with a cuid are adopted, never created again (README: Moving in).");
        }
        cli.err().println("Next steps:");
        int n = 1;
        if (r.placeholder()) {
            cli.err().println("  " + n++ + ". Put your blog's host in config/xpost.yaml (hashnode.publication is the "
                    + "placeholder " + InitUseCase.PLACEHOLDER_PUBLICATION + ").");
        }
        cli.err().println("  " + n++ + ". " + (r.envThere() ? "In .env, fill in" : "cp .env.example .env and fill in")
                + " HASHNODE_TOKEN "
                + "(https://hashnode.com/settings/developer); run `xpost auth linkedin` for LinkedIn"
                + InitUseCase.secretsOf(with).stream().map(s -> "; fill in " + s).reduce("", String::concat) + ".");
        cli.err().println("  " + n++ + ". xpost doctor        # checks the config, the tokens and the endpoints");
        if (r.postsHere() == 0) {
            cli.err().println("  " + n++ + ". xpost import hashnode   # if the blog already has posts on Hashnode");
        }
        cli.err().println("  " + n++ + ". xpost validate && xpost plan, then xpost publish");
        cli.err().println("  " + n + ". In GitHub: add the repository secrets HASHNODE_TOKEN, LINKEDIN_ACCESS_TOKEN"
                + InitUseCase.secretsOf(with).stream().map(s -> ", " + s).reduce("", String::concat) + " for " + Path.of(InitUseCase.PUBLISH_WORKFLOW) + " (it runs the action xpost-cli/xpost@"
                + InitUseCase.actionRef(Version.get()) + "), and push.");
        cli.err().flush();
        return ExitCodes.OK;
    }
}
