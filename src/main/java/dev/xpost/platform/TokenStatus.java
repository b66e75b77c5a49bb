package dev.xpost.platform;

/**
 * What {@code xpost auth status} says about one configured platform.
 *
 * @param ok      the secret is set and the platform accepted it
 * @param message what was found, for the user: for whom, what it can do, how long it lives, or what to do
 * @param failure why it is not ok: {@code AUTH} for a missing or refused secret, {@code NETWORK} when the platform
 *                could not be reached, another kind when it answered something else; null when ok
 */
public record TokenStatus(boolean ok, String message, PlatformException.Kind failure) {
    public static TokenStatus accepted(String message) {
        return new TokenStatus(true, message, null);
    }

    public static TokenStatus missing(String message) {
        return new TokenStatus(false, message, PlatformException.Kind.AUTH);
    }

    public static TokenStatus failed(PlatformException e) {
        return new TokenStatus(false, e.getMessage(), e.kind());
    }
}
