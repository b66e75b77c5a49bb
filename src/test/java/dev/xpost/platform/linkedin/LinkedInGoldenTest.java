package dev.xpost.platform.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.post.Post;
import dev.xpost.post.PostReader;
import dev.xpost.post.ReadResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: posts in {@code src/test/resources/linkedin/golden/NAME.md} (written for these tests, using every
 * construct a Hashnode post may hold), each with {@code NAME.txt}, the LinkedIn text exactly as a reader will see it,
 * and {@code NAME.card.txt}, the link card's title and description and the warnings rendering gives. Read the
 * {@code .txt} files as a LinkedIn reader would: that is the review of how each construct reads.
 */
class LinkedInGoldenTest {
    private static Path golden() throws URISyntaxException {
        return Path.of(LinkedInGoldenTest.class.getResource("/linkedin/golden").toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenPostRendersToItsExpectedText() throws IOException, URISyntaxException {
        List<Path> posts;
        try (Stream<Path> s = Files.list(golden())) {
            posts = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(posts.size() >= 3, "golden posts: " + posts);
        return posts.stream().map(md -> DynamicTest.dynamicTest(md.getFileName().toString(), () -> check(md)));
    }

    private static void check(Path md) throws IOException {
        ReadResult read = new PostReader(ZoneOffset.UTC).read(md);
        assertFalse(read.hasErrors(), read.problems().toString());
        Post post = read.post();
        Rendering r = LinkedInRenderer.render(post, "https://blog.example.com/" + post.slug(), LinkedInMode.AUTO);
        String name = md.getFileName().toString().replaceFirst("\\.md$", "");

        assertEquals(expected(md.resolveSibling(name + ".txt")), r.plainText(), name + ": the text readers see");
        assertEquals(r.plainText(), LinkedInRenderer.unescape(r.commentary()), name);
        assertEquals(-1, LittleTextAssert.firstBareReserved(r.commentary(), true), name + ": " + r.commentary());
        assertEquals(List.of(), LinkedInCorpusDebrisTest.debris(LinkedInCorpusDebrisTest.withoutCode(r.plainText(),
                post.body())), name + ": Markdown debris");

        List<String> card = new ArrayList<>();
        card.add("title: " + r.card().title());
        card.add("description: " + r.card().description());
        r.problems().forEach(p -> card.add(p.severity().label() + ": " + p.rule()));
        assertEquals(expected(md.resolveSibling(name + ".card.txt")), String.join("\n", card), name + ": the card");
    }

    private static String expected(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").stripTrailing();
    }
}
