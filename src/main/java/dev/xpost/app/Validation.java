package dev.xpost.app;

import dev.xpost.post.Problem;
import java.util.List;

/**
 * What {@code xpost validate} found.
 *
 * @param posts number of post files read
 */
public record Validation(int posts, List<Problem> problems) {
    public long errors() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warnings() {
        return problems.size() - errors();
    }
}
