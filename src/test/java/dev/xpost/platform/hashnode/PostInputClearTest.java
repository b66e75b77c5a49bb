package dev.xpost.platform.hashnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.post.Post;
import dev.xpost.post.PostBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an {@code updatePost} clears the fields a file dropped, from the one field table both mutations use. */
class PostInputClearTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final List<String> EVERY = Arrays.stream(PostInput.Field.values()).map(PostInput.Field::key)
            .toList();

    private static Post bare() {
        return PostBuilder.post("bare").title("Bare").body("Text.").tags().build();
    }

    @Test
    void aDroppedFieldIsSentAsNullOrFalseAndAnOmittedOneIsLeftOut() {
        Map<String, Object> cleared = PostInput.update(bare(), "p1", null, NOW, false, EVERY).fields();
        for (String input : List.of("subtitle", "originalArticleURL", "coverImage", "metaTitle", "metaDescription",
                "ogImage")) {
            assertTrue(cleared.containsKey(input) && cleared.get(input) == null, input + " in " + cleared);
        }
        for (String input : List.of("enableToc", "disableComments", "isDelisted")) {
            assertEquals(Boolean.FALSE, cleared.get(input), input + " in " + cleared);
        }
        assertFalse(cleared.containsKey("seriesId"), "no request can take a post out of a series");
        assertEquals(List.of(), cleared.get("tags"), "an empty tag list replaces the post's tags");

        Map<String, Object> kept = PostInput.update(bare(), "p1", null, NOW, false, List.of()).fields();
        assertFalse(kept.containsKey("subtitle") || kept.containsKey("enableToc"), kept::toString);
    }

    @Test
    void aFieldTheFileStillSetsIsSentNotCleared() {
        Post p = PostBuilder.post("p").title("P").body("x").subtitle("Sub").cover("https://cdn.example.com/c.png")
                .build();
        Map<String, Object> f = PostInput.update(p, "p1", null, NOW, false, EVERY).fields();
        assertEquals("Sub", f.get("subtitle"));
        assertEquals("https://cdn.example.com/c.png", f.get("coverImage"));
        assertTrue(f.containsKey("metaTitle") && f.get("metaTitle") == null);
    }

    @Test
    void createAndUpdateSendTheSameFieldsUnderTheSameNames() {
        Post p = PostBuilder.post("p").title("P").body("x").subtitle("Sub").canonical("https://a.example.com/p")
                .ogImage("https://cdn.example.com/o.png").seoDescription("D").series("aws", 1).build();
        Map<String, Object> create = new HashMap<>(PostInput.publish(p, "pub", "ser", NOW).fields());
        Map<String, Object> update = new HashMap<>(PostInput.update(p, "p1", "ser", NOW, true, EVERY).fields());
        create.remove("publicationId");
        update.remove("id");
        // What the file sets is the same request whichever mutation carries it; update adds only the clears.
        update.entrySet().removeIf(e -> e.getValue() == null || Boolean.FALSE.equals(e.getValue()));
        assertEquals(create, update);
    }

    @Test
    void theSeriesStaysRecordedAfterTheFileDropsItAndIsReportedAsDrift() {
        HashnodePlatform hn = new HashnodePlatform(null, "https://gql.example.com/", "blog.example.com", null,
                null);
        Post noSeries = bare();
        List<String> held = hn.fieldsAfterSync(noSeries, List.of("series", "subtitle"));
        assertEquals(List.of("series"), held, "the subtitle was cleared, the series cannot be");
        assertTrue(hn.drift(noSeries, held).orElseThrow().contains("dashboard"));
        Post inSeries = PostBuilder.post("bare").title("Bare").body("Text.").series("aws", 1).build();
        assertEquals(List.of("series"), hn.fieldsAfterSync(inSeries, List.of()));
        assertTrue(hn.drift(inSeries, List.of("series")).isEmpty());
        assertTrue(hn.drift(noSeries, null).isEmpty(), "nothing is known of an adopted post");
    }
}
