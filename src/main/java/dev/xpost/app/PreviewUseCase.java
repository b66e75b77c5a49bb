package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.platform.Platform;
import dev.xpost.platform.WireRequest;
import dev.xpost.platform.linkedin.LinkedInPlatform;
import dev.xpost.post.Post;
import dev.xpost.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import dev.xpost.platform.Remote;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.Status;

/**
 * {@code xpost preview POST --platform P}: exactly what would be sent for one post now, offline. For LinkedIn: the
 * text as sent and the link card; for Hashnode: the {@code publishPost} variables, or {@code updatePost} with the
 * recorded id once the post is there. A scheduled post shows what its release run sends; a post the platform
 * would skip says why.
 */
public final class PreviewUseCase {
    private final Services services;
    private final PlatformFactory factory;

    public PreviewUseCase(Services services, PlatformFactory factory) {
        this.services = services;
        this.factory = factory;
    }

    /**
     * What would be sent for one post on one platform now.
     *
     * @param action   {@link PlanAction#CREATE} or {@link PlanAction#UPDATE} (the post is recorded there: the
     *                 update of that id), {@link PlanAction#SCHEDULED} (what the first run at or after {@code when}
     *                 sends), or {@link PlanAction#SKIPPED} / {@link PlanAction#DRAFT} / {@link PlanAction#IGNORED}
     *                 (nothing is sent; {@code message} says why, and the requests show what would go out otherwise)
     * @param id       the recorded remote id an update goes to; null otherwise
     * @param when     the publish time of a scheduled post; null otherwise
     * @param message  why the platform would skip the post, or a note on the update; null otherwise
     * @param requests the requests, in order (uploads first); empty when an update would change nothing
     * @param linkedIn for LinkedIn, the rendering as people read it (text as sent, link card, problems); else null
     */
    public record Preview(String slug, Path file, String platform, PlanAction action, String id, Instant when,
            String message, List<WireRequest> requests, String linkedIn) {
    }

    public Preview run(String postName, String platform, Instant nowOrNull) {
        Config config = services.config();
        Platforms.checkKnown(platform);
        if (!config.platforms().contains(platform)) {
            throw new ConfigException("platform " + platform + " is not configured: add a `" + platform
                    + ":` section to config/xpost.yaml");
        }
        Post found = find(postName);
        Instant now = nowOrNull != null ? nowOrNull : services.clock().instant();
        PlanAction action = PlanAction.CREATE;
        Instant when = null;
        String message = null;
        State state = new StateStore(config.stateFile()).load();
        // A backup's post whose title gives no slug is recorded under Hashnode's slug for it, once adopted.
        Post post = found.slug() == null ? state.slugOf(config.fileKey(services.cwd().resolve(found.file())))
                .map(found::withSlug).orElse(found) : found;
        // The same cutoff plan and publish apply (linkedin.since, and old posts of a blog moved in).
        String old = LinkedInCutoff.reason(config, state, services.clock().instant(), post, platform,
                post.hasIdentity());
        if (post.ignored()) {
            action = PlanAction.IGNORED;
            message = "ignorePost: true: never published (remove it when the post is ready)";
        } else if (!post.publishable()) {
            action = PlanAction.DRAFT;
            message = "a draft is never published (remove draft: true when it is ready)";
        } else if (!post.targets(platform)) {
            action = PlanAction.SKIPPED;
            message = "not in this post's platforms: " + String.join(", ", post.platforms());
        } else if (old != null) {
            action = PlanAction.SKIPPED;
            message = old + ": never cross-posted";
        } else if (post.publishAt() != null && post.publishAt().isAfter(now)) {
            action = PlanAction.SCHEDULED;
            when = post.publishAt();
            // What goes out is what the first run after the post's time sends, publishedAt included (it is sent
            // for a time before the run's clock).
            now = post.publishAt().plusSeconds(1);
        }
        ReadOnlySession session = new ReadOnlySession(config, state, now);
        // Offline whatever tokens are set, as documented: a token would make the adapter look up what it does not
        // know (the publication, the LinkedIn member) instead of saying so.
        Platform adapter = factory.create(platform, services.offline(), PublishUseCase.Mode.PLAN);
        Optional<PlatformRecord> rec = post.slug() == null ? Optional.empty()
                : state.recordFor(post.slug(), platform).filter(r -> r.status() == Status.PUBLISHED);
        List<WireRequest> requests;
        String id = null;
        if (rec.isPresent()) {
            PlatformRecord r = rec.get();
            id = r.id();
            if (action == PlanAction.CREATE) {
                action = PlanAction.UPDATE;
            }
            requests = adapter.previewUpdate(post, Remote.of(r.id(), r.url(), r.ext()), r.hash(), false,
                    session);
            if (requests.isEmpty() && message == null) {
                message = "the text is as last sent: an update would send nothing";
            }
        } else {
            requests = adapter.previewCreate(post, session);
        }
        String linkedIn = adapter instanceof LinkedInPlatform li ? li.render(post, session).preview() : null;
        return new Preview(post.slug(), post.file(), platform, action, id, when, message, requests, linkedIn);
    }

    private Post find(String name) {
        Path asFile = services.cwd().resolve(name).normalize();
        List<Path> paths = Files.isRegularFile(asFile) ? List.of(Path.of(name)) : List.of();
        Blog blog = Blog.load(services.config(), services.cwd(), paths, services.knownSecretsByName());
        List<Post> hits = paths.isEmpty()
                ? blog.posts().stream().filter(p -> name.equals(p.slug())).toList() : blog.posts();
        if (hits.isEmpty() && !paths.isEmpty() && blog.errorCount() > 0) {
            // A file that is no post at all (a link to .env, a binary file): say why, not "no such post".
            throw new InvalidPostException(blog.problems().stream().filter(dev.xpost.post.Problem::isError)
                    .map(p -> p.file() + ": " + p.message() + " (" + p.rule() + ")").findFirst().orElseThrow());
        }
        if (hits.isEmpty()) {
            throw new ConfigException("no post " + name + ": name a post by its file or its slug");
        }
        Post post = hits.get(0);
        blog.firstError(post.file()).ifPresent(error -> {
            throw new InvalidPostException(post.file() + " is invalid (" + error + "): run xpost validate");
        });
        return post;
    }
}
