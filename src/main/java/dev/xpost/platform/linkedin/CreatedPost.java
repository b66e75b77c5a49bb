package dev.xpost.platform.linkedin;

/**
 * A LinkedIn post that exists now.
 *
 * @param urn       its URN ({@code urn:li:share:…} or {@code urn:li:ugcPost:…}), URL-decoded: the key to store
 * @param url       its address in the feed, derived from the URN
 * @param duplicate true when LinkedIn refused the create as a duplicate of this existing post (422 DUPLICATE_POST):
 *                  an earlier create whose answer was lost most likely went through, and this is that post
 */
public record CreatedPost(String urn, String url, boolean duplicate) {
    /** The feed address of a post URN: {@code https://www.linkedin.com/feed/update/<urn>/}. */
    public static String urlOf(String urn) {
        return "https://www.linkedin.com/feed/update/" + urn + "/";
    }
}
