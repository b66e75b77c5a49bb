package dev.xpost.e2e;

import dev.xpost.platform.hashnode.HashnodeState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.cli.CliRun;
import dev.xpost.state.PlatformRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a blog, publishing it again, and keeping edits in sync, against both fake platforms. */
class PublishSyncE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post",
                "subtitle: \"Where it starts\"", "cover: " + blog.coverUrl("first.png"));
        blog.post("second.md", "Second post", "2026-11-22T09:00:00Z", "second-post");
        blog.post("third.md", "Third post", "2026-11-24T09:00:00Z", "third-post");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void publishingTwiceCreatesOnceAndTheSecondRunSendsNothing() {
        // --verbose logs every request; the run's check for tokens in the output covers that log too.
        E2eBlog.Run first = blog.publish("--verbose");
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.result().err().contains("http: POST "), first::toString);
        for (String slug : List.of("first-post", "second-post", "third-post")) {
            assertEquals("created", first.outcome(slug, "hashnode"), first::toString);
            assertEquals("created", first.outcome(slug, "linkedin"), first::toString);
        }
        assertEquals(3, blog.hashnode.count("PublishPost"));
        assertEquals(3, blog.linkedin.count("createPost"));
        blog.assertExactlyOnce("first-post", "First post", true);
        blog.assertExactlyOnce("second-post", "Second post", true);
        blog.assertExactlyOnce("third-post", "Third post", true);

        PlatformRecord hn = blog.published("first-post", "hashnode");
        assertEquals("https://demo.hashnode.dev/first-post", hn.url());
        assertNotNull(hn.hash());
        assertNotNull(HashnodeState.of(hn.ext()).cuid());
        assertEquals(FakeHashnode.PUBLICATION_ID, HashnodeState.of(hn.ext()).publicationId());
        PlatformRecord li = blog.published("first-post", "linkedin");
        assertNotNull(li.hash());
        assertTrue(li.url().contains(li.id()), li::toString);
        FakeLinkedIn.StoredPost card = blog.linkedin.byUrn(li.id());
        assertEquals("https://demo.hashnode.dev/first-post", card.source(), "the card links to the Hashnode post");
        assertEquals("Where it starts", card.article.path("description").asText());
        // The cover went up once through the Images API and became the card's thumbnail.
        assertEquals(1, blog.linkedin.count("initializeUpload"));
        assertEquals(1, blog.linkedin.uploads().size());
        assertTrue(card.article.path("thumbnail").asText().startsWith("urn:li:image:"), card.article::toString);
        assertEquals(FakeLinkedIn.AUTHOR, card.author);

        blog.resetCounts();
        E2eBlog.Run second = blog.publish();
        assertEquals(0, second.code(), second::toString);
        for (String slug : List.of("first-post", "second-post", "third-post")) {
            assertEquals("unchanged", second.outcome(slug, "hashnode"), second::toString);
            assertEquals("unchanged", second.outcome(slug, "linkedin"), second::toString);
        }
        assertEquals(0, blog.requests(), () -> "a run in which nothing changed sent requests: hashnode "
                + blog.hashnode.operations() + ", linkedin " + blog.linkedin.total());
        assertEquals(3, blog.hashnode.posts().size());
        assertEquals(3, blog.linkedin.posts().size());

        // As text, a run where nothing changed says so in one line; --verbose lists every post.
        CliRun.Result text = blog.run("publish");
        assertTrue(text.out().contains("6 unchanged") && text.out().contains("(6 unchanged not listed"), text::toString);
        assertTrue(!text.out().contains("first-post"), text::toString);
        assertTrue(blog.run("publish", "--verbose").out().matches("(?s).*unchanged\\s+hashnode\\s+first-post.*"));
        // A plan and a dry run show the same rows as the run they foresee: unchanged posts are counted, not listed
        // (a plan of 50,000 posts printed 50,000 lines to say there was nothing to do).
        for (String[] args : List.of(new String[] {"plan"}, new String[] {"publish", "--dry-run"})) {
            CliRun.Result foreseen = blog.run(args);
            assertEquals(0, foreseen.code(), foreseen::toString);
            assertTrue(foreseen.out().contains("6 unchanged") && foreseen.out().contains("(6 unchanged not listed"),
                    foreseen::toString);
            assertTrue(!foreseen.out().contains("first-post"), foreseen::toString);
            String[] verbose = java.util.Arrays.copyOf(args, args.length + 1);
            verbose[args.length] = "--verbose";
            assertTrue(blog.run(verbose).out().matches("(?s).*unchanged\\s+linkedin\\s+third-post.*"),
                    () -> String.join(" ", verbose));
        }
        assertEquals(0, blog.requests(), "plans and dry runs of an unchanged blog send nothing");
    }

    @Test
    void anEditedBodyIsOneUpdateOnEachPlatformWithEveryTagAndNoSlug() throws IOException {
        assertEquals(0, blog.publish().code());
        blog.resetCounts();
        String text = blog.cli.read("posts/second.md").replace("Some text for Second post.",
                "Some text for Second post, now with a fix.");
        blog.cli.write("posts/second.md", text);

        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("updated", r.outcome("second-post", "hashnode"), r::toString);
        assertEquals("updated", r.outcome("second-post", "linkedin"), r::toString);
        assertEquals("unchanged", r.outcome("first-post", "hashnode"), r::toString);
        assertEquals("unchanged", r.outcome("third-post", "linkedin"), r::toString);
        assertEquals(List.of("UpdatePost"), blog.hashnode.operations(), "one updatePost and nothing else");
        JsonNode input = blog.hashnode.variables("UpdatePost").get(0).path("input");
        assertEquals(blog.published("second-post", "hashnode").id(), input.path("id").asText());
        assertFalse(input.has("slug"), () -> "an update must not send the slug: " + input);
        List<String> tags = new ArrayList<>();
        input.path("tags").forEach(t -> tags.add(t.path("slug").asText()));
        assertEquals(List.of("java", "cli"), tags);
        assertEquals(1, blog.linkedin.count("partialUpdate"));
        assertEquals(1, blog.linkedin.total(), "one PARTIAL_UPDATE and nothing else on LinkedIn");

        FakeHashnode.StoredPost hn = blog.hashnode.postsTitled("Second post").get(0);
        assertTrue(hn.markdown.contains("now with a fix"), hn.markdown);
        assertEquals(List.of("java", "cli"), hn.tags);
        FakeLinkedIn.StoredPost li = blog.linkedin.byUrn(blog.published("second-post", "linkedin").id());
        assertTrue(li.commentary.contains("now with a fix"), li.commentary);
        assertEquals(3, blog.hashnode.posts().size());
        assertEquals(3, blog.linkedin.posts().size());

        blog.resetCounts();
        E2eBlog.Run again = blog.publish();
        assertEquals(0, again.code(), again::toString);
        assertEquals(0, blog.requests(), "an edit is sent once");
    }

    @Test
    void aChangedSubtitleAloneCannotReachALinkedInCardAndSendsNothingToLinkedIn() throws IOException {
        assertEquals(0, blog.publish().code());
        blog.resetCounts();
        String text = blog.cli.read("posts/first.md").replace("Where it starts", "Where it all begins");
        blog.cli.write("posts/first.md", text);

        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("updated", r.outcome("first-post", "hashnode"), r::toString);
        assertEquals("Where it all begins", blog.hashnode.postsTitled("First post").get(0).subtitle);
        assertTrue(r.message("first-post", "linkedin").contains("LinkedIn cannot edit the card"), r::toString);
        assertEquals(0, blog.linkedin.total(), "nothing can be sent to LinkedIn for a card change");
        assertEquals(0, blog.linkedin.count("image-host"), "the cover is not downloaded again");
        FakeLinkedIn.StoredPost li = blog.linkedin.byUrn(blog.published("first-post", "linkedin").id());
        assertEquals("Where it starts", li.article.path("description").asText(), "LinkedIn's card is as it was");

        blog.resetCounts();
        E2eBlog.Run again = blog.publish();
        assertEquals(0, again.code(), again::toString);
        assertEquals(0, blog.requests(), "the card note is given once, not on every run");
    }

    @Test
    void dryRunSendsNoChangeAndPrintsTheRequestsWithoutTokens() {
        CliRun.Result r = blog.run("publish", "--dry-run");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, blog.hashnode.mutations(), "a dry run sends no mutation");
        assertEquals(0, blog.linkedin.mutations(), "a dry run sends no mutation");
        assertTrue(r.out().contains("publishPost: POST " + blog.hashnodeServer.url("/")), r::toString);
        assertTrue(r.out().contains("\"contentMarkdown\"") && r.out().contains("\"title\" : \"Second post\""),
                r::toString);
        assertTrue(r.out().contains("\"publicationId\" : \"" + FakeHashnode.PUBLICATION_ID + "\""), r::toString);
        assertTrue(r.out().contains("createPost: POST " + blog.linkedinServer.url("/rest/posts")), r::toString);
        assertTrue(blog.hashnode.posts().isEmpty() && blog.linkedin.posts().isEmpty());
        assertFalse(java.nio.file.Files.exists(blog.stateFile()), "a dry run writes no state");
    }
    // --max, for each platform: ReleaseOrderE2eTest.
}
