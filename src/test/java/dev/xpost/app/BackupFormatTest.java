package dev.xpost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.platform.hashnode.ExportedPost;
import dev.xpost.post.Post;
import dev.xpost.post.PostReader;
import dev.xpost.post.ReadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A post written in the backup format reads back with every value exactly as Hashnode had it. */
class BackupFormatTest {
    private static final PostReader READER = new PostReader(ZoneId.of("Europe/Berlin"));

    private static ExportedPost post(String title, String slug, String seoDescription, String canonical) {
        return new ExportedPost("65a1", "clq8kvzg6000108l9e8746qxj", slug, "https://x.hashnode.dev/" + slug, title,
                "Sub: \"title\"", Instant.parse("2023-12-16T21:36:40.500Z"), "# Body\n\nText\n", canonical,
                "https://cdn.hashnode.com/res/cover.png", "SEO #1", seoDescription,
                "https://cdn.hashnode.com/res/og.png", List.of("java", "cicd-cjy1vtdk2005kjjs17n8couc3"), "aws");
    }

    private static Post readBack(String text) {
        ReadResult r = READER.parse(Path.of("x.md"), text.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.problems().isEmpty(), () -> r.problems() + "\n" + text);
        assertNotNull(r.post(), text);
        return r.post();
    }

    @Test
    void awkwardValuesReadBackExactly() {
        Map<String, String> titles = Map.of(
                "quotes and colon", "He said \"hi\": C:\\temp, #1 & {braces} [brackets] 'single'",
                "persian", "سلام دنیا: نوشتن",
                "emoji and line separator", "Ship it 🚀\u2028now",
                "control and tab", "a\tb\u0007c",
                "yaml words", "null");
        titles.forEach((what, title) -> {
            Post p = readBack(BackupFormat.render(post(title, "null", "one\ntwo \"quoted\"",
                    "https://example.dev/a?b=c&d=e#frag"), 3));
            assertEquals(title, p.title(), what);
            assertEquals("null", p.slug(), what);
            assertEquals("one\ntwo \"quoted\"", p.seoDescription(), what);
            assertEquals("https://example.dev/a?b=c&d=e#frag", p.canonical(), what);
            assertEquals("Sub: \"title\"", p.subtitle(), what);
            assertEquals("SEO #1", p.seoTitle(), what);
            assertEquals(List.of("java", "cicd-cjy1vtdk2005kjjs17n8couc3"), p.tags(), what);
            assertEquals("aws", p.series(), what);
            assertEquals(3, p.part(), what);
            assertEquals(Instant.parse("2023-12-16T21:36:40Z"), p.publishAt(), what);
            assertEquals("clq8kvzg6000108l9e8746qxj", p.cuid(), what);
        });
    }

    @Test
    void theSeedFormatKeepsTheExportersOrderAndBlankLine() {
        String text = BackupFormat.render(post("Part 1: The Genesis", "part-1", null, null), null);
        assertEquals("""
                ---
                title: "Part 1: The Genesis"
                subtitle: "Sub: \\"title\\""
                seoTitle: "SEO #1"
                datePublished: Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)
                cuid: clq8kvzg6000108l9e8746qxj
                slug: part-1
                cover: https://cdn.hashnode.com/res/cover.png
                ogImage: https://cdn.hashnode.com/res/og.png
                tags: java, cicd-cjy1vtdk2005kjjs17n8couc3
                series: aws

                ---

                # Body

                Text
                """, text);
    }
}
