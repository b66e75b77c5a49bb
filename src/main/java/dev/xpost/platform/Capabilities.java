package dev.xpost.platform;

import java.time.Duration;
import java.util.Objects;

/**
 * What the publish engine must know about a platform to treat it right, declared by the platform itself so that
 * the engine never asks for a name. Plan, publish and status read the same record.
 *
 * @param displayName   how people write the platform's name in messages ("Hashnode")
 * @param home          true for the blog's home: posts' cuids and slugs name its posts, and a post gone from it
 *                      is gone everywhere (other platforms link to it)
 * @param settle        how a create whose outcome is unknown is settled
 * @param settleWindow  for {@link Settle#LOOKUP}, how long after the create its reads may still not show the post
 *                      (the lookup waits that long); for {@link Settle#RESEND}, how long the platform refuses a
 *                      repeated create (after it, the user is asked); unused for {@link Settle#ASK}
 * @param linksHome     true when this platform's post carries the home platform's post URL (a link, a canonical
 *                      URL), so its create waits until the post is on the home platform, and it is skipped when
 *                      that post is gone
 * @param idName        what its post ids are called in messages ({@code --id URN})
 * @param skipsOldPosts true when posts dated before the platform's {@code since} setting, or that were on the home
 *                      platform before xpost knew them, are not sent to it (so moving a blog in floods nothing)
 */
public record Capabilities(String displayName, boolean home, Settle settle, Duration settleWindow, boolean linksHome,
        boolean skipsOldPosts, String idName) {

    public Capabilities {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(idName, "idName");
        if (settle != Settle.ASK && (settleWindow == null || settleWindow.isNegative())) {
            throw new IllegalArgumentException(settle + " needs a settle window");
        }
    }

    /** How a create whose answer was lost (timeout, 5xx, a run that died) is told apart from one never made. */
    public enum Settle {
        /**
         * Read the platform back for what the create carried, once {@link #settleWindow()} has passed since the
         * create could have been committed ({@link Platform#findSent}).
         */
        LOOKUP,
        /**
         * Send the very same create again within {@link #settleWindow()}, counted from the create: the platform's
         * duplicate rule answers with the post it already has ({@link Platform#resend}). After the window, ask.
         */
        RESEND,
        /** The platform can neither be read nor relied on to refuse a repeat: the user says what happened. */
        ASK
    }
}
