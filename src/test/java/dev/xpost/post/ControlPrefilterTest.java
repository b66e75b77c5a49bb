package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The byte prefilter that spares the character scans ({@link TextScan#mayHoldControls}) must never hide a control
 * character those scans report: whenever the scans of the whole text find one, the prefilter said "maybe".
 */
class ControlPrefilterTest {
    private static final Path FILE = Path.of("post.md");

    /** What the character scans report for the text of these bytes, as the reader decodes and normalises it. */
    private static List<Problem> scanned(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        List<Problem> found = new ArrayList<>();
        TextScan.reportControls(text, 1, FILE, found);
        TextScan.removeControls(text, 1, FILE, found);
        return found;
    }

    private static void assertSame(byte[] content, String what) {
        if (!scanned(content).isEmpty()) {
            assertTrue(TextScan.mayHoldControls(content), what + ": the scans report a control character, the "
                    + "prefilter said none");
        }
    }

    @Test
    void everyControlCharacterIsSeenWhereverItSits() {
        List<Character> controls = new ArrayList<>();
        for (char c = 0; c < 0xA0; c++) {
            if (TextScan.isControl(c) || c == '\r') {
                controls.add(c);
            }
        }
        controls.add('\uFFFE');
        controls.add('\uFFFF');
        for (char c : controls) {
            for (int at = 0; at < 20; at++) {
                String text = "x".repeat(at) + c + "y".repeat(19 - at);
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                assertSame(bytes, String.format("U+%04X at %d", (int) c, at));
                if (c != '\r') {
                    assertTrue(TextScan.mayHoldControls(bytes), String.format("U+%04X at %d", (int) c, at));
                }
            }
        }
    }

    @Test
    void textWithoutControlsTakesTheFastWayOut() {
        String plain = "# Title\n\nTabs\tand ünïcödé, ° and non-breaking\u00a0spaces, € and 😀, a BOM-like \uFEFF"
                + " and \uFFFD: none is a control.\r\n";
        assertTrue(scanned(plain.getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertFalse(TextScan.mayHoldControls(plain.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void randomTextGivesTheSameVerdict() {
        Random random = new Random(15);
        char[] alphabet = ("abc XYZ\n\t\r#[]()<>:/.-_*`é°ü€\u00a0\u0085\u0080\u009f\u00bf\u0001\u001b\u007f"
                + "\uFFFE\uFFFF\uFEFF\uFFFD\u200b\u202e").toCharArray();
        int flagged = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(64);
            boolean rare = random.nextInt(4) == 0;
            for (int i = 0; i < length; i++) {
                // Mostly plain letters, so that many texts hold no control at all and both verdicts are exercised.
                b.append(rare ? alphabet[random.nextInt(alphabet.length)] : alphabet[random.nextInt(8)]);
            }
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            assertSame(bytes, "random text " + n + " " + b.toString().chars().mapToObj(c -> String.format("%04X", c))
                    .toList());
            if (!scanned(bytes).isEmpty()) {
                flagged++;
            }
        }
        assertTrue(flagged > 1000, "the random texts must hold controls often enough to test the prefilter");
    }

    @Test
    void theReaderReportsTheSameProblemsOnEveryCorpusPost() throws IOException {
        Path corpus = Path.of(System.getProperty("xpost.shared", "../shared"), "corpus", "hashnode-backup");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared not present: skipping the corpus comparison");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md")).toList();
        }
        assertFalse(files.isEmpty());
        Random random = new Random(42);
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            assertSame(content, file.toString());
            // The same post with a control character slipped in at a random place: still seen.
            int at = random.nextInt(content.length);
            while (at > 0 && (content[at] & 0xC0) == 0x80) {
                at--;
            }
            byte[] spiked = new byte[content.length + 1];
            System.arraycopy(content, 0, spiked, 0, at);
            spiked[at] = 0x1B;
            System.arraycopy(content, at, spiked, at + 1, content.length - at);
            assertTrue(TextScan.mayHoldControls(spiked), file + " with ESC at byte " + at);
            List<String> problems = new PostReader(java.time.ZoneId.of("UTC")).parse(file, spiked).problems()
                    .stream().filter(p -> p.rule().equals("control-character")).map(Problem::message).toList();
            assertEquals(1, problems.size(), file + " with ESC at byte " + at + ": " + problems);
        }
    }
}
