package dev.xpost.app;

import java.util.Locale;

/**
 * What {@code publish} would do with one post on one platform. {@code DRIFT}: nothing to send, but the remote post
 * holds something the file dropped and the platform's API cannot clear (the message says what to do).
 */
public enum PlanAction {
    CREATE, UPDATE, ADOPT, UNCHANGED, DRIFT, SCHEDULED, HELD, SKIPPED, DRAFT, IGNORED, INVALID,
    /** The post carries a Hashnode identity the publication does not hold: deleted there, or never a post. */
    GONE,
    /** The platform could not be asked (unreachable, refused), so what publish would do is not known. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
