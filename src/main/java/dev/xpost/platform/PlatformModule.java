package dev.xpost.platform;

import dev.xpost.post.Post;
import dev.xpost.post.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One platform as xpost knows it, declared once by the platform's own package and registered in
 * {@link PlatformModules}: its name (the {@code platforms:} word, the config section, the state file key), what the
 * engine must know about it, the secrets that belong to it, how its config section is read ({@link #configure}:
 * from there on its client, its {@code doctor} and {@code auth status} lines and which posts it skips), and what
 * {@code xpost init} asks about it.
 */
public interface PlatformModule {
    /** The platform's name as users type it and the state file records it: lower case, such as {@code hashnode}. */
    String name();

    /** What the engine must know about it. */
    Capabilities capabilities();

    /**
     * The names of the secrets (environment or {@code .env}) this platform reads, whose values must never be
     * printed, logged, stored or sent to another host.
     */
    List<String> secretNames();

    /**
     * Reads the platform's section of {@code config/xpost.yaml}.
     *
     * @param where   the config file, for messages ({@code config/xpost.yaml})
     * @param section the section as read: strings, numbers, booleans, maps and lists; an empty section is an empty
     *                map
     * @return empty when the section says {@code enabled: false}
     * @throws IllegalArgumentException with a message for the user that names the file and the setting (the app
     *                                  turns it into a configuration error, exit 2)
     */
    Optional<PlatformSetup> configure(String where, Map<String, Object> section);

    /**
     * What {@code xpost init} asks about this platform, for one a blog may leave out; empty for a platform
     * {@code init} always sets up (its section is in the config template).
     */
    default Optional<InitQuestion> initQuestion() {
        return Optional.empty();
    }

    /**
     * Why {@code id} cannot name one of its posts, for {@code xpost state adopt}, in words that show a good one;
     * empty when it can (or the platform cannot tell from the id alone).
     */
    default Optional<String> badId(String id) {
        return Optional.empty();
    }

    /**
     * Why a post is too large to go to this platform, for a platform that caps the size of a request: an error
     * ({@code body-too-large}) at the line of the post's largest field, in the words {@code validate}, plan and
     * publish show. Asked of every publishable post that targets the platform, whether or not its section is
     * configured yet; empty when the post fits or the platform has no cap.
     */
    default Optional<Problem> sizeProblem(Post post) {
        return Optional.empty();
    }

    /** The URL of the post named {@code id}, when the platform's URLs follow from the id alone; else empty. */
    default Optional<String> urlOf(String id) {
        return Optional.empty();
    }
}
