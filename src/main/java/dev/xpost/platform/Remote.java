package dev.xpost.platform;

import java.util.Map;
import java.util.TreeMap;

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
    /** Keys of {@link #slug} and {@link #cuid} in a state record's platform extension ({@link #ext()}). */
    public static final String SLUG = "slug";
    public static final String CUID = "cuid";

    public static Remote of(String id, String url, String slug, String cuid) {
        return new Remote(id, url, slug, cuid, false, null);
    }

    /** The post as a state record keeps it: its id, URL and platform extension ({@link #SLUG}, {@link #CUID}). */
    public static Remote of(String id, String url, Map<String, String> ext) {
        return of(id, url, ext.get(SLUG), ext.get(CUID));
    }

    /** What of this post goes into its state record's platform extension: the slug and cuid that are set. */
    public Map<String, String> ext() {
        Map<String, String> out = new TreeMap<>();
        if (slug != null) {
            out.put(SLUG, slug);
        }
        if (cuid != null) {
            out.put(CUID, cuid);
        }
        return out;
    }

    public Remote withNote(String n) {
        return new Remote(id, url, slug, cuid, existing, n);
    }
}
