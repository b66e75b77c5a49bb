package dev.xpost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigLoader;
import dev.xpost.platform.Capabilities;
import dev.xpost.post.Post;
import dev.xpost.post.PostReader;
import dev.xpost.post.ReadResult;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner alone: posts parsed in memory, a state value, a fixed clock and capabilities made up here (a home
 * platform settled by lookup, a linking one settled by re-sending). No platform adapter, no HTTP, no posts folder.
 */
class PlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    /** The home: its cuids name posts, settled by reading it back a minute after the create. */
    private static final Capabilities HOME = new Capabilities("Home", true, Capabilities.Settle.LOOKUP,
            Duration.ofMinutes(1), false, false, "ID");
    /** A platform whose post links to the home post, settled by re-sending within ten minutes. */
    private static final Capabilities LINKING = new Capabilities("Linking", false, Capabilities.Settle.RESEND,
            Duration.ofMinutes(10), true, true, "URN");
    private static final Map<String, Capabilities> CAPS = Map.of(Config.HASHNODE, HOME, Config.LINKEDIN, LINKING);
    /** What a home platform knows a post by from before xpost: its cuid. */
    private static final BiFunction<Post, String, String> IDENTITY = (p, name) -> name.equals(Config.HASHNODE)
            ? p.cuid() : null;

    @TempDir
    Path dir;

    private Config config;
    private final List<ReadResult> reads = new ArrayList<>();
    private final Map<Path, String> errors = new HashMap<>();

    @BeforeEach
    void configure() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/xpost.yaml"), """
                timezone: UTC
                hashnode:
                  publication: demo.hashnode.dev
                linkedin:
                  author: urn:li:person:abc123
                  since: 2026-06-01
                """);
        config = ConfigLoader.load(null, dir);
    }

    private Post post(String slug, String date, String... lines) {
        StringBuilder text = new StringBuilder("---\ntitle: \"Post " + slug + "\"\nslug: " + slug + "\n");
        if (date != null) {
            text.append("datePublished: ").append(date).append("\n");
        }
        for (String line : lines) {
            text.append(line).append("\n");
        }
        text.append("tags: java\n---\n\nThe text of ").append(slug).append(".\n");
        ReadResult r = new PostReader(ZoneOffset.UTC).parse(Path.of("posts", slug + ".md"),
                text.toString().getBytes(StandardCharsets.UTF_8));
        reads.add(r);
        return r.post();
    }

    private void invalid(Post p, String why) {
        errors.put(p.file(), why);
    }

    private static String key(Post p) {
        return p.file().toString().replace('\\', '/');
    }

    private Planner planner(int max) {
        return new Planner(config, NOW, Clock.fixed(NOW, ZoneOffset.UTC), max, false, CAPS::get, Config.HASHNODE,
                PlannerTest::key, reads.stream().map(ReadResult::post).toList());
    }

    private Blog blog() {
        return new Blog(List.copyOf(reads), List.of(), Map.copyOf(errors),
                reads.stream().map(ReadResult::post).toList());
    }

    private List<String> plan(int max, State state, String... targets) {
        return planner(max).plan(blog(), List.of(targets), state, IDENTITY).stream().map(PlannerTest::line)
                .toList();
    }

    /** "platform slug action: message" for a row, in the words a plan shows. */
    private static String line(Planner.Planned p) {
        String slug = p.post() == null ? p.file().toString() : p.post().slug();
        String what;
        if (p.step() instanceof Planner.Row r) {
            what = r.action().label() + (r.message() == null ? "" : ": " + r.message());
        } else {
            what = p.step().getClass().getSimpleName();
        }
        return (p.platform() == null ? "-" : p.platform()) + " " + slug + " " + what;
    }

    @Test
    void postsArePlannedOldestFirstWithUndatedPostsDueNow() {
        post("newer", "2026-11-20T09:00:00Z");
        post("undated", null);
        post("older", "2026-10-01T09:00:00Z");

        assertEquals(List.of("hashnode older CreateOrAdopt", "hashnode newer CreateOrAdopt",
                "hashnode undated CreateOrAdopt"), plan(10, State.empty(), Config.HASHNODE));
    }

    @Test
    void aSeriesPartWaitsForThePreviousPartOnThatPlatformEvenWhenDatedEarlier() {
        post("part-two", "2026-10-01T09:00:00Z", "series: java", "part: 2");
        post("part-one", "2026-10-02T09:00:00Z", "series: java", "part: 1");

        assertEquals(List.of("hashnode part-two held: waiting for part 1 (part-one) to be on hashnode",
                "hashnode part-one CreateOrAdopt"), plan(10, State.empty(), Config.HASHNODE));
    }

    @Test
    void aLinkingPlatformWaitsForTheHomePostItLinksTo() {
        post("first", "2026-10-01T09:00:00Z");
        post("second", "2026-10-02T09:00:00Z");

        assertEquals(List.of("hashnode first CreateOrAdopt", "linkedin first CreateOrAdopt",
                "hashnode second held: held back: this run already creates 2 posts (--max 2)",
                "linkedin second held: waiting for the Home post: the Linking post links to it"),
                plan(2, State.empty(), Config.HASHNODE, Config.LINKEDIN));
    }

    @Test
    void maxCreatesPerRunHoldsTheRestInDateOrder() {
        for (int day = 1; day <= 5; day++) {
            post("post-" + day, "2026-10-0" + day + "T09:00:00Z");
        }

        List<String> rows = plan(2, State.empty(), Config.HASHNODE);

        assertEquals(List.of("hashnode post-1 CreateOrAdopt", "hashnode post-2 CreateOrAdopt"),
                rows.stream().filter(r -> r.endsWith("CreateOrAdopt")).toList());
        assertEquals(3, rows.stream().filter(r -> r.endsWith("held back: this run already creates 2 posts (--max 2)"))
                .count(), rows::toString);
    }

    @Test
    void anInvalidPostIsHeldOutOfTheRunAndTheLaterPartOfItsSeriesWaits() {
        invalid(post("part-one", "2026-10-01T09:00:00Z", "series: java", "part: 1"),
                "posts/part-one.md:2: broken");
        post("part-two", "2026-10-02T09:00:00Z", "series: java", "part: 2");
        post("alone", "2026-10-03T09:00:00Z");

        assertEquals(List.of("- part-one invalid: posts/part-one.md:2: broken",
                "hashnode part-two held: waiting for part 1 (part-one) to be on hashnode",
                "hashnode alone CreateOrAdopt"), plan(10, State.empty(), Config.HASHNODE));
    }

    @Test
    void anOpenIntentIsSettledBeforeAnythingIsCreatedAgainAndCostsNoCreateOfTheBudget() {
        Post lost = post("lost", "2026-10-01T09:00:00Z");
        post("fresh", "2026-10-02T09:00:00Z");
        State state = State.empty().withRecord("lost", key(lost), Config.HASHNODE,
                PlatformRecord.intent(NOW.minusSeconds(3600), "sha256:abc"));

        assertEquals(List.of("hashnode lost Settle", "hashnode fresh CreateOrAdopt"),
                plan(1, state, Config.HASHNODE));
    }

    @Test
    void anOpenCreateSettlesByItsPlatformsCapabilityAndTheIntentsAge() {
        Post p = post("lost", "2026-10-01T09:00:00Z");
        Planner planner = planner(10);
        PlatformRecord justSent = PlatformRecord.intent(NOW.minusSeconds(5), "sha256:abc")
                .unknown("timeout", NOW.minusSeconds(5));
        PlatformRecord anHourAgo = PlatformRecord.intent(NOW.minusSeconds(3600), "sha256:abc")
                .unknown("timeout", NOW.minusSeconds(3600));

        assertEquals(Planner.SettleBy.LOOKUP_TOO_EARLY, planner.settling(justSent, Config.HASHNODE, p).by());
        assertEquals(Planner.SettleBy.LOOKUP, planner.settling(anHourAgo, Config.HASHNODE, p).by());
        assertEquals(Planner.SettleBy.RESEND, planner.settling(justSent, Config.LINKEDIN, p).by());
        assertEquals(Planner.SettleBy.ASK, planner.settling(anHourAgo, Config.LINKEDIN, p).by());
        assertNull(planner.settling(anHourAgo, Config.LINKEDIN, p).warning());
        PlatformRecord future = PlatformRecord.intent(NOW.plusSeconds(3600), "sha256:abc");
        Planner.Settling skewed = planner.settling(future, Config.LINKEDIN, p);
        assertEquals(Planner.SettleBy.ASK, skewed.by(), "a time in the future is settled as if old enough");
        assertTrue(skewed.warning().contains("a time in the future"), skewed.warning());
    }

    @Test
    void aCuidFoundGoneIsNotCreatedAndItsLinkingPlatformHasNothingToLinkTo() {
        Post gone = post("gone", "2026-07-01T09:00:00Z", "cuid: ckgone0000000000000000001");
        State state = State.empty().withGone("ckgone0000000000000000001", key(gone));

        List<String> rows = plan(10, state, Config.HASHNODE, Config.LINKEDIN);

        assertEquals(2, rows.size(), rows::toString);
        assertTrue(rows.get(0).startsWith("hashnode gone gone: cuid ckgone0000000000000000001 is not on hashnode "
                + "(deleted there"), rows.get(0));
        assertEquals("linkedin gone skipped: its Home post is gone: nothing to link to", rows.get(1));
    }

    @Test
    void aPostDatedBeforeLinkedinSinceIsSkippedThereUnlessItsFrontMatterAsks() {
        post("old", "2026-05-01T09:00:00Z");
        post("asked", "2026-05-02T09:00:00Z", "linkedin: {post: true}");
        post("recent", "2026-07-01T09:00:00Z");

        assertEquals(List.of("hashnode old CreateOrAdopt", "linkedin old skipped: dated before linkedin.since "
                + "(2026-06-01)", "hashnode asked CreateOrAdopt", "linkedin asked CreateOrAdopt",
                "hashnode recent CreateOrAdopt", "linkedin recent CreateOrAdopt"),
                plan(10, State.empty(), Config.HASHNODE, Config.LINKEDIN));
    }

    @Test
    void aPublishedPostIsComparedNotCreatedAndAScheduledOneWaits() {
        Post done = post("done", "2026-10-01T09:00:00Z");
        post("later", "2027-01-01T09:00:00Z");
        State state = State.empty().withRecord("done", key(done), Config.HASHNODE,
                PlatformRecord.published("id1", "https://demo.hashnode.dev/done", "sha256:abc", NOW));

        Planner.Step step = planner(10).decide(done, Config.HASHNODE, state, new Planner.Facts());

        Planner.Sync sync = assertInstanceOf(Planner.Sync.class, step);
        assertEquals("sha256:abc", sync.record().hash());
        assertEquals(List.of("hashnode done Sync", "hashnode later scheduled"), plan(10, state, Config.HASHNODE));
    }
}
