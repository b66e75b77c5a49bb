package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's report from the documents of real runs (validate, status, a failed start): what lands in the job
 * summary, the step outputs and the log. The action end to end is {@code dev.xpost.e2e.ActionE2eTest}.
 */
class ActionReportTest {
    @TempDir
    Path dir;

    private record Report(int code, String log, String outputs, String summary) {
    }

    private Report report(String command, int exitCode, String json) throws IOException {
        Path file = dir.resolve("xpost.json");
        Files.writeString(file, json);
        Path output = dir.resolve("output");
        Path summary = dir.resolve("summary");
        Files.deleteIfExists(output);
        Files.deleteIfExists(summary);
        StringWriter log = new StringWriter();
        int code = ActionReport.run(command, exitCode, file, Map.of("GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_WORKSPACE", dir.toString()),
                dir.resolve("blog"), new PrintWriter(log, true));
        return new Report(code, log.toString(), Files.readString(output), Files.readString(summary));
    }

    @Test
    void validateProblemsBecomeAnnotationsATableAndCounts() throws IOException {
        CliRun blog = new CliRun(dir.resolve("blog"));
        blog.write("config/xpost.yaml", "hashnode:\n  publication: demo.hashnode.dev\n");
        blog.write("posts/bad.md", "---\ntitle: Bad | worse\nslug: Bad_Slug\ntags: java\nmood: x\n---\nbody\n");
        CliRun.Result v = blog.run("validate", "--json");
        Report r = report("validate", v.code(), v.out());
        assertEquals(0, r.code());
        assertTrue(r.log().startsWith("::error file=blog/posts/bad.md,line=3,title=invalid-slug::slug \"Bad_Slug\""),
                r.log());
        assertTrue(r.log().contains("xpost validate: exit 3 (invalid posts): 1 post checked, 1 error, 1 warning"), r.log());
        assertTrue(r.outputs().contains("\nerrors=1\nwarnings=1\n"), r.outputs());
        assertTrue(r.outputs().startsWith("json=" + dir.resolve("xpost.json") + "\ncreated=0\n"), r.outputs());
        assertTrue(r.summary().contains("| `blog/posts/bad.md:3` | error | invalid-slug | slug \"Bad_Slug\""),
                r.summary());
        assertTrue(r.summary().contains("| `blog/posts/bad.md:5` | warning | unknown-key |"), r.summary());
    }

    @Test
    void statusListsWhatIsNotInSync() throws IOException {
        String json = """
                {"posts": [
                  {"post": "alpha", "platform": "hashnode", "state": "in sync", "url": "https://x.dev/alpha"},
                  {"post": "beta", "platform": "linkedin", "state": "failed", "message": "a | b", "url": null},
                  {"post": "gamma", "platform": "hashnode", "state": "scheduled", "when": "2027-01-01T09:00:00Z"}
                ]}""";
        Report r = report("status", 0, json);
        assertTrue(r.summary().startsWith("### xpost status: exit 0: 1 in sync, 1 failed, 1 scheduled\n"),
                r.summary());
        assertEquals(List.of("| `beta` | linkedin | failed | a \\| b |",
                "| `gamma` | hashnode | scheduled | 2027-01-01T09:00:00Z |"),
                r.summary().lines().filter(l -> l.startsWith("| `")).toList());
    }

    @Test
    void aRunWithoutADocumentSaysToReadTheLog() throws IOException {
        Report r = report("publish", 2, "");
        assertEquals(0, r.code());
        assertTrue(r.summary().startsWith("### xpost publish: exit 2 (usage or configuration error)\n\nxpost gave no "
                + "result document; the step's log says why."), r.summary());
        assertTrue(r.outputs().contains("created=0\n") && r.outputs().contains("failed=0\n"), r.outputs());
    }
}
