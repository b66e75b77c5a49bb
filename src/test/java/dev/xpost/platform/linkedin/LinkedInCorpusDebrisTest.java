package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.post.Post;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * No Markdown construct marker survives, outside code, in the LinkedIn text of any post of the shared corpus
 * (skipped when ../shared is absent). Each post is rendered twice: as it would be sent ({@code linkedin.mode: auto},
 * which cuts long posts to a teaser) and whole ({@code full}), so that constructs late in a long post are checked too.
 */
class LinkedInCorpusDebrisTest {
    /** What a reader would recognise as Markdown that was not rendered, by name. */
    static final Map<String, Pattern> DEBRIS = Map.of(
            "quote marker", Pattern.compile("(?m)^[ \\t]*(?:(?:•|\\d+\\.)[ \\t]+)?>"),
            "table rule", Pattern.compile("\\|?[ \\t]*:?-{3,}:?[ \\t]*\\|"),
            "strikethrough", Pattern.compile("~~"),
            // Also "text.^1: https://…": a footnote definition read by plain CommonMark as a link reference.
            "footnote marker", Pattern.compile("\\[\\^|(?<=\\S)\\^\\w+: ?https?://"),
            "Hashnode widget", Pattern.compile("%%\\["),
            "Hashnode embed", Pattern.compile("%\\[http"),
            "unrendered link", Pattern.compile("\\]\\("),
            "task box", Pattern.compile("(?m)^[ \\t]*(?:•|\\d+\\.)[ \\t]+\\[[ xX]\\]"));

    private static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create(),
            StrikethroughExtension.create(), TaskListItemsExtension.create(), FootnotesExtension.create())).build();

    private static List<Path> corpus() throws IOException {
        Path dir = Path.of(System.getProperty("xpost.shared", "../shared"), "corpus", "hashnode-backup");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared not present: skipping the corpus debris test");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("SOURCE.md"))
                    .sorted().toList();
        }
    }

    @Test
    void noCorpusPostShowsMarkdownDebrisOutsideCode() throws IOException {
        List<Path> files = corpus();
        assertTrue(files.size() >= 50, "corpus has " + files.size() + " posts");
        List<String> withDebris = new ArrayList<>();
        for (Path f : files) {
            Post post = LinkedInRendererCorpusTest.read(f);
            List<String> found = new ArrayList<>();
            for (LinkedInMode mode : List.of(LinkedInMode.AUTO, LinkedInMode.FULL)) {
                Rendering r = LinkedInRenderer.render(post, "https://blog.example.com/" + f.getFileName(), mode);
                debris(withoutCode(r.plainText(), post.body())).stream().filter(d -> !found.contains(d))
                        .forEach(found::add);
            }
            if (!found.isEmpty()) {
                withDebris.add(f.getParent().getFileName() + "/" + f.getFileName() + ": " + found);
            }
        }
        assertEquals(List.of(), withDebris, withDebris.size() + " of " + files.size() + " corpus posts show Markdown "
                + "debris outside code");
    }

    /** Each kind of debris in {@code text}, with the first line it is on. */
    static List<String> debris(String text) {
        List<String> out = new ArrayList<>();
        DEBRIS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Matcher m = e.getValue().matcher(text);
            if (m.find()) {
                int start = text.lastIndexOf('\n', m.start()) + 1;
                int end = text.indexOf('\n', m.end());
                out.add(e.getKey() + " in \"" + text.substring(start, end < 0 ? text.length() : end).strip() + "\"");
            }
        });
        return out;
    }

    /**
     * The text with every line of the post's code (blocks and inline spans) taken out: code keeps its characters on
     * purpose, so a {@code >} or {@code ](} in it is not debris.
     */
    static String withoutCode(String text, String markdown) {
        List<String> code = new ArrayList<>();
        GFM.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock n) {
                code.addAll(n.getLiteral().lines().toList());
            }

            @Override
            public void visit(IndentedCodeBlock n) {
                code.addAll(n.getLiteral().lines().toList());
            }

            @Override
            public void visit(Code n) {
                code.add(n.getLiteral());
            }
        });
        String out = text;
        for (String c : code.stream().map(String::strip).filter(s -> !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(c, " ");
        }
        return out;
    }
}
