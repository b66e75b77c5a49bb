package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A three-part series released by a daily scheduled run: each part on its day, once, in order. */
class ScheduleE2eTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final List<String> SLUGS = List.of("origins-part-1", "origins-part-2", "origins-part-3");
    private static final List<String> TITLES = List.of("Origins part 1", "Origins part 2", "Origins part 3");

    @TempDir
    Path dir;
    E2eBlog blog;
    String seriesId;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        seriesId = blog.hashnode.addSeries("origins");
        int[] offsets = {0, 2, 4};
        for (int i = 0; i < 3; i++) {
            blog.post("origins/part-" + (i + 1) + ".md", TITLES.get(i), MONDAY.plusDays(offsets[i]) + "T09:00:00Z",
                    SLUGS.get(i), "series: origins", "part: " + (i + 1));
        }
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    /** The scheduled run of one day: the wall clock and {@code --now} both at noon UTC. */
    private E2eBlog.Run runOn(LocalDate day) {
        Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        blog.cli.clock = Clock.fixed(noon, ZoneOffset.UTC);
        return blog.publish("--now", noon.toString());
    }

    @Test
    void eachPartGoesOutOnItsDayOnceAndInOrder() {
        int[] expectedOnDay = {1, 1, 2, 2, 3, 3, 3};
        for (int d = 0; d < 7; d++) {
            LocalDate day = MONDAY.plusDays(d);
            E2eBlog.Run r = runOn(day);
            assertEquals(0, r.code(), () -> day + "\n" + r);
            int out = expectedOnDay[d];
            assertEquals(out, blog.hashnode.posts().size(), () -> day + ": parts on Hashnode\n" + r);
            assertEquals(out, blog.linkedin.posts().size(), () -> day + ": parts on LinkedIn\n" + r);
            for (int i = 0; i < 3; i++) {
                String slug = SLUGS.get(i);
                if (i < out) {
                    blog.assertExactlyOnce(slug, TITLES.get(i), true);
                    boolean today = d == new int[] {0, 2, 4}[i];
                    assertEquals(today ? "created" : "unchanged", r.outcome(slug, "hashnode"), () -> day + "\n" + r);
                    assertEquals(today ? "created" : "unchanged", r.outcome(slug, "linkedin"), () -> day + "\n" + r);
                } else {
                    assertEquals("scheduled", r.outcome(slug, "hashnode"), () -> day + "\n" + r);
                    assertEquals("scheduled", r.outcome(slug, "linkedin"), () -> day + "\n" + r);
                }
            }
        }
        List<FakeHashnode.StoredPost> hn = blog.hashnode.posts();
        assertEquals(TITLES, hn.stream().map(p -> p.title).toList(), "created in series order");
        for (FakeHashnode.StoredPost p : hn) {
            assertEquals(seriesId, p.seriesId, p.title + " is in the series");
        }
        assertEquals(3, blog.hashnode.count("PublishPost"));
        assertEquals(3, blog.linkedin.count("createPost"));
        assertEquals(0, blog.hashnode.count("UpdatePost") + blog.linkedin.count("partialUpdate"));
        // The series is looked up once per run that creates a part, never on the idle days.
        assertEquals(3, blog.hashnode.count("Series"));
    }

    @Test
    void aRejectedPartOneHoldsBackPartTwoEvenWhenItIsDue() {
        blog.hashnode.fail("PublishPost", Fault.GRAPHQL_BAD_USER_INPUT);
        E2eBlog.Run r = runOn(MONDAY.plusDays(2));
        assertEquals(5, r.code(), r::toString);
        assertEquals("failed", r.outcome(SLUGS.get(0), "hashnode"), r::toString);
        assertTrue(r.message(SLUGS.get(0), "hashnode").contains("BAD_USER_INPUT"), r::toString);
        assertEquals("held", r.outcome(SLUGS.get(1), "hashnode"), r::toString);
        String why = r.message(SLUGS.get(1), "hashnode");
        assertTrue(why.contains("part 1") && why.contains(SLUGS.get(0)), r::toString);
        assertEquals("scheduled", r.outcome(SLUGS.get(2), "hashnode"), r::toString);
        assertEquals(1, blog.hashnode.count("PublishPost"), "part 2 was not even tried");
        assertTrue(blog.hashnode.posts().isEmpty() && blog.linkedin.posts().isEmpty());

        E2eBlog.Run next = runOn(MONDAY.plusDays(3));
        assertEquals(0, next.code(), next::toString);
        assertEquals(List.of(TITLES.get(0), TITLES.get(1)), blog.hashnode.posts().stream().map(p -> p.title)
                .toList(), "part 1 before part 2");
        blog.assertExactlyOnce(SLUGS.get(0), TITLES.get(0), true);
        blog.assertExactlyOnce(SLUGS.get(1), TITLES.get(1), true);
    }
}
