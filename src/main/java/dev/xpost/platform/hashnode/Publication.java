package dev.xpost.platform.hashnode;

import okhttp3.HttpUrl;

/**
 * A publication as Hashnode knows it, resolved once per run from a {@link PublicationRef}.
 *
 * @param id    the publication's ObjectId, used by every later call
 * @param url   the blog's home URL (custom domain already resolved by Hashnode), or null when Hashnode gives none
 * @param title the blog's title
 */
public record Publication(String id, String url, String title) {

    /** The blog host for messages ({@code myblog.hashnode.dev}); the id when Hashnode gave no URL. */
    public String host() {
        HttpUrl u = url == null ? null : HttpUrl.parse(url);
        return u == null ? id : u.host();
    }
}
