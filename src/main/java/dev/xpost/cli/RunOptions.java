package dev.xpost.cli;

import dev.xpost.app.PublishUseCase;
import dev.xpost.app.Services;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code plan} and {@code publish} both take: which posts, which platforms, which clock, how many creates. */
final class RunOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Post files or folders (default: the posts folder of the config).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "The clock for \"is it due?\", e.g. 2026-12-01T09:00:00Z (default: now).")
    String now;

    @Option(names = "--platform", paramLabel = "NAME", split = ",",
            completionCandidates = CompletionCommand.Platforms.class,
            description = "Only this platform (repeatable, or several separated by commas, as init --with takes them).")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--max", paramLabel = "N", description = "Remote posts one run may create (default: 10, or "
            + "publish.max); the rest are held back for the next run.")
    Integer max;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", description = OutputFormat.DESCRIPTION)
    OutputFormat format;

    /** JSON when {@code --json} or {@code --format json} asks for it. */
    boolean asJson() {
        return json || format == OutputFormat.json;
    }

    /** GitHub annotations after the text report (--json wins when both are given). */
    boolean github() {
        return format == OutputFormat.github && !json;
    }

    @Option(names = "--recreate-gone", description = "Create posts whose Hashnode cuid the publication does not hold "
            + "(moving to another publication), oldest first under --max, instead of reporting them as gone.")
    boolean recreateGone;

    PublishUseCase.Options toOptions(Services services, PublishUseCase.Mode mode) {
        if (max != null && max < 0) {
            throw new UserException(ExitCodes.USAGE, "--max must be 0 or more");
        }
        return new PublishUseCase.Options(paths, Clocks.parseNow(now, services), platforms, mode, max,
                recreateGone);
    }
}
