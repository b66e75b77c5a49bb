package dev.xpost.post;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One post as read from its file, in the canonical vocabulary of DESIGN.md §3 whatever dialect it was written in.
 * Values are exactly what the file says (trimmed); nothing here is validated yet — see {@link Rules}.
 *
 * @param file          path of the file as the user named it
 * @param dialect       which front-matter flavour the file used
 * @param title         the title, or null when none could be found
 * @param subtitle      optional subtitle
 * @param slug          the slug: written in the file, or derived from the title; null when neither gives one
 * @param slugWritten   true when the file itself has a {@code slug:} key
 * @param tags          tag slugs after normalisation, in file order (duplicates kept so that Rules can report them)
 * @param rawTags       the tags as written, index for index with {@code tags}
 * @param dateText      the publish time as written (datePublished / publishedAt / date), or null
 * @param publishAt     the publish time, or null when absent or unparseable
 * @param cuid          Hashnode's id hint from backups
 * @param canonical     canonical URL
 * @param cover         cover image URL
 * @param ogImage       Open Graph image URL
 * @param seoTitle      SEO title
 * @param seoDescription SEO description
 * @param series        series slug
 * @param part          part number in the series, or null
 * @param partText      the part as written (to report a non-number), or null
 * @param draft         never published
 * @param ignored       {@code ignorePost: true}: not a post at all
 * @param enableToc     Hashnode option, null when unset
 * @param disableComments Hashnode option, null when unset
 * @param hideFromCommunity Hashnode option ({@code isDelisted}), null when unset
 * @param platforms     platforms this post is limited to; empty means every configured platform
 * @param linkedinText  hand-written LinkedIn text, or null
 * @param extra         keys the reader knows but xpost does not act on (domain, publishAs, ...) and unknown keys
 * @param body          the Markdown body exactly as written (line endings normalised to \n); null in the record
 *                      when it was let go to save memory ({@link #withoutBody()}), and then read again from
 *                      {@code source} by {@link #body()}
 * @param bodyLine      1-based line where the body starts in the file
 * @param lines         1-based line of each canonical key in the file (for diagnostics)
 * @param source        where the body can be read again, and a digest of the file's bytes as read; null for a
 *                      post not read from a file as it is (made in a test, or with its images replaced)
 */
public record Post(
        Path file,
        Dialect dialect,
        String title,
        String subtitle,
        String slug,
        boolean slugWritten,
        List<String> tags,
        List<String> rawTags,
        String dateText,
        Instant publishAt,
        String cuid,
        String canonical,
        String cover,
        String ogImage,
        String seoTitle,
        String seoDescription,
        String series,
        Integer part,
        String partText,
        boolean draft,
        boolean ignored,
        Boolean enableToc,
        Boolean disableComments,
        Boolean hideFromCommunity,
        List<String> platforms,
        String linkedinText,
        Map<String, String> extra,
        String body,
        int bodyLine,
        Map<String, Integer> lines,
        PostSource source) {

    public Post {
        tags = List.copyOf(tags);
        rawTags = List.copyOf(rawTags);
        platforms = List.copyOf(platforms);
        extra = Map.copyOf(extra);
        lines = Map.copyOf(lines);
    }

    /** A post whose body is held in memory only (no file to read it again from). */
    public Post(Path file, Dialect dialect, String title, String subtitle, String slug, boolean slugWritten,
            List<String> tags, List<String> rawTags, String dateText, Instant publishAt, String cuid, String canonical,
            String cover, String ogImage, String seoTitle, String seoDescription, String series, Integer part,
            String partText, boolean draft, boolean ignored, Boolean enableToc, Boolean disableComments,
            Boolean hideFromCommunity, List<String> platforms, String linkedinText, Map<String, String> extra,
            String body, int bodyLine, Map<String, Integer> lines) {
        this(file, dialect, title, subtitle, slug, slugWritten, tags, rawTags, dateText, publishAt, cuid, canonical,
                cover, ogImage, seoTitle, seoDescription, series, part, partText, draft, ignored, enableToc,
                disableComments, hideFromCommunity, platforms, linkedinText, extra, body, bodyLine, lines, null);
    }

    /**
     * The Markdown body: held, or read again from the file (each call reads it; nothing is kept).
     *
     * @throws PostSource.Changed when the body had been let go and the file no longer holds what was read
     */
    @Override
    public String body() {
        return body != null || source == null ? body : source.readBody();
    }

    /**
     * The same post without its body in memory, when the body can be read again from the file: what a blog keeps
     * of each post between reading it and needing its body, so that memory follows the work, not the blog size.
     */
    public Post withoutBody() {
        if (body == null || source == null) {
            return this;
        }
        return new Post(file, dialect, title, subtitle, slug, slugWritten, tags, rawTags, dateText, publishAt, cuid,
                canonical, cover, ogImage, seoTitle, seoDescription, series, part, partText, draft, ignored,
                enableToc, disableComments, hideFromCommunity, platforms, linkedinText, extra, null, bodyLine,
                lines, source);
    }

    /**
     * The same post with its body in memory, read once from the file: what a create or update is made from, so
     * that every part of one request comes from one read of the file.
     *
     * @throws PostSource.Changed when the file no longer holds what was read at the start
     */
    public Post withBody() {
        if (body != null || source == null) {
            return this;
        }
        return new Post(file, dialect, title, subtitle, slug, slugWritten, tags, rawTags, dateText, publishAt, cuid,
                canonical, cover, ogImage, seoTitle, seoDescription, series, part, partText, draft, ignored,
                enableToc, disableComments, hideFromCommunity, platforms, linkedinText, extra, source.readBody(),
                bodyLine, lines, source);
    }

    /** The same post, readable again from {@code newSource} (null: held in memory only). */
    Post withSource(PostSource newSource) {
        return new Post(file, dialect, title, subtitle, slug, slugWritten, tags, rawTags, dateText, publishAt, cuid,
                canonical, cover, ogImage, seoTitle, seoDescription, series, part, partText, draft, ignored,
                enableToc, disableComments, hideFromCommunity, platforms, linkedinText, extra, body, bodyLine,
                lines, newSource);
    }

    /** The digest of the file's bytes as read ({@link PostSource#digest()}), or null when not read from a file. */
    public String fileDigest() {
        return source == null ? null : source.digest();
    }

    /** Line of a canonical key, or the first line of the file when the key is absent. */
    public int line(String key) {
        return lines.getOrDefault(key, 1);
    }

    /** A post that would go out: not a draft, not ignored. */
    public boolean publishable() {
        return !draft && !ignored;
    }

    /**
     * The same post with another body, cover and ogImage: what a platform sends once local images are replaced
     * by their uploaded URLs (the file itself is never rewritten).
     */
    public Post withImages(String newBody, String newCover, String newOgImage) {
        return new Post(file, dialect, title, subtitle, slug, slugWritten, tags, rawTags, dateText, publishAt, cuid,
                canonical, newCover, newOgImage, seoTitle, seoDescription, series, part, partText, draft, ignored,
                enableToc, disableComments, hideFromCommunity, platforms, linkedinText, extra, newBody, bodyLine,
                lines, null);
    }

    /**
     * The same post marked as a draft: a backup's {@code draft-<hex>.md} file is one unless its front matter says
     * {@code draft: false}.
     */
    public Post asDraft() {
        return new Post(file, dialect, title, subtitle, slug, slugWritten, tags, rawTags, dateText, publishAt, cuid,
                canonical, cover, ogImage, seoTitle, seoDescription, series, part, partText, true, ignored,
                enableToc, disableComments, hideFromCommunity, platforms, linkedinText, extra, body, bodyLine,
                lines, source);
    }

    /** The same post with the Hashnode identity its backup file name gives ({@code <cuid>.md}). */
    public Post withCuid(String newCuid) {
        return new Post(file, dialect, title, subtitle, slug, slugWritten, tags, rawTags, dateText, publishAt,
                newCuid, canonical, cover, ogImage, seoTitle, seoDescription, series, part, partText, draft, ignored,
                enableToc, disableComments, hideFromCommunity, platforms, linkedinText, extra, body, bodyLine,
                lines, source);
    }

    /**
     * The same post under the slug Hashnode holds it by: for an adopted post whose title gives no slug (a legacy
     * file titled in Persian, say), so that it can be recorded. The slug counts as not written.
     */
    public Post withSlug(String newSlug) {
        return new Post(file, dialect, title, subtitle, newSlug, false, tags, rawTags, dateText, publishAt, cuid,
                canonical, cover, ogImage, seoTitle, seoDescription, series, part, partText, draft, ignored,
                enableToc, disableComments, hideFromCommunity, platforms, linkedinText, extra, body, bodyLine,
                lines, source);
    }

    /** True when the post carries a Hashnode identity: it is adopted by it and never created by a plain publish. */
    public boolean hasIdentity() {
        return cuid != null;
    }

    /**
     * {@code linkedin: {post: true}}: send this post to LinkedIn even when it is dated before {@code linkedin.since}
     * (or, with no since, before xpost first recorded the blog). Kept among {@link #extra} under
     * {@value #LINKEDIN_POST_KEY} because it steers the run only and is part of nothing that is sent.
     */
    public boolean linkedinDespiteSince() {
        return "true".equals(extra.get(LINKEDIN_POST_KEY));
    }

    /** Where {@link #linkedinDespiteSince()} is kept in {@link #extra}. */
    public static final String LINKEDIN_POST_KEY = "linkedin.post";

    /** True when this post goes to the named platform (an empty list means every platform). */
    public boolean targets(String platform) {
        return platforms.isEmpty() || platforms.contains(platform);
    }
}
