package dev.xpost.post;

import dev.xpost.platform.PlatformModules;
import static dev.xpost.post.PostBuilder.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 9: what a backup's file names say, rules that matter only for a create, and two front-matter traps. */
class BackupIdentityRulesTest {
    private static ReadResult read(String name, String text) {
        return new PostReader(ZoneOffset.UTC).parse(Path.of("posts", name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Problem> rule(List<Problem> problems, String rule) {
        return problems.stream().filter(p -> p.rule().equals(rule)).toList();
    }

    @Test
    void aBackupDraftFileIsADraftUnlessItSaysOtherwise() {
        assertTrue(read("draft-65a1f0c2e4b0d81a2f3c9e77.md", "---\ntitle: \"Notes\"\ncover: https://x/y.png\n\n---\n\n"
                + "Half done\n").post().draft());
        assertTrue(read("draft-65a1f0c2e4b0d81a2f3c9e78.md", "---\n\n---\n\nJust an idea.\n").post().draft());
        assertFalse(read("draft-65a1f0c2e4b0d81a2f3c9e79.md", "---\ntitle: T\ndraft: false\n---\n\nx\n").post()
                .draft());
        assertFalse(read("draft-notes.md", "---\ntitle: T\n---\n\nx\n").post().draft(), "only Hashnode's names");
    }

    @Test
    void aDraftsErrorsAreWarnings() {
        ReadResult r = read("draft-65a1f0c2e4b0d81a2f3c9e77.md", "---\ntitle: T\ndatePublished: someday\n---\n\nx\n");
        Problem date = rule(r.problems(), "invalid-date").get(0);
        assertFalse(date.isError());
        assertTrue(date.message().endsWith("(a draft: fix it before publishing)"), date::toString);
        ReadResult unclosed = read("draft-65a1f0c2e4b0d81a2f3c9e70.md", "---\ntitle: T\n");
        assertTrue(unclosed.problems().stream().noneMatch(Problem::isError), unclosed.problems()::toString);
    }

    @Test
    void aCuidFileNameIsTheIdentityOfALegacyOrFrontMatterPost() {
        assertEquals("ckr65k6ah0004iksfhjucbts5", read("ckr65k6ah0004iksfhjucbts5.md",
                "## Thanks, that fixed it for me\n\nI tried it.\n").post().cuid());
        assertEquals("ckr65k6ah0004iksfhjucbts5", read("ckr65k6ah0004iksfhjucbts5.md",
                "---\ntitle: T\n---\n\nx\n").post().cuid());
        assertEquals("cwritten0000000000000000a", read("ckr65k6ah0004iksfhjucbts5.md",
                "---\ntitle: T\ncuid: cwritten0000000000000000a\n---\n\nx\n").post().cuid(), "the front matter wins");
        assertNull(read("my-post.md", "---\ntitle: T\n---\n\nx\n").post().cuid());
    }

    @Test
    void duplicateSlugAndNoSlugAreErrorsOnlyForPostsThatWouldBeCreated() {
        Post deleted = post("git-ssh").file("posts/a.md").cuid("clx1aaaaa000108l1aaaaaaaa").build();
        Post live = post("git-ssh").file("posts/b.md").cuid("clx1bbbbb000108l1bbbbbbbb").build();
        List<Problem> both = Rules.check(List.of(deleted, live), PlatformModules.names());
        assertEquals(2, rule(both, "duplicate-slug").size());
        assertTrue(rule(both, "duplicate-slug").stream().noneMatch(Problem::isError), both::toString);

        Post fresh = post("git-ssh").file("posts/new.md").build();
        List<Problem> withNew = Rules.check(List.of(deleted, fresh), PlatformModules.names());
        assertTrue(rule(withNew, "duplicate-slug").stream().filter(Problem::isError)
                .allMatch(p -> p.file().equals(Path.of("posts/new.md"))), withNew::toString);
        assertEquals(1, rule(withNew, "duplicate-slug").stream().filter(Problem::isError).count());

        ReadResult persian = read("ckycni7oe01mhp8s16ee2h5h2.md", "# از کجا بفهمیم\n\nمتن\n");
        List<Problem> noSlug = Rules.check(List.of(persian.post()), PlatformModules.names());
        assertFalse(rule(noSlug, "no-slug").get(0).isError(), noSlug::toString);
        ReadResult plain = read("persian.md", "---\ntitle: از کجا بفهمیم\n---\n\nمتن\n");
        assertTrue(rule(Rules.check(List.of(plain.post()), PlatformModules.names()), "no-slug").get(0).isError());
    }

    @Test
    void anUnquotedValueCutByACommentIsAWarningWithTheFix() {
        ReadResult r = read("a.md", "---\ntitle: Lessons from PR #42 and the outage\ntags: devops #sre\n"
                + "subtitle: \"Quoted #1 stays\"\n---\n\nx\n");
        assertEquals("Lessons from PR", r.post().title());
        List<Problem> cut = rule(r.problems(), "comment-cut");
        assertEquals(2, cut.size(), r.problems()::toString);
        assertEquals(2, cut.get(0).line());
        assertFalse(cut.get(0).isError());
        assertEquals("`title` is read as \"Lessons from PR\": YAML takes `#42 and the outage` for a comment; if it "
                + "belongs to the value, quote it: title: \"Lessons from PR #42 and the outage\"", cut.get(0).message());
        assertEquals(3, cut.get(1).line());
        assertTrue(cut.get(1).message().contains("takes `#sre` for a comment")
                && cut.get(1).message().endsWith("list them: tags: devops, sre"), cut.get(1)::toString);
    }

    @Test
    void aTagWhoseSlugLosesItsMeaningIsAWarningNamingTheSlugMeant() {
        ReadResult r = read("a.md", "---\ntitle: T\ntags: [\"C#\", \"C++\", \".NET\", node_js, java]\n---\n\nx\n");
        List<Problem> tags = rule(Rules.check(List.of(r.post()), PlatformModules.names()), "tag-meaning");
        assertEquals(4, tags.size(), tags::toString);
        assertEquals(3, tags.get(0).line());
        assertEquals("tag \"C#\" becomes the tag slug \"c\", which names another topic; write the tag slug you mean, "
                + "such as \"csharp\"", tags.get(0).message());
        assertTrue(tags.get(1).message().contains("such as \"cpp\""), tags::toString);
        assertTrue(tags.get(2).message().contains("\"net\"") && tags.get(2).message().contains("\"dotnet\""));
        assertTrue(tags.get(3).message().contains("\"node-js\"") && tags.get(3).message().contains("\"nodejs\""));
        assertTrue(tags.stream().noneMatch(Problem::isError));
        assertNull(Slugs.meantTag("csharp"));
        assertNull(Slugs.meantTag("devops #sre"), "a hashtag mark is not a sharp");
        assertEquals("fsharp", Slugs.meantTag("F#"));
        assertNull(Slugs.meantTag("cicd-cjy1vtdk2005kjjs17n8couc3"));
    }
}
