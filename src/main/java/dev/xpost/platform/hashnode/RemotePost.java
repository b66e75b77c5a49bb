package dev.xpost.platform.hashnode;

import java.time.Instant;

/**
 * A post that already exists on Hashnode, as listed by {@link HashnodeClient#posts} or found by
 * {@link HashnodeClient#postBySlug}: enough to adopt it (by cuid or slug) and to tell whether its Markdown differs
 * from the file.
 *
 * @param cuid        Hashnode's short id, the file name of a "backup to GitHub" export; may be null
 * @param publishedAt when Hashnode says it was published; null when it sent something unreadable
 * @param markdown    the post's Markdown as Hashnode stores it
 */
public record RemotePost(String id, String cuid, String slug, String url, String title, Instant publishedAt,
        String markdown) {

    /**
     * True when the file's body and Hashnode's Markdown say the same thing. Line endings, blank lines at the start
     * and whitespace at the end are ignored: editors and exporters disagree about them and nothing renders them.
     * Spaces at the end of a line are kept, since two of them are a Markdown line break.
     */
    public boolean sameMarkdown(String body) {
        return normalise(markdown).equals(normalise(body));
    }

    private static String normalise(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("^\n+", "").stripTrailing();
    }
}
