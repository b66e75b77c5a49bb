package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15: a run builds picocli's model of the command it runs only, and the whole tree where others show. */
class LazyCommandTreeCliTest {
    private static Cli cli() {
        return new Cli(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(),
                Path.of("."), Clock.systemUTC(), false);
    }

    @Test
    void theCommandNamedAfterGlobalOptionsIsTheOnlyOneBuilt() {
        assertEquals("publish", Cli.commandNamed(new String[] {"publish", "--max", "3"}));
        assertEquals("publish", Cli.commandNamed(new String[] {"--config", "c.yaml", "-v", "publish"}));
        assertEquals("state", Cli.commandNamed(new String[] {"--config=c.yaml", "--verbose", "state", "show"}));
        assertEquals(List.of("publish"), List.copyOf(cli().commandLine("publish").getSubcommands().keySet()));
        assertEquals(List.of("show", "adopt", "forget"),
                List.copyOf(cli().commandLine("state").getSubcommands().get("state").getSubcommands().keySet()));
    }

    @Test
    void helpCompletionUnknownInputAndOtherOptionsGetTheWholeTree() {
        for (String[] args : new String[][] {{}, {"help", "publish"}, {"completion"}, {"pubish"}, {"--help"},
            {"-h", "publish"}, {"--bogus", "publish"}, {"--config"}, {"--config", "-v", "publish"}, {"--", "plan"},
            {"-vh", "plan"}}) {
            assertNull(Cli.commandNamed(args), String.join(" ", args));
        }
        assertEquals(Cli.COMMANDS, List.copyOf(cli().commandLine(null).getSubcommands().keySet()));
    }

    @Test
    void aCommandRunAloneAnswersAsInTheWholeTree() {
        // Usage errors and a command's help read the same whichever tree answered them.
        for (String[] args : new String[][] {{"publish", "--bogus"}, {"validate", "--help"}, {"-v", "state"},
            {"state", "adopt", "--help"}, {"plan", "extra", "words"}, {"--config", "nowhere.yaml", "validate"}}) {
            StringWriter lazyOut = new StringWriter();
            StringWriter lazyErr = new StringWriter();
            Cli lazy = new Cli(new PrintWriter(lazyOut), new PrintWriter(lazyErr), Map.of(), Path.of("."),
                    Clock.systemUTC(), false);
            int lazyCode = lazy.run(args);
            StringWriter fullOut = new StringWriter();
            StringWriter fullErr = new StringWriter();
            Cli full = new Cli(new PrintWriter(fullOut), new PrintWriter(fullErr), Map.of(), Path.of("."),
                    Clock.systemUTC(), false);
            int fullCode = full.commandLine().execute(args);
            String what = String.join(" ", args);
            assertEquals(fullCode, lazyCode, what);
            assertEquals(fullOut.toString(), lazyOut.toString(), what);
            assertEquals(fullErr.toString(), lazyErr.toString(), what);
        }
    }
}
