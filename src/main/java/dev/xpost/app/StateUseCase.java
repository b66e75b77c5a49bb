package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.platform.PlatformModule;
import dev.xpost.platform.PlatformModules;
import dev.xpost.config.ConfigException;
import dev.xpost.post.Post;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.PostEntry;
import dev.xpost.state.State;
import dev.xpost.state.StateLock;
import dev.xpost.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code xpost state show|adopt|forget}: inspect and repair the record by hand, without editing JSON. Changes
 * take the same lock as {@code publish}, so they cannot race a running release.
 */
public final class StateUseCase {
    private final Services services;

    public StateUseCase(Services services) {
        this.services = services;
    }

    /** The whole state file, or one post's entry, as the text the file holds. */
    public String show(String post) {
        State state = store().load();
        if (post == null) {
            return StateStore.text(state);
        }
        String slug = slugOf(post, state);
        PostEntry entry = state.post(slug).orElseThrow(() -> new ConfigException("the state file has no record "
                + "of " + post));
        State only = State.empty();
        for (var r : entry.platforms().entrySet()) {
            only = only.withRecord(slug, entry.file(), r.getKey(), r.getValue());
        }
        return StateStore.text(only);
    }

    /**
     * One post's record on one platform, for {@code state show --json}.
     *
     * @param slug the post's slug, the key of the state file
     * @param file the post's file relative to the blog folder, with {@code /}
     */
    public record Row(String slug, String file, String platform, PlatformRecord record) {
    }

    /** Every record of the state file, or of one post (slug or file), by slug and platform. */
    public List<Row> records(String post) {
        State state = store().load();
        List<Row> rows = new java.util.ArrayList<>();
        java.util.Collection<String> slugs;
        if (post == null) {
            slugs = state.posts().keySet();
        } else {
            String slug = slugOf(post, state);
            if (state.post(slug).isEmpty()) {
                throw new ConfigException("the state file has no record of " + post);
            }
            slugs = List.of(slug);
        }
        for (String slug : slugs) {
            PostEntry entry = state.post(slug).orElseThrow();
            entry.platforms().forEach((platform, r) -> rows.add(new Row(slug, entry.file(), platform, r)));
        }
        return rows;
    }

    /**
     * Records that {@code post} is on {@code platform} as {@code id}. The content it has there is not known, so
     * the next publish sends the file's content once (an update, never a create).
     */
    public String adopt(String post, String platform, String id, String url) {
        checkPlatform(platform);
        if (id == null || id.isBlank()) {
            throw new ConfigException("--id is required: the id of the post on " + platform);
        }
        PlatformModule module = PlatformModules.find(platform).orElseThrow();
        module.badId(id).ifPresent(why -> {
            throw new ConfigException(why);
        });
        try (StateLock lock = StateLock.acquire(services.config().stateFile(), PublishUseCase.LOCK_WAIT)) {
            StateStore store = store();
            State state = store.load();
            String slug = slugOf(post, state);
            String file = fileOf(post, slug, state);
            for (var e : state.posts().entrySet()) {
                if (!e.getKey().equals(slug) && e.getValue().record(platform).map(r -> id.equals(r.id())).orElse(false)) {
                    throw new ConfigException(id + " is already the " + platform + " post of " + e.getValue().file()
                            + ": one remote post belongs to one post (else an edit of either would rewrite the other)");
                }
            }
            String link = url != null ? url : module.urlOf(id).orElse(null);
            PlatformRecord r = PlatformRecord.published(id, link, null, services.clock().instant());
            store.save(state.withRecord(slug, file, platform, r).withoutForgotten(id));
            return "recorded " + slug + " on " + platform + " as " + id
                    + "; the next publish brings its content in line with the file";
        }
    }

    /** Drops the record of {@code post} on {@code platform}: the next publish treats it as new there. */
    public String forget(String post, String platform) {
        checkPlatform(platform);
        try (StateLock lock = StateLock.acquire(services.config().stateFile(), PublishUseCase.LOCK_WAIT)) {
            StateStore store = store();
            State state = store.load();
            String slug = slugOf(post, state);
            Optional<PlatformRecord> r = state.recordFor(slug, platform);
            if (r.isEmpty()) {
                throw new ConfigException("the state file has no record of " + slug + " on " + platform);
            }
            State next = state.forget(slug, platform);
            if (r.get().id() != null) {
                // LinkedIn keeps naming a deleted post in its duplicate answer for a day or two; the tombstone keeps
                // the next publish from adopting that dead URN again.
                next = next.withForgotten(r.get().id(), state.post(slug).map(PostEntry::file).orElse(slug));
            }
            store.save(next);
            return "forgot " + slug + " on " + platform + "; the next publish creates it there (after looking "
                    + "for it first where the platform allows)";
        }
    }

    private StateStore store() {
        return services.stateStore();
    }

    private static void checkPlatform(String platform) {
        Platforms.checkKnown(platform);
    }

    /** A post named by its slug or by its file. */
    private String slugOf(String post, State state) {
        Path file = services.cwd().resolve(post).normalize();
        if (Files.isRegularFile(file)) {
            Blog blog = Blog.load(services.config(), services.cwd(), List.of(Path.of(post)));
            Optional<Post> p = blog.posts().stream().findFirst();
            if (p.isPresent() && p.get().slug() != null) {
                return p.get().slug();
            }
            return state.slugOf(relative(file)).orElseThrow(() -> new ConfigException(post + " has no slug"));
        }
        return post;
    }

    private String fileOf(String post, String slug, State state) {
        Path file = services.cwd().resolve(post).normalize();
        if (Files.isRegularFile(file)) {
            return relative(file);
        }
        Optional<String> known = state.post(slug).map(PostEntry::file);
        if (known.isPresent()) {
            return known.get();
        }
        return Blog.load(services.config(), services.cwd(), List.of()).posts().stream()
                .filter(p -> slug.equals(p.slug())).findFirst()
                .map(p -> relative(services.cwd().resolve(p.file())))
                .orElseThrow(() -> new ConfigException("no post has the slug " + slug + ": name it by slug or file"));
    }

    private String relative(Path file) {
        return services.config().fileKey(file);
    }
}
