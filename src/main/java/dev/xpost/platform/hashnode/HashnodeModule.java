package dev.xpost.platform.hashnode;

import dev.xpost.platform.Capabilities;
import dev.xpost.platform.PlatformModule;
import dev.xpost.platform.PlatformSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hashnode as xpost knows it: the blog's home, read back to settle a lost create. */
public final class HashnodeModule implements PlatformModule {
    public static final HashnodeModule INSTANCE = new HashnodeModule();

    /**
     * Hashnode's reads may lag its writes by up to ~25 s (API.md §3): a post that may have been committed less than
     * this long ago (counted from when its request ended) cannot be looked up yet.
     */
    public static final Duration READ_LAG = Duration.ofSeconds(30);

    private static final Capabilities CAPABILITIES = new Capabilities("Hashnode", true, Capabilities.Settle.LOOKUP,
            READ_LAG, false, false, "ID");

    /** The host {@code xpost init} writes when none is given: {@code xpost doctor} reports it until replaced. */
    public static final String PLACEHOLDER_PUBLICATION = "myblog.hashnode.dev";

    private HashnodeModule() {
    }

    @Override
    public Optional<PlatformSetup> configure(String where, Map<String, Object> section) {
        return Optional.of(HashnodeSetup.of(section));
    }

    @Override
    public String name() {
        return HashnodeClient.PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** Hashnode's post ids are {@code ObjectId}s (schema.graphql): 24 hexadecimal digits. */
    @Override
    public Optional<String> badId(String id) {
        return id.matches("[0-9a-f]{24}") ? Optional.empty()
                : Optional.of("\"" + id + "\" is not a Hashnode post id: it is 24 hexadecimal digits, such as "
                        + "6a603fb103e2cb323e7851f6 (the post's id in the Hashnode dashboard or its API)");
    }

    @Override
    public List<String> secretNames() {
        return List.of(HashnodeSetup.TOKEN);
    }
}
