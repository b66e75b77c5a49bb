package dev.xpost.cli;

import dev.xpost.app.Services;
import dev.xpost.post.Dates;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code --now}: any date form a post may use, read in the configured zone. */
final class Clocks {
    private Clocks() {
    }

    static Instant parseNow(String text, Services services) {
        return parse("--now", text, services);
    }

    static Instant parse(String option, String text, Services services) {
        if (text == null) {
            return null;
        }
        try {
            return Dates.parse(text, services.config().timezone());
        } catch (DateTimeParseException e) {
            throw new UserException(ExitCodes.USAGE, option + " \"" + text + "\" is not a time: use ISO-8601 such "
                    + "as 2026-12-01T09:00:00Z, or 2026-12-01T10:00 in the configured time zone");
        }
    }
}
