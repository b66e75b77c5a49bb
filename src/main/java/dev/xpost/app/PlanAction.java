package dev.xpost.app;

import java.util.Locale;

/** What {@code publish} would do with one post on one platform. */
public enum PlanAction {
    CREATE, UPDATE, ADOPT, UNCHANGED, SCHEDULED, HELD, SKIPPED, DRAFT, IGNORED, INVALID;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
