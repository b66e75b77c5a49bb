package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every real post exported by Hashnode in ../shared/corpus must load: Hashnode published them itself. */
class CorpusTest {
    private static final Map<String, ReadResult> RESULTS = new TreeMap<>();

    @BeforeAll
    static void readCorpus() throws IOException {
        Path corpus = Path.of(System.getProperty("xpost.shared", "../shared"), "corpus", "hashnode-backup");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared not present: skipping the corpus test");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("SOURCE.md"))
                    .filter(p -> !p.getFileName().toString().equals("MANIFEST.sha256"))
                    .filter(p -> p.getFileName().toString().endsWith(".md"))
                    .toList();
        }
        PostReader reader = new PostReader(ZoneId.of("UTC"));
        for (Path file : files) {
            RESULTS.put(file.getParent().getFileName() + "/" + file.getFileName(), reader.read(file));
        }
    }

    private static Post post(String name) {
        ReadResult result = RESULTS.get(name);
        assertNotNull(result, name + " is not in the corpus");
        return result.post();
    }

    @Test
    void everyFileGivesATitledPostOrAProblemNamingIt() {
        assertEquals(53, RESULTS.size(), "SOURCE.md says the corpus holds 53 posts");
        List<String> failures = new ArrayList<>();
        RESULTS.forEach((name, result) -> {
            boolean titled = result.post() != null && result.post().title() != null;
            boolean reported = result.problems().stream().anyMatch(p -> p.file().equals(result.file()));
            if (!titled && !reported) {
                failures.add(name);
            }
        });
        assertEquals(List.of(), failures);
    }

    @Test
    void noCorpusFileGivesAReaderError() {
        List<String> errors = new ArrayList<>();
        RESULTS.forEach((name, result) -> result.problems().stream().filter(Problem::isError)
                .forEach(p -> errors.add(p.toString())));
        assertEquals(List.of(), errors);
    }

    @Test
    void frontMatterPostsAreBackupsWithTheirDates() {
        long backups = RESULTS.values().stream()
                .filter(r -> r.post().dialect() == Dialect.HASHNODE_BACKUP)
                .peek(r -> assertNotNull(r.post().publishAt(), r.file()::toString))
                .peek(r -> assertNotNull(r.post().cuid(), r.file()::toString))
                .peek(r -> assertTrue(r.post().slugWritten(), r.file()::toString))
                .count();
        assertEquals(48, backups);
        Post jest = post("championswimmer__hashnode-backups/clzmf5xwc000o09k5g6n17umr.md");
        assertEquals(Instant.parse("2024-08-09T08:02:35Z"), jest.publishAt());
        assertEquals(List.of("testing", "typescript", "jest"), jest.tags());
    }

    @Test
    void twoLineQuotedTitleLoadsAsOneLine() {
        String name = "behroozbc__hashnode-blog-backup/cm60eump3001009l12zs48vz2.md";
        Post post = post(name);
        assertEquals("BetterWhisperX: Enhancing Speech Recognition with Speed and Precision Introduction", post.title());
        List<String> rules = RESULTS.get(name).problems().stream().map(Problem::rule).toList();
        assertEquals(List.of("multiline-value"), rules);
    }

    @Test
    void persianTitlesLoadIntact() {
        assertEquals("فعال سازی Tpm در مادربرد های مبتنی بر ای ام دی",
                post("behroozbc__hashnode-blog-backup/ckxxeykup06b6u4s1fhcga9wj.md").title());
        assertEquals("گیت دیگه سخت نیست!! با کاوشگر گیت",
                post("behroozbc__hashnode-blog-backup/cky9qohjy19be5ns1ey90bue4.md").title());
        Post mixed = post("behroozbc__hashnode-blog-backup/clfhx8k1n000q0aky6yt34rfa.md");
        assertEquals("Nowruz Pirooz(نوروز پیروز)", mixed.title());
        assertEquals("1402-nowruz-pirooz", mixed.slug());
    }

    @Test
    void titlesWithColonsHashesAndDollarsLoad() {
        assertEquals("$SYS topic in MQTT", post("behroozbc__hashnode-blog-backup/ckyb5n3w20atvnzs1gfvj5esv.md").title());
        assertEquals("Start MQTT Client with C#", post("behroozbc__hashnode-blog-backup/ckyit17kg0lk635s19pc4ckbb.md").title());
        assertEquals("Discover MQTT: A Key Protocol for IoT",
                post("behroozbc__hashnode-blog-backup/clfgtrduf00020ami20o186kn.md").title());
    }

    @Test
    void legacyFilesTakeTheirTitleFromTheHeading() {
        Map<String, String> legacy = Map.of(
                "behroozbc__hashnode-blog-backup/ckycni7oe01mhp8s16ee2h5h2.md", "از کجا بفهمیم نسخه انگولار یک پروژه چنده ؟",
                "championswimmer__hashnode-backups/cl2fytjln02m6y8nv1ue03rv0.md",
                "Managing libraries and dependencies in Android projects with Gradle version catalog",
                "championswimmer__hashnode-backups/clbxigsx1000y08l50a8qhhpt.md",
                "Creating and Publishing Visual Studio Code Color Themes",
                "championswimmer__hashnode-backups/clc62efd3000108ky0hg14mh2.md",
                "Validating Github Actions Workflow files in Jetbrains IDEs",
                "championswimmer__hashnode-backups/clcevsd1v001508jugn3n3jkt.md",
                "Publishing a Kotlin Multiplatform Project in all platforms (Win, Mac, Linux, JVM, JS) with Github Actions");
        legacy.forEach((name, title) -> {
            Post post = post(name);
            assertEquals(Dialect.LEGACY, post.dialect(), name);
            assertEquals(title, post.title(), name);
            assertEquals(1, post.line("title"), name);
            assertEquals("no-front-matter", RESULTS.get(name).problems().get(0).rule(), name);
        });
        assertEquals(5, RESULTS.values().stream().filter(r -> r.post().dialect() == Dialect.LEGACY).count());
        assertFalse(RESULTS.values().stream().anyMatch(r -> r.post().body().contains("\r")));
    }
}
