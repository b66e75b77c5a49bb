package dev.xpost.cli;

import dev.xpost.app.Blog;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        description = {"Print a bash/zsh completion script for xpost: command names, options, platform names, and "
                + "the slugs of the blog you are in (for preview and state).",
            "Install it once: bash: echo 'source <(xpost completion)' >> ~/.bashrc; zsh: echo 'autoload -U +X "
                    + "bashcompinit && bashcompinit && source <(xpost completion)' >> ~/.zshrc"},
        footerHeading = "%nExamples:%n",
        footer = {"  echo 'source <(xpost completion)' >> ~/.bashrc",
            "  echo 'autoload -U +X bashcompinit && bashcompinit && source <(xpost completion)' >> ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {
    /**
     * Slugs change with every post, so the script asks for them at each TAB, in the folder where TAB is pressed
     * (a hidden command, {@code xpost __slugs}); the rest comes from picocli's script, made from the command tree.
     */
    private static final String SLUGS = """

            # xpost: the POST of preview and state completes to the slugs of the blog in this folder.
            _xpost_complete() {
              local i words=""
              for ((i = 1; i < COMP_CWORD; i++)); do
                case "${COMP_WORDS[i]}" in -*) ;; *) words="$words ${COMP_WORDS[i]}";; esac
              done
              local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
              case "$words" in
                " preview"*|" state show"*|" state adopt"*|" state forget"*)
                  if [[ "$cur" != -* && "$prev" != --platform && "$prev" != --id && "$prev" != --url \\
                        && "$prev" != --now && "$prev" != --config ]]; then
                    COMPREPLY=( $(compgen -W "$(command xpost __slugs 2>/dev/null)" -- "$cur") )
                    [ ${#COMPREPLY[@]} -gt 0 ] && return 0
                  fi;;
              esac
              _complete_xpost "$@"
            }
            complete -F _xpost_complete -o default xpost
            """;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("xpost", spec.root().commandLine()) + SLUGS;
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The platform names, for {@code --platform} wherever it is taken. */
    static final class Platforms implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return dev.xpost.app.Platforms.known().iterator();
        }
    }

    /** {@code xpost __slugs}: the slugs of the blog's posts, one a line, for the completion script. */
    @Command(name = "__slugs", hidden = true, description = "The slugs of the blog's posts, one a line.",
            footerHeading = "%nExamples:%n", footer = {"  xpost __slugs | grep aws"})
    static final class Slugs extends BaseCommand {
        Slugs(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            var services = cli.services(global);
            Blog.load(services.config(), services.cwd(), java.util.List.of()).posts().stream()
                    .map(p -> p.slug()).filter(Objects::nonNull).distinct().sorted()
                    .forEach(cli.out()::println);
            cli.out().flush();
            return ExitCodes.OK;
        }
    }
}
