package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import dev.xpost.state.PlatformRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dev.to as the third platform, through the CLI: a blog published to Hashnode, LinkedIn and dev.to, then edited. */
class DevtoPublishE2eTest {
    private static final List<String> SLUGS = List.of("first-post", "second-post");

    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir).withDevto();
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        blog.post("second.md", "Second post", "2026-11-22T09:00:00Z", "second-post");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    private int devtoRequests() {
        return blog.devto.count("create") + blog.devto.count("update") + blog.devto.count("list");
    }

    @Test
    void oneArticlePerPostPointingHomeAndEditsReachAllThreeAndNothingChangedSendsNothing() throws IOException {
        E2eBlog.Run first = blog.publish();
        assertEquals(0, first.code(), first::toString);
        for (String slug : SLUGS) {
            for (String platform : List.of("hashnode", "linkedin", "devto")) {
                assertEquals("created", first.outcome(slug, platform), first::toString);
            }
        }
        blog.assertExactlyOnce("first-post", "First post", true);
        blog.assertExactlyOnce("second-post", "Second post", true);
        assertEquals(2, blog.devto.articles().size(), "one dev.to article per post");
        for (String slug : SLUGS) {
            PlatformRecord hn = blog.published(slug, "hashnode");
            PlatformRecord dv = blog.published(slug, "devto");
            FakeDevto.Article a = blog.devto.articles().stream().filter(x -> String.valueOf(x.id).equals(dv.id()))
                    .findFirst().orElseThrow(() -> new AssertionError("state names no dev.to article: " + dv));
            assertEquals(hn.url(), a.canonical, "the dev.to canonical URL is the Hashnode URL");
            assertTrue(a.published, "published, not a draft");
        }

        String text = blog.cli.read("posts/second.md").replace("Some text for Second post.",
                "Some text for Second post, edited.");
        blog.cli.write("posts/second.md", text);
        E2eBlog.Run edit = blog.publish();
        assertEquals(0, edit.code(), edit::toString);
        assertEquals("updated", edit.outcome("second-post", "hashnode"), edit::toString);
        assertEquals("updated", edit.outcome("second-post", "linkedin"), edit::toString);
        assertEquals("updated", edit.outcome("second-post", "devto"), edit::toString);
        assertEquals("unchanged", edit.outcome("first-post", "devto"), edit::toString);
        assertEquals(2, blog.devto.articles().size(), "an edit creates no article");
        FakeDevto.Article second = blog.devto.articles().stream().filter(x -> x.title.equals("Second post"))
                .findFirst().orElseThrow();
        assertTrue(second.body.contains("Second post, edited."), second.body);
        assertEquals(1, blog.hashnode.postsTitled("Second post").size());

        blog.resetCounts();
        int before = devtoRequests();
        E2eBlog.Run again = blog.publish();
        assertEquals(0, again.code(), again::toString);
        for (String slug : SLUGS) {
            assertEquals("unchanged", again.outcome(slug, "devto"), again::toString);
        }
        assertEquals(0, blog.requests(), "nothing changed: no request to Hashnode or LinkedIn");
        assertEquals(before, devtoRequests(), "nothing changed: no request to dev.to");
    }

    @Test
    void anUnknownDevtoSettingIsAConfigurationErrorNamingIt() throws IOException {
        String yaml = blog.cli.read("config/xpost.yaml");
        blog.cli.write("config/xpost.yaml", yaml + "  orgnization: 42\n");
        CliRun.Result r = blog.run("plan");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("devto.orgnization"), r::toString);
    }

    @Test
    void aPlainHttpApiBaseToAnotherHostIsRefusedBeforeTheKeyGoesAnywhere() throws IOException {
        String yaml = blog.cli.read("config/xpost.yaml").replaceAll("apiBase: http://[^\\n]*/\\n(?![\\s\\S]*apiBase)",
                "apiBase: http://dev.to.example/\n");
        assertTrue(yaml.contains("apiBase: http://dev.to.example/"), yaml);
        blog.cli.write("config/xpost.yaml", yaml);
        CliRun.Result r = blog.run("plan");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("devto.apiBase"), r::toString);
        assertEquals(0, devtoRequests());
    }
}
