package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.http.Json;
import dev.xpost.platform.Platform;
import dev.xpost.platform.WireRequest;
import dev.xpost.platform.linkedin.LinkedInPlatform;
import dev.xpost.post.Post;
import dev.xpost.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code xpost preview POST --platform P}: exactly what would be sent for one post, offline. For LinkedIn: the
 * text as sent and the link card; for Hashnode: the {@code publishPost} variables.
 */
public final class PreviewUseCase {
    private final Services services;
    private final PlatformFactory factory;

    public PreviewUseCase(Services services, PlatformFactory factory) {
        this.services = services;
        this.factory = factory;
    }

    public String run(String postName, String platform, Instant nowOrNull) {
        Config config = services.config();
        Config.checkKnownPlatform(platform);
        if (!config.platforms().contains(platform)) {
            throw new ConfigException("platform " + platform + " is not configured: add a `" + platform
                    + ":` section to config/xpost.yaml");
        }
        Post post = find(postName);
        Instant now = nowOrNull != null ? nowOrNull : services.clock().instant();
        ReadOnlySession session = new ReadOnlySession(config, new StateStore(config.stateFile()).load(), now);
        Platform adapter = factory.create(platform, services, PublishUseCase.Mode.PLAN);
        if (adapter instanceof LinkedInPlatform linkedin) {
            return linkedin.render(post, session).preview();
        }
        StringBuilder b = new StringBuilder();
        for (WireRequest w : adapter.previewCreate(post, session)) {
            b.append(w.operation()).append(": ").append(w.method()).append(' ').append(w.url()).append('\n')
                    .append(Json.pretty(w.body())).append('\n');
        }
        return b.toString();
    }

    private Post find(String name) {
        Path asFile = services.cwd().resolve(name).normalize();
        List<Path> paths = Files.isRegularFile(asFile) ? List.of(Path.of(name)) : List.of();
        Blog blog = Blog.load(services.config(), services.cwd(), paths);
        List<Post> hits = paths.isEmpty()
                ? blog.posts().stream().filter(p -> name.equals(p.slug())).toList() : blog.posts();
        if (hits.isEmpty()) {
            throw new ConfigException("no post " + name + ": name a post by its file or its slug");
        }
        Post post = hits.get(0);
        blog.firstError(post.file()).ifPresent(error -> {
            throw new ConfigException(post.file() + " is invalid (" + error + "): run xpost validate");
        });
        return post;
    }
}
