package dev.xpost.app;

import java.nio.file.Path;
import java.util.List;

/** {@code xpost validate}: read and check every post, report everything at once. */
public final class ValidateUseCase {
    private final Services services;

    public ValidateUseCase(Services services) {
        this.services = services;
    }

    public Validation run(List<Path> paths) {
        Blog blog = Blog.load(services.config(), services.cwd(), paths, services.knownSecretsByName());
        return new Validation(blog.results().size(), blog.problems());
    }
}
