package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import dev.xpost.http.Json;
import dev.xpost.state.PlatformRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post made from the same sources as what was last sent is unchanged without being rendered (issue 15: a plan of
 * 10,000 posts in seconds), and every source of a request still makes it an update: the body, a tag, the config
 * section, the home URL a cross-post links to. A file edited between its read and its request is never sent half
 * old, half new. Through the real CLI against the stateful fakes.
 */
class SourceDigestE2eTest {
    private static final String SLUG = "first-post";

    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", SLUG);
        E2eBlog.Run first = blog.publish();
        assertEquals(0, first.code(), first::toString);
        assertEquals("created", first.outcome(SLUG, "hashnode"), first::toString);
        assertEquals("created", first.outcome(SLUG, "linkedin"), first::toString);
        blog.resetCounts();
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    private E2eBlog.Run plan() {
        CliRun.Result r = blog.run("plan", "--json");
        assertEquals(0, r.code(), r::toString);
        return new E2eBlog.Run(r, Json.parseOrNull(r.out()));
    }

    private static String action(E2eBlog.Run plan, String platform) {
        return plan.action(SLUG, platform).path("action").asText();
    }

    private void edit(String from, String to) throws IOException {
        String text = blog.cli.read("posts/first.md");
        assertTrue(text.contains(from), text);
        blog.cli.write("posts/first.md", text.replace(from, to));
    }

    @Test
    void eachRecordKeepsTheSourceDigestOfWhatItSentAndAnUntouchedPostIsUnchanged() throws IOException {
        for (String platform : new String[] {"hashnode", "linkedin"}) {
            PlatformRecord r = blog.record(SLUG, platform).orElseThrow();
            assertTrue(r.source() != null && r.source().matches("src:[0-9a-f]{64}"), r::toString);
            assertTrue(blog.cli.read(".xpost/state.json").contains(r.source()), "kept in the state file");
        }
        E2eBlog.Run plan = plan();
        assertEquals("unchanged", action(plan, "hashnode"), plan::toString);
        assertEquals("unchanged", action(plan, "linkedin"), plan::toString);

        String before = blog.cli.read(".xpost/state.json");
        E2eBlog.Run again = blog.publish();
        assertEquals(0, again.code(), again::toString);
        assertEquals(before, blog.cli.read(".xpost/state.json"), "nothing to do changes nothing to commit");
        assertEquals(0, blog.hashnode.total() + blog.linkedin.count("createPost")
                + blog.linkedin.count("partialUpdate"), "nothing to do costs nothing");
    }

    @Test
    void anEditedBodyIsAnUpdateEverywhereAndThenUnchangedAgain() throws IOException {
        edit("Some text for First post.", "Some other text for First post.");

        E2eBlog.Run plan = plan();
        assertEquals("update", action(plan, "hashnode"), plan::toString);
        assertEquals("update", action(plan, "linkedin"), plan::toString);

        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("updated", r.outcome(SLUG, "hashnode"), r::toString);
        assertTrue(blog.hashnode.variables("UpdatePost").get(0).toString().contains("Some other text"));
        E2eBlog.Run after = plan();
        assertEquals("unchanged", action(after, "hashnode"), after::toString);
        assertEquals("unchanged", action(after, "linkedin"), after::toString);
    }

    @Test
    void anEditedTagIsAnUpdate() throws IOException {
        edit("tags: java, cli", "tags: java, go");

        E2eBlog.Run plan = plan();
        assertEquals("update", action(plan, "hashnode"), plan::toString);
        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals("updated", r.outcome(SLUG, "hashnode"), r::toString);
        assertTrue(blog.hashnode.variables("UpdatePost").get(0).toString().contains("\"go\""),
                () -> blog.hashnode.variables("UpdatePost").toString());
    }

    @Test
    void aChangedConfigSectionIsAnUpdateOfWhatItChanges() throws IOException {
        String config = blog.cli.read("config/xpost.yaml");
        blog.cli.write("config/xpost.yaml", config.replace("  author: auto\n", "  author: auto\n  mode: teaser\n"));

        E2eBlog.Run plan = plan();
        assertEquals("update", action(plan, "linkedin"), plan::toString);
        // The config is a source of every request, so Hashnode's is rendered again: it is found the same.
        assertEquals("unchanged", action(plan, "hashnode"), plan::toString);
    }

    @Test
    void aMovedHomePostIsAnUpdateOfTheCrossPostThatLinksToIt() {
        PlatformRecord home = blog.record(SLUG, "hashnode").orElseThrow();
        String moved = home.url().replace(SLUG, "first-post-moved");
        blog.saveState(blog.state().withRecord(SLUG, "posts/first.md", "hashnode", home.withUrl(moved)));

        E2eBlog.Run plan = plan();
        assertEquals("update", action(plan, "linkedin"), plan::toString);
        E2eBlog.Run r = blog.publish("--platform", "linkedin");
        assertEquals(0, r.code(), r::toString);
        assertEquals("updated", r.outcome(SLUG, "linkedin"), r::toString);
    }

    @Test
    void aFileEditedBetweenItsReadAndItsCreateIsNotSentAndTheNextRunSendsTheNewText() throws IOException {
        blog.post("second.md", "Second post", "2026-11-21T09:00:00Z", "second-post");
        AtomicBoolean edited = new AtomicBoolean();
        // The slug lookup comes after the blog was read and before the create: the author saves the file then.
        blog.hashnodeServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getBody() != null && request.getBody().utf8().contains("PostsBySlug")
                        && edited.compareAndSet(false, true)) {
                    try {
                        String text = blog.cli.read("posts/second.md");
                        blog.cli.write("posts/second.md", text.replace("Some text", "Newer text"));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return blog.hashnode.dispatch(request);
            }
        });

        E2eBlog.Run r = blog.publish("--platform", "hashnode");

        assertTrue(edited.get(), "the lookup was made");
        assertEquals(5, r.code(), r::toString);
        assertEquals("failed", r.outcome("second-post", "hashnode"), r::toString);
        assertTrue(r.message("second-post", "hashnode").contains("posts/second.md changed on disk since xpost read "
                + "it"), r::toString);
        assertEquals(0, blog.hashnode.count("PublishPost"), "nothing was sent");
        assertFalse(blog.record("second-post", "hashnode").isPresent(), "nothing was recorded");
        assertEquals("unchanged", r.outcome(SLUG, "hashnode"), "the other posts go on");

        E2eBlog.Run next = blog.publish("--platform", "hashnode");
        assertEquals(0, next.code(), next::toString);
        assertEquals("created", next.outcome("second-post", "hashnode"), next::toString);
        assertTrue(blog.hashnode.variables("PublishPost").get(0).toString().contains("Newer text"));
    }

    @Test
    void recordsWithoutASourceDigestAreRenderedOnceAndFoundUnchangedButAnEditedOneIsUpdated() throws IOException {
        blog.post("second.md", "Second post", "2026-11-21T09:00:00Z", "second-post");
        blog.post("third.md", "Third post", "2026-11-22T09:00:00Z", "third-post");
        assertEquals(0, blog.publish().code());
        String firstSource = blog.record(SLUG, "hashnode").orElseThrow().source();
        // As an import leaves its records, and as a new build of xpost finds every digest: not a match.
        dev.xpost.state.State s = blog.state();
        for (String slug : new String[] {SLUG, "second-post", "third-post"}) {
            for (String platform : new String[] {"hashnode", "linkedin"}) {
                s = s.withRecord(slug, s.posts().get(slug).file(), platform,
                        blog.record(slug, platform).orElseThrow().withSource(null));
            }
        }
        blog.saveState(s);
        String text = blog.cli.read("posts/second.md");
        blog.cli.write("posts/second.md", text.replace("Some text for Second post.", "Edited text of the second."));
        blog.resetCounts();

        E2eBlog.Run r = blog.publish();

        assertEquals(0, r.code(), r::toString);
        assertEquals("unchanged", r.outcome(SLUG, "hashnode"), r::toString);
        assertEquals("unchanged", r.outcome("third-post", "hashnode"), r::toString);
        assertEquals("updated", r.outcome("second-post", "hashnode"), r::toString);
        assertEquals(1, blog.hashnode.count("UpdatePost"), "only the edited post is sent");
        assertTrue(blog.hashnode.variables("UpdatePost").get(0).toString().contains("Edited text of the second."));
        assertEquals(firstSource, blog.record(SLUG, "hashnode").orElseThrow().source(),
                "the unchanged post got its digest back");
        E2eBlog.Run after = plan();
        assertEquals("unchanged", after.action("second-post", "hashnode").path("action").asText(), after::toString);
    }
}
