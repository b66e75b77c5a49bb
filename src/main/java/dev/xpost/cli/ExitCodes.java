package dev.xpost.cli;

import dev.xpost.config.ConfigException;
import dev.xpost.platform.PlatformException;
import dev.xpost.state.StateException;
import picocli.CommandLine;

/** The exit codes of DESIGN.md §4, and the one place that maps a failure to one. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int INVALID = 3;
    public static final int AUTH = 4;
    public static final int PARTIAL = 5;
    public static final int UNKNOWN = 6;

    /** Shown by {@code xpost help exit-codes}; the README's table says the same. */
    public static final java.util.Map<String, String> DESCRIPTIONS = descriptions();

    /** Each code in a few words, for a one-line summary (the GitHub Action's job summary). */
    public static final java.util.Map<String, String> NAMES = java.util.Map.of("1", "internal error", "2",
            "usage or configuration error", "3", "invalid posts", "4", "authentication refused", "5", "partly done",
            "6", "outcome unknown");

    private ExitCodes() {
    }

    private static java.util.Map<String, String> descriptions() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("0", "success, including nothing to do");
        m.put("1", "unexpected internal error (run again with --verbose and report it)");
        m.put("2", "usage or configuration error (a bad option or setting, no blog here, a corrupt state file, "
                + "another run holding the lock, an endpoint that moved or cannot be reached, a retired LinkedIn "
                + "version)");
        m.put("3", "one or more posts are invalid: those (and the posts and platform steps that depend on them) "
                + "were not sent; every other due post went out");
        m.put("4", "authentication or permission refused (a missing, bad or expired token, a missing scope, "
                + "Hashnode Pro plan required)");
        m.put("5", "partly done: some platform actions failed; everything that succeeded is recorded");
        m.put("6", "outcome unknown: a create may or may not have happened; xpost says what to check");
        return java.util.Collections.unmodifiableMap(m);
    }

    public static int of(Throwable t) {
        if (t instanceof ConfigException || t instanceof CommandLine.ParameterException
                || t instanceof StateException) {
            return USAGE;
        }
        if (t instanceof PlatformException pe) {
            return of(pe.kind());
        }
        if (t instanceof UserException ue) {
            return ue.exitCode();
        }
        return INTERNAL;
    }

    public static int of(PlatformException.Kind kind) {
        return switch (kind) {
            case AUTH -> AUTH;
            case CONFIG -> USAGE;
            case REJECTED, RATE_LIMITED, TRANSIENT, NETWORK -> PARTIAL;
            case UNKNOWN_OUTCOME -> UNKNOWN;
        };
    }

    /** The exit code of a failed {@code doctor} check. */
    public static int of(dev.xpost.app.DoctorUseCase.Check check) {
        return switch (check.trouble()) {
            case CONFIG -> USAGE;
            case AUTH -> AUTH;
            case POSTS -> INVALID;
            case PLATFORM -> check.platformKind() == null ? PARTIAL : of(check.platformKind());
        };
    }

    /**
     * Of several exit codes, the one that most needs a person: 6 (check before anything is sent again), 4 (a token),
     * 2 (a setting: nothing can go out), 3 (a post to fix: it never goes out until fixed, while every other post
     * did), then 5 (failures that the next run tries again); README: Exit codes.
     */
    public static int worst(java.util.Collection<Integer> codes) {
        for (int code : new int[] {UNKNOWN, AUTH, USAGE, INVALID, PARTIAL, INTERNAL}) {
            if (codes.contains(code)) {
                return code;
            }
        }
        return OK;
    }
}
