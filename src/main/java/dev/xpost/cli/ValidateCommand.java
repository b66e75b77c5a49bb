package dev.xpost.cli;

import dev.xpost.app.Validation;
import dev.xpost.app.ValidateUseCase;
import dev.xpost.post.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate",
        description = {"Check every post and report every problem at once, as path:line: severity: message (rule).",
            "Exits 3 when any error is found."},
        footerHeading = "%nExamples:%n",
        footer = {"  xpost validate", "  xpost validate posts/aws-part-2.md", "  xpost validate --json | jq .errors"})
final class ValidateCommand extends BaseCommand {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Post files or folders (default: the posts folder of the config).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", description = OutputFormat.DESCRIPTION)
    OutputFormat format;

    ValidateCommand(Cli cli) {
        super(cli);
    }

    @Override
    public Integer call() {
        Validation v = new ValidateUseCase(cli.services(global)).run(paths);
        if (json || format == OutputFormat.json || format == OutputFormat.github) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("posts", v.posts());
            doc.put("errors", v.errors());
            doc.put("warnings", v.warnings());
            List<Map<String, Object>> problems = new ArrayList<>();
            for (Problem p : v.problems()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", p.file().toString());
                m.put("line", Math.max(p.line(), 1));
                m.put("severity", p.severity().label());
                m.put("rule", p.rule());
                m.put("message", p.message());
                problems.add(m);
            }
            doc.put("problems", problems);
            if (format == OutputFormat.github && !json) {
                cli.github().annotations(Json.MAPPER.valueToTree(doc)).forEach(cli.out()::println);
                summary(v);
            } else {
                cli.out().println(Json.pretty(doc));
            }
        } else {
            for (Problem p : v.problems()) {
                cli.out().println(Output.problem(p, cli.ansi()));
            }
            summary(v);
        }
        cli.out().flush();
        return ExitCodes.decide(ExitCodes.findings(v));
    }

    private void summary(Validation v) {
        cli.out().println(Output.plural(v.posts(), "post") + " checked: " + Output.plural(v.errors(), "error")
                + ", " + Output.plural(v.warnings(), "warning") + ".");
    }
}
