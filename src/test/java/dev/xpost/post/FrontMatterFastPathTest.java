package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The fast path must give exactly what the YAML parser gives, or step aside. */
class FrontMatterFastPathTest {

    /** Lines the fast path must read itself, each checked against Jackson's YAML parser. */
    private static final List<String> SIMPLE = List.of(
            "title: \"C# - Casing Methods\"",
            "title: \"Discover MQTT: A Key Protocol for IoT\"",
            "title: \"$SYS topic in MQTT\"",
            "title: \"فعال سازی Tpm در مادربرد های مبتنی بر ای ام دی\"",
            "title: 'Single: quoted # with hash'",
            "title: Plain title with C# and a colon:inside",
            "title: Don't panic, it's \"fine\"",
            "title:    many spaces before   ",
            "title: \"  inner spaces kept  \"",
            "title: \"\"",
            "title: ''",
            "slug: 2023",
            "slug: 007",
            "slug: 1.50",
            "slug: 0x1F",
            "slug: 1_000",
            "slug: .inf",
            "slug: +12",
            "draft: yes",
            "draft: True",
            "draft: off",
            "date: 2024-05-30",
            "date: 2024-05-30T15:05:57+02:00",
            "datePublished: Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)",
            "tags: aws, projects, cicd-cjy1vtdk2005kjjs17n8couc3",
            "tags: a [b] {c}",
            "cover: https://cdn.hashnode.com/res/hashnode/image/upload/v1717068677764/615f4ad9.png?w=1600&h=840",
            "canonical: https://example.dev/a#anchor",
            "seo_title-2: underscores and dashes in keys",
            "title: emoji 🚀 and 中文",
            "title: ends with hash#",
            "title: percent 100% sure");

    /** Lines only the real YAML parser may read (or refuse). */
    private static final List<String> NOT_SIMPLE = List.of(
            "title: \"Boosting LCP: A Guide to fetchpriority=\"high\"\"",
            "title: \"escaped \\\" quote\"",
            "title: 'it''s'",
            "title: Kubernetes: the hard way",
            "title: value # comment",
            "title: ends with colon:",
            "title:",
            "title: ~",
            "title: null",
            "title: NULL",
            "title: &anchor value",
            "title: *alias",
            "title: !!str 2023",
            "title: [a, b]",
            "title: {a: b}",
            "title: |",
            "title: >",
            "title: - item",
            "title: @at",
            "title: `tick`",
            "title: %percent",
            "title: \"unclosed",
            "title:\ttab",
            "title: tab\tinside",
            "\"quoted key\": value",
            "key with space: value",
            "-dash: value",
            "  indented: value",
            "- item",
            "title:no-space",
            "? complex",
            "...",
            "title: line\u2028separator");

    private static FrontMatterNode.Mapping yaml(String block) throws FrontMatterYaml.Failure {
        return FrontMatterYaml.parse(block, 2);
    }

    @Test
    void simpleLinesMatchTheYamlParser() throws Exception {
        for (String line : SIMPLE) {
            String block = line + "\n";
            FrontMatterNode.Mapping fast = FrontMatterFastPath.read(block, 2);
            assertNotNull(fast, () -> "fast path should read: " + line);
            assertEquals(yaml(block), fast, line);
        }
    }

    @Test
    void everythingElseGoesToTheYamlParser() {
        for (String line : NOT_SIMPLE) {
            assertNull(FrontMatterFastPath.read("slug: s\n" + line + "\ncuid: c\n", 2), line);
        }
    }

    @Test
    void wholeBlocksWithCommentsAndBlankLinesMatch() throws Exception {
        String block = "# written by hand\ntitle: \"A: B\"\n\nslug: a-b   \n   \ntags: x, y\n# end\n\n";
        FrontMatterNode.Mapping fast = FrontMatterFastPath.read(block, 2);
        assertNotNull(fast);
        assertEquals(yaml(block), fast);
        assertEquals(List.of(3, 5, 7), fast.entries().stream().map(FrontMatterNode.Entry::line).toList());
    }

    @Test
    void multiLineValuesGoToTheYamlParser() {
        assertNull(FrontMatterFastPath.read("title: \"one\n  two\"\n", 2));
        assertNull(FrontMatterFastPath.read("title: plain\n  continued\n", 2));
        assertNull(FrontMatterFastPath.read("tags:\n  - a\n", 2));
        assertNull(FrontMatterFastPath.read("# only a comment\n", 2));
    }

    @Test
    void corpusFrontMattersMatchTheYamlParser() throws Exception {
        Path corpus = Path.of(System.getProperty("xpost.shared", "../shared"), "corpus", "hashnode-backup");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared not present: skipping the corpus comparison");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".md") && !p.endsWith("SOURCE.md")).sorted().toList();
        }
        List<String> fastOnes = new ArrayList<>();
        for (Path file : files) {
            FrontMatter split = FrontMatter.split(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
            if (split.kind() != FrontMatter.Kind.PRESENT) {
                continue;
            }
            FrontMatterNode.Mapping fast = FrontMatterFastPath.read(split.block(), split.firstLine());
            if (fast != null) {
                assertEquals(yaml(split.block()), fast, file.toString());
                fastOnes.add(file.getFileName().toString());
            }
        }
        // 48 files have front matter; only the one with a two-line title needs the real parser.
        assertEquals(47, fastOnes.size(), fastOnes::toString);
    }
}
