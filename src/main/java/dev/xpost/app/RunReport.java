package dev.xpost.app;

import dev.xpost.post.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code plan} or {@code publish}.
 *
 * @param invalid   true when a post acted on is invalid: it, the later parts of its series and its other platform
 *                  steps were not sent (a plan: would not be); every other due post went out
 * @param problems  validation problems of the posts acted on (a post with an error is an invalid row)
 * @param warnings  things the user should know (a version about to retire, a token about to expire)
 */
public record RunReport(PublishUseCase.Mode mode, Instant now, ZoneId zone, List<String> platforms,
        List<Outcome> outcomes, List<Problem> problems, boolean invalid, List<String> warnings) {

    public Map<PlanAction, Integer> actionCounts() {
        Map<PlanAction, Integer> counts = new EnumMap<>(PlanAction.class);
        outcomes.forEach(o -> counts.merge(o.action(), 1, Integer::sum));
        return counts;
    }

    public Map<Outcome.Result, Integer> resultCounts() {
        Map<Outcome.Result, Integer> counts = new EnumMap<>(Outcome.Result.class);
        outcomes.stream().filter(o -> o.result() != null).forEach(o -> counts.merge(o.result(), 1, Integer::sum));
        return counts;
    }
}
