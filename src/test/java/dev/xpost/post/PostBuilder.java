package dev.xpost.post;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Post}s for tests of the rules and of everything downstream of the reader. */
public final class PostBuilder {
    private Path file = Path.of("posts/a.md");
    private String title = "A title";
    private String slug = "a-title";
    private boolean slugWritten = true;
    private final List<String> tags = new ArrayList<>(List.of("java"));
    private final List<String> rawTags = new ArrayList<>(List.of("java"));
    private Instant publishAt;
    private String cuid;
    private String canonical;
    private String cover;
    private String ogImage;
    private String subtitle;
    private String seoDescription;
    private String series;
    private Integer part;
    private boolean draft;
    private boolean ignored;
    private List<String> platforms = List.of();
    private String linkedinText;
    private String body = "Hello.\n";
    private final Map<String, Integer> lines = new HashMap<>();

    public static PostBuilder post(String slug) {
        return new PostBuilder().slug(slug).file("posts/" + slug + ".md");
    }

    public PostBuilder file(String f) {
        this.file = Path.of(f);
        return this;
    }

    public PostBuilder title(String t) {
        this.title = t;
        return this;
    }

    public PostBuilder slug(String s) {
        this.slug = s;
        return this;
    }

    public PostBuilder derivedSlug(String s) {
        this.slug = s;
        this.slugWritten = false;
        return this;
    }

    public PostBuilder tags(String... t) {
        tags.clear();
        rawTags.clear();
        for (String x : t) {
            rawTags.add(x);
            tags.add(Slugs.tag(x));
        }
        return this;
    }

    public PostBuilder at(String instant) {
        this.publishAt = Instant.parse(instant);
        return this;
    }

    public PostBuilder cuid(String c) {
        this.cuid = c;
        return this;
    }

    public PostBuilder canonical(String c) {
        this.canonical = c;
        return this;
    }

    public PostBuilder cover(String c) {
        this.cover = c;
        return this;
    }

    public PostBuilder ogImage(String c) {
        this.ogImage = c;
        return this;
    }

    public PostBuilder subtitle(String s) {
        this.subtitle = s;
        return this;
    }

    public PostBuilder seoDescription(String s) {
        this.seoDescription = s;
        return this;
    }

    public PostBuilder series(String s, Integer part) {
        this.series = s;
        this.part = part;
        return this;
    }

    public PostBuilder draft() {
        this.draft = true;
        return this;
    }

    public PostBuilder ignored() {
        this.ignored = true;
        return this;
    }

    public PostBuilder platforms(String... p) {
        this.platforms = List.of(p);
        return this;
    }

    public PostBuilder linkedinText(String t) {
        this.linkedinText = t;
        return this;
    }

    public PostBuilder body(String b) {
        this.body = b;
        return this;
    }

    public PostBuilder line(String key, int line) {
        lines.put(key, line);
        return this;
    }

    public Post build() {
        return new Post(file, Dialect.GENERIC, title, subtitle, slug, slugWritten, tags, rawTags,
                publishAt == null ? null : publishAt.toString(), publishAt, cuid, canonical, cover, ogImage, null,
                seoDescription, series, part, part == null ? null : part.toString(), draft, ignored, null, null, null,
                platforms, linkedinText, Map.of(), body, 8, lines);
    }
}
