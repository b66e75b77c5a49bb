package dev.xpost.app;

import java.util.Locale;

/** What {@code publish} would do with one post on one platform. */
public enum PlanAction {
    CREATE, UPDATE, ADOPT, UNCHANGED, SCHEDULED, HELD, SKIPPED, DRAFT, IGNORED, INVALID,
    /** The post carries a Hashnode identity the publication does not hold: deleted there, or never a post. */
    GONE,
    /** The platform could not be asked (unreachable, refused), so what publish would do is not known. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
