package dev.xpost.cli;

import dev.xpost.app.AuthUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xpost auth linkedin} and {@code xpost auth status}. */
final class AuthCommand {
    private AuthCommand() {
    }

    @Command(name = "auth", description = "Sign in to LinkedIn, or show what each platform's token can do.",
            footerHeading = "%nExamples:%n", footer = {"  xpost auth linkedin", "  xpost auth status"})
    static final class Group implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
    }

    @Command(name = "linkedin", description = {"Sign in to LinkedIn in the browser (scopes openid profile "
            + "w_member_social) and write LINKEDIN_ACCESS_TOKEN and its expiry into .env (owner-only, other lines "
            + "kept).",
        "Needs your LinkedIn app's LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET (environment or .env), with the "
                + "redirect URL http://127.0.0.1:PORT/callback registered."},
            footerHeading = "%nExamples:%n", footer = {"  xpost auth linkedin", "  xpost auth linkedin --port 8765 "
                    + "--no-browser"})
    static final class LinkedIn extends BaseCommand {
        @Option(names = "--port", paramLabel = "PORT",
                description = "Loopback port of the redirect (default: linkedin.loginPort, 18920).")
        Integer port;

        @Option(names = "--no-browser", description = "Only print the sign-in URL; do not try to open a browser.")
        boolean noBrowser;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the browser "
                + "(default: 300).")
        int timeout = 300;

        LinkedIn(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            Instant expires = new AuthUseCase(cli.services(global)).loginLinkedIn(port, url -> {
                cli.err().println("Open this URL in your browser to sign in to LinkedIn:");
                cli.err().println("  " + url);
                cli.err().flush();
                if (!noBrowser) {
                    Browser.open(url);
                }
            }, Duration.ofSeconds(timeout));
            cli.err().println("Signed in. LINKEDIN_ACCESS_TOKEN is in .env; it expires " + expires
                    + " (LinkedIn tokens live 60 days).");
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "For each configured platform: is its token set and accepted, what can "
            + "it do, and how many days the LinkedIn token has left. Exits 4 when a token is missing or refused, 2 "
            + "when a platform cannot be reached.",
            footerHeading = "%nExamples:%n", footer = {"  xpost auth status", "  xpost auth status --json"})
    static final class Status extends BaseCommand {
        @Option(names = "--json", description = "Print one JSON document instead of text.")
        boolean json;

        Status(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            var found = new AuthUseCase(cli.services(global)).status();
            if (json) {
                java.util.List<java.util.Map<String, Object>> items = new java.util.ArrayList<>();
                for (AuthUseCase.TokenStatus t : found) {
                    var m = Output.item(null, null, t.platform());
                    m.remove("post");
                    m.remove("file");
                    m.put("state", t.ok() ? "ok" : "fail");
                    m.put("message", Terminal.clean(t.message()));
                    items.add(m);
                }
                Output.json(cli, java.util.Map.of("platforms", items));
            } else {
                for (AuthUseCase.TokenStatus t : found) {
                    cli.out().println(Terminal.clean((t.ok() ? "✔ " : "✘ ") + t.platform() + ": " + t.message()));
                }
                cli.out().flush();
            }
            return ExitCodes.decide(ExitCodes.tokenFindings(found));
        }
    }

    /** Best effort: a desktop session opens the URL; anywhere else the printed URL is enough. */
    static final class Browser {
        private Browser() {
        }

        static void open(String url) {
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            String[] cmd = os.contains("mac") ? new String[] {"open", url}
                    : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", url}
                    : new String[] {"xdg-open", url};
            try {
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (java.io.IOException | RuntimeException e) {
                // No browser here (a server, CI): the URL is printed above.
            }
        }
    }
}
