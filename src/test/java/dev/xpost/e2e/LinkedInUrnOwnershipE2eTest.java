package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.Status;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A LinkedIn URN belongs to one post: LinkedIn's 422 duplicate answer is adopted only when it names a post that is
 * nobody else's and was not forgotten by the user (issue 11, point 2).
 */
class LinkedInUrnOwnershipE2eTest {
    private static final String SAME_TEXT = "linkedin: {text: \"New article on my blog, link below.\"}";

    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void aNewPostAnsweredWithAnotherPostsUrnIsNotRecordedAndCannotBeAdoptedByHand() throws IOException {
        blog.post("one.md", "Post one", "2026-11-20T09:00:00Z", "post-one");
        blog.post("two.md", "Post two", "2026-11-21T09:00:00Z", "post-two");
        blog.linkedin.answerEveryCreateWithOneUrn();

        E2eBlog.Run r = blog.publish();
        assertEquals(6, r.code(), "an answer that cannot be trusted is an unknown outcome: " + r);
        String urn = blog.published("post-one", "linkedin").id();
        assertEquals(Status.UNKNOWN, blog.record("post-two", "linkedin").orElseThrow().status(), r::toString);
        assertTrue(r.message("post-two", "linkedin").contains(urn + ", which is the id of posts/one.md"), r::toString);

        CliRun.Result adopt = blog.run("state", "adopt", "post-two", "--platform", "linkedin", "--id", urn);
        assertEquals(2, adopt.code(), adopt::toString);
        assertTrue(adopt.err().contains("already the linkedin post of posts/one.md"), adopt::toString);
    }

    @Test
    void twoPostsWithTheSameHandWrittenTextDoNotShareTheFirstPostsUrn() throws IOException {
        blog.post("one.md", "Post one", "2026-11-20T09:00:00Z", "post-one", SAME_TEXT);
        blog.post("two.md", "Post two", "2026-11-21T09:00:00Z", "post-two", SAME_TEXT);

        E2eBlog.Run r = blog.publish();
        assertEquals(5, r.code(), r::toString);
        assertEquals("created", r.outcome("post-one", "linkedin"), r::toString);
        assertEquals("failed", r.outcome("post-two", "linkedin"), r::toString);
        String why = r.message("post-two", "linkedin");
        PlatformRecord one = blog.published("post-one", "linkedin");
        assertTrue(why.contains("duplicate of " + one.id()) && why.contains("posts/one.md")
                && why.contains("identical") && why.contains("linkedin.text"), why);
        assertEquals(1, blog.linkedin.posts().size(), "LinkedIn holds the first post only");
        assertEquals(Status.FAILED, blog.record("post-two", "linkedin").orElseThrow().status(),
                "the second post holds no URN");

        // Editing the second post's text must never touch the first post's LinkedIn text.
        blog.cli.write("posts/two.md", CliRun.post("Post two", "2026-11-21T09:00:00Z", "post-two", "java, cli",
                "linkedin: {text: \"Part two is out: what I learned.\"}"));
        E2eBlog.Run again = blog.publish();
        assertEquals(0, again.code(), again::toString);
        assertEquals("created", again.outcome("post-two", "linkedin"), again::toString);
        PlatformRecord two = blog.published("post-two", "linkedin");
        assertNotEquals(one.id(), two.id());
        assertEquals("New article on my blog, link below.", blog.linkedin.byUrn(one.id()).commentary);
        assertEquals("Part two is out: what I learned.", blog.linkedin.byUrn(two.id()).commentary);
        assertEquals(2, blog.linkedin.posts().size());
    }

    @Test
    void aUrnDeletedByHandAndForgottenIsNotAdoptedAgain() throws IOException {
        blog.post("one.md", "Post one", "2026-11-20T09:00:00Z", "post-one", SAME_TEXT);
        assertEquals(0, blog.publish().code());
        String dead = blog.published("post-one", "linkedin").id();

        // xpost's own advice for a changed card: delete the post on LinkedIn, forget it, publish again.
        blog.linkedin.deleteByHand(dead);
        CliRun.Result forget = blog.run("state", "forget", "post-one", "--platform", "linkedin");
        assertEquals(0, forget.code(), forget::toString);

        E2eBlog.Run r = blog.publish();
        assertEquals(5, r.code(), r::toString);
        assertEquals("failed", r.outcome("post-one", "linkedin"), r::toString);
        String why = r.message("post-one", "linkedin");
        assertTrue(why.contains(dead) && why.contains("state forget") && why.contains("wait a day or two"), why);
        assertTrue(blog.record("post-one", "linkedin").map(x -> x.status() != Status.PUBLISHED).orElse(true),
                "the dead URN was not recorded");
        assertEquals(0, blog.linkedin.posts().size());

        CliRun.Result status = blog.run("status");
        assertTrue(status.out().matches("(?s).*post-one\\s+linkedin\\s+failed.*"), status::toString);

        // A day or two later LinkedIn stops naming the deleted post, and the next publish creates a new one.
        blog.linkedin.forgetDeleted();
        E2eBlog.Run later = blog.publish();
        assertEquals(0, later.code(), later::toString);
        assertEquals("created", later.outcome("post-one", "linkedin"), later::toString);
        String fresh = blog.published("post-one", "linkedin").id();
        assertNotEquals(dead, fresh);
        assertEquals(1, blog.linkedin.posts().size());
    }
}
