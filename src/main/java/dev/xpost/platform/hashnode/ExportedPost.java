package dev.xpost.platform.hashnode;

import java.time.Instant;
import java.util.List;

/**
 * A published post with everything a file in the seed format of Hashnode's backups holds, as listed by
 * {@link HashnodeClient#exportPosts}: enough to write the file without asking Hashnode again.
 *
 * @param cuid           Hashnode's short id; null for posts that have none
 * @param publishedAt    null when Hashnode sent something unreadable
 * @param markdown       the Markdown exactly as Hashnode stores it (never null; empty when Hashnode sent none)
 * @param canonicalUrl   the canonical URL ({@code originalArticleURL} when publishing), or null
 * @param coverImage     the cover image URL, or null
 * @param ogImage        the Open Graph image URL, or null
 * @param tags           tag slugs, in Hashnode's order
 * @param series         the slug of the series the post is in, or null
 */
public record ExportedPost(String id, String cuid, String slug, String url, String title, String subtitle,
        Instant publishedAt, String markdown, String canonicalUrl, String coverImage, String seoTitle,
        String seoDescription, String ogImage, List<String> tags, String series) {

    public ExportedPost {
        tags = List.copyOf(tags);
        markdown = markdown == null ? "" : markdown;
    }
}
