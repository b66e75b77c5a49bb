package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not quite right: each loads with a warning or fails with an error naming the line. */
class PostReaderOddInputTest {
    private static final Path FILE = Path.of("posts/odd.md");
    private final PostReader reader = new PostReader(ZoneId.of("UTC"));

    private ReadResult parse(String text) {
        return reader.parse(FILE, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem only(ReadResult result) {
        assertEquals(1, result.problems().size(), result.problems()::toString);
        return result.problems().get(0);
    }

    private static void assertProblem(Problem problem, Severity severity, String rule, int line, String fragment) {
        assertEquals(rule, problem.rule(), problem::toString);
        assertEquals(severity, problem.severity(), problem::toString);
        assertEquals(line, problem.line(), problem::toString);
        assertEquals(FILE, problem.file());
        assertTrue(problem.message().contains(fragment), () -> "'" + fragment + "' not in: " + problem.message());
    }

    @Test
    void frontMatterThatNeitherReaderUnderstandsIsAnErrorNamingTheLine() {
        ReadResult result = parse("---\ntitle: ok\ntags: [unclosed\nthis line is no key\n---\nbody\n");
        assertNull(result.post());
        assertProblem(only(result), Severity.ERROR, "invalid-yaml", 4, "line 4 is not a `key: value` line");
        assertTrue(result.problems().get(0).toString().startsWith("posts/odd.md:4: error: front matter is not valid"));
    }

    @Test
    void aKeyIndentedWithATabIsAnErrorNotFoldedIntoTheValueAbove() {
        ReadResult result = parse("---\ntitle: Tabs\n\tslug: tabbed\ntags: java\n---\nbody\n");
        assertNull(result.post(), "never published titled \"Tabs slug: tabbed\"");
        assertProblem(only(result), Severity.ERROR, "invalid-yaml", 3, "line 3 starts with a tab");
        ReadResult spaces = parse("---\ntitle: Tabs\nslug: tabbed\n---\nbody\n");
        assertEquals("tabbed", spaces.post().slug());
    }

    @Test
    void aTabThatTheLineByLineReadingReadsAsTheAuthorMeantIsStillOnlyAWarning() {
        // Nested under a key without a value: read as nested.
        ReadResult nested = parse("---\ntitle: Hello\nslug: hello\nlinkedin:\n\ttext: hi there custom\n"
                + "tags: [a]\n---\nbody\n");
        assertEquals("hi there custom", nested.post().linkedinText(), nested.problems()::toString);
        assertTrue(nested.problems().stream().allMatch(p -> p.severity() == Severity.WARNING),
                nested.problems()::toString);
        // A tab inside a quoted value is YAML; the fault is the unquoted `: ` above it.
        ReadResult quoted = parse("---\ntitle: Java 17: what is new\nsubtitle: \"A long subtitle\n"
                + "\tnote: wrapped by the editor\"\ntags: [java]\n---\nbody\n");
        assertEquals("Java 17: what is new", quoted.post().title(), quoted.problems()::toString);
        assertTrue(quoted.problems().stream().allMatch(p -> p.severity() == Severity.WARNING),
                quoted.problems()::toString);
    }

    @Test
    void frontMatterThatIsAListIsAnError() {
        ReadResult result = parse("---\n- one\n- two\n---\n");
        assertNull(result.post());
        assertProblem(only(result), Severity.ERROR, "invalid-yaml", 2, "must be `key: value` lines");
    }

    @Test
    void controlCharacterInFrontMatterIsRemovedWithAWarning() {
        ReadResult result = parse("---\nslug: hello\ntitle: \"Hello\bWorld\"\n---\nbody\n");
        assertProblem(only(result), Severity.WARNING, "control-character", 3, "U+0008 on line 3 removed");
        assertEquals("HelloWorld", result.post().title());
    }

    @Test
    void controlCharacterInBodyIsKeptWithAWarning() {
        ReadResult result = parse("---\ntitle: Hello\n---\n\nline four\nbell \u0007 here\n");
        assertProblem(only(result), Severity.WARNING, "control-character", 6, "U+0007 on line 6 in the body");
        assertEquals("\nline four\nbell \u0007 here\n", result.post().body());
    }

    @Test
    void manyControlCharactersAreSummarised() {
        ReadResult result = parse("---\ntitle: Hello\n---\n" + "\u0001\n".repeat(25));
        assertEquals(TextScan.MAX_REPORTED + 1, result.problems().size());
        assertTrue(result.problems().get(TextScan.MAX_REPORTED).message().startsWith("15 more control characters"));
    }

    @Test
    void quotedValueSpanningLinesIsFoldedWithAWarning() {
        ReadResult result = parse("---\nslug: whisper\ntitle: \"BetterWhisperX: Speed and Precision\n"
                + "Introduction\"\ntags: ai\n---\n");
        assertProblem(only(result), Severity.WARNING, "multiline-value", 3, "`title` spans lines 3-4");
        assertEquals("BetterWhisperX: Speed and Precision Introduction", result.post().title());
        assertEquals(5, result.post().line("tags"));
    }

    @Test
    void blockScalarIsNotAMultilineSurprise() {
        ReadResult result = parse("---\ntitle: T\nlinkedin:\n  text: |\n    First line.\n    Second line.\n---\n");
        assertEquals(List.of(), result.problems());
        assertEquals("First line.\nSecond line.", result.post().linkedinText());
    }

    @Test
    void crlfAndBomAreAcceptedSilently() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "---\r\ntitle: \"Windows post\"\r\ntags: a, b\r\n---\r\n\r\nLine one.\r\nLine two.\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);
        ReadResult result = reader.parse(FILE, content);
        assertEquals(List.of(), result.problems());
        assertEquals("Windows post", result.post().title());
        assertEquals(List.of("a", "b"), result.post().tags());
        assertEquals("\nLine one.\nLine two.\n", result.post().body());
        assertEquals(5, result.post().bodyLine());
    }

    @Test
    void unclosedFrontMatterIsAnErrorOnLineOne() {
        ReadResult result = parse("---\ntitle: Forgot to close\n\nThe body starts here.\n");
        assertNull(result.post());
        assertProblem(only(result), Severity.ERROR, "unclosed-front-matter", 1, "never closed");
    }

    @Test
    void binaryFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("image.md");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D});
        ReadResult result = reader.read(file);
        assertNull(result.post());
        Problem problem = only(result);
        assertEquals("binary-file", problem.rule());
        assertEquals(Severity.ERROR, problem.severity());
        assertEquals(file, problem.file());
        assertTrue(problem.message().contains("binary file"));
    }

    @Test
    void notUtf8IsAnErrorNamingTheLineOfTheFirstBadByte() {
        byte[] latin1 = "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        ReadResult result = reader.parse(FILE, latin1);
        assertNull(result.post());
        assertProblem(only(result), Severity.ERROR, "not-utf8", 2, "byte 0xE9 on line 2");
    }

    @Test
    void truncatedUtf8AtTheEndIsAnError() {
        byte[] text = "---\ntitle: x\n---\n\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(text, text.length - 1);
        assertProblem(only(reader.parse(FILE, cut)), Severity.ERROR, "not-utf8", 4, "not UTF-8");
    }

    @Test
    void emptyAndWhitespaceOnlyFilesAreNotPosts() {
        for (String text : List.of("", " \n\t\n", "\uFEFF\n")) {
            ReadResult result = parse(text);
            assertNull(result.post());
            assertProblem(only(result), Severity.WARNING, "empty-file", 0, "empty file, not a post");
        }
    }

    @Test
    void tenMegabyteFileIsReadNormally(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.md");
        String line = "A long paragraph line that repeats to make a very large but valid post body.\n";
        StringBuilder text = new StringBuilder("---\ntitle: Huge\n---\n");
        while (text.length() < 10 * 1024 * 1024) {
            text.append(line);
        }
        Files.writeString(file, text);
        ReadResult result = reader.read(file);
        assertEquals(List.of(), result.problems());
        assertEquals("Huge", result.post().title());
        assertTrue(result.post().body().length() > 10 * 1024 * 1024 - 100);
    }

    @Test
    void fileOverThirtyTwoMegabytesIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("giant.md");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(33L * 1024 * 1024); // sparse: no 33 MB written to disk
        }
        ReadResult result = reader.read(file);
        assertNull(result.post());
        Problem problem = only(result);
        assertEquals("file-too-large", problem.rule());
        assertEquals(Severity.ERROR, problem.severity());
        assertTrue(problem.message().contains("33.0 MB"), problem.message());
    }

    @Test
    void missingFileIsAProblemNotAnException(@TempDir Path dir) {
        Path file = dir.resolve("gone.md");
        ReadResult result = reader.read(file);
        assertNull(result.post());
        assertEquals("read-error", only(result).rule());
        assertEquals(Severity.ERROR, only(result).severity());
        assertTrue(only(result).message().contains("not found"));
    }

    @Test
    void folderInsteadOfFileIsAProblem(@TempDir Path dir) {
        ReadResult result = reader.read(dir);
        assertNull(result.post());
        assertEquals("read-error", only(result).rule());
    }

    @Test
    void mappingOrListWhereTextIsExpectedIsAnError() {
        ReadResult result = parse("---\ntitle:\n  en: Hello\n  de: Hallo\nslug: [a, b]\ntags: {x: y}\n---\n");
        assertNotNull(result.post());
        assertEquals(3, result.problems().size(), result.problems()::toString);
        assertProblem(result.problems().get(0), Severity.ERROR, "invalid-value", 2, "`title` must be text, but it is a mapping");
        assertProblem(result.problems().get(1), Severity.ERROR, "invalid-value", 5, "`slug` must be text, but it is a list");
        assertProblem(result.problems().get(2), Severity.ERROR, "invalid-value", 6, "`tags` must be a comma-separated");
        assertNull(result.post().title());
        assertNull(result.post().slug());
        assertTrue(result.post().tags().isEmpty());
    }

    @Test
    void yamlAliasIsNotSilentlyReadAsItsName() {
        ReadResult result = parse("---\ntitle: &t Hello\nseoTitle: *t\n---\n");
        Problem problem = only(result);
        assertProblem(problem, Severity.WARNING, "lenient-yaml", 3, "aliases");
        assertEquals("*t", result.post().seoTitle());
    }
}
