package dev.xpost.platform;

/**
 * A platform said no, or could not be reached. The message is written for the user (what went wrong and what to
 * do) and never contains a token. The {@link Kind} decides the exit code, in one place: {@code cli.ExitCodes}.
 */
public class PlatformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Token missing, rejected or lacking permission (exit 4). Stops the whole platform for this run. */
        AUTH,
        /** Endpoint, version or other setting is wrong (exit 2). Stops the whole platform for this run. */
        CONFIG,
        /** The platform refused this one post (bad input, not found); the others go on (exit 5). */
        REJECTED,
        /** Rate limit reached: stop calling this platform for this run (exit 5). */
        RATE_LIMITED,
        /** Transient failure of a call that changed nothing, such as a read that timed out (exit 5). */
        TRANSIENT,
        /**
         * The platform could not be reached at all: unknown host, refused connection, no route. Nothing was sent.
         * Not a refusal by the platform: the network or the configured endpoint is at fault. In plan and publish
         * it fails the platform's actions like {@link #TRANSIENT} (exit 5, sent again next run); for doctor and
         * auth status, which only check, it is a setting or machine to fix (exit 2).
         */
        NETWORK,
        /** A create may or may not have happened (timeout, 5xx, dropped connection after sending) (exit 6). */
        UNKNOWN_OUTCOME
    }

    private final String platform;
    private final Kind kind;

    public PlatformException(String platform, Kind kind, String message) {
        this(platform, kind, message, null);
    }

    public PlatformException(String platform, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.platform = platform;
        this.kind = kind;
    }

    public String platform() {
        return platform;
    }

    public Kind kind() {
        return kind;
    }

    /** True when nothing more should be sent to this platform in this run. */
    public boolean stopsPlatform() {
        return kind == Kind.AUTH || kind == Kind.CONFIG || kind == Kind.RATE_LIMITED;
    }
}
