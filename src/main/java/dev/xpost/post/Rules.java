package dev.xpost.post;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks that need only the posts themselves. Errors are what would make publishing fail or do harm
 * (a broken slug, two posts fighting over one slug, a series out of order); warnings are what an author would
 * want to know but what still publishes. The reader's own findings (broken YAML, bad dates) come separately.
 */
public final class Rules {
    /** Hashnode refuses more tags than this (API.md §4). */
    public static final int MAX_TAGS = 15;
    /** More than this is allowed but unusual: the old GitHub-as-source spec capped tags at 5. */
    public static final int MANY_TAGS = 5;

    private Rules() {
    }

    /**
     * Checks every post alone, then the posts together (slugs, series).
     *
     * @param known the platform names {@code platforms:} may list (the registered platform modules; this package
     *              may not know them itself)
     */
    public static List<Problem> check(List<Post> posts, List<String> known) {
        List<Problem> out = new ArrayList<>();
        // Each post alone on both cores (50,000 posts: a second of one core), its problems in the posts' order.
        List<List<Problem>> each = posts.parallelStream().map(p -> {
            if (p.ignored()) {
                return List.<Problem>of();
            }
            List<Problem> mine = new ArrayList<>(0);
            checkOne(p, known, mine);
            if (p.draft()) {
                mine.replaceAll(Problem::forDraft);
            }
            return mine;
        }).toList();
        each.forEach(out::addAll);
        checkSlugsUnique(posts, out);
        checkSeries(posts, out);
        return out;
    }

    static void checkOne(Post p, List<String> known, List<Problem> out) {
        Path f = p.file();
        boolean publishable = p.publishable();
        if (publishable && (p.title() == null || p.title().isBlank())) {
            out.add(Problem.error(f, p.line("title"), "missing-title",
                    "no title: add `title:` to the front matter"));
        }
        if (p.slugWritten()) {
            String s = p.slug();
            if (s == null || !Slugs.isValid(s)) {
                String better = Slugs.slugify(s);
                out.add(Problem.error(f, p.line("slug"), "invalid-slug", "slug \"" + (s == null ? "" : s)
                        + "\" must be lower-case letters, digits and single dashes"
                        + (better.isEmpty() ? "" : " (such as \"" + better + "\")")));
            }
        } else if (publishable && p.slug() == null && p.title() != null && !p.title().isBlank()) {
            // A slug matters only to create the post: one with a Hashnode identity is adopted by it.
            String message = "no slug can be derived from the title \"" + p.title() + "\": write one with `slug:` "
                    + "(lower-case latin letters, digits and dashes)";
            out.add(p.hasIdentity() ? Problem.warning(f, p.line("title"), "no-slug", message + " if it is ever to be "
                    + "published as a new post; it is adopted by its cuid " + p.cuid())
                    : Problem.error(f, p.line("title"), "no-slug", message));
        }
        if (p.slug() != null && p.slug().length() > Slugs.MAX_LENGTH) {
            out.add(Problem.error(f, p.line("slug"), "slug-too-long", "slug is " + p.slug().length()
                    + " characters long; the limit is " + Slugs.MAX_LENGTH));
        }
        checkTags(p, publishable, out);
        for (String platform : p.platforms()) {
            if (!known.contains(platform)) {
                // A typo here would quietly keep the post off the platform the author meant.
                out.add(Problem.error(f, p.line("platforms"), "invalid-platform", "platform \"" + platform
                        + "\" is not one xpost publishes to: use " + String.join(" or ", known)));
            }
        }
        checkUrl(p, "canonical", p.canonical(), out);
        checkImage(p, "cover", p.cover(), out);
        checkImage(p, "ogImage", p.ogImage(), out);
    }

    /**
     * A cover or OG image is a URL, or a path to an image in the blog, which {@link ImageFiles} checks (it needs
     * the blog folder) and publishing uploads.
     */
    private static void checkImage(Post p, String key, String value, List<Problem> out) {
        if (value == null || value.isBlank() || LocalImages.isLocal(value)) {
            return;
        }
        if (!isAbsoluteHttpUrl(value)) {
            out.add(Problem.error(p.file(), p.line(key), "invalid-url", key + " \"" + value
                    + "\" is neither an absolute http(s) URL nor a path to an image in the blog"));
        }
    }

    private static void checkTags(Post p, boolean publishable, List<Problem> out) {
        Path f = p.file();
        int line = p.line("tags");
        if (p.tags().size() > MAX_TAGS) {
            out.add(Problem.error(f, line, "too-many-tags", p.tags().size() + " tags; Hashnode accepts at most "
                    + MAX_TAGS));
        } else if (p.tags().size() > MANY_TAGS) {
            out.add(Problem.warning(f, line, "many-tags", p.tags().size() + " tags; most readers follow a few "
                    + "(Hashnode's old limit was " + MANY_TAGS + ")"));
        }
        if (publishable && p.tags().isEmpty() && p.rawTags().isEmpty()) {
            out.add(Problem.warning(f, line, "no-tags", "no tags: the post will be hard to find on Hashnode"));
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < p.tags().size(); i++) {
            String tag = p.tags().get(i);
            String raw = i < p.rawTags().size() ? p.rawTags().get(i) : tag;
            if (!Slugs.isValid(tag)) {
                out.add(Problem.error(f, line, "invalid-tag", "tag \"" + raw
                        + "\" has no letters or digits a tag slug can use; write it as a slug such as \"my-topic\""));
            } else if (seen.containsKey(tag)) {
                String first = seen.get(tag);
                out.add(Problem.error(f, line, "duplicate-tag", "tag \"" + tag + "\" is listed twice"
                        + (first.equals(raw) ? "" : " (as \"" + first + "\" and \"" + raw + "\")")));
            } else {
                seen.put(tag, raw);
            }
            String meant = Slugs.isValid(tag) ? Slugs.meantTag(raw) : null;
            if (meant != null) {
                out.add(Problem.warning(f, line, "tag-meaning", "tag \"" + raw + "\" becomes the tag slug \"" + tag
                        + "\", which names another topic; write the tag slug you mean, such as \"" + meant + "\""));
            }
        }
    }

    private static void checkUrl(Post p, String key, String value, List<Problem> out) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!isAbsoluteHttpUrl(value)) {
            out.add(Problem.error(p.file(), p.line(key), "invalid-url", key + " \"" + value
                    + "\" is not an absolute http(s) URL"));
        }
    }

    static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI u = new URI(value.strip());
            String scheme = u.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkSlugsUnique(List<Post> posts, List<Problem> out) {
        // The first post of each slug alone, a list only for a slug that repeats: 50,000 posts made 50,000 lists.
        Map<String, Post> first = new HashMap<>(posts.size() * 4 / 3 + 1);
        Map<String, List<Post>> bySlug = new LinkedHashMap<>();
        for (Post p : posts) {
            if (p.publishable() && p.slug() != null) {
                Post before = first.putIfAbsent(p.slug(), p);
                if (before != null) {
                    bySlug.computeIfAbsent(p.slug(), k -> new ArrayList<>(List.of(before))).add(p);
                }
            }
        }
        for (var e : bySlug.entrySet()) {
            List<Post> same = e.getValue();
            for (Post p : same) {
                List<String> others = same.stream().filter(o -> o != p).map(o -> o.file().toString()).toList();
                int line = p.line(p.slugWritten() ? "slug" : "title");
                String message = "slug \"" + e.getKey() + "\" is also used by " + String.join(", ", others);
                // Identity decides: a post with its own cuid is adopted (or found gone) by it, never created, so a
                // shared slug cannot make it fight another post. Backups hold many such files of deleted posts.
                out.add(p.hasIdentity() ? Problem.warning(p.file(), line, "duplicate-slug", message + "; this one is "
                        + "adopted by its cuid " + p.cuid() + " (files of deleted posts often share a slug)")
                        : Problem.error(p.file(), line, "duplicate-slug", message
                        + "; every post needs its own slug"));
            }
        }
    }

    private static void checkSeries(List<Post> posts, List<Problem> out) {
        Map<String, List<Post>> bySeries = new LinkedHashMap<>();
        for (Post p : posts) {
            if (p.publishable() && p.series() != null && !p.series().isBlank()) {
                bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
            }
        }
        for (var e : bySeries.entrySet()) {
            String series = e.getKey();
            List<Post> parts = new ArrayList<>();
            for (Post p : e.getValue()) {
                if (p.part() == null) {
                    if (p.partText() == null) {
                        out.add(Problem.warning(p.file(), p.line("series"), "missing-part", "post is in series \""
                                + series + "\" but has no `part:` number, so its place in the series is unknown"));
                    }
                } else {
                    parts.add(p);
                }
            }
            parts.sort(Comparator.comparing(Post::part));
            Map<Integer, Post> byPart = new HashMap<>();
            for (Post p : parts) {
                Post first = byPart.putIfAbsent(p.part(), p);
                if (first != null) {
                    out.add(Problem.error(p.file(), p.line("part"), "duplicate-part", "part " + p.part()
                            + " of series \"" + series + "\" is also " + first.file()));
                    out.add(Problem.error(first.file(), first.line("part"), "duplicate-part", "part " + p.part()
                            + " of series \"" + series + "\" is also " + p.file()));
                }
            }
            Post previous = null;
            for (Post p : parts) {
                if (previous != null && p.part() > previous.part() + 1) {
                    out.add(Problem.warning(p.file(), p.line("part"), "series-gap", "series \"" + series
                            + "\" jumps from part " + previous.part() + " to part " + p.part()));
                }
                if (previous != null && previous.publishAt() != null && p.publishAt() != null
                        && !p.part().equals(previous.part()) && p.publishAt().isBefore(previous.publishAt())) {
                    out.add(Problem.error(p.file(), p.line("datePublished"), "series-order", "part " + p.part()
                            + " of series \"" + series + "\" is dated before part " + previous.part() + " ("
                            + previous.file() + "); readers would get the parts out of order"));
                }
                previous = p;
            }
        }
    }
}
