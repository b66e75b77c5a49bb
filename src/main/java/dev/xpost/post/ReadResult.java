package dev.xpost.post;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading one file gave: a post (null when the file could not be read as a post at all) and every
 * problem found while reading it. Reading never throws for bad input; it reports.
 */
public record ReadResult(Path file, Post post, List<Problem> problems) {
    public ReadResult {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
