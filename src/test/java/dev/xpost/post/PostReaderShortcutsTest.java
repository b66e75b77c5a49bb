package dev.xpost.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's shortcuts for a large blog (issue 15: a post known unchanged is read by its front matter, 50,000 times
 * a run) change no result: each is run against the way it replaced, kept here as it was, over the same generated
 * front matter of every odd kind (CRLF, BOM, tabs, unicode, quotes, comments, controls, line separators, lists), and
 * a post read by its front matter alone is the full read's post with the full read's front matter problems.
 */
class PostReaderShortcutsTest {
    @TempDir
    Path dir;

    private static final String[] LINES = {
        "title: Plain title", "title: \"Quoted: yes\"", "title: 'single'", "title: Lessons from PR #42",
        "title: Tab\t#cut", "title: Ünïcödé ✓ 😀", "title: caf\u00e9 \u2028 sep", "title: nel \u0085 x",
        "title: bell \u0007 here", "slug: a-slug", "slug: 2023", "slug:", "tags: java, react", "tags: #java #react",
        "tags: [a, b]", "tags:", "  - one", "  - two # note", "- top", "date: 2024-05-30",
        "datePublished: Sat Dec 16 2023 21:36:40 GMT+0000 (Coordinated Universal Time)",
        "datePublished: 2024-05-30T15:05:57+02:00", "publishedAt: 2024-13-01", "cuid: c000000000000000000010078",
        "draft: true", "draft: maybe", "saveAsDraft: false", "domain: x.hashnode.dev", "unknownKey: v", "Title: Case",
        "# a comment", "   # indented comment", "", "   ", "\t", "key: \"unclosed", "linkedin:", "  text: Hi",
        "  post: true", "part: 2", "part: two", "series: s", "cover: ./img/a.png", "seoTitle: S # not a comment?",
        "enableToc: yes", "a.b-c_d : spaced key", "ke y: v", "---x", "title: \"esc \\\" aped\"", "title: ~",
        "title: x:y", "title: x: y", "title:\tx", "-", "- ", "title: [unclosed", "\u00a0title: nbsp",
        "title: trailing   ", "title: \u001f unit sep",
    };

    private static String frontMatter(Random random) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(9);
        for (int i = 0; i < count; i++) {
            text.append(LINES[random.nextInt(LINES.length)]).append('\n');
        }
        return text.toString();
    }

    private static List<String> blocks() {
        Random random = new Random(15);
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            blocks.add(frontMatter(random));
        }
        return blocks;
    }

    @Test
    void aPostReadByItsFrontMatterIsTheFullReadsForEveryGeneratedFrontMatter() throws IOException {
        PostReader reader = new PostReader(ZoneId.of("Europe/Berlin"));
        Random random = new Random(7);
        int headRead = 0;
        int i = 0;
        for (String block : blocks()) {
            boolean crlf = random.nextInt(4) == 0;
            String text = (random.nextInt(6) == 0 ? "\uFEFF" : "") + "---" + (random.nextBoolean() ? "" : " \t")
                    + "\n" + block + "---\n\n# Body\n\nText with \u0007 and ü.\n";
            if (crlf) {
                text = text.replace("\n", "\r\n");
            }
            // Backup names: a draft's, and a cuid's (which gives the identity when the front matter has none).
            String[] names = {"post.md", "draft-0123456789abcdef01234567.md", "c" + "0".repeat(24) + ".md"};
            Path file = Files.write(dir.resolve(names[i++ % 3]), text.getBytes(StandardCharsets.UTF_8));
            ReadResult full;
            AtomicInteger asked = new AtomicInteger();
            ReadResult head;
            try (BlogFiles allowed = new BlogFiles(dir, dir)) {
                full = reader.read(file, file, allowed);
                head = reader.read(file, file, allowed, p -> asked.incrementAndGet() == 1);
            }
            if (asked.get() == 1 && full.post() != null) {
                headRead++;
                Post f = full.post();
                assertEquals(f.withoutBody().withSource(null), head.post().withSource(null), text);
                assertEquals(f.fileDigest(), head.post().fileDigest());
                assertEquals(full.problems().stream().filter(p -> p.line() < f.bodyLine()).toList(), head.problems(),
                        text);
            } else {
                assertEquals(full, head, text);
            }
            Files.delete(file);
        }
        assertTrue(headRead > 500, "most generated posts are read by their front matter: " + headRead);
    }

    @Test
    void filesReadOneAfterAnotherIntoTheSameBufferAreEachReadAsThemselves() throws IOException {
        PostReader reader = new PostReader(ZoneId.of("UTC"));
        BlogFiles allowed = new BlogFiles(dir, dir);
        String big = "---\ntitle: Big\n---\n" + "Long body line.\n".repeat(20_000);
        String huge = "---\ntitle: Huge\n---\n" + "x".repeat(1_500_000) + "\n";
        // Shorter than what was read before it, and unclosed: the bytes left after it must not close it.
        String unclosed = "---\ntitle: Unclosed\n";
        String small = "---\ntitle: Small\n---\nBody\n";
        String closedTwin = unclosed + "---\nBody\n";
        for (String text : List.of(big, unclosed, huge, small, closedTwin, unclosed, "", small)) {
            Path file = Files.writeString(dir.resolve("b.md"), text);
            ReadResult full = reader.read(file, file, allowed);
            AtomicInteger asked = new AtomicInteger();
            ReadResult head = reader.read(file, file, allowed, p -> asked.incrementAndGet() == 1);
            if (asked.get() == 1) {
                assertEquals(full.post().withoutBody().withSource(null), head.post().withSource(null));
                assertEquals(full.post().fileDigest(), head.post().fileDigest());
                assertEquals(full.post().body(), head.post().body());
            } else {
                assertEquals(full, head);
            }
            assertEquals(text.equals(unclosed) || text.isEmpty(), asked.get() == 0, text.substring(0,
                    Math.min(20, text.length())));
        }
    }

    @Test
    void commentCutWarnsAsTheLineByLineRegularExpressionDid() {
        Path file = Path.of("p.md");
        for (String block : blocks()) {
            List<Problem> now = new ArrayList<>();
            CommentCut.check(file, block, 2, now);
            assertEquals(commentCutAsItWas(file, block, 2), now, block);
        }
    }

    @Test
    void noKeysAndTheFenceCutAreWhatTheLineSplittingVersionsSaid() {
        List<String> texts = new ArrayList<>(blocks());
        texts.addAll(List.of("", "\n", "#\n", "  #x\n\n", "\u2003# em space\n", "\u00a0x\n", "\u000b\n# a",
                "a", "---", "---\n", "--- \t\nx\n---", "---\nx\n--- x\n---\t\ny", "---\n---", "--\n---\n---\n"));
        for (String text : texts) {
            assertEquals(hasNoKeysAsItWas(text), TextScan.hasNoKeys(text), text);
            for (String framed : List.of(text, "---\n" + text + "---\nbody", "---\n" + text)) {
                assertEquals(splitAsItWas(framed), FrontMatter.split(framed), framed);
            }
        }
    }

    @Test
    void backupFileNamesAreRecognisedAsTheRegularExpressionsSay() {
        Pattern draft = Pattern.compile("draft-[0-9a-f]{24}\\.md");
        for (String name : List.of("draft-0123456789abcdef01234567.md", "draft-0123456789abcdef0123456.md",
                "draft-0123456789ABCDEF01234567.md", "draft-0123456789abcdef01234567.mdx", "Draft-0123456789abcdef01"
                + "234567.md", "draft-0123456789abcdef0123456g.md", "x.md", "draft-.md")) {
            assertEquals(draft.matcher(name).matches(), PostReader.isBackupDraft(Path.of("posts", name)), name);
        }
    }

    @Test
    void frontMatterBytesWithoutControlsDecodeToTextWithoutControls() {
        Random random = new Random(3);
        byte[] pool = "ab:- #\n\t\r\u0007\u007f\u0085\u0080\u00e9\uFFFE\uFFFF\uFEFF😀".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int j = 0; j < b.length; j++) {
                b[j] = pool[random.nextInt(pool.length)];
            }
            int n = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            if (!TextScan.mayHoldControls(b, n)) {
                String text = new String(b, 0, n, StandardCharsets.UTF_8).replace('\r', '\n');
                for (int k = 0; k < text.length(); k++) {
                    char c = text.charAt(k);
                    // A character cut at n decodes to U+FFFD, which the reader leaves to the full read.
                    assertTrue(!TextScan.isControl(c) || c == '\uFFFD', () -> "a control in " + text);
                }
            }
            assertEquals(TextScan.mayHoldControls(b), TextScan.mayHoldControls(b, b.length));
        }
    }

    // What the shortcuts replaced, as it was.

    private static final Pattern COMMENT_LINE = Pattern.compile("^(?:([A-Za-z_][\\w.-]*)\\s*:|\\s*-)\\s+(\\S.*)$");

    private static List<Problem> commentCutAsItWas(Path file, String block, int firstLine) {
        List<Problem> out = new ArrayList<>();
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = COMMENT_LINE.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            String value = m.group(2);
            char first = value.charAt(0);
            if (first == '"' || first == '\'' || first == '|' || first == '>' || first == '[' || first == '{'
                    || first == '#') {
                continue;
            }
            int cut = value.indexOf(" #");
            int tab = value.indexOf("\t#");
            if (cut < 0 || (tab >= 0 && tab < cut)) {
                cut = tab;
            }
            if (cut < 0) {
                continue;
            }
            String kept = value.substring(0, cut).strip();
            String lost = value.substring(cut).strip();
            String key = m.group(1);
            String whole = value.strip();
            String fix = "if it belongs to the value, quote it: " + (key == null ? "- " : key + ": ") + "\""
                    + whole.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            if ("tags".equals(key)) {
                fix = "if those are more tags, list them: tags: "
                        + String.join(", ", whole.replace("#", " ").strip().split("[\\s,]+"));
            }
            out.add(Problem.warning(file, firstLine + i, "comment-cut", (key == null ? "a list entry" : "`" + key
                    + "`") + " is read as \"" + kept + "\": YAML takes `" + lost + "` for a comment; " + fix));
        }
        return out;
    }

    private static boolean hasNoKeysAsItWas(String block) {
        for (String line : block.split("\n", -1)) {
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return false;
            }
        }
        return true;
    }

    private static FrontMatter splitAsItWas(String text) {
        int firstEnd = text.indexOf('\n');
        String opening = firstEnd < 0 ? text : text.substring(0, firstEnd);
        if (!isFenceAsItWas(opening)) {
            return new FrontMatter(FrontMatter.Kind.NONE, "", 2, text, 1);
        }
        if (firstEnd < 0) {
            return new FrontMatter(FrontMatter.Kind.UNCLOSED, "", 2, "", 1);
        }
        int lineStart = firstEnd + 1;
        int line = 2;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            if (isFenceAsItWas(text.substring(lineStart, end))) {
                String block = text.substring(firstEnd + 1, lineStart);
                String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
                return new FrontMatter(FrontMatter.Kind.PRESENT, block, 2, body, line + 1);
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
            line++;
        }
        return new FrontMatter(FrontMatter.Kind.UNCLOSED, "", 2, "", 1);
    }

    private static boolean isFenceAsItWas(String line) {
        if (!line.startsWith("---")) {
            return false;
        }
        for (int i = 3; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }
}
