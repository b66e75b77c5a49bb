package dev.xpost.e2e;

import dev.xpost.platform.hashnode.HashnodeState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.cli.CliRun;
import dev.xpost.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving in (issue 9): a folder shaped like Hashnode's "backup to GitHub" (drafts in both forms, a deleted post
 * beside its live namesake, a community reply, legacy posts without front matter, one titled in Persian, live
 * posts with old dates) published against the fake Hashnode and LinkedIn. Nothing that was not a live post is ever
 * published, and years of history never reach LinkedIn.
 */
class MovingInE2eTest {
    static final String DELETED = "clx1aaaaa000108l1aaaaaaaa";
    static final String LIVE_SSH = "clx1bbbbb000108l1bbbbbbbb";
    static final String REPLY = "ckr65k6ah0004iksfhjucbts5";
    static final String LEGACY = "ckq2lgcy00001abcdefghijkl";
    static final String PERSIAN = "ckq3prsn00001abcdefghijkl";
    static final String OLD_2020 = "ckz4live00001abcdefghijkl";
    static final String OLD_2023 = "ckz5live00001abcdefghijkl";
    static final String OLD_2024 = "ckz6live00001abcdefghijkl";

    @TempDir
    java.nio.file.Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        backup();
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    /** The backup folder, and the publication it came from (only the live posts). */
    private void backup() throws IOException {
        blog.cli.write("posts/draft-65a1f0c2e4b0d81a2f3c9e77.md",
                "---\ntitle: \"Notes on caching\"\ncover: https://cdn.example/x.png\n\n---\n\nHalf done…\n");
        blog.cli.write("posts/draft-65a1f0c2e4b0d81a2f3c9e78.md", "---\n\n---\n\nJust an idea.\n");
        // Deleted on Hashnode, then published again minutes later under the same slug and a new cuid.
        blog.post(DELETED + ".md", "Git over SSH", "2023-05-01T10:00:00Z", "git-ssh", "cuid: " + DELETED);
        live(LIVE_SSH, "Git over SSH", "2023-05-01T10:05:00Z", "git-ssh");
        // A community reply kept by an old backup: it was never a post of the publication.
        blog.cli.write("posts/" + REPLY + ".md", "## Thanks, that fixed it for me\n\nI tried the second way.\n");
        blog.cli.write("posts/" + LEGACY + ".md", "# Docker tips\n\nUse multi-stage builds.\n");
        blog.hashnode.seed(LEGACY, "docker-tips", "Docker tips", "Use multi-stage builds.", "2019-03-01T09:00:00Z");
        blog.cli.write("posts/" + PERSIAN + ".md", "# از کجا بفهمیم نسخه انگولار چنده؟\n\nبا دستور ng version.\n");
        blog.hashnode.seed(PERSIAN, "angular-version", "از کجا بفهمیم نسخه انگولار چنده؟", "با دستور ng version.",
                "2019-04-01T09:00:00Z");
        live(OLD_2020, "Old from 2020", "2020-02-02T09:00:00Z", "old-from-2020");
        live(OLD_2023, "Old from 2023", "2023-06-01T09:00:00Z", "old-from-2023");
        live(OLD_2024, "Old from 2024", "2024-03-01T09:00:00Z", "old-from-2024");
    }

    private void live(String cuid, String title, String date, String slug) throws IOException {
        blog.post(cuid + ".md", title, date, slug, "cuid: " + cuid);
        blog.hashnode.seed(cuid, slug, title, "Some text for " + title + ".", date);
    }

    private void since(String day) throws IOException {
        java.nio.file.Path config = blog.dir.resolve("config/xpost.yaml");
        Files.writeString(config, Files.readString(config).replace("  author: auto\n",
                "  author: auto\n  since: " + day + "\n"));
    }

    /** Action label → count, from a --json document's rows. */
    private static Map<String, Integer> counts(JsonNode doc, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        doc.path("actions").forEach(a -> counts.merge(a.path(field).asText(), 1, Integer::sum));
        return counts;
    }

    private static String row(JsonNode doc, String file, String platform, String field) {
        for (JsonNode a : doc.path("actions")) {
            if (a.path("file").asText().endsWith(file) && (platform == null ? a.path("platform").isNull()
                    : platform.equals(a.path("platform").asText()))) {
                return a.path(field).asText();
            }
        }
        throw new AssertionError("no row for " + file + " on " + platform + " in " + doc);
    }

    @Test
    void firstPublishAdoptsEveryLivePostCreatesNothingAndPostsNothingToLinkedIn() {
        CliRun.Result plan = blog.run("plan", "--json");
        assertEquals(0, plan.code(), plan::toString);
        JsonNode planned = Json.parseOrNull(plan.out());
        assertEquals(0, blog.hashnode.mutations() + blog.linkedin.mutations(), "a plan changes nothing");

        E2eBlog.Run first = blog.publish();
        assertEquals(0, first.code(), first::toString);
        assertEquals(0, blog.hashnode.count("PublishPost"), "nothing is created on Hashnode");
        assertEquals(0, blog.hashnode.mutations(), "the live posts' content equals the files: nothing to update");
        assertEquals(0, blog.linkedin.mutations(), "nothing is posted to LinkedIn");
        assertEquals(6, blog.hashnode.posts().size(), "the publication holds its six live posts, no more");

        // Every live post is adopted by its cuid, recorded with the id of that very post.
        for (String cuid : List.of(LIVE_SSH, LEGACY, PERSIAN, OLD_2020, OLD_2023, OLD_2024)) {
            assertEquals("adopted", row(first.doc(), cuid + ".md", "hashnode", "outcome"), cuid);
            FakeHashnode.StoredPost remote = blog.hashnode.posts().stream().filter(p -> cuid.equals(p.cuid))
                    .findFirst().orElseThrow();
            assertEquals(remote.id, blog.published(remote.slug, "hashnode").id(), cuid);
            assertEquals("skipped", row(first.doc(), cuid + ".md", "linkedin", "outcome"), cuid);
        }
        // The live git-ssh is recorded as itself, not as the deleted file that shares its slug.
        assertEquals(LIVE_SSH, HashnodeState.of(blog.published("git-ssh", "hashnode").ext()).cuid());
        assertTrue(blog.record("angular-version", "hashnode").isPresent(), "the Persian post, by Hashnode's slug");
        // The deleted post and the reply are gone: reported with the way out, never created.
        for (String cuid : List.of(DELETED, REPLY)) {
            assertEquals("gone", row(first.doc(), cuid + ".md", "hashnode", "outcome"), cuid);
            assertTrue(row(first.doc(), cuid + ".md", "hashnode", "message").contains("--recreate-gone"), cuid);
            assertEquals("its Hashnode post is gone: nothing to link to",
                    row(first.doc(), cuid + ".md", "linkedin", "message"), cuid);
        }
        assertTrue(first.doc().path("warnings").toString().contains("2 posts are gone from Hashnode (deleted there, "
                + "or never a post) and were not created"), first::toString);
        assertEquals("draft", row(first.doc(), "draft-65a1f0c2e4b0d81a2f3c9e77.md", null, "outcome"));
        assertEquals("draft", row(first.doc(), "draft-65a1f0c2e4b0d81a2f3c9e78.md", null, "outcome"));
        assertEquals(Map.of("adopted", 6, "draft", 2, "gone", 2, "skipped", 8), toMap(first.doc().path("counts")),
                "publish --json counts what happened");

        // plan before it said the same, row for row.
        assertEquals(counts(first.doc(), "action"), counts(planned, "action"), plan::toString);
        assertEquals(Map.of("adopt", 6, "draft", 2, "gone", 2, "skipped", 8), toMap(planned.path("counts")));

        blog.resetCounts();
        E2eBlog.Run second = blog.publish();
        assertEquals(0, second.code(), second::toString);
        assertEquals(0, blog.requests(), "a second run sends no request");
        assertEquals("gone", row(second.doc(), DELETED + ".md", "hashnode", "outcome"));
        assertEquals(0, blog.linkedin.posts().size());
        CliRun.Result status = blog.run("status");
        assertTrue(status.out().matches("(?s).*git-ssh\\s+hashnode\\s+gone.*"), status::toString);
        assertTrue(status.out().matches("(?s).*angular-version\\s+hashnode\\s+in sync.*"), status::toString);
        assertFalse(status.out().contains("changed since last sync") || status.out().contains("record without"),
                "status agrees with the fake: every adopted post is in sync\n" + status);
    }

    /**
     * A folder linked inside the posts folder (a new user's review: `ln -s old posts/alias`) leads to files already
     * walked: each is one post, read once by its path without the link. Before, the same file read twice was two
     * posts with one slug: a moved-in post was adopted again by every run (a request and a new state file each
     * time), and a post without a cuid got two `duplicate-slug` errors.
     */
    @Test
    void aFolderLinkedInsideThePostsFolderIsNotASecondCopyOfItsPosts() throws IOException {
        java.nio.file.Path old = Files.createDirectories(blog.dir.resolve("posts/old"));
        Files.move(blog.dir.resolve("posts/" + OLD_2020 + ".md"), old.resolve(OLD_2020 + ".md"));
        blog.cli.write("posts/old/fresh.md", "---\ntitle: Fresh\nslug: fresh-post\n---\n\nNew text.\n");
        Files.createSymbolicLink(blog.dir.resolve("posts/alias"), java.nio.file.Path.of("old"));

        CliRun.Result validate = blog.run("validate");
        assertFalse(validate.out().contains("posts/alias/"), validate::toString);
        assertTrue(validate.out().contains("11 posts checked"), "ten files and the new one: " + validate);
        E2eBlog.Run first = blog.publish();
        assertEquals(0, first.code(), first::toString);
        assertEquals("adopted", row(first.doc(), "old/" + OLD_2020 + ".md", "hashnode", "outcome"));
        assertEquals(1, blog.hashnode.count("PublishPost"), "the new post is created once");
        assertTrue(first.doc().toString().contains("posts/old/fresh.md")
                && !first.doc().toString().contains("posts/alias/"), "rows name the path without the link");

        java.nio.file.Path state = blog.dir.resolve(".xpost/state.json");
        byte[] before = Files.readAllBytes(state);
        blog.resetCounts();
        E2eBlog.Run second = blog.publish();
        assertEquals(0, second.code(), second::toString);
        assertEquals(0, blog.requests(), "nothing is adopted again: " + second);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(state)), "the state file is left as it was");

        // Named through a link outside the posts folder, it keeps its recorded path (the state was rewritten to
        // `l/…` and back on alternate runs, an attack review found).
        Files.createSymbolicLink(blog.dir.resolve("l"), java.nio.file.Path.of("posts"));
        E2eBlog.Run named = blog.publish("l/old/fresh.md");
        assertEquals(0, named.code(), named::toString);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(state)), "recorded under posts/old/fresh.md");

        // Named by its path through the link, a post is still the one the run acts on.
        CliRun.Result plan = blog.run("plan", "--json", "posts/alias/fresh.md");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("\"fresh-post\""), plan::toString);
    }

    @Test
    void withSinceInsideItsHistoryOnlyTheAdoptedPostsFromThenOnGoToLinkedInMaxAtATime() throws IOException {
        since("2023-01-01");
        E2eBlog.Run first = blog.publish("--max", "2");
        assertEquals(0, first.code(), first::toString);
        assertEquals(0, blog.hashnode.count("PublishPost"));
        assertEquals(2, blog.linkedin.posts().size(), "--max 2: two at a time, oldest first");
        E2eBlog.Run second = blog.publish("--max", "2");
        assertEquals(0, second.code(), second::toString);
        blog.resetCounts();
        E2eBlog.Run third = blog.publish("--max", "2");
        assertEquals(0, blog.requests(), "all sent: " + third);

        // Exactly the adopted posts dated on or after 2023-01-01; not the deleted namesake, not undated legacy.
        List<String> linked = new ArrayList<>();
        for (String slug : List.of("git-ssh", "old-from-2023", "old-from-2024")) {
            String url = blog.published(slug, "hashnode").url();
            assertEquals(1, blog.linkedin.postsLinkingTo(url).size(), slug);
            linked.add(blog.published(slug, "linkedin").id());
        }
        assertEquals(3, blog.linkedin.posts().size(), "nothing else went to LinkedIn");
        assertEquals(3, linked.stream().distinct().count());
        assertTrue(blog.record("old-from-2020", "linkedin").isEmpty());
        assertTrue(first.message("old-from-2020", "linkedin").contains("dated before linkedin.since (2023-01-01)"),
                first::toString);
        assertTrue(first.message("docker-tips", "linkedin").contains("undated"), first::toString);
    }

    @Test
    void theRunSaysOnceHowManyOldPostsSkipLinkedInAndWhyInLinkedInsOwnTerms() throws IOException {
        E2eBlog.Run first = blog.publish();
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.doc().path("warnings").toString().contains("6 posts that were on Hashnode before xpost knew "
                + "them are not sent to LinkedIn (undated, or dated before the day xpost first recorded this blog, as "
                + "linkedin.since is not set); `linkedin: {post: true}` in a post's front matter sends it anyway"),
                first::toString);

        since("2023-01-01");
        E2eBlog.Run again = blog.publish();
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.doc().path("warnings").toString().contains("not sent to LinkedIn (undated, or dated before "
                + "linkedin.since); "), again::toString);
    }

    @Test
    void aPostCanAskToGoToLinkedInDespiteItsDate() throws IOException {
        blog.post(OLD_2020 + ".md", "Old from 2020", "2020-02-02T09:00:00Z", "old-from-2020", "cuid: " + OLD_2020,
                "linkedin: {post: true}");
        E2eBlog.Run r = blog.publish();
        assertEquals(0, r.code(), r::toString);
        assertEquals("created", r.outcome("old-from-2020", "linkedin"), r::toString);
        assertEquals(1, blog.linkedin.posts().size(), "only the post that asked for it");
    }

    @Test
    void recreateGoneCreatesTheGonePostsOldestFirstUnderMax() {
        E2eBlog.Run r = blog.publish("--recreate-gone", "--max", "1", "--platform", "hashnode");
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, blog.hashnode.count("PublishPost"), r::toString);
        assertEquals(2, blog.hashnode.postsTitled("Git over SSH").size(), "the deleted post, created again");
        assertEquals("held", r.outcome("thanks-that-fixed-it-for-me", "hashnode"), r::toString);
        E2eBlog.Run plain = blog.publish("--platform", "hashnode");
        assertEquals(0, plain.code(), plain::toString);
        assertEquals(1, blog.hashnode.count("PublishPost"), "without the option nothing more is created");
        assertEquals("gone", plain.outcome("thanks-that-fixed-it-for-me", "hashnode"), plain::toString);
    }

    @Test
    void offlinePlanSaysWhatItCouldNotCheck() {
        blog.cli.env.remove("HASHNODE_TOKEN");
        blog.cli.env.remove("LINKEDIN_ACCESS_TOKEN");
        CliRun.Result plan = blog.run("plan");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("not checked: no HASHNODE_TOKEN"), plan::toString);
        assertTrue(plan.err().contains("8 posts with a Hashnode cuid could not be checked"), plan::toString);
        assertTrue(plan.out().contains("2 draft"), plan::toString);
        assertFalse(plan.out().contains("create"), plan::toString);
        assertEquals(0, blog.requests());
    }

    /**
     * A plan without tokens still exits 0 (a pull request from a fork has none), but says once per platform that
     * what it shows as sent would fail in publish (a new user's review: "2 create", exit 0, not a word of it).
     */
    @Test
    void offlinePlanOfNewPostsSaysPublishWouldFailWithoutTheToken() throws IOException {
        blog.cli.write("posts/fresh.md", "---\ntitle: Fresh\nslug: fresh-post\ntags: java\n---\n\nNew text.\n");
        blog.cli.env.remove("HASHNODE_TOKEN");
        blog.cli.env.remove("LINKEDIN_ACCESS_TOKEN");
        CliRun.Result plan = blog.run("plan");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("create     hashnode  fresh-post"), plan::toString);
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("HASHNODE_TOKEN is not set: publish would "
                + "fail (\\d+) posts on Hashnode \\(exit 4\\)").matcher(plan.err());
        assertTrue(said.find(), plan::toString);
        assertTrue(plan.err().contains("LINKEDIN_ACCESS_TOKEN is not set: publish would fail"), plan::toString);
        E2eBlog.Run publish = blog.publish();
        assertEquals(4, publish.code(), "as the plan said: " + publish);
        long failed = 0;
        for (JsonNode a : publish.doc().path("actions")) {
            if (a.path("platform").asText().equals("hashnode") && a.path("outcome").asText().equals("failed")) {
                failed++;
            }
        }
        assertEquals(failed, Long.parseLong(said.group(1)), "the plan counted what publish failed: " + publish);
        // With the tokens, no such warning.
        blog.cli.env.put("HASHNODE_TOKEN", E2eBlog.HASHNODE_TOKEN);
        assertFalse(blog.run("plan").err().contains("HASHNODE_TOKEN is not set"));
    }

    @Test
    void aDraftsProblemsAreWarningsThatBlockNothing() throws IOException {
        blog.cli.write("posts/draft-65a1f0c2e4b0d81a2f3c9e79.md", "---\ntitle: \"Half\"\nslug: Not A Slug\n---\n\nx\n");
        blog.cli.write("posts/half.md", "---\ntitle: \"Half\"\ndraft: true\ntags: [\"\"]\ncanonical: nope\n---\n\nx\n");
        CliRun.Result validate = blog.run("validate");
        assertEquals(0, validate.code(), validate::toString);
        assertTrue(validate.out().contains("(a draft: fix it before publishing)"), validate::toString);
        E2eBlog.Run r = blog.publish("--platform", "hashnode");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, blog.hashnode.count("PublishPost"));
    }

    private static Map<String, Integer> toMap(JsonNode counts) {
        Map<String, Integer> m = new TreeMap<>();
        counts.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }
}
