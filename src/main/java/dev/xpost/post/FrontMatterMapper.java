package dev.xpost.post;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps front matter in any of the three dialects onto one {@link Post}, with the canonical keys and aliases of
 * DESIGN.md §3. Values are only converted here (booleans, numbers, dates); whether they are acceptable for
 * publishing is for the rules.
 */
final class FrontMatterMapper {
    /** Every accepted key → the canonical key it stands for. */
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("title", "title"),
            Map.entry("subtitle", "subtitle"),
            Map.entry("slug", "slug"),
            Map.entry("tags", "tags"),
            Map.entry("datePublished", "datePublished"),
            Map.entry("publishedAt", "datePublished"),
            Map.entry("date", "datePublished"),
            Map.entry("cuid", "cuid"),
            Map.entry("canonical", "canonical"),
            Map.entry("canonicalUrl", "canonical"),
            Map.entry("originalArticleURL", "canonical"),
            Map.entry("cover", "cover"),
            Map.entry("coverImage", "cover"),
            Map.entry("seoTitle", "seoTitle"),
            Map.entry("seoDescription", "seoDescription"),
            Map.entry("ogImage", "ogImage"),
            Map.entry("series", "series"),
            Map.entry("seriesSlug", "series"),
            Map.entry("part", "part"),
            Map.entry("draft", "draft"),
            Map.entry("saveAsDraft", "draft"),
            Map.entry("ignorePost", "ignorePost"),
            Map.entry("enableToc", "enableToc"),
            Map.entry("disableComments", "disableComments"),
            Map.entry("hideFromHashnodeCommunity", "hideFromHashnodeCommunity"),
            Map.entry("hideFromCommunity", "hideFromHashnodeCommunity"),
            Map.entry("platforms", "platforms"),
            Map.entry("linkedin", "linkedin"));

    /** Keys of Hashnode's GitHub publishing that xpost knows but does not act on: kept quietly. */
    private static final Set<String> KNOWN_UNUSED = Set.of("domain", "publishAs", "coAuthors");

    /** Keys only Hashnode's "publish from GitHub" front matter uses. */
    private static final Set<String> GITHUB_KEYS =
            Set.of("domain", "publishAs", "seriesSlug", "saveAsDraft", "hideFromHashnodeCommunity", "ignorePost");

    private static final Map<String, String> BY_LOWER_CASE = new HashMap<>();

    /**
     * Tag → tag slug. A blog uses a few dozen tags over and over, and {@link Slugs#tag} (Unicode normalisation and
     * four regular expressions) is the costliest step of reading a post on a cold JVM. Bounded so that a
     * pathological input cannot grow it without limit.
     */
    private static final Map<String, String> TAG_SLUGS = new ConcurrentHashMap<>();
    private static final int TAG_CACHE_LIMIT = 4096;

    static {
        for (String key : CANONICAL.keySet()) {
            BY_LOWER_CASE.put(key.toLowerCase(Locale.ROOT), key);
        }
        for (String key : KNOWN_UNUSED) {
            BY_LOWER_CASE.put(key.toLowerCase(Locale.ROOT), key);
        }
    }

    private final Path file;
    private final ZoneId zone;
    private final List<Problem> problems;
    /** Canonical key → the entry that set it (the first one wins). */
    private final Map<String, FrontMatterNode.Entry> chosen = new HashMap<>();
    private final Map<String, String> extra = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    /** True when a top-level key only Hashnode's GitHub front matter uses is written ({@link #GITHUB_KEYS}). */
    private boolean githubKey;

    FrontMatterMapper(Path file, ZoneId zone, List<Problem> problems) {
        this.file = file;
        this.zone = zone;
        this.problems = problems;
    }

    Post map(FrontMatterNode.Mapping front, String body, int bodyLine) {
        for (FrontMatterNode.Entry entry : front.entries()) {
            sort(entry);
        }
        for (FrontMatterNode.Entry entry : front.entries()) {
            warnIfMultiline(entry);
        }
        String title = text("title");
        String writtenSlug = text("slug");
        String slug = writtenSlug;
        if (slug == null) {
            String derived = Slugs.slugify(title);
            slug = derived.isEmpty() ? null : derived;
        }
        List<String> rawTags = list("tags");
        List<String> tags = new ArrayList<>(rawTags.size());
        for (String raw : rawTags) {
            tags.add(tagSlug(raw));
        }
        String dateText = text("datePublished");
        Instant publishAt = date(dateText);
        String partText = text("part");
        List<String> platforms = new ArrayList<>();
        for (String platform : list("platforms")) {
            platforms.add(platform.toLowerCase(Locale.ROOT));
        }
        Boolean draft = bool("draft");
        Boolean ignored = bool("ignorePost");
        // Every post is kept for the whole run: its tags and line map are shared with the posts that have equal
        // ones (most of a blog), and tags written as their slugs are one list for both.
        List<String> sharedTags = Shared.strings(tags);
        List<String> sharedRawTags = rawTags.equals(tags) ? sharedTags : Shared.strings(rawTags);
        return new Post(file, dialect(dateText, publishAt), title, text("subtitle"), slug, writtenSlug != null,
                sharedTags, sharedRawTags, dateText, publishAt, text("cuid"), text("canonical"), text("cover"),
                text("ogImage"), text("seoTitle"), text("seoDescription"), text("series"),
                part(partText), partText, Boolean.TRUE.equals(draft), Boolean.TRUE.equals(ignored),
                bool("enableToc"), bool("disableComments"), bool("hideFromHashnodeCommunity"),
                platforms, linkedinText(), extra, body, bodyLine, Shared.map(lines));
    }

    private static String tagSlug(String raw) {
        String slug = TAG_SLUGS.get(raw);
        if (slug == null) {
            slug = Slugs.tag(raw);
            if (TAG_SLUGS.size() < TAG_CACHE_LIMIT) {
                TAG_SLUGS.put(raw, slug);
            }
        }
        return slug;
    }

    private void sort(FrontMatterNode.Entry entry) {
        String key = entry.key();
        githubKey |= GITHUB_KEYS.contains(key);
        String canonical = CANONICAL.get(key);
        if (canonical == null) {
            extra.putIfAbsent(key, FrontMatterNode.render(entry.value()));
            lines.putIfAbsent(key, entry.line());
            if (!KNOWN_UNUSED.contains(key)) {
                String near = BY_LOWER_CASE.get(key.toLowerCase(Locale.ROOT));
                problems.add(Problem.warning(file, entry.line(), "unknown-key", "unknown key `" + key + "` is ignored"
                        + (near == null ? "" : " (did you mean `" + near + "`?)")));
            }
            return;
        }
        FrontMatterNode.Entry earlier = chosen.get(canonical);
        if (earlier != null) {
            problems.add(Problem.warning(file, entry.line(), "duplicate-key", "`" + key + "` repeats `" + earlier.key()
                    + "` from line " + earlier.line() + "; the first one is used, delete one of them"));
            return;
        }
        chosen.put(canonical, entry);
        lines.put(canonical, entry.line());
    }

    private void warnIfMultiline(FrontMatterNode.Entry entry) {
        if (entry.value() instanceof FrontMatterNode.Scalar scalar && scalar.endLine() > scalar.line()
                && scalar.text() != null) {
            problems.add(Problem.warning(file, scalar.line(), "multiline-value", "the value of `" + entry.key()
                    + "` spans lines " + scalar.line() + "-" + scalar.endLine()
                    + "; it is read as one line, the line breaks becoming spaces"));
        }
    }

    /** The scalar text of a canonical key, stripped; null when absent, empty, or not text (reported). */
    private String text(String canonical) {
        FrontMatterNode.Entry entry = chosen.get(canonical);
        if (entry == null) {
            return null;
        }
        if (!(entry.value() instanceof FrontMatterNode.Scalar scalar)) {
            invalidValue(entry, "text");
            return null;
        }
        if (scalar.text() == null) {
            return null;
        }
        String text = scalar.text().strip();
        return text.isEmpty() ? null : text;
    }

    /** A comma-separated string or a YAML list, entries stripped, empty ones dropped. */
    private List<String> list(String canonical) {
        List<String> out = new ArrayList<>();
        FrontMatterNode.Entry entry = chosen.get(canonical);
        if (entry == null) {
            return out;
        }
        if (entry.value() instanceof FrontMatterNode.Scalar scalar) {
            if (scalar.text() != null) {
                for (String part : scalar.text().split(",")) {
                    addStripped(out, part);
                }
            }
        } else if (entry.value() instanceof FrontMatterNode.Sequence sequence) {
            for (FrontMatterNode item : sequence.items()) {
                if (item instanceof FrontMatterNode.Scalar scalar) {
                    addStripped(out, scalar.text());
                } else {
                    problems.add(Problem.error(file, item.line(), "invalid-value", "`" + entry.key()
                            + "` must be a list of words, but one entry is itself a "
                            + (item instanceof FrontMatterNode.Sequence ? "list" : "mapping")));
                }
            }
        } else {
            invalidValue(entry, "a comma-separated string or a list");
        }
        return out;
    }

    private static void addStripped(List<String> out, String text) {
        if (text != null && !text.isBlank()) {
            out.add(text.strip());
        }
    }

    private Boolean bool(String canonical) {
        FrontMatterNode.Entry entry = chosen.get(canonical);
        String text = text(canonical);
        if (text == null) {
            return null;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
                return Boolean.TRUE;
            case "false":
            case "no":
                return Boolean.FALSE;
            default:
                problems.add(Problem.error(file, entry.line(), "invalid-boolean", "`" + entry.key() + ": " + text
                        + "` is not a boolean; write true or false"));
                return null;
        }
    }

    private Integer part(String text) {
        if (text == null) {
            return null;
        }
        FrontMatterNode.Entry entry = chosen.get("part");
        try {
            int part = Integer.parseInt(text);
            if (part > 0) {
                return part;
            }
        } catch (NumberFormatException e) {
            // reported below, like zero and negative numbers
        }
        problems.add(Problem.error(file, entry.line(), "invalid-part", "`part: " + text
                + "` must be a positive whole number (1, 2, 3, ...) giving the order in the series"));
        return null;
    }

    private Instant date(String text) {
        if (text == null) {
            return null;
        }
        FrontMatterNode.Entry entry = chosen.get("datePublished");
        try {
            return Dates.parse(text, zone);
        } catch (DateTimeParseException e) {
            problems.add(Problem.error(file, entry.line(), "invalid-date", "`" + entry.key() + "`: " + e.getMessage()));
            return null;
        }
    }

    private String linkedinText() {
        FrontMatterNode.Entry entry = chosen.get("linkedin");
        if (entry == null || (entry.value() instanceof FrontMatterNode.Scalar scalar && scalar.text() == null)) {
            return null;
        }
        if (!(entry.value() instanceof FrontMatterNode.Mapping mapping)) {
            problems.add(Problem.error(file, entry.line(), "invalid-value",
                    "`linkedin` must be a mapping such as `linkedin: {text: \"...\"}`"));
            return null;
        }
        String text = null;
        for (FrontMatterNode.Entry child : mapping.entries()) {
            if (child.key().equals("post")) {
                linkedinPost(child);
            } else if (!child.key().equals("text")) {
                problems.add(Problem.warning(file, child.line(), "unknown-key",
                        "unknown key `linkedin." + child.key() + "` is ignored (only `text` and `post` are read)"));
            } else if (!(child.value() instanceof FrontMatterNode.Scalar scalar)) {
                invalidValue(new FrontMatterNode.Entry("linkedin.text", child.line(), child.value()), "text");
            } else if (text == null && scalar.text() != null && !scalar.text().isBlank()) {
                text = scalar.text().strip();
            }
        }
        return text;
    }

    /** {@code linkedin: {post: true}}: the per-post way past {@code linkedin.since}. */
    private void linkedinPost(FrontMatterNode.Entry child) {
        String value = child.value() instanceof FrontMatterNode.Scalar scalar && scalar.text() != null
                ? scalar.text().strip().toLowerCase(Locale.ROOT) : "";
        switch (value) {
            case "true", "yes" -> extra.put(Post.LINKEDIN_POST_KEY, "true");
            case "false", "no", "" -> {
            }
            default -> problems.add(Problem.error(file, child.line(), "invalid-boolean", "`linkedin.post: " + value
                    + "` is not a boolean; write true (send it to LinkedIn even if it is dated before "
                    + "linkedin.since) or false"));
        }
    }

    private void invalidValue(FrontMatterNode.Entry entry, String expected) {
        String found = entry.value() instanceof FrontMatterNode.Sequence ? "a list" : "a mapping";
        problems.add(Problem.error(file, entry.line(), "invalid-value",
                "`" + entry.key() + "` must be " + expected + ", but it is " + found + "; quote the value if it "
                        + "contains `: ` or starts with `[`, `{` or `-`"));
    }

    private Dialect dialect(String dateText, Instant publishAt) {
        FrontMatterNode.Entry date = chosen.get("datePublished");
        // Of the accepted date forms only JavaScript's starts with a letter.
        boolean backupDate = date != null && date.key().equals("datePublished") && publishAt != null
                && Character.isLetter(dateText.charAt(0));
        if (chosen.containsKey("cuid") || backupDate) {
            return Dialect.HASHNODE_BACKUP;
        }
        return githubKey ? Dialect.HASHNODE_GITHUB : Dialect.GENERIC;
    }
}
