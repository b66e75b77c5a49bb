package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every key and alias of DESIGN.md §3 and how its value is converted. */
class FrontMatterKeysTest {
    private final PostReader reader = new PostReader(ZoneId.of("Europe/Berlin"));

    private ReadResult read(String frontMatter) {
        String text = "---\n" + frontMatter + "---\nBody.\n";
        return reader.parse(Path.of("p.md"), text.getBytes(StandardCharsets.UTF_8));
    }

    private Post post(String frontMatter) {
        ReadResult result = read(frontMatter);
        assertEquals(List.of(), result.problems());
        return result.post();
    }

    @Test
    void aliasesMapToCanonicalKeysAndLines() {
        Post post = post("title: T\npublishedAt: 2024-05-30\ncanonicalUrl: https://a.dev/x\ncoverImage: https://a.dev/c.png\n"
                + "seriesSlug: s\nsaveAsDraft: true\nhideFromCommunity: true\n");
        assertEquals(Instant.parse("2024-05-29T22:00:00Z"), post.publishAt(), "midnight in Europe/Berlin (CEST)");
        assertEquals("https://a.dev/x", post.canonical());
        assertEquals("https://a.dev/c.png", post.cover());
        assertEquals("s", post.series());
        assertTrue(post.draft());
        assertEquals(Boolean.TRUE, post.hideFromCommunity());
        assertEquals(Map.of("title", 2, "datePublished", 3, "canonical", 4, "cover", 5, "series", 6, "draft", 7,
                "hideFromHashnodeCommunity", 8), post.lines());
        assertEquals(Dialect.HASHNODE_GITHUB, post.dialect(), "seriesSlug and saveAsDraft are GitHub-source keys");
    }

    @Test
    void originalArticleUrlAndPlainDraftAndGenericDialect() {
        Post post = post("title: T\noriginalArticleURL: https://a.dev/o\ndraft: Yes\nhideFromCommunity: no\n");
        assertEquals("https://a.dev/o", post.canonical());
        assertTrue(post.draft());
        assertEquals(Boolean.FALSE, post.hideFromCommunity());
        assertEquals(Dialect.GENERIC, post.dialect(), "hideFromCommunity is the 2026 Action's name, not the old app's");
    }

    @Test
    void numericSlugsStayTheTextWritten() {
        assertEquals("2023", post("title: Year\nslug: 2023\n").slug());
        assertEquals("007", post("title: Bond\nslug: 007\n").slug());
        assertEquals("1.50", post("title: Price\nslug: 1.50\n").slug());
    }

    @Test
    void slugIsDerivedFromTheTitleWhenAbsentAndNullWhenNothingIsLeft() {
        Post derived = post("title: \"Hello, World: Part 2!\"\n");
        assertEquals("hello-world-part-2", derived.slug());
        assertFalse(derived.slugWritten());
        Post persian = post("title: \"نوروز پیروز\"\n");
        assertEquals("نوروز پیروز", persian.title());
        assertNull(persian.slug());
        Post bad = post("title: T\nslug: Not A Slug!\n");
        assertEquals("Not A Slug!", bad.slug(), "kept as written so the rules can reject it");
        assertTrue(bad.slugWritten());
    }

    @Test
    void commaTagsDropEmptyEntriesAndKeepDuplicates() {
        Post post = post("title: T\ntags: Java, , java, Spring Boot,\n");
        assertEquals(List.of("Java", "java", "Spring Boot"), post.rawTags());
        assertEquals(List.of("java", "java", "spring-boot"), post.tags());
    }

    @Test
    void flowListTagsAndPlatformsAsCommaString() {
        Post post = post("title: T\ntags: [a, \"b c\"]\nplatforms: hashnode\n");
        assertEquals(List.of("a", "b-c"), post.tags());
        assertEquals(List.of("hashnode"), post.platforms());
        assertTrue(post.targets("hashnode"));
        assertFalse(post.targets("linkedin"));
    }

    @Test
    void hashnodeOptionsAndIgnorePost() {
        Post post = post("title: T\nenableToc: TRUE\ndisableComments: no\nignorePost: true\n");
        assertEquals(Boolean.TRUE, post.enableToc());
        assertEquals(Boolean.FALSE, post.disableComments());
        assertNull(post.hideFromCommunity());
        assertTrue(post.ignored());
        assertFalse(post.publishable());
    }

    @Test
    void invalidBooleanIsAnErrorNamingKeyAndLine() {
        ReadResult result = read("title: T\ndraft: maybe\n");
        Problem problem = result.problems().get(0);
        assertEquals("invalid-boolean", problem.rule());
        assertEquals(Severity.ERROR, problem.severity());
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("`draft: maybe` is not a boolean"), problem.message());
        assertFalse(result.post().draft());
    }

    @Test
    void partMustBeAPositiveWholeNumber() {
        assertEquals(2, post("title: T\npart: 2\n").part());
        for (String bad : List.of("two", "0", "-1", "1.5", "99999999999")) {
            ReadResult result = read("title: T\npart: " + bad + "\n");
            assertEquals("invalid-part", result.problems().get(0).rule(), bad);
            assertEquals(Severity.ERROR, result.problems().get(0).severity());
            assertEquals(3, result.problems().get(0).line());
            assertNull(result.post().part());
            assertEquals(bad, result.post().partText());
        }
    }

    @Test
    void invalidDateIsAnErrorWithTheTextAndTheAcceptedForms() {
        ReadResult result = read("title: T\ndate: next tuesday\n");
        Problem problem = result.problems().get(0);
        assertEquals("invalid-date", problem.rule());
        assertEquals(Severity.ERROR, problem.severity());
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("\"next tuesday\""), problem.message());
        assertTrue(problem.message().contains("2024-05-30T15:05"), problem.message());
        assertNull(result.post().publishAt());
        assertEquals("next tuesday", result.post().dateText());
    }

    @Test
    void knownUnusedKeysAreKeptQuietlyAndUnknownKeysWarn() {
        ReadResult result = read("title: T\ndomain: blog.a.dev\ncoAuthors: [ann, bob]\nTags: x\nmood: happy\n");
        assertEquals(List.of(
                Problem.warning(Path.of("p.md"), 5, "unknown-key", "unknown key `Tags` is ignored (did you mean `tags`?)"),
                Problem.warning(Path.of("p.md"), 6, "unknown-key", "unknown key `mood` is ignored")),
                result.problems());
        assertEquals(Map.of("domain", "blog.a.dev", "coAuthors", "ann, bob", "Tags", "x", "mood", "happy"),
                result.post().extra());
        assertTrue(result.post().tags().isEmpty());
    }

    @Test
    void repeatedKeyOrAliasKeepsTheFirstWithAWarning() {
        ReadResult result = read("title: T\ndatePublished: 2024-01-01\ndate: 2025-01-01\n");
        Problem problem = result.problems().get(0);
        assertEquals("duplicate-key", problem.rule());
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("`date` repeats `datePublished` from line 3"), problem.message());
        assertEquals("2024-01-01", result.post().dateText());
    }

    @Test
    void linkedinMustBeAMappingWithText() {
        ReadResult scalar = read("title: T\nlinkedin: just text\n");
        assertEquals("invalid-value", scalar.problems().get(0).rule());
        assertTrue(scalar.problems().get(0).message().contains("linkedin: {text:"));
        ReadResult odd = read("title: T\nlinkedin: {text: Hi, image: x.png}\n");
        assertEquals("Hi", odd.post().linkedinText());
        assertEquals("unknown key `linkedin.image` is ignored (only `text` and `post` are read)", odd.problems().get(0).message());
    }

    @Test
    void backupDialectNeedsACuidOrAJavaScriptDatePublished() {
        assertEquals(Dialect.HASHNODE_BACKUP, post("title: T\ncuid: clabc\n").dialect());
        assertEquals(Dialect.HASHNODE_BACKUP,
                post("title: T\ndatePublished: Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)\n").dialect());
        assertEquals(Dialect.GENERIC, post("title: T\ndatePublished: 2023-12-16\n").dialect());
        assertEquals(Dialect.HASHNODE_BACKUP, post("title: T\ncuid: c1\ndomain: a.dev\n").dialect());
        assertEquals(Dialect.HASHNODE_GITHUB, post("title: T\npublishAs: jane\n").dialect());
    }

    @Test
    void commentOnlyFrontMatterIsEmpty() {
        Post post = post("# nothing decided yet\n\n");
        assertEquals(Dialect.EMPTY, post.dialect());
        assertEquals(5, post.bodyLine());
    }

    @Test
    void nullAndEmptyValuesCountAsAbsent() {
        Post post = post("title:\nsubtitle: \"\"\nslug: ~\ntags:\n");
        assertNull(post.title());
        assertNull(post.subtitle());
        assertNull(post.slug());
        assertFalse(post.slugWritten());
        assertTrue(post.tags().isEmpty());
        assertEquals(2, post.line("title"));
    }
}
