package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One realistic file per front matter dialect, read end to end from src/test/resources/posts. */
class PostReaderDialectTest {
    private final PostReader reader = new PostReader(ZoneId.of("UTC"));

    static Path fixture(String name) {
        try {
            return Path.of(PostReaderDialectTest.class.getResource("/posts/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hashnodeBackupSeedFormat() {
        ReadResult result = reader.read(fixture("backup.md"));
        assertEquals(List.of(Problem.warning(result.file(), 4, "multiline-value",
                "the value of `seoDescription` spans lines 4-5; it is read as one line, the line breaks becoming spaces")),
                result.problems());
        Post post = result.post();
        assertEquals(Dialect.HASHNODE_BACKUP, post.dialect());
        assertEquals("Moving a Blog: Backups, Series & the \"Seed\" Format", post.title());
        assertEquals("Moving a blog to GitHub", post.seoTitle());
        assertEquals("How Hashnode's GitHub backup writes posts, and what a tool reading them must expect.",
                post.seoDescription());
        assertEquals("Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)", post.dateText());
        assertEquals(Instant.parse("2023-12-16T21:36:40Z"), post.publishAt());
        assertEquals("clq8x2k3l000008l4c9k2d1ab", post.cuid());
        assertEquals("moving-a-blog-backups-series", post.slug());
        assertTrue(post.slugWritten());
        assertEquals("https://example.dev/blog/moving-a-blog", post.canonical());
        assertEquals("https://cdn.hashnode.com/res/hashnode/image/upload/v1702762600000/cover.png", post.cover());
        assertEquals("https://cdn.hashnode.com/res/hashnode/image/upload/v1702762600000/og.png", post.ogImage());
        assertEquals(List.of("aws", "CI/CD", "cicd-cjy1vtdk2005kjjs17n8couc3", "software-architecture"),
                post.rawTags());
        assertEquals(List.of("aws", "cicd", "cicd-cjy1vtdk2005kjjs17n8couc3", "software-architecture"), post.tags());
        assertEquals(15, post.bodyLine());
        assertEquals("\nHashnode keeps a copy of every post in a GitHub repository.\n\n## What the files look like\n",
                post.body());
        assertEquals(2, post.line("title"));
        assertEquals(6, post.line("datePublished"));
        assertEquals(12, post.line("tags"));
        assertFalse(post.draft());
        assertTrue(post.publishable());
        assertTrue(post.extra().isEmpty());
    }

    @Test
    void hashnodeGithubSourceWithUnquotedColonTitle() {
        ReadResult result = reader.read(fixture("github.md"));
        Post post = result.post();
        assertEquals(Dialect.HASHNODE_GITHUB, post.dialect());
        // "title: Kubernetes: the hard way" is not YAML; the line reader takes it as the author meant it.
        assertEquals("Kubernetes: the hard way, part 2", post.title());
        assertEquals(1, result.problems().size(), result.problems()::toString);
        Problem lenient = result.problems().get(0);
        assertEquals("lenient-yaml", lenient.rule());
        assertEquals(Severity.WARNING, lenient.severity());
        assertEquals(2, lenient.line());
        assertTrue(lenient.message().contains("mapping values are not allowed here"), lenient.message());
        assertTrue(lenient.message().contains("quote the `title` value with single quotes"), lenient.message());

        assertEquals("Networking without the magic", post.subtitle());
        assertEquals("kubernetes-the-hard-way-2", post.slug());
        assertEquals(List.of("kubernetes", "networking"), post.tags());
        assertEquals("kubernetes-the-hard-way", post.series());
        assertEquals(8, post.line("series"));
        assertTrue(post.draft());
        assertEquals(9, post.line("draft"));
        assertFalse(post.ignored());
        assertEquals(Boolean.TRUE, post.hideFromCommunity());
        assertEquals(10, post.line("hideFromHashnodeCommunity"));
        assertEquals(Boolean.TRUE, post.enableToc());
        assertEquals(Boolean.FALSE, post.disableComments());
        assertEquals("https://cdn.hashnode.com/res/hashnode/image/upload/v1/k8s.png", post.cover());
        assertEquals(Map.of("domain", "blog.example.dev", "publishAs", "jane"), post.extra());
        assertNull(post.publishAt());
        assertFalse(post.publishable());
        assertEquals(16, post.bodyLine());
    }

    @Test
    void genericFrontMatterWithListTagsIsoDateAndLinkedinText() {
        ReadResult result = reader.read(fixture("generic.md"));
        assertEquals(List.of(Problem.warning(result.file(), 3, "unknown-key", "unknown key `description` is ignored")),
                result.problems());
        Post post = result.post();
        assertEquals(Dialect.GENERIC, post.dialect());
        assertEquals("Scheduling posts from CI", post.title());
        assertEquals("scheduling-posts-from-ci", post.slug());
        assertFalse(post.slugWritten());
        assertEquals("2024-05-30T15:05:57+02:00", post.dateText());
        assertEquals(Instant.parse("2024-05-30T13:05:57Z"), post.publishAt());
        assertEquals(4, post.line("datePublished"));
        assertEquals(List.of("GitHub Actions", "ci", "Java"), post.rawTags());
        assertEquals(List.of("github-actions", "ci", "java"), post.tags());
        assertEquals("xpost-diaries", post.series());
        assertEquals(3, post.part());
        assertEquals("3", post.partText());
        assertFalse(post.draft());
        assertEquals(List.of("hashnode", "linkedin"), post.platforms());
        assertTrue(post.targets("linkedin"));
        assertFalse(post.targets("devto"));
        assertEquals("https://example.dev/img/cron.png", post.cover());
        assertEquals("https://example.dev/blog/scheduling", post.canonical());
        assertEquals("Posting from CI, exactly once. #java", post.linkedinText());
        assertEquals(Map.of("description", "A cron job that never posts twice"), post.extra());
        assertEquals(3, post.line("description"));
        assertEquals(18, post.bodyLine());
        assertTrue(post.body().startsWith("# Scheduling posts from CI\n"));
    }

    @Test
    void legacyFileWithLevelOneHeading() {
        ReadResult result = reader.read(fixture("legacy-h1.md"));
        Post post = result.post();
        assertEquals(Dialect.LEGACY, post.dialect());
        assertEquals("Creating and Publishing Visual Studio Code Color Themes", post.title());
        assertEquals("creating-and-publishing-visual-studio-code-color-themes", post.slug());
        assertFalse(post.slugWritten());
        assertEquals(2, post.bodyLine());
        assertFalse(post.body().contains("# Creating and Publishing"),
                "the opening heading is the title (Hashnode stored it apart), not part of the body");
        assertNull(post.cuid(), "the file is not named like a Hashnode backup");
        assertEquals(List.of(Problem.warning(result.file(), 1, "no-front-matter", "no front matter: title taken "
                + "from the heading on line 1; add front matter to set slug, date and tags")), result.problems());
    }

    @Test
    void legacyBackupNamedByItsCuidIsAdoptedByThatCuid() {
        ReadResult result = reader.parse(Path.of("posts/cl2fytjln02m6y8nv1ue03rv0.md"),
                "## Old post\n\nText.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("cl2fytjln02m6y8nv1ue03rv0", result.post().cuid());
        assertEquals("\nText.\n", result.post().body());
        assertEquals(2, result.post().bodyLine());
    }

    @Test
    void legacyFileWithLevelTwoHeadingAfterCodeFence() {
        ReadResult result = reader.read(fixture("legacy-h2.md"));
        Post post = result.post();
        assertEquals(Dialect.LEGACY, post.dialect());
        assertEquals("Managing libraries with a Gradle version catalog", post.title(),
                "the `# install` comment inside the fence is not a heading");
        assertEquals(8, post.line("title"));
        assertEquals("no-front-matter", result.problems().get(0).rule());
        assertEquals(8, result.problems().get(0).line());
    }

    @Test
    void legacyFileWithoutHeadingHasNoTitle() {
        ReadResult result = reader.parse(Path.of("notes.md"), "Just a note.\n\n### Too deep\n".getBytes());
        assertNull(result.post().title());
        assertNull(result.post().slug());
        assertEquals("no-front-matter", result.problems().get(0).rule());
        assertTrue(result.problems().get(0).message().contains("no title"));
        assertFalse(result.hasErrors());
    }

    @Test
    void emptyFrontMatterGivesAPostWithNothingSet() {
        ReadResult result = reader.read(fixture("empty-front-matter.md"));
        assertEquals(List.of(), result.problems());
        Post post = result.post();
        assertNotNull(post);
        assertEquals(Dialect.EMPTY, post.dialect());
        assertNull(post.title());
        assertNull(post.slug());
        assertNull(post.publishAt());
        assertTrue(post.tags().isEmpty());
        assertEquals(3, post.bodyLine());
        assertEquals("\nA draft with nothing set yet.\n", post.body());
    }

    @Test
    void unescapedInnerQuotesFallBackToTheLineReader() {
        ReadResult result = reader.read(fixture("unescaped-quotes.md"));
        Post post = result.post();
        assertEquals("Boosting LCP: A Guide to fetchpriority=\"high\"", post.title());
        assertEquals(Dialect.HASHNODE_BACKUP, post.dialect());
        assertEquals(Instant.parse("2024-05-30T15:05:57Z"), post.publishAt());
        assertEquals(List.of("web-performance", "html"), post.tags());
        assertEquals(9, post.bodyLine());
        Problem problem = result.problems().get(0);
        assertEquals(1, result.problems().size());
        assertEquals("lenient-yaml", problem.rule());
        assertEquals(2, problem.line());
        assertTrue(problem.message().startsWith("front matter is not valid YAML ("), problem.message());
        // Each way of quoting with what it needs inside: escaping with \" helps a double-quoted value only.
        assertTrue(problem.message().contains("with single quotes (an inner ' written twice: '') or with double "
                + "quotes (an inner \" written \\\")"), problem.message());
    }

    @Test
    void oneReaderGivesTheSameResultsFromManyThreads() {
        List<Path> files = List.of(fixture("backup.md"), fixture("github.md"), fixture("generic.md"),
                fixture("legacy-h1.md"), fixture("legacy-h2.md"), fixture("empty-front-matter.md"),
                fixture("unescaped-quotes.md"));
        List<ReadResult> expected = files.stream().map(reader::read).toList();
        List<List<ReadResult>> parallel = java.util.stream.IntStream.range(0, 50).parallel()
                .mapToObj(i -> files.stream().map(reader::read).toList()).toList();
        for (List<ReadResult> results : parallel) {
            assertEquals(expected, results);
        }
    }
}
