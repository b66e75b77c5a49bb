package dev.xpost.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        description = {"Print a bash/zsh completion script for xpost.",
            "bash: source <(./xpost completion)   zsh: autoload -U bashcompinit && bashcompinit && "
                    + "source <(./xpost completion)"},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(./xpost completion)", "  ./xpost completion > /etc/bash_completion.d/xpost"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("xpost", spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
