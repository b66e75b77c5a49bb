package dev.xpost.platform;

import java.util.Objects;

/**
 * One line of {@code xpost doctor} about a platform, as its package found it (the app adds the config, posts and
 * state checks).
 *
 * @param mark    how it came out
 * @param name    what was checked, such as {@code hashnode token}
 * @param message what was found
 * @param fix     what to do, for a failure or a warning; null when the message already says it
 * @param trouble for a failure, what kind of thing is to be fixed; null otherwise
 * @param kind    for a failure that came from the platform's answer (a {@link PlatformException}), its kind; null
 *                otherwise
 */
public record Finding(Mark mark, String name, String message, String fix, Trouble trouble,
        PlatformException.Kind kind) {

    /** How a check came out. */
    public enum Mark { OK, FAIL, WARN, SKIPPED }

    /** What a failure asks the user to fix; the CLI turns it into an exit code. */
    public enum Trouble { CONFIG, AUTH, PLATFORM }

    public Finding {
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    public static Finding ok(String name, String message) {
        return new Finding(Mark.OK, name, message, null, null, null);
    }

    public static Finding fail(String name, String message, String fix, Trouble trouble) {
        return new Finding(Mark.FAIL, name, message, fix, trouble, null);
    }

    public static Finding warn(String name, String message, String fix) {
        return new Finding(Mark.WARN, name, message, fix, null, null);
    }

    public static Finding skipped(String name, String message) {
        return new Finding(Mark.SKIPPED, name, message, null, null, null);
    }

    /**
     * A failure the platform answered: a refused token is {@link Trouble#AUTH}; a setting or a network that did not
     * let the request through is {@link Trouble#CONFIG} (nothing refused the token); anything else the platform's.
     */
    public static Finding failed(String name, PlatformException e) {
        Trouble t = switch (e.kind()) {
            case AUTH -> Trouble.AUTH;
            case CONFIG, NETWORK -> Trouble.CONFIG;
            default -> Trouble.PLATFORM;
        };
        return new Finding(Mark.FAIL, name, e.getMessage(), fixFor(e.kind()), t, e.kind());
    }

    /** Every failed check comes with what to do (README: doctor), also when the platform's answer was the failure. */
    private static String fixFor(PlatformException.Kind kind) {
        return switch (kind) {
            case AUTH -> "check the token named above: set, not expired, with the permissions the message names";
            case CONFIG -> "correct the setting named above in config/xpost.yaml";
            case NETWORK -> "check this machine's network connection (and proxy), and the endpoint in "
                    + "config/xpost.yaml if you set one";
            case RATE_LIMITED -> "wait for the platform's rate limit to reset, then run xpost doctor again";
            default -> "run xpost doctor again later; if it keeps failing, check the platform's status page";
        };
    }
}
