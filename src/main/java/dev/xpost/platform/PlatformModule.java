package dev.xpost.platform;

import java.util.List;

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
}
