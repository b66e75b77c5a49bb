package dev.xpost.app;

import dev.xpost.platform.PlatformException;
import dev.xpost.platform.WireRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What happened (or, for a plan, what would happen) to one post on one platform.
 *
 * @param action   what the engine decided: create, update, adopt, unchanged, scheduled, held, skipped, draft,
 *                 ignored, invalid, gone, unknown
 * @param result   what came of it on a real run; null on a plan or dry run
 * @param when     the publish time, for scheduled posts
 * @param failure  the kind of failure, for {@link Result#FAILED} and {@link Result#UNKNOWN}; decides the exit code
 * @param requests on a dry run, the requests that would be sent
 */
public record Outcome(String slug, String title, Path file, String platform, PlanAction action, Result result,
        Instant when, String id, String url, String message, PlatformException.Kind failure,
        List<WireRequest> requests) {

    public enum Result {
        // DRAFT, IGNORED, INVALID and GONE keep plan's words in a real run: the same state has the same word in
        // plan, publish and status (a draft is "draft" everywhere, not "skipped" in one of them).
        CREATED, UPDATED, ADOPTED, UNCHANGED, DRIFT, SCHEDULED, HELD, SKIPPED, DRAFT, IGNORED, INVALID, GONE, FAILED,
        UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Outcome {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }
}
