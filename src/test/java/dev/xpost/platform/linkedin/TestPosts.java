package dev.xpost.platform.linkedin;

import dev.xpost.post.Dialect;
import dev.xpost.post.Post;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds {@link Post}s for tests: only the fields the LinkedIn renderer reads vary. */
final class TestPosts {
    private String title = "A title";
    private String subtitle;
    private String seoDescription;
    private List<String> tags = List.of();
    private String linkedinText;
    private String body = "";
    private Path file = Path.of("posts/test.md");

    static TestPosts post() {
        return new TestPosts();
    }

    TestPosts title(String t) {
        title = t;
        return this;
    }

    TestPosts subtitle(String s) {
        subtitle = s;
        return this;
    }

    TestPosts seoDescription(String s) {
        seoDescription = s;
        return this;
    }

    TestPosts tags(String... t) {
        tags = List.of(t);
        return this;
    }

    TestPosts linkedinText(String t) {
        linkedinText = t;
        return this;
    }

    TestPosts body(String b) {
        body = b;
        return this;
    }

    TestPosts file(Path f) {
        file = f;
        return this;
    }

    Post build() {
        return new Post(file, Dialect.GENERIC, title, subtitle, "a-title", false, tags, tags, null, null, null, null,
                null, null, null, seoDescription, null, null, null, false, false, null, null, null, List.of(),
                linkedinText, Map.of(), body, 1, Map.of("linkedin", 7));
    }
}
