package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.post.Dates;
import dev.xpost.post.Post;
import dev.xpost.post.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code xpost new}: a post file in the seed format of Hashnode's backups, so that what xpost writes and what
 * Hashnode exports look alike. Without {@code --date} the post is a draft: a half-written post must not go out
 * with the next scheduled run.
 */
public final class NewPostUseCase {
    private final Services services;

    public NewPostUseCase(Services services) {
        this.services = services;
    }

    /**
     * @param draft write {@code draft: true} even with a date (without a date the post is always a draft)
     */
    public record Request(String title, String slug, String series, Integer part, Instant date, List<String> tags,
            boolean draft) {
    }

    /** Writes the file and returns its path; refuses to overwrite a file or to reuse a slug. */
    public Path run(Request req) {
        Config config = services.config();
        if (req.title() == null || req.title().isBlank()) {
            throw new ConfigException("a title is needed: xpost new \"My post title\"");
        }
        String slug = req.slug() != null ? req.slug() : Slugs.slugify(req.title());
        if (slug.isEmpty()) {
            throw new ConfigException("no slug can be derived from \"" + req.title()
                    + "\": give one with --slug my-post-slug");
        }
        if (!Slugs.isValid(slug) || slug.length() > Slugs.MAX_LENGTH) {
            throw new ConfigException("slug \"" + slug + "\" must be lower-case letters, digits and single dashes, "
                    + "at most " + Slugs.MAX_LENGTH + " characters");
        }
        for (String t : req.tags()) {
            String meant = Slugs.meantTag(t);
            if (meant != null) {
                throw new ConfigException("tag \"" + t + "\" would become the tag slug \"" + Slugs.tag(t)
                        + "\", which names another topic: give the tag slug you mean, such as --tag " + meant);
            }
        }
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(req.tags().stream().map(Slugs::tag).toList()));
        for (String t : tags) {
            if (!Slugs.isValid(t)) {
                throw new ConfigException("tag \"" + t + "\" is not a tag slug (lower-case letters, digits, dashes)");
            }
        }
        if (req.part() != null && req.series() == null) {
            throw new ConfigException("--part needs --series");
        }
        if (req.series() != null && !Slugs.isValid(req.series())) {
            String fix = Slugs.slugify(req.series());
            throw new ConfigException("series \"" + req.series() + "\" is not a slug (lower-case letters, digits and "
                    + "single dashes)" + (fix.isEmpty() ? "" : ": use --series " + fix));
        }
        if (Files.isDirectory(config.postsDir())) {
            List<Post> posts = Blog.load(config, services.cwd(), List.of()).posts();
            Optional<Post> taken = posts.stream().filter(p -> slug.equals(p.slug())).findFirst();
            if (taken.isPresent()) {
                throw new ConfigException("slug \"" + slug + "\" is already used by " + taken.get().file()
                        + ": choose another with --slug");
            }
            if (req.part() != null) {
                List<Post> series = posts.stream().filter(p -> req.series().equals(p.series())).toList();
                Optional<Post> same = series.stream().filter(p -> req.part().equals(p.part())).findFirst();
                if (same.isPresent()) {
                    int next = series.stream().map(Post::part).filter(java.util.Objects::nonNull)
                            .mapToInt(Integer::intValue).max().orElse(0) + 1;
                    throw new ConfigException("part " + req.part() + " of series " + req.series() + " is already "
                            + same.get().file() + ": use --part " + next);
                }
            }
        }
        Path file = config.postsDir().resolve(slug + ".md");
        String text = render(req, slug, tags, config);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(Blog.relativeTo(services.cwd(), file) + " already exists: choose another "
                    + "title or --slug");
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage());
        }
        return Blog.relativeTo(services.cwd(), file);
    }

    static String render(Request req, String slug, List<String> tags, Config config) {
        StringBuilder b = new StringBuilder("---\n");
        b.append("title: ").append(BackupFormat.quote(req.title().strip())).append('\n');
        if (req.date() != null) {
            b.append("datePublished: ").append(Dates.toJavaScript(req.date(), config.timezone())).append('\n');
        }
        b.append("slug: ").append(slug).append('\n');
        if (!tags.isEmpty()) {
            b.append("tags: ").append(String.join(", ", tags)).append('\n');
        }
        if (req.series() != null) {
            b.append("series: ").append(req.series()).append('\n');
        }
        if (req.part() != null) {
            b.append("part: ").append(req.part()).append('\n');
        }
        if (req.date() == null || req.draft()) {
            b.append("draft: true\n");
        }
        b.append("\n---\n\n");
        b.append("Write the opening paragraph here: what the reader will get from this post.\n");
        return b.toString();
    }
}
