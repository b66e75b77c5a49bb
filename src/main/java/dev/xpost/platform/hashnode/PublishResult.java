package dev.xpost.platform.hashnode;

import java.util.Optional;

/**
 * What Hashnode answered to a {@code publishPost} or {@code updatePost}: the post as Hashnode stored it. Record
 * these values, not the ones that were asked for: on a slug collision {@code publishPost} succeeds under another
 * slug.
 *
 * @param requestedSlug the slug the request asked for, or null when it sent none
 */
public record PublishResult(String id, String cuid, String slug, String url, String requestedSlug) {

    /** True when Hashnode stored the post under another slug than the one asked for (it was taken). */
    public boolean slugSuffixed() {
        return requestedSlug != null && !requestedSlug.equals(slug);
    }

    /**
     * The warning to show when {@link #slugSuffixed()}: the post is live, but under a slug the file does not say.
     *
     * @param file the post's file as the user names it
     */
    public Optional<String> slugWarning(String file) {
        if (!slugSuffixed()) {
            return Optional.empty();
        }
        return Optional.of("Hashnode published it as `" + slug + "`: the slug `" + requestedSlug
                + "` is taken; set `slug:` in " + file + " (`slug: " + slug + "` keeps this URL, " + url + ")");
    }
}
