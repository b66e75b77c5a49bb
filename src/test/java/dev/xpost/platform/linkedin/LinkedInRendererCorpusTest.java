package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.xpost.post.Post;
import dev.xpost.post.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every real post of the shared corpus renders to safe LinkedIn text (skipped when ../shared is absent). */
class LinkedInRendererCorpusTest {
    private static final Pattern HTML_TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]*>");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<Path> corpus() throws IOException {
        Path dir = Path.of(System.getProperty("xpost.shared", "../shared"), "corpus", "hashnode-backup");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared not present: skipping the corpus rendering test");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("SOURCE.md"))
                    .sorted().toList();
        }
    }

    /** Just enough front matter for the renderer; the real reader lives in dev.xpost.post. */
    static Post read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String title = null;
        String subtitle = null;
        List<String> tags = new ArrayList<>();
        String body = text;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                body = text.substring(text.indexOf('\n', end + 1) + 1);
                try {
                    JsonNode fm = YAML.readTree(text.substring(4, end));
                    title = fm.path("title").asText(null);
                    subtitle = fm.path("subtitle").asText(null);
                    JsonNode t = fm.path("tags");
                    if (t.isArray()) {
                        t.forEach(x -> tags.add(Slugs.tag(x.asText())));
                    } else if (t.isTextual()) {
                        for (String x : t.asText().split(",")) {
                            tags.add(Slugs.tag(x));
                        }
                    }
                } catch (IOException brokenYaml) {
                    title = file.getFileName().toString();
                }
            }
        }
        return TestPosts.post().file(file).title(title).subtitle(subtitle).tags(tags.toArray(String[]::new))
                .body(body).build();
    }

    @Test
    void everyCorpusPostRendersSafely() throws IOException {
        List<Path> files = corpus();
        assertTrue(files.size() >= 50, "corpus has " + files.size() + " posts");
        int teasers = 0;
        for (Path f : files) {
            Post post = read(f);
            Rendering r = LinkedInRenderer.render(post, "https://blog.example.com/" + f.getFileName(),
                    LinkedInMode.AUTO);
            String where = f.getFileName().toString();
            assertTrue(r.length() <= LinkedInRenderer.MAX_LENGTH, where + ": " + r.length());
            assertFalse(r.hasErrors(), where + ": " + r.problems());
            assertEquals(-1, LittleTextAssert.firstBareReserved(r.commentary(), true), where);
            assertEquals(r.plainText(), LinkedInRenderer.unescape(r.commentary()), where);
            assertFalse(r.plainText().contains("align="), where + " still has a Hashnode image");
            assertFalse(r.plainText().contains("%["), where + " still has a Hashnode embed");
            String leaked = leakedTag(post, r);
            assertEquals("", leaked, where + " still has raw HTML");
            teasers += r.form() == Rendering.Form.TEASER ? 1 : 0;
        }
        assertTrue(teasers > 0, "long corpus posts become teasers");
    }

    /**
     * The first HTML-looking tag in the text that is not the author's own text: tags may appear only where the post
     * has them as code or as entity-escaped text ({@code &lt;T&gt;}), which commonmark gives as text nodes.
     */
    private static String leakedTag(Post post, Rendering r) {
        String allowed = textAndCode(post.body());
        Matcher m = HTML_TAG.matcher(r.plainText());
        while (m.find()) {
            if (!allowed.contains(m.group())) {
                return m.group();
            }
        }
        return "";
    }

    private static String textAndCode(String markdown) {
        StringBuilder b = new StringBuilder();
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock n) {
                b.append(n.getLiteral()).append('\n');
            }

            @Override
            public void visit(IndentedCodeBlock n) {
                b.append(n.getLiteral()).append('\n');
            }

            @Override
            public void visit(Code n) {
                b.append(n.getLiteral()).append('\n');
            }

            @Override
            public void visit(Text n) {
                b.append(n.getLiteral()).append('\n');
            }
        });
        return b.toString();
    }
}
