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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A three-part series released by a daily scheduled run to Hashnode, LinkedIn and dev.to: each part on its day,
 * once, in order on every platform; a part a platform refused holds the next part back on that platform.
 */
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
        blog = new E2eBlog(dir).withDevto();
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

    /** The platform's posts were made in part order: its ids are the state's ids of parts 1…n. */
    private void assertInPartOrder(PlatformFixture platform, int parts) {
        List<String> expected = SLUGS.subList(0, parts).stream().map(s -> blog.published(s, platform.id).id())
                .toList();
        assertEquals(expected, platform.remoteIds(blog), platform + ": created in series order");
    }

    @Test
    void eachPartGoesOutOnItsDayOnceAndInOrder() {
        int[] expectedOnDay = {1, 1, 2, 2, 3, 3, 3};
        for (int d = 0; d < 7; d++) {
            LocalDate day = MONDAY.plusDays(d);
            E2eBlog.Run r = runOn(day);
            assertEquals(0, r.code(), () -> day + "\n" + r);
            int out = expectedOnDay[d];
            for (PlatformFixture platform : PlatformFixture.values()) {
                assertEquals(out, platform.remotePosts(blog), () -> day + ": parts on " + platform + "\n" + r);
                for (int i = 0; i < 3; i++) {
                    String slug = SLUGS.get(i);
                    if (i < out) {
                        platform.assertExactlyOnce(blog, slug, TITLES.get(i), true);
                        boolean today = d == new int[] {0, 2, 4}[i];
                        assertEquals(today ? "created" : "unchanged", r.outcome(slug, platform.id),
                                () -> day + "\n" + r);
                    } else {
                        assertEquals("scheduled", r.outcome(slug, platform.id), () -> day + "\n" + r);
                    }
                }
            }
        }
        for (PlatformFixture platform : PlatformFixture.values()) {
            assertInPartOrder(platform, 3);
            assertEquals(3, platform.creates(blog), platform + ": one create per part");
        }
        for (FakeHashnode.StoredPost p : blog.hashnode.posts()) {
            assertEquals(seriesId, p.seriesId, p.title + " is in the series");
        }
        for (FakeDevto.Article a : blog.devto.articles()) {
            assertEquals("origins", a.series, a.title + " is in the dev.to series");
        }
        assertEquals(0, blog.hashnode.count("UpdatePost") + blog.linkedin.count("partialUpdate")
                + blog.devto.count("update"));
        // The series is looked up once per run that creates a part, never on the idle days.
        assertEquals(3, blog.hashnode.count("Series"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PlatformFixture.class)
    void aRejectedPartOneHoldsBackPartTwoEvenWhenItIsDue(PlatformFixture platform) {
        platform.failCreate(blog, platform.rejection, 1, false, 0);
        E2eBlog.Run r = runOn(MONDAY.plusDays(2));
        assertEquals(5, r.code(), r::toString);
        assertEquals("failed", r.outcome(SLUGS.get(0), platform.id), r::toString);
        assertTrue(r.message(SLUGS.get(0), platform.id).contains(platform.rejectionWord), r::toString);
        assertEquals("held", r.outcome(SLUGS.get(1), platform.id), r::toString);
        String why = r.message(SLUGS.get(1), platform.id);
        assertTrue(why.contains("part 1") && why.contains(SLUGS.get(0)), r::toString);
        assertEquals("scheduled", r.outcome(SLUGS.get(2), platform.id), r::toString);
        assertEquals(1, platform.creates(blog), "part 2 was not even tried");
        for (PlatformFixture other : PlatformFixture.values()) {
            // Refused on Hashnode, the parts wait everywhere (the others link to it); elsewhere only there.
            int parts = other == platform ? 0 : platform.home() ? 0 : 2;
            assertEquals(parts, other.remotePosts(blog), other + "\n" + r);
        }

        E2eBlog.Run next = runOn(MONDAY.plusDays(3));
        assertEquals(0, next.code(), next::toString);
        for (PlatformFixture p : PlatformFixture.values()) {
            assertInPartOrder(p, 2);
            p.assertExactlyOnce(blog, SLUGS.get(0), TITLES.get(0), true);
            p.assertExactlyOnce(blog, SLUGS.get(1), TITLES.get(1), true);
        }
    }
}
