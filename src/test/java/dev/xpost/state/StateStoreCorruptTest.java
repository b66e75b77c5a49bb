package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A broken state file is reported with its place and cause, and never overwritten. */
class StateStoreCorruptTest {
    @TempDir
    Path root;

    /** A version 1 file, as today's release writes it: broken version 1 files are read as strictly as version 2. */
    static String full() throws IOException {
        return new String(StateStoreTest.resource("v1-full.json"), StandardCharsets.UTF_8);
    }

    static Stream<Arguments> brokenFiles() throws IOException {
        String full = full();
        return Stream.of(
                // name, content, expected fragment of the message, expected "line N" or null
                Arguments.of("truncated", full.substring(0, full.indexOf("\"linkedin\": {\n          \"hash\"")),
                        "the file ends too early", "line 27,"),
                Arguments.of("missing comma", full.replace("\"sha256:aaaa\",", "\"sha256:aaaa\""),
                        "was expecting comma", "line 20,"),
                Arguments.of("trailing comma", full.replace("\"status\": \"failed\"", "\"status\": \"failed\","),
                        "was expecting double-quote", "line 47,"),
                Arguments.of("empty", "\n", "the file is empty", null),
                Arguments.of("not an object", "[1, 2]\n", "expected a JSON object", "line 1, column 1"),
                Arguments.of("version as text", full.replace("\"version\": 1", "\"version\": \"1\""),
                        "\"version\" must be a whole number, found text", "line 51, column 14"),
                Arguments.of("no version", full.replace(",\n  \"version\": 1", ""), "\"version\" is missing", null),
                Arguments.of("version zero", full.replace("\"version\": 1", "\"version\": 0"),
                        "\"version\" is 0", "line 51,"),
                // The current format is read in one pass only when nothing is wrong; anything wrong is reported as
                // the version check and the full read always did, in that order.
                Arguments.of("version 2 with a fraction", "{\"posts\": {}, \"version\": 2.0}\n",
                        "\"version\" must be a whole number, found a number", "line 1, column 26"),
                Arguments.of("version 2, a wrong field, then broken JSON",
                        "{\"bogus\": 1, \"version\": 2,}\n", "was expecting double-quote", "line 1,"),
                Arguments.of("version 2 twice", "{\"version\": 2, \"posts\": {}, \"version\": 2}\n",
                        "Duplicate field 'version'", "line 1,"),
                Arguments.of("posts as a list", "{\"posts\": [], \"version\": 1}",
                        "at posts: expected an object ({ ... }) but found a list", "line 1, column 11"),
                Arguments.of("id as a number", full.replace("\"65f0c0ffee0000000000beef\"", "42"),
                        "at posts.aws-part-1.platforms.hashnode.id: expected text in quotes but found a number",
                        "line 20,"),
                Arguments.of("sentAt as a number", full.replace("\"2024-01-31T09:00:05Z\"", "1706691605"),
                        "at posts.aws-part-1.platforms.linkedin.sentAt: expected a UTC instant", "line 30,"),
                Arguments.of("sentAt not an instant", full.replace("\"2024-01-31T09:00:05Z\"", "\"yesterday\""),
                        "\"yesterday\" is not a UTC instant like 2024-01-31T09:00:00Z", "line 30,"),
                Arguments.of("misspelt status", full.replace("\"unknown\"", "\"unknwon\""),
                        "at posts.aws-part-2.platforms.hashnode.status: \"unknwon\" is not a status (expected one"
                                + " of: published, intent, unknown, failed)", "line 42,"),
                Arguments.of("missing status", full.replace("\"status\": \"failed\"", "\"hash\": \"x\""),
                        "\"status\" is missing", "line 47,"),
                Arguments.of("published without id", full.replace("\"id\": \"urn:li:share:7157000000000000000\",",
                        ""), "a published record needs the remote \"id\"", "line 33,"),
                Arguments.of("unknown field", full.replace("\"cuid\":", "\"token\": \"x\",\n          \"cuid\":"),
                        "at posts.aws-part-1.platforms.hashnode: unknown field \"token\" (expected one of: cuid,"
                                + " fields, hash, id, intentAt, message, publicationId, requestEndedAt, sent, sentAt, slug,"
                                + " status, url)", "line 27,"),
                Arguments.of("post without file", full.replace("\"file\": \"posts/aws/part-2.md\",", ""),
                        "at posts.aws-part-2: \"file\" is missing", "line 49,"),
                Arguments.of("null post", "{\"posts\": {\"a\": null}, \"version\": 1}",
                        "\"posts\" has no value for \"a\"", "line 1,"),
                Arguments.of("duplicate slug", full.replace("\"aws-part-2\": {", "\"aws-part-1\": {"),
                        "Duplicate field 'aws-part-1'", "line 36,"),
                Arguments.of("merge conflict", full.replace("      \"file\": \"posts/aws/part-2.md\",\n",
                                "<<<<<<< HEAD\n      \"file\": \"posts/aws/part-2.md\",\n=======\n"
                                        + "      \"file\": \"posts/aws/part-two.md\",\n>>>>>>> other\n"),
                        "git merge-conflict markers", "line 37,"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFileIsReportedAndLeftUntouched(String name, String content, String expected, String line)
            throws IOException {
        Path file = write(content);
        byte[] before = Files.readAllBytes(file);
        StateStore store = new StateStore(file);

        StateException e = assertThrows(StateException.class, store::load);

        assertEquals(StateException.Kind.CORRUPT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Broken state file " + file), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        if (line != null) {
            assertTrue(e.getMessage().contains("(" + line), e.getMessage());
        }
        assertTrue(e.getMessage().contains("xpost did not change the file. Fix it by hand, or restore it from git"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("Source:") && !e.getMessage().contains("dev.xpost"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newer")
    void newerFormatSaysToUpgradeAndLeavesTheFileUntouched(String name, String content) throws IOException {
        Path file = write(content);
        byte[] before = Files.readAllBytes(file);

        StateException e = assertThrows(StateException.class, () -> new StateStore(file).load());

        assertEquals(StateException.Kind.TOO_NEW, e.kind());
        assertTrue(e.getMessage().startsWith(file + " was written by a newer xpost"), e.getMessage());
        assertTrue(e.getMessage().contains("Upgrade xpost"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    static Stream<Arguments> newer() throws IOException {
        return Stream.of(
                // A newer format may well add fields this xpost does not know: the version must win.
                Arguments.of("version 3 with new fields", full().replace("\"version\": 1",
                        "\"version\": 3,\n  \"mastodon\": {\"server\": \"x\"}")),
                Arguments.of("huge version", "{\"version\": 99999999999999999999999}"));
    }

    private Path write(String content) throws IOException {
        Path file = root.resolve(".xpost/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
