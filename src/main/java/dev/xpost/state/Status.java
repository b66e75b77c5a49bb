package dev.xpost.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where one post stands on one platform, as far as the state file knows. */
public enum Status {
    /** The post exists remotely; its id and the hash of what was last sent are recorded. */
    @JsonProperty("published")
    PUBLISHED,
    /** A create is about to be sent, or was sent without a known result (the run stopped before recording it). */
    @JsonProperty("intent")
    INTENT,
    /** A create was sent and its outcome is unknown (timeout, 5xx): it may exist remotely. */
    @JsonProperty("unknown")
    UNKNOWN,
    /** The last attempt failed with a known answer and no remote post exists; trying again is safe. */
    @JsonProperty("failed")
    FAILED;

    /**
     * True when a create may have happened without being recorded: it must be reconciled before anything is
     * created again for this post on this platform.
     */
    public boolean open() {
        return this == INTENT || this == UNKNOWN;
    }

    /** The word written in the state file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
