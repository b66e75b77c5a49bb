package dev.xpost.platform.hashnode;

import dev.xpost.platform.Remote;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Hashnode keeps in the state file, in keys this package owns: the publication it resolved once (remembered
 * through {@link dev.xpost.platform.Session}, stored under the state's {@code accounts.hashnode}) and, per post, the
 * record extension ({@code ext}) read through this view.
 *
 * @param cuid          Hashnode's cuid of the post, when known
 * @param slug          the slug as Hashnode returned it (it may add a suffix when the slug is taken); null when not
 *                      known
 * @param publicationId the publication the post belongs to; null when not known (an adopted post)
 */
public record HashnodeState(String cuid, String slug, String publicationId) {
    /** Session key of the publication's id, resolved once from the configured host. */
    public static final String PUBLICATION_ID = HashnodeClient.PLATFORM + ".publicationId";
    /**
     * Session key of {@code hashnode.publication} as configured when the id was resolved: when the configuration
     * changes, the id is resolved again.
     */
    public static final String PUBLICATION_HOST = HashnodeClient.PLATFORM + ".publicationHost";

    /** Record extension key of the publication id; the cuid and slug use {@link Remote#CUID}, {@link Remote#SLUG}. */
    public static final String EXT_PUBLICATION_ID = "publicationId";

    /** The view of a record's extension ({@code PlatformRecord.ext()}); unknown keys are ignored. */
    public static HashnodeState of(Map<String, String> ext) {
        return new HashnodeState(ext.get(Remote.CUID), ext.get(Remote.SLUG), ext.get(EXT_PUBLICATION_ID));
    }

    /** The record extension for these values, nulls left out. */
    public Map<String, String> ext() {
        Map<String, String> out = new TreeMap<>();
        if (cuid != null) {
            out.put(Remote.CUID, cuid);
        }
        if (slug != null) {
            out.put(Remote.SLUG, slug);
        }
        if (publicationId != null) {
            out.put(EXT_PUBLICATION_ID, publicationId);
        }
        return out;
    }
}
