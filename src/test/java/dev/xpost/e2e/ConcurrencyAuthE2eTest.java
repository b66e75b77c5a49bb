package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs at once on one blog, and refused credentials, end to end. */
class ConcurrencyAuthE2eTest {
    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        blog.post("second.md", "Second post", "2026-11-22T09:00:00Z", "second-post");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    void twoRunsStartedTogetherNeverBothPublish() throws Exception {
        // The first run's first create is slow, so the second run arrives while the first holds the lock.
        blog.hashnode.fail("PublishPost", Fault.HEADERS_DELAY, 1, true, 1_200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<E2eBlog.Run> first = pool.submit(() -> blog.publish());
            assertTrue(blog.hashnode.awaitPublish(10_000), "the first run never reached Hashnode");
            CliRun other = new CliRun(dir);
            other.clock = blog.cli.clock;
            other.env.putAll(blog.cli.env);
            Future<CliRun.Result> second = pool.submit(() -> other.run("publish", "--json"));

            E2eBlog.Run a = first.get(20, TimeUnit.SECONDS);
            CliRun.Result b = second.get(40, TimeUnit.SECONDS);
            blog.assertNoTokenIn(b);
            assertEquals(0, a.code(), a::toString);
            assertEquals("created", a.outcome("first-post", "hashnode"), a::toString);
            if (b.code() == 0) {
                E2eBlog.Run waited = new E2eBlog.Run(b, dev.xpost.http.Json.parseOrNull(b.out()));
                for (String slug : new String[] {"first-post", "second-post"}) {
                    assertEquals("unchanged", waited.outcome(slug, "hashnode"), b::toString);
                    assertEquals("unchanged", waited.outcome(slug, "linkedin"), b::toString);
                }
            } else {
                assertEquals(2, b.code(), b::toString);
                assertTrue(b.err().contains("lock"), b::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, blog.hashnode.count("PublishPost"));
        assertEquals(2, blog.linkedin.count("createPost"));
        blog.assertExactlyOnce("first-post", "First post", true);
        blog.assertExactlyOnce("second-post", "Second post", true);
    }

    @Test
    void aRejectedHashnodeTokenIsExitFourAndSaysSo() {
        blog.hashnode.fail("Publication", Fault.HTTP_401);
        E2eBlog.Run r = blog.publish();
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.message("first-post", "hashnode").contains("HASHNODE_TOKEN was rejected"), r::toString);
        assertEquals(1, blog.hashnode.total(), "nothing more is sent with a rejected token");
        assertEquals(0, blog.linkedin.count("createPost"), "LinkedIn waits for the Hashnode post");
        assertTrue(blog.hashnode.posts().isEmpty());

        E2eBlog.Run gql = blog.publish();
        assertEquals(0, gql.code(), "the token works again: " + gql);
        blog.assertExactlyOnce("first-post", "First post", true);
    }

    @Test
    void hashnodeUnauthenticatedInsideA200IsExitFourToo() {
        blog.hashnode.fail("Publication", Fault.GRAPHQL_UNAUTHENTICATED);
        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.message("second-post", "hashnode").contains("HASHNODE_TOKEN was rejected"), r::toString);
    }

    @Test
    void hashnodeWithoutAProPlanIsExitFourAfterExactlyOneRequest() {
        blog.hashnode.fail("Publication", Fault.GRAPHQL_FORBIDDEN_PRO);
        E2eBlog.Run r = blog.publish();
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.message("first-post", "hashnode").contains("needs a Hashnode Pro plan"), r::toString);
        assertEquals(1, blog.hashnode.total(), () -> "requests: " + blog.hashnode.operations());
        assertEquals(0, blog.linkedin.mutations());
    }

    @Test
    void aRejectedLinkedInTokenIsExitFourAndHashnodeStillPublishes() {
        blog.linkedin.fail("userinfo", Fault.HTTP_401);
        E2eBlog.Run r = blog.publish();
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.message("first-post", "linkedin").contains("xpost auth linkedin"), r::toString);
        assertEquals("created", r.outcome("first-post", "hashnode"), r::toString);
        assertEquals(1, blog.linkedin.total(), "nothing more is sent with a rejected token");
        assertEquals(2, blog.hashnode.posts().size());
        assertTrue(blog.linkedin.posts().isEmpty());
    }

    @Test
    void aRetiredLinkedInVersionIsExitTwoNamingTheSetting() {
        blog.linkedin.fail("createPost", Fault.HTTP_426);
        E2eBlog.Run r = blog.publish();
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.message("first-post", "linkedin").contains("linkedin.version"), r::toString);
        assertTrue(r.message("second-post", "linkedin").contains("not attempted"), r::toString);
        assertEquals(1, blog.linkedin.count("createPost"), "the platform stops after a 426");
        assertEquals(2, blog.hashnode.posts().size());
    }

    @Test
    void aMissingLinkedInTokenIsExitFourWithHowToGetOneAndHashnodeStillPublishes() {
        blog.cli.env.remove("LINKEDIN_ACCESS_TOKEN");
        E2eBlog.Run r = blog.publish();
        assertEquals(4, r.code(), r::toString);
        String why = r.message("first-post", "linkedin");
        assertTrue(why.contains("LINKEDIN_ACCESS_TOKEN is not set") && why.contains("xpost auth linkedin"),
                r::toString);
        assertEquals("created", r.outcome("first-post", "hashnode"), r::toString);
        assertEquals("created", r.outcome("second-post", "hashnode"), r::toString);
        assertEquals(0, blog.linkedin.total(), "no request without a token");
        assertEquals(2, blog.hashnode.posts().size());
    }
}
