package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xpost.app.AuthUseCase;
import dev.xpost.app.DoctorUseCase;
import dev.xpost.app.Outcome;
import dev.xpost.app.PlanAction;
import dev.xpost.app.PublishUseCase;
import dev.xpost.app.RunReport;
import dev.xpost.platform.PlatformException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command's exit code comes from one decision over typed findings (README "Exit codes"). */
class ExitCodesTest {
    private static Outcome failed(PlatformException.Kind kind) {
        return new Outcome("a", "A", Path.of("posts/a.md"), "hashnode", PlanAction.CREATE, Outcome.Result.FAILED,
                null, null, null, "failed", kind, null);
    }

    private static RunReport run(boolean invalid, Outcome... rows) {
        return new RunReport(PublishUseCase.Mode.LIVE, Instant.EPOCH, ZoneOffset.UTC, List.of("hashnode"),
                List.of(rows), List.of(), invalid, List.of());
    }

    @Test
    void nothingFoundIsSuccess() {
        assertEquals(ExitCodes.OK, ExitCodes.decide(List.of()));
        assertEquals(ExitCodes.OK, ReportView.exitCode(run(false)));
    }

    @Test
    void anUnknownOutcomeOutranksEverythingElseThenATokenThenASettingThenAnInvalidPostThenAFailure() {
        assertEquals(ExitCodes.UNKNOWN, ReportView.exitCode(run(true, failed(PlatformException.Kind.REJECTED),
                failed(PlatformException.Kind.AUTH), failed(PlatformException.Kind.UNKNOWN_OUTCOME))));
        assertEquals(ExitCodes.AUTH, ReportView.exitCode(run(true, failed(PlatformException.Kind.CONFIG),
                failed(PlatformException.Kind.AUTH))));
        assertEquals(ExitCodes.USAGE, ReportView.exitCode(run(true, failed(PlatformException.Kind.CONFIG))));
        assertEquals(ExitCodes.INVALID, ReportView.exitCode(run(true, failed(PlatformException.Kind.NETWORK))));
        assertEquals(ExitCodes.PARTIAL, ReportView.exitCode(run(false, failed(PlatformException.Kind.RATE_LIMITED),
                failed(PlatformException.Kind.TRANSIENT))));
    }

    @Test
    void authStatusExitsFourForARefusedTokenAndTwoForAPlatformThatCouldNotBeAsked() {
        var refused = new AuthUseCase.TokenStatus("linkedin", false, "token refused", PlatformException.Kind.AUTH);
        var unreachable = new AuthUseCase.TokenStatus("hashnode", false, "cannot connect",
                PlatformException.Kind.NETWORK);
        var fine = new AuthUseCase.TokenStatus("devto", true, "accepted", null);
        assertEquals(ExitCodes.AUTH, ExitCodes.decide(ExitCodes.tokenFindings(List.of(fine, unreachable, refused))));
        assertEquals(ExitCodes.USAGE, ExitCodes.decide(ExitCodes.tokenFindings(List.of(fine, unreachable))));
        assertEquals(ExitCodes.OK, ExitCodes.decide(ExitCodes.tokenFindings(List.of(fine))));
    }

    @Test
    void doctorExitsWithItsWorstFailedCheckAndIgnoresWarnings() {
        var posts = new DoctorUseCase.Check(DoctorUseCase.Mark.FAIL, "posts", "1 invalid", "fix it",
                DoctorUseCase.Trouble.POSTS, null);
        var unreachable = new DoctorUseCase.Check(DoctorUseCase.Mark.FAIL, "dev.to", "down", null,
                DoctorUseCase.Trouble.PLATFORM, null);
        var warned = new DoctorUseCase.Check(DoctorUseCase.Mark.WARN, "token", "expires soon", null,
                DoctorUseCase.Trouble.AUTH, null);
        // README: doctor exits 4, 2 or 3; an unreachable (or oddly answering) platform is 2, which outranks 3.
        assertEquals(ExitCodes.USAGE, ExitCodes.decide(ExitCodes.findings(List.of(posts, unreachable, warned))));
        assertEquals(ExitCodes.INVALID, ExitCodes.decide(ExitCodes.findings(List.of(posts, warned))));
        assertEquals(ExitCodes.USAGE, ExitCodes.decide(ExitCodes.findings(List.of(unreachable, warned))));
        assertEquals(ExitCodes.OK, ExitCodes.decide(ExitCodes.findings(List.of(warned))));
    }

    @Test
    void aCommandStoppedByAnExceptionExitsByItsKind() {
        assertEquals(ExitCodes.UNKNOWN, ExitCodes.of(new PlatformException("linkedin",
                PlatformException.Kind.UNKNOWN_OUTCOME, "lost")));
        assertEquals(ExitCodes.USAGE, ExitCodes.of(new UserException(ExitCodes.USAGE, "bad option")));
        assertEquals(ExitCodes.INTERNAL, ExitCodes.of(new IllegalStateException("bug")));
    }
}
