package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The state's instants are read without the formatter when they have xpost's form; the answers must not change. */
class StateInstantTest {
    /** What {@link Instant#parse} answers: the instant, or the message of its error. */
    private static Object parse(java.util.function.Function<String, Instant> parser, String text) {
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            return "error: " + e.getMessage();
        }
    }

    @Test
    void everyFormAndEdgeIsReadAsInstantParseReadsIt() {
        List<String> texts = List.of("2024-01-31T09:00:05Z", "2024-01-31T09:00:05.1Z", "2024-01-31T09:00:05.123Z",
                "2024-01-31T09:00:05.123456789Z", "2024-01-31T09:00:05.1234567890Z", "2024-01-31T09:00:05.Z",
                "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
                "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z", "2024-01-31T24:00:00Z", "2024-01-31T23:60:00Z",
                "2016-12-31T23:59:60Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2024-01-31T09:00Z", "2024-01-31T09:00:05+01:00", "2024-01-31 09:00:05Z", "2024-01-31T09:00:0xZ",
                "+2024-01-31T09:00:05Z", "2024-1-31T09:00:05Z", "２０24-01-31T09:00:05Z", "yesterday", "");
        for (String text : texts) {
            assertEquals(parse(Instant::parse, text), parse(StateJson::instant, text), text);
        }
    }

    @Test
    void randomInstantsAreReadAsInstantParseReadsThem() {
        Random random = new Random(15);
        for (int n = 0; n < 20_000; n++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = at.toString();
            assertEquals(Instant.parse(text), StateJson.instant(text), text);
        }
    }
}
