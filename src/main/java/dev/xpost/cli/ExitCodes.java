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

    /**
     * What a command found, in the only terms an exit code is decided by. Every command turns its typed result
     * (a run's rows, doctor's checks, auth's token findings, validation problems, an import, an exception) into
     * findings with one of the {@code findings} functions below, and {@link #decide} picks the code: no command
     * picks one itself, and none reads its own printed text.
     */
    public enum Finding {
        /** A create may or may not have happened (6). */
        UNKNOWN_OUTCOME(UNKNOWN),
        /** A token missing, refused, or lacking a scope or plan (4). */
        AUTH_REFUSED(AUTH),
        /** A setting, the state file, a lock, an endpoint that cannot be reached (2). */
        CONFIG(USAGE),
        /** A post that is invalid, so it and what depends on it went nowhere (3). */
        INVALID_POST(INVALID),
        /** A platform action that failed and that the next run tries again (5). */
        FAILED(PARTIAL),
        /** A bug in xpost (1). */
        BUG(INTERNAL);

        final int code;

        Finding(int code) {
            this.code = code;
        }
    }

    /**
     * The one place an exit code is decided: of all findings, the one that most needs a person. 6 (check before
     * anything is sent again), 4 (a token), 2 (a setting: nothing can go out), 3 (a post to fix: it never goes out
     * until fixed, while every other post did), then 5 (failures that the next run tries again), 1; none is 0.
     * README: Exit codes.
     */
    public static int decide(java.util.Collection<Finding> findings) {
        for (Finding f : Finding.values()) {
            if (findings.contains(f)) {
                return f.code;
            }
        }
        return OK;
    }

    /** A command that stopped on an exception. */
    public static Finding finding(Throwable t) {
        if (t instanceof ConfigException || t instanceof CommandLine.ParameterException
                || t instanceof StateException) {
            return Finding.CONFIG;
        }
        if (t instanceof PlatformException pe) {
            return finding(pe.kind());
        }
        if (t instanceof dev.xpost.app.InvalidPostException) {
            return Finding.INVALID_POST;
        }
        if (t instanceof UserException ue) {
            return switch (ue.exitCode()) {
                case USAGE -> Finding.CONFIG;
                case INVALID -> Finding.INVALID_POST;
                case AUTH -> Finding.AUTH_REFUSED;
                case PARTIAL -> Finding.FAILED;
                case UNKNOWN -> Finding.UNKNOWN_OUTCOME;
                default -> Finding.BUG;
            };
        }
        return Finding.BUG;
    }

    public static Finding finding(PlatformException.Kind kind) {
        return switch (kind) {
            case AUTH -> Finding.AUTH_REFUSED;
            case CONFIG -> Finding.CONFIG;
            case REJECTED, RATE_LIMITED, TRANSIENT, NETWORK -> Finding.FAILED;
            case UNKNOWN_OUTCOME -> Finding.UNKNOWN_OUTCOME;
        };
    }

    /** The exit code of a command that stopped on an exception. */
    public static int of(Throwable t) {
        return decide(java.util.List.of(finding(t)));
    }

    /**
     * A plan or publish run (a plan's code is the one its publish would have): each failed step by its kind of
     * failure, and an invalid post.
     */
    static java.util.List<Finding> findings(dev.xpost.app.RunReport r) {
        java.util.List<Finding> found = new java.util.ArrayList<>();
        r.outcomes().stream().map(dev.xpost.app.Outcome::failure).filter(k -> k != null).map(ExitCodes::finding)
                .forEach(found::add);
        if (r.invalid()) {
            found.add(Finding.INVALID_POST);
        }
        return found;
    }

    /** {@code doctor}: each failed check by its kind of trouble. */
    static java.util.List<Finding> findings(java.util.List<dev.xpost.app.DoctorUseCase.Check> checks) {
        return checks.stream().filter(c -> c.mark() == dev.xpost.app.DoctorUseCase.Mark.FAIL).map(c -> switch (
                c.trouble()) {
                    case CONFIG -> Finding.CONFIG;
                    case AUTH -> Finding.AUTH_REFUSED;
                    case POSTS -> Finding.INVALID_POST;
                    // As auth status: a platform that refused the token is 4; one that could not be reached or
                    // answered oddly (a stalled or endless answer included) is a setting or network to fix, 2.
                    case PLATFORM -> c.platformKind() == PlatformException.Kind.AUTH ? Finding.AUTH_REFUSED
                            : Finding.CONFIG;
                }).toList();
    }

    /**
     * {@code auth status}: a missing or refused token is 4; a platform that could not be reached or answered
     * oddly is a setting or a network to fix (2): nothing refused the token, so it must not read as "refused".
     */
    static java.util.List<Finding> tokenFindings(java.util.List<dev.xpost.app.AuthUseCase.TokenStatus> tokens) {
        return tokens.stream().filter(t -> !t.ok())
                .map(t -> t.failure() == PlatformException.Kind.AUTH ? Finding.AUTH_REFUSED : Finding.CONFIG)
                .toList();
    }

    /** {@code validate}: any error makes the posts invalid. */
    static java.util.List<Finding> findings(dev.xpost.app.Validation v) {
        return v.errors() > 0 ? java.util.List.of(Finding.INVALID_POST) : java.util.List.of();
    }

    /** {@code import}: a post written with an error is invalid; a post the publication could not give failed. */
    static java.util.List<Finding> findings(dev.xpost.app.ImportUseCase.Result r) {
        java.util.List<Finding> found = new java.util.ArrayList<>();
        if (r.problems().stream().anyMatch(p -> p.isError())) {
            found.add(Finding.INVALID_POST);
        }
        if (!r.refused().isEmpty()) {
            found.add(Finding.FAILED);
        }
        return found;
    }
}
