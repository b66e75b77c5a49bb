package dev.xpost.platform.hashnode;

import dev.xpost.platform.PlatformException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The publication as configured ({@code hashnode.publication}): either its 24-hex ObjectId or its blog host
 * ({@code myblog.hashnode.dev} or a custom domain). Exactly one of the two is set.
 */
public record PublicationRef(String id, String host) {
    private static final Pattern OBJECT_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
    private static final Pattern HOST =
            Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");

    public PublicationRef {
        if ((id == null) == (host == null)) {
            throw new IllegalArgumentException("exactly one of id and host");
        }
    }

    /**
     * Reads the configured value. A pasted blog URL ({@code https://myblog.hashnode.dev/}) is accepted and reduced to
     * its host, because that is what people copy from the browser.
     *
     * @throws PlatformException CONFIG naming {@code hashnode.publication} when the value is neither
     */
    public static PublicationRef parse(String configured) {
        String v = configured == null ? "" : configured.strip();
        if (OBJECT_ID.matcher(v).matches()) {
            return new PublicationRef(v.toLowerCase(Locale.ROOT), null);
        }
        String host = v.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        if (HOST.matcher(host).matches()) {
            return new PublicationRef(null, host);
        }
        throw new PlatformException(HashnodeClient.PLATFORM, PlatformException.Kind.CONFIG,
                v.isEmpty()
                        ? "hashnode.publication is not set in config/xpost.yaml: give the blog host "
                                + "(myblog.hashnode.dev) or the publication id (24 hex characters)"
                        : "hashnode.publication \"" + v + "\" is neither a blog host (myblog.hashnode.dev) nor a "
                                + "publication id (24 hex characters): fix it in config/xpost.yaml");
    }

    /** What the user wrote, for messages. */
    @Override
    public String toString() {
        return id != null ? id : host;
    }
}
