package dev.xpost.platform;

import java.util.List;
import java.util.Optional;

/**
 * One platform as xpost knows it, declared once by the platform's own package and registered in
 * {@link PlatformModules}: its name (the {@code platforms:} word, the config section, the state file key), what the
 * engine must know about it, and the secrets that belong to it.
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
     * Why {@code id} cannot name one of its posts, for {@code xpost state adopt}, in words that show a good one;
     * empty when it can (or the platform cannot tell from the id alone).
     */
    default Optional<String> badId(String id) {
        return Optional.empty();
    }

    /** The URL of the post named {@code id}, when the platform's URLs follow from the id alone; else empty. */
    default Optional<String> urlOf(String id) {
        return Optional.empty();
    }
}
