package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "work only for what will be sent": plan and publish read a post known unchanged since it was sent (its
 * records' source digests equal the ones computed now) by its front matter alone, and do not judge its body again;
 * validate judges every body. Through the real CLI against the stateful fakes.
 */
class UnchangedReadE2eTest {
    private static final String SLUG = "first-post";
    /** A value that only becomes a secret after the post was sent: a token issued later. */
    private static final String LATER_TOKEN = "fake-later-key-5f1e";

    @TempDir
    java.nio.file.Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", SLUG);
        // An ESC pasted by accident: a warning, the post is sent as written. And a string that is no secret yet.
        String text = blog.cli.read("posts/first.md");
        blog.cli.write("posts/first.md", text + "\nPasted \u001b here, and the word " + LATER_TOKEN + ".\n");
        E2eBlog.Run first = blog.publish();
        assertEquals(0, first.code(), first::toString);
        assertEquals("created", first.outcome(SLUG, "hashnode"), first::toString);
        blog.resetCounts();
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    private static boolean mentions(CliRun.Result r, String what) {
        return r.out().contains(what) || r.err().contains(what);
    }

    @Test
    void aBodyProblemFoundAfterThePostWasSentIsReportedByValidateNotByANoOpPlanOrPublish() {
        // The body now holds a secret value: validate reports it (an error, the token not quoted), while plan and
        // publish, with nothing to send for this post, do not read its body at all.
        blog.cli.env.put("DEVTO_API_KEY", LATER_TOKEN);

        CliRun.Result plan = blog.run("plan");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("unchanged"), plan::toString);
        assertFalse(mentions(plan, "secret-in-post"), "checked when it was sent: " + plan);

        CliRun.Result validate = blog.run("validate");
        assertTrue(mentions(validate, "secret-in-post"), validate::toString);
        assertTrue(mentions(validate, "U+001B"), "validate still reads every body: " + validate);
        assertTrue(validate.code() != 0, validate::toString);

        E2eBlog.Run publish = blog.publish();
        assertEquals(0, publish.code(), publish::toString);
        assertEquals("unchanged", publish.outcome(SLUG, "hashnode"), publish::toString);
        assertEquals("unchanged", publish.outcome(SLUG, "linkedin"), publish::toString);
        assertEquals(0, blog.requests(), "a run with nothing to do costs no request");
    }

    @Test
    void aSecretInTheFrontMatterOfAnUnchangedPostIsStillAnErrorOfPlan() {
        // The front matter is read and judged for every post: only the body of an unchanged one is not.
        blog.cli.env.put("DEVTO_API_KEY", "First post");
        CliRun.Result plan = blog.run("plan");
        assertTrue(mentions(plan, "secret-in-post"), plan::toString);
        assertTrue(mentions(plan, "the title holds"), plan::toString);
    }

    @Test
    void anEditedPostIsJudgedFullyAgain() throws IOException {
        blog.cli.env.put("DEVTO_API_KEY", LATER_TOKEN);
        String text = blog.cli.read("posts/first.md");
        blog.cli.write("posts/first.md", text + "\nOne more line.\n");

        CliRun.Result plan = blog.run("plan");
        assertTrue(mentions(plan, "secret-in-post"), plan::toString);
        assertFalse(mentions(plan, LATER_TOKEN), "a secret is never printed");

        E2eBlog.Run publish = blog.publish();
        assertTrue(publish.code() != 0, publish::toString);
        assertEquals(0, blog.hashnode.count("UpdatePost"), "a post holding a secret is not sent");
    }

    @Test
    void aPostWhoseFrontMatterChangedIsJudgedFullyToo() throws IOException {
        blog.cli.env.put("DEVTO_API_KEY", LATER_TOKEN);
        String text = blog.cli.read("posts/first.md");
        blog.cli.write("posts/first.md", text.replace("tags: java, cli", "tags: java, go"));
        CliRun.Result plan = blog.run("plan");
        assertTrue(mentions(plan, "secret-in-post"), plan::toString);
    }

    @Test
    void aSecretUsedAsTheSlugIsAnError() throws IOException {
        // Hashnode tokens are UUIDs, which are valid slugs: the slug goes into the post's URL for all to read.
        String uuid = "0f8fad5b-0000-4000-8000-000000000000";
        blog.cli.env.put("DEVTO_API_KEY", uuid);
        blog.cli.write("posts/leak.md", CliRun.post("Leak", null, uuid, "java, cli"));
        CliRun.Result validate = blog.run("validate");
        assertEquals(3, validate.code(), validate::toString);
        assertTrue(mentions(validate, "the slug holds"), validate::toString);
        assertFalse(mentions(validate, uuid), "a secret is never printed");
    }
}
