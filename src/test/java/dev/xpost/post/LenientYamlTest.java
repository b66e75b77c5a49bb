package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The line reader used when front matter is not valid YAML. */
class LenientYamlTest {

    private static FrontMatterNode value(FrontMatterNode.Mapping mapping, String key) {
        return mapping.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow().value();
    }

    private static String text(FrontMatterNode.Mapping mapping, String key) {
        return ((FrontMatterNode.Scalar) value(mapping, key)).text();
    }

    @Test
    void outerDoubleQuotesAreDroppedAndInnerOnesKept() throws Exception {
        FrontMatterNode.Mapping m = LenientYaml.read("title: \"Say \"hi\" twice\"\nslug: say-hi\n", 2);
        assertEquals("Say \"hi\" twice", text(m, "title"));
        assertEquals("say-hi", text(m, "slug"));
        assertEquals(3, m.entries().get(1).line());
    }

    @Test
    void singleQuotesUnescapeDoubledQuotes() throws Exception {
        assertEquals("It's here", text(LenientYaml.read("title: 'It''s here'\n", 2), "title"));
    }

    @Test
    void indentedContinuationLinesFold() throws Exception {
        FrontMatterNode.Mapping m = LenientYaml.read("seoDescription: \"first part\n  second part\"\ncuid: c1\n", 2);
        FrontMatterNode.Scalar scalar = (FrontMatterNode.Scalar) value(m, "seoDescription");
        assertEquals("first part second part", scalar.text());
        assertEquals(2, scalar.line());
        assertEquals(3, scalar.endLine());
    }

    @Test
    void unindentedContinuationInsideOpenQuotesFolds() throws Exception {
        FrontMatterNode.Mapping m = LenientYaml.read("title: \"A \"b\" c\nslug: not-a-key\"\ntags: x\n", 2);
        assertEquals("A \"b\" c slug: not-a-key", text(m, "title"));
        assertEquals("x", text(m, "tags"));
    }

    @Test
    void dashItemsFormAListAndFlowListsSplit() throws Exception {
        FrontMatterNode.Mapping m = LenientYaml.read("tags:\n  - a\n- \"b\"\nplatforms: [hashnode, 'linkedin']\n", 2);
        FrontMatterNode.Sequence tags = (FrontMatterNode.Sequence) value(m, "tags");
        assertEquals(List.of("a", "b"), tags.items().stream().map(n -> ((FrontMatterNode.Scalar) n).text()).toList());
        FrontMatterNode.Sequence platforms = (FrontMatterNode.Sequence) value(m, "platforms");
        assertEquals("linkedin", ((FrontMatterNode.Scalar) platforms.items().get(1)).text());
    }

    @Test
    void indentedKeysUnderAnEmptyKeyFormAMapping() throws Exception {
        FrontMatterNode.Mapping m = LenientYaml.read("linkedin:\n  text: \"Hi: there\"\ntitle: T\n", 2);
        FrontMatterNode.Mapping linkedin = (FrontMatterNode.Mapping) value(m, "linkedin");
        assertEquals("Hi: there", ((FrontMatterNode.Scalar) linkedin.entries().get(0).value()).text());
        assertEquals(3, linkedin.entries().get(0).line());
    }

    @Test
    void emptyValuesAreNullAndCommentsSkipped() throws Exception {
        FrontMatterNode.Mapping m = LenientYaml.read("# comment\ntitle:\n\nslug: s\n", 2);
        assertEquals(null, text(m, "title"));
        assertEquals(5, m.entries().get(1).line());
    }

    @Test
    void aLineWithoutAKeyFailsWithItsLine() {
        LenientYaml.Failure failure = assertThrows(LenientYaml.Failure.class,
                () -> LenientYaml.read("title: T\nwhat is this\n", 2));
        assertEquals(3, failure.line);
        assertThrows(LenientYaml.Failure.class, () -> LenientYaml.read("  indented: first\n", 2));
        assertThrows(LenientYaml.Failure.class, () -> LenientYaml.read("http://x: y\n", 2));
    }
}
