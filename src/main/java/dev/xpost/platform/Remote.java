package dev.xpost.platform;

/**
 * A post as a platform knows it, in the words the state file keeps.
 *
 * @param id       Hashnode post id, or LinkedIn post URN
 * @param url      where readers find it
 * @param slug     the slug the platform gave it (Hashnode suffixes a taken slug); null where there is none
 * @param cuid     Hashnode's cuid; null elsewhere
 * @param existing true when a create found the post already there (LinkedIn's duplicate answer) and
 *                 adopted it instead
 * @param note     something the user should know about this result (a suffixed slug, an edit LinkedIn cannot
 *                 make), or null
 */
public record Remote(String id, String url, String slug, String cuid, boolean existing, String note) {
    public static Remote of(String id, String url, String slug, String cuid) {
        return new Remote(id, url, slug, cuid, false, null);
    }

    public Remote withNote(String n) {
        return new Remote(id, url, slug, cuid, existing, n);
    }
}
