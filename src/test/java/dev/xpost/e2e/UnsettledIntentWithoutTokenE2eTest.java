package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.cli.CliRun;
import dev.xpost.state.Status;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hashnode create left open by an older xpost (state format 1, status intent) while no token is at hand: plan,
 * doctor, status and publish tell one story. Plan never claims the lookup it could not make found nothing; doctor
 * says the token is needed for publish to settle it; publish without it exits 4 (README "Exit codes": a missing
 * token) and keeps the intent; with the token, publish finds the post the first create made and records it.
 */
class UnsettledIntentWithoutTokenE2eTest {
    @TempDir
    Path dir;

    @Test
    void planDoctorStatusAndPublishAgreeUntilTheTokenComes() throws IOException {
        try (E2eBlog b = new E2eBlog(dir)) {
            b.post("two.md", "AWS, part 2", "2026-11-20T09:00:00Z", "aws-part-2");
            b.hashnode.seed(null, "aws-part-2", "AWS, part 2", "Some text for AWS, part 2.\n", "2026-11-20T09:00:00Z");
            b.cli.write(".xpost/state.json", """
                    {
                      "posts": {
                        "aws-part-2": {
                          "file": "posts/two.md",
                          "platforms": {
                            "hashnode": {"intentAt": "2026-11-20T09:00:05Z", "status": "intent",
                              "sent": {"slug": "aws-part-2", "title": "AWS, part 2"}}
                          }
                        }
                      },
                      "version": 1
                    }
                    """);
            b.cli.env.remove("HASHNODE_TOKEN");

            CliRun.Result plan = b.run("plan", "--platform", "hashnode");
            assertEquals(0, plan.code(), plan::toString);
            assertTrue(plan.out().contains("unless the earlier create sent at 2026-11-20T09:00:05Z made the post: "
                    + "publish looks it up on Hashnode first and records it instead (not checked: no token)"),
                    plan::toString);
            assertFalse(plan.out().contains("left no post"), plan::toString);

            CliRun.Result doctor = b.run("doctor");
            assertTrue(doctor.out().contains("`aws-part-2` has an unsettled create on hashnode. Fix: set "
                    + "HASHNODE_TOKEN, then run `xpost publish`"), doctor::toString);

            CliRun.Result status = b.run("status");
            assertTrue(status.out().matches("(?s).*aws-part-2\\s+hashnode\\s+unknown\\s+an earlier create may or "
                    + "may not have made a post.*"), status::toString);

            E2eBlog.Run without = b.publish("--platform", "hashnode");
            assertEquals(4, without.code(), without.result()::toString);
            assertTrue(without.message("aws-part-2", "hashnode").contains("HASHNODE_TOKEN is not set"),
                    without.result()::toString);
            assertEquals(Status.INTENT, b.record("aws-part-2", "hashnode").orElseThrow().status());
            assertEquals(0, b.hashnode.mutations());

            b.cli.env.put("HASHNODE_TOKEN", E2eBlog.HASHNODE_TOKEN);
            E2eBlog.Run with = b.publish("--platform", "hashnode");
            assertEquals(0, with.code(), with.result()::toString);
            // Found by the lookup: recorded (and brought in line with the file), never created again.
            assertTrue(java.util.Set.of("adopted", "updated").contains(with.outcome("aws-part-2", "hashnode")),
                    with.result()::toString);
            assertEquals(Status.PUBLISHED, b.record("aws-part-2", "hashnode").orElseThrow().status());
            assertEquals(1, b.hashnode.posts().size(), "no twin of the post the first create made");
            assertFalse(b.run("doctor").out().contains("unsettled create"));
        }
    }
}
