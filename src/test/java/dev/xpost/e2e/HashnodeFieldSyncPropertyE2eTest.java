package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.cli.CliRun;
import dev.xpost.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, point 1, as a property: after random front matter edits (each supported key added, changed or removed)
 * and one {@code publish}, the Hashnode post equals what a fresh create from the edited file gives, and
 * {@code status} says {@code in sync}. Seeds are fixed, so a failure is reproduced by its seed and step.
 *
 * <p>Not drawn: {@code slug} (the post's identity: a changed slug is a rename, tested elsewhere), the date (every
 * Hashnode post has one; removing it keeps the first), and the removal of {@code series} (the API cannot do it: see
 * {@link HashnodeFieldSyncE2eTest}); adding and changing a series are drawn.
 */
class HashnodeFieldSyncPropertyE2eTest {
    private static final String DATE = "2026-11-20T09:00:00Z";
    private static final String SLUG = "the-post";
    private static final int STEPS = 6;

    /** Each key with the values it may take; {@code title} and {@code body} are changed, never removed. */
    private static final Map<String, List<String>> VALUES = new TreeMap<>(Map.of(
            "subtitle", List.of("\"A subtitle\"", "\"Another: subtitle\""),
            "canonical", List.of("https://one.example.com/a", "https://two.example.com/b"),
            "cover", List.of("https://cdn.example.com/c1.png", "https://cdn.example.com/c2.jpg"),
            "seoTitle", List.of("\"SEO one\"", "\"SEO two\""),
            "seoDescription", List.of("\"Meta one\"", "\"Meta two\""),
            "ogImage", List.of("https://cdn.example.com/og1.png", "https://cdn.example.com/og2.png"),
            "enableToc", List.of("true", "false"),
            "disableComments", List.of("true", "false"),
            "hideFromHashnodeCommunity", List.of("true", "false"),
            "tags", List.of("java", "java, cli", "aws, cloud, devops")));
    private static final List<String> SERIES = List.of("alpha", "beta");

    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        SERIES.forEach(blog.hashnode::addSeries);
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11L, 2026L})
    void afterAnyEditsOnePublishMakesThePostWhatAFreshCreateWouldBe(long seed) throws IOException {
        Random random = new Random(seed);
        Map<String, String> fm = new TreeMap<>();
        fm.put("title", "\"Title 0\"");
        fm.put("body", "Body 0.");
        for (String key : VALUES.keySet()) {
            if (random.nextBoolean()) {
                fm.put(key, pick(random, VALUES.get(key)));
            }
        }
        write("posts/the-post.md", SLUG, fm);
        assertEquals(0, publish("posts/the-post.md").code());
        String id = blog.published(SLUG, "hashnode").id();

        for (int step = 1; step <= STEPS; step++) {
            String where = "seed " + seed + ", step " + step + ": ";
            List<String> keys = new ArrayList<>(VALUES.keySet());
            keys.add("series");
            keys.add("title");
            keys.add("body");
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                edit(random, fm, keys.get(random.nextInt(keys.size())), step);
            }
            write("posts/the-post.md", SLUG, fm);
            CliRun.Result r = publish("posts/the-post.md");
            assertEquals(0, r.code(), () -> where + fm + "\n" + r);

            String fresh = "fresh-" + seed + "-" + step;
            Map<String, String> same = new TreeMap<>(fm);
            // Two files may not hold the same part of a series (the rules judge the whole blog); the part number
            // is xpost's ordering, not a Hashnode field.
            same.remove("part");
            write("posts/" + fresh + ".md", fresh, same);
            CliRun.Result c = publish("posts/" + fresh + ".md");
            assertEquals(0, c.code(), () -> where + c);
            Files.delete(dir.resolve("posts/" + fresh + ".md"));
            FakeHashnode.StoredPost created = blog.hashnode.byId(blog.published(fresh, "hashnode").id());

            assertEquals(blog.hashnode.view(created), blog.hashnode.view(blog.hashnode.byId(id)),
                    () -> where + "the edited post differs from a fresh create of " + fm);
            assertEquals("in sync", status(SLUG), () -> where + fm);
        }
    }

    private static void edit(Random random, Map<String, String> fm, String key, int step) {
        switch (key) {
            case "title" -> fm.put("title", "\"Title " + step + "\"");
            case "body" -> fm.put("body", "Body " + step + ", edited.");
            case "series" -> {
                fm.put("series", pick(random, SERIES));
                fm.put("part", "1");
            }
            default -> {
                if (!fm.containsKey(key) || random.nextInt(3) == 0) {
                    fm.put(key, pick(random, VALUES.get(key)));
                } else {
                    fm.remove(key);
                }
            }
        }
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private void write(String file, String slug, Map<String, String> fm) throws IOException {
        StringBuilder b = new StringBuilder("---\nslug: ").append(slug).append("\ndatePublished: ").append(DATE)
                .append('\n');
        fm.forEach((k, v) -> {
            if (!k.equals("body")) {
                b.append(k).append(": ").append(v).append('\n');
            }
        });
        b.append("---\n\n").append(fm.get("body")).append('\n');
        blog.cli.write(file, b.toString());
    }

    private CliRun.Result publish(String file) {
        return blog.run("publish", "--platform", "hashnode", file);
    }

    private String status(String slug) {
        CliRun.Result r = blog.run("status", "--json");
        for (JsonNode row : Json.parseOrNull(r.out()).path("posts")) {
            if (slug.equals(row.path("post").asText()) && "hashnode".equals(row.path("platform").asText())) {
                return row.path("state").asText();
            }
        }
        throw new AssertionError("no status row for " + slug + ":\n" + r);
    }
}
