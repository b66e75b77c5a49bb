package dev.xpost.post;

import dev.xpost.platform.PlatformModules;
import static dev.xpost.post.PostBuilder.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {

    private static List<Problem> check(Post... posts) {
        return Rules.check(List.of(posts), PlatformModules.names());
    }

    private static Problem only(List<Problem> problems, String rule) {
        List<Problem> hits = problems.stream().filter(p -> p.rule().equals(rule)).toList();
        assertEquals(1, hits.size(), () -> "expected one " + rule + " in " + problems);
        return hits.get(0);
    }

    private static boolean has(List<Problem> problems, String rule) {
        return problems.stream().anyMatch(p -> p.rule().equals(rule));
    }

    @Test
    void aWellFormedPostHasNoProblems() {
        assertEquals(List.of(), check(post("fine").tags("java", "cli").build()));
    }

    @Test
    void missingTitleIsAnErrorOnlyForPostsThatWouldBePublished() {
        Problem p = only(check(post("x").title(null).line("title", 2).build()), "missing-title");
        assertTrue(p.isError());
        assertTrue(check(post("x").title(null).draft().build()).stream().noneMatch(q -> q.rule().equals("missing-title")));
    }

    @Test
    void writtenSlugMustMatchThePatternAndTheMessageSuggestsOne() {
        Problem p = only(check(post("My_Slug").line("slug", 4).build()), "invalid-slug");
        assertEquals(4, p.line());
        assertTrue(p.message().contains("\"my-slug\""), p.message());
        assertTrue(has(check(post("a--b").build()), "invalid-slug"));
        assertTrue(has(check(post("-a").build()), "invalid-slug"));
        assertTrue(has(check(post("a-").build()), "invalid-slug"));
    }

    @Test
    void slugLongerThan250IsAnError() {
        String s = "a".repeat(251);
        assertTrue(has(check(post(s).build()), "slug-too-long"));
        assertTrue(!has(check(post("a".repeat(250)).build()), "slug-too-long"));
    }

    @Test
    void titleWithNoDerivableSlugSaysToWriteOne() {
        Problem p = only(check(post("x").title("فعال سازی").derivedSlug(null).build()), "no-slug");
        assertTrue(p.message().contains("slug:"), p.message());
    }

    @Test
    void twoPublishablePostsWithTheSameSlugNameEachOther() {
        List<Problem> ps = check(post("same").file("posts/a.md").build(), post("same").file("posts/b.md").build(),
                post("same").file("posts/c.md").draft().build());
        List<Problem> dup = ps.stream().filter(p -> p.rule().equals("duplicate-slug")).toList();
        assertEquals(2, dup.size());
        assertTrue(dup.get(0).message().contains("posts/b.md"));
        assertTrue(dup.get(1).message().contains("posts/a.md"));
    }

    @Test
    void tagLimitsDuplicatesAndInvalidTags() {
        String[] sixteen = new String[16];
        String[] six = new String[6];
        for (int i = 0; i < 16; i++) {
            sixteen[i] = "t" + i;
        }
        System.arraycopy(sixteen, 0, six, 0, 6);
        assertTrue(only(check(post("a").tags(sixteen).build()), "too-many-tags").isError());
        assertTrue(!only(check(post("a").tags(six).build()), "many-tags").isError());
        assertTrue(only(check(post("a").tags("Java", "java").build()), "duplicate-tag").message().contains("Java"));
        assertTrue(only(check(post("a").tags("日本語").build()), "invalid-tag").isError());
        assertTrue(!only(check(post("a").tags().build()), "no-tags").isError());
        // Hashnode's cuid-suffixed tags are different tags from the bare slug: both are fine together.
        assertEquals(List.of(), check(post("a").tags("cicd", "cicd-cjy1vtdk2005kjjs17n8couc3").build()));
    }

    @Test
    void urlsMustBeAbsoluteHttp() {
        assertTrue(has(check(post("a").canonical("/blog/a").build()), "invalid-url"));
        assertTrue(has(check(post("a").cover("ftp://x.org/a.png").build()), "invalid-url"));
        assertTrue(has(check(post("a").ogImage("https//broken").build()), "invalid-url"));
        assertEquals(List.of(), check(post("a").canonical("https://example.com/a?b=c").cover("http://x.org/c.png")
                .build()));
    }

    @Test
    void seriesPartsMustNotRepeatNorGoBackInTime() {
        List<Problem> ps = check(
                post("p1").series("s", 1).at("2026-01-10T00:00:00Z").build(),
                post("p2").series("s", 2).at("2026-01-05T00:00:00Z").build(),
                post("p2b").series("s", 2).at("2026-01-20T00:00:00Z").build());
        assertEquals(2, ps.stream().filter(p -> p.rule().equals("duplicate-part")).count());
        Problem order = only(ps, "series-order");
        assertTrue(order.message().contains("part 2") && order.message().contains("part 1"), order.message());
    }

    @Test
    void seriesGapsAndMissingPartsAreWarnings() {
        List<Problem> ps = check(post("p1").series("s", 1).build(), post("p3").series("s", 3).build(),
                post("px").series("s", null).build());
        assertTrue(!only(ps, "series-gap").isError());
        assertTrue(!only(ps, "missing-part").isError());
    }

    @Test
    void anUnknownPlatformIsAnError() {
        Problem p = only(check(post("a").platforms("hashnode", "linkdin").line("platforms", 6).build()),
                "invalid-platform");
        assertEquals(6, p.line());
        assertTrue(p.message().contains("\"linkdin\""), p.message());
        assertEquals(List.of(), check(post("a").platforms("linkedin").build()));
    }

    @Test
    void ignoredPostsAreNotChecked() {
        assertEquals(Collections.emptyList(), check(post("Bad Slug").title(null).ignored().build()));
    }
}
