package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass reader of a current-format state file (StateReader) against the databind path it stands in front of
 * (the version check, then the strict read of {@link StateJson}) over the same bytes: every file it reads gives an
 * equal state, and every file it does not read is reported by load exactly as before.
 */
class StateReaderTest {
    @TempDir
    Path root;

    private static final String RECORD = """
            {"ext": {"cuid": "c1", "publicationId": "p1", "slug": "a"}, "fields": ["tags", "canonical"],
             "hash": "h", "id": "i1", "intentAt": null, "message": "m", "requestEndedAt": null, "sent": null,
             "sentAt": "2024-01-31T09:00:05.123Z", "source": "src:1", "status": "published", "url": "https://x/a"}""";

    /** Files xpost could have written, or a user could have edited into something xpost reads: name, content. */
    static Stream<Arguments> validFiles() {
        return Stream.of(
                Arguments.of("only the version", "{\"version\": 2}"),
                Arguments.of("empty state", "{\n  \"images\": {},\n  \"posts\": {},\n  \"version\": 2\n}\n"),
                Arguments.of("every record field", "{\"posts\": {\"a\": {\"file\": \"posts/a.md\", \"platforms\": {"
                        + "\"hashnode\": " + RECORD + "}}}, \"version\": 2}"),
                Arguments.of("every top-level field", """
                        {"accounts": {"hashnode": {"publicationHost": "b.example", "publicationId": "p1"},
                                      "linkedin": {"author": "urn:li:person:1"}},
                         "attempts": {"linkedin https://x/a.png": 2, "linkedin https://x/b.png": 1},
                         "forgotten": {"urn:li:share:1": "posts/a.md"},
                         "gone": {"c9": "posts/old.md"},
                         "images": {"hashnode sha256:ab": "https://cdn/x.png", "linkedin https://x/c.png": "urn:li:image:C"},
                         "posts": {},
                         "started": "2024-01-01T00:00:00Z",
                         "version": 2}"""),
                Arguments.of("an account without facts", "{\"accounts\": {\"devto\": {}, \"hashnode\": {\"h\": \"x\"}},"
                        + " \"version\": 2}"),
                Arguments.of("open intents", """
                        {"posts": {
                          "a": {"file": "posts/a.md", "platforms": {
                            "hashnode": {"hash": "h1", "intentAt": "2024-02-07T09:00:00Z",
                                         "sent": {"slug": "a", "title": "A"}, "status": "intent"},
                            "linkedin": {"hash": "h2", "intentAt": "2024-02-07T09:00:01Z", "message": "timed out",
                                         "requestEndedAt": "2024-02-07T09:00:31.5Z",
                                         "sent": {"author": "urn:li:person:1", "card.title": "A", "commentary": "x"},
                                         "status": "unknown"}}},
                          "b": {"file": "posts/b.md", "platforms": {
                            "devto": {"message": "422: title is too long", "status": "failed"}}}},
                         "version": 2}"""),
                Arguments.of("nulls for absent fields", """
                        {"accounts": null, "attempts": null, "forgotten": null, "gone": null, "images": null,
                         "posts": {"a": {"file": "posts/a.md", "platforms": null},
                                   "b": {"file": "posts/b.md", "platforms": {"hashnode": {"ext": null, "fields": null,
                                     "hash": null, "id": "i", "status": "published", "url": null}}}},
                         "started": null, "version": 2}"""),
                Arguments.of("empty maps and lists in records", """
                        {"posts": {"a": {"file": "posts/a.md", "platforms": {"hashnode": {"ext": {}, "fields": [],
                          "id": "i", "sent": {}, "status": "published"}}}}, "version": 2}"""),
                Arguments.of("fields unsorted and repeated", """
                        {"posts": {"a": {"file": "posts/a.md", "platforms": {
                           "hashnode": {"fields": ["title", "canonical", "title"], "id": "i", "status": "published"},
                           "linkedin": {"fields": ["canonical", "title"], "id": "j", "status": "published"}}}},
                         "version": 2}"""),
                Arguments.of("unicode keys and values", """
                        {"posts": {"caf\\u00e9-na\\u00efve": {"file": "posts/café-naïve.md", "platforms": {
                           "hashnode": {"ext": {"slug": "café-naïve", "tïtle": "日本語 \\"quoted\\" \\ud83d\\ude00"},
                             "id": "i", "status": "published", "url": "https://x/caf%C3%A9"}}},
                           "zz-\u00fcber": {"file": "posts/ü.md", "platforms": {}},
                           "\u65e5\u672c": {"file": "posts/日本.md", "platforms": {}}},
                         "version": 2}"""),
                Arguments.of("a fraction of a second in instants", """
                        {"posts": {"a": {"file": "a.md", "platforms": {"hashnode": {"id": "i",
                           "sentAt": "2024-02-29T23:59:59.999999999Z", "status": "published"}}}},
                         "started": "2024-01-31T09:00:00.5Z", "version": 2}"""),
                // Hand-edited into another order, or with an instant Instant.parse alone reads: the databind path
                // reads them, as before.
                Arguments.of("keys out of order", "{\"version\": 2, \"posts\": {\"b\": {\"platforms\": {}, \"file\":"
                        + " \"b.md\"}, \"a\": {\"file\": \"a.md\"}}}"),
                Arguments.of("a lower-case instant", "{\"started\": \"2024-01-31t09:00:00z\", \"version\": 2}"),
                Arguments.of("a null value in sent", """
                        {"posts": {"a": {"file": "a.md", "platforms": {"linkedin": {"intentAt": "2024-02-07T09:00:00Z",
                          "sent": {"author": null, "commentary": "x"}, "status": "intent"}}}}, "version": 2}"""),
                Arguments.of("a whole number with a fraction in attempts",
                        "{\"attempts\": {\"linkedin https://x/a.png\": 2.0}, \"version\": 2}"),
                // Read so before: databind takes an enum's index and truncates a fraction where it wants an int.
                Arguments.of("a status as its index", posts("{\"file\": \"a.md\", \"platforms\": {\"hashnode\":"
                        + " {\"id\": \"i\", \"status\": 0}}}")),
                Arguments.of("a fraction in attempts", "{\"attempts\": {\"linkedin x\": 1.5}, \"version\": 2}"),
                Arguments.of("trailing white space", "{\"version\": 2}\n\n  \t\n"),
                Arguments.of("escapes in values", """
                        {"posts": {"a\\"b": {"file": "a\\\\b\\/c.md", "platforms": {"linkedin": {"message":
                           "line\\nnext\\ttab \\u0000 \\b\\f\\r \\ud83d\\ude00 \\uD800 caf\\u00E9",
                           "status": "failed"}}}}, "version": 2}"""),
                Arguments.of("white space of every kind", "\r\n\t {\t\"version\"\r\n:\n2\r}\r\n"),
                Arguments.of("a byte-order mark", "\uFEFF{\"version\": 2}"),
                Arguments.of("an escaped field name", "{\"posts\": {\"a\": {\"fil\\u0065\": \"a.md\"}}, \"version\": 2}"),
                Arguments.of("a negative count", "{\"attempts\": {\"linkedin x\": -1}, \"version\": 2}"),
                Arguments.of("a long value", "{\"posts\": {\"a\": {\"file\": \"a.md\", \"platforms\": {\"devto\":"
                        + " {\"message\": \"" + "é long message ".repeat(20_000) + "\", \"status\": \"failed\"}}}},"
                        + " \"version\": 2}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void aValidFileLoadsAsTheDatabindPathReadsIt(String name, String content) throws IOException {
        Path file = write(content);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(State.FORMAT_VERSION, StateJson.version(bytes, file));
        State databind = StateJson.readAs(bytes, file, State.class);

        State loaded = new StateStore(file).load();

        assertEquals(databind, loaded);
        assertEquals(StateStore.text(databind), StateStore.text(loaded));
        State fast = StateReader.read(bytes);
        if (fast != null) {
            assertEquals(databind, fast);
        }
    }

    /** The shapes xpost itself writes take the one-pass path (the others above may be left to databind). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void whatXpostWritesIsReadInOnePass(String name, String content) throws IOException {
        Path file = write(content);
        byte[] bytes = bytes(StateJson.readAs(Files.readAllBytes(file), file, State.class));
        // As written (a null in sent is not), read back by the databind path.
        State written = StateJson.readAs(bytes, file, State.class);

        State fast = StateReader.read(bytes);

        assertNotNull(fast, new String(bytes, StandardCharsets.UTF_8));
        assertEquals(written, fast);
        assertArrayEquals(bytes, bytes(fast));
    }

    @Test
    void manyPostsOfManyShapesReadEqualBothWays() throws IOException {
        State state = StateStoreTest.fullState();
        Random random = new Random(15);
        String[] platforms = {"devto", "hashnode", "linkedin"};
        for (int i = 0; i < 400; i++) {
            String slug = "post-" + Integer.toString(random.nextInt(1_000_000), 36) + (i % 7 == 0 ? "-é" : "");
            for (String platform : platforms) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                Instant at = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(5), random.nextInt(3) * 1_000);
                PlatformRecord record = switch (random.nextInt(4)) {
                    case 0 -> PlatformRecord.intent(at, "sha256:" + i).sending(Map.of("slug", slug, "title", "T"));
                    case 1 -> PlatformRecord.intent(at).unknown("no answer", at.plusSeconds(30));
                    case 2 -> PlatformRecord.intent(at).failed("refused");
                    default -> PlatformRecord.published("id-" + i, "https://x/" + slug, "sha256:" + i, at)
                            .withExt(Map.of("cuid", "c" + i, "publicationId", "pub-" + random.nextInt(2),
                                    "slug", slug))
                            .withFields(random.nextBoolean() ? List.of("tags", "canonical") : List.of())
                            .withSource(random.nextBoolean() ? "src:" + i : null);
                };
                state = state.withRecord(slug, "posts/" + slug + ".md", platform, record);
            }
        }
        state = state.withStarted(Instant.parse("2024-01-01T00:00:00Z")).withGone("c-gone", "posts/gone.md")
                .withForgotten("urn:li:share:9", "posts/x.md").withAttempts("linkedin", "https://x/p.png", 2);
        byte[] bytes = bytes(state);
        Path file = root.resolve("state.json");
        Files.write(file, bytes);

        State fast = StateReader.read(bytes);

        assertEquals(state, fast);
        assertEquals(StateJson.readAs(bytes, file, State.class), fast);
        assertArrayEquals(bytes, bytes(fast));
        assertEquals(state, new StateStore(file).load());
    }

    /** However the file arrives in blocks (a token cut anywhere), it reads the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void aFileReadInSmallPiecesReadsTheSame(String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        State whole = StateReader.read(bytes);
        for (int most = 1; most <= 3; most++) {
            assertEquals(whole, StateReader.read(trickle(bytes, most)), "pieces of at most " + most + " bytes");
        }
    }

    @Test
    void aLargeFileReadInSmallPiecesReadsTheSame() throws IOException {
        State state = StateStoreTest.fullState();
        for (int i = 0; i < 2_000; i++) {
            state = state.withRecord("post-" + i, "posts/post-" + i + ".md", "hashnode", PlatformRecord.published(
                    "id-" + i, "https://x/post-" + i, "sha256:" + i, Instant.ofEpochSecond(1_700_000_000L + i % 3)));
        }
        byte[] bytes = bytes(state);

        assertEquals(state, StateReader.read(trickle(bytes, 7)));
        assertEquals(state, StateReader.read(bytes));
    }

    /** A stream that hands out at most {@code most} bytes per read, as a slow pipe may. */
    private static java.io.InputStream trickle(byte[] bytes, int most) {
        return new java.io.ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, most));
            }
        };
    }

    /** A state read in one pass changes through the API and is written as the same state read by databind. */
    @Test
    void aStateReadInOnePassChangesAndWritesAsBefore() throws IOException {
        byte[] bytes = bytes(StateStoreTest.fullState());
        Path file = root.resolve("state.json");
        State fast = StateReader.read(bytes);
        State databind = StateJson.readAs(bytes, file, State.class);
        java.util.function.UnaryOperator<State> changes = s -> s
                .withRecord("aws-part-1", "posts/aws/part-1.md", "hashnode", s.recordFor("aws-part-1", "hashnode")
                        .orElseThrow().withExt(Map.of("slug", "aws-part-1-2")).withFields(List.of("tags")))
                .withRecord("aws-part-1", "posts/aws/part-one.md", "devto",
                        PlatformRecord.published("7", "https://dev.to/x/7", "sha256:c", Instant.EPOCH))
                .forget("aws-part-2", "linkedin")
                .withAccount("hashnode", "publicationHost", null)
                .withImage("devto", "https://x/y.png", "https://cdn/y.png");

        assertNotNull(fast);
        assertEquals(databind, fast);
        assertArrayEquals(bytes(changes.apply(databind)), bytes(changes.apply(fast)));
        assertEquals(changes.apply(databind), changes.apply(fast));
    }

    @Test
    void aJournalOfLinesReadBothWaysReplaysAsBefore() throws IOException {
        StateStore store = new StateStore(root.resolve(".xpost/state.json"));
        State before = StateStoreTest.fullState();
        store.save(before);
        State after = before.withRecord("new", "posts/new.md", "hashnode", PlatformRecord.intent(Instant.EPOCH, "h"))
                .forget("aws-part-2").withImage("devto", "https://x/y.png", "https://cdn/y.png");
        store.append(before, after);
        // A line edited by hand into another key order: the one-pass reader leaves it to the databind replay.
        Files.writeString(store.journal(), "{\"post\":\"z\",\"value\":{\"platforms\":{},\"file\":\"z.md\"}}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        State loaded = new StateStore(store.file()).load();

        assertEquals(after.images(), loaded.images());
        assertEquals(after.posts().size() + 1, loaded.posts().size());
        assertEquals(after.post("new"), loaded.post("new"));
        assertEquals(new PostEntry("z.md", null), loaded.post("z").orElseThrow());
        assertTrue(loaded.post("aws-part-2").isEmpty());
        assertEquals(after.post("aws-part-1"), loaded.post("aws-part-1"));
    }

    @Test
    void repeatedValuesAreOneObject() throws IOException {
        String record = "{\"ext\": {\"cuid\": \"c%d\", \"publicationId\": \"pub-1\", \"slug\": \"post-%d\"},"
                + " \"fields\": [\"canonical\", \"tags\"], \"id\": \"i%d\", \"sentAt\": \"2024-01-31T09:00:05Z\","
                + " \"status\": \"published\"}";
        StringBuilder json = new StringBuilder("{\"posts\": {");
        for (int i = 1; i <= 3; i++) {
            json.append(i == 1 ? "" : ", ").append("\"post-").append(i).append("\": {\"file\": \"p").append(i)
                    .append(".md\", \"platforms\": {\"hashnode\": ").append(String.format(record, i, i, i))
                    .append("}}");
        }
        json.append("}, \"version\": 2}");

        State state = StateReader.read(json.toString().getBytes(StandardCharsets.UTF_8));

        PlatformRecord one = state.recordFor("post-1", "hashnode").orElseThrow();
        PlatformRecord three = state.recordFor("post-3", "hashnode").orElseThrow();
        assertSame(one.ext().get("publicationId"), three.ext().get("publicationId"));
        assertSame(one.sentAt(), three.sentAt());
        assertSame(one.fields(), three.fields());
        String slug = state.posts().keySet().stream().filter("post-3"::equals).findFirst().orElseThrow();
        assertSame(slug, three.ext().get("slug"));
        assertEquals(List.of("canonical", "tags"), three.fields());
    }

    /**
     * Files the databind path refuses: name, content, a fragment of the message load gave before this reader.
     * The reader must refuse each too, so that load reports it exactly as before.
     */
    static Stream<Arguments> invalidFiles() {
        String post = "{\"file\": \"posts/a.md\", \"platforms\": {\"hashnode\": %s}}";
        String ok = "{\"id\": \"i\", \"status\": \"published\"}";
        return Stream.of(
                Arguments.of("id as a number", posts(String.format(post, "{\"id\": 42, \"status\": \"published\"}")),
                        "at posts.a.platforms.hashnode.id: expected text in quotes but found a number"),
                Arguments.of("fields as text", posts(String.format(post,
                        "{\"fields\": \"tags\", \"id\": \"i\", \"status\": \"published\"}")),
                        "at posts.a.platforms.hashnode.fields:"),
                Arguments.of("ext with a nested value", posts(String.format(post,
                        "{\"ext\": {\"cuid\": {\"v\": 1}}, \"id\": \"i\", \"status\": \"published\"}")),
                        "at posts.a.platforms.hashnode.ext.cuid: expected text in quotes but found an object"),
                Arguments.of("ext with a number", posts(String.format(post,
                        "{\"ext\": {\"n\": 1}, \"id\": \"i\", \"status\": \"published\"}")),
                        "at posts.a.platforms.hashnode.ext.n: expected text in quotes but found a number"),
                Arguments.of("ext with a null", posts(String.format(post,
                        "{\"ext\": {\"n\": null}, \"id\": \"i\", \"status\": \"published\"}")),
                        "\"ext\" has no value for \"n\""),
                Arguments.of("attempts as text", "{\"attempts\": {\"linkedin x\": \"2\"}, \"version\": 2}",
                        "at attempts.linkedin x: expected a whole number"),
                Arguments.of("version with a fraction", "{\"posts\": {}, \"version\": 2.0}",
                        "\"version\" must be a whole number, found a number"),
                Arguments.of("version as text", "{\"version\": \"2\"}", "\"version\" must be a whole number, found text"),
                Arguments.of("no version", "{\"posts\": {}}", "\"version\" is missing"),
                Arguments.of("version twice", "{\"posts\": {}, \"version\": 2, \"version\": 2}",
                        "Duplicate field 'version'"),
                Arguments.of("a slug twice", posts(String.format(post, ok) + ", \"a\": " + String.format(post, ok)),
                        "Duplicate field 'a'"),
                Arguments.of("a record field twice", posts(String.format(post,
                        "{\"id\": \"i\", \"id\": \"j\", \"status\": \"published\"}")), "Duplicate field 'id'"),
                Arguments.of("a platform twice", posts("{\"file\": \"a.md\", \"platforms\": {\"hashnode\": " + ok
                        + ", \"hashnode\": " + ok + "}}"), "Duplicate field 'hashnode'"),
                Arguments.of("trailing garbage", "{\"posts\": {}, \"version\": 2}\nx", "Unrecognized token 'x'"),
                Arguments.of("a second object", "{\"posts\": {}, \"version\": 2}\n{}",
                        "(line 2, column 1)"),
                Arguments.of("merge-conflict markers", "{\n  \"posts\": {\n<<<<<<< HEAD\n    \"a\": " + String.format(
                        post, ok) + "\n=======\n    \"b\": " + String.format(post, ok) + "\n>>>>>>> other\n  },\n"
                        + "  \"version\": 2\n}\n", "It contains git merge-conflict markers"),
                Arguments.of("a blank slug", posts(String.format(post, ok).replace("\"posts/a.md\"", "\"a.md\""))
                        .replace("\"a\":", "\" \":"), "\"posts\" has an empty key"),
                Arguments.of("a null post", posts("null"), "\"posts\" has no value for \"a\""),
                Arguments.of("a post without file", "{\"posts\": {\"a\": {\"platforms\": {}}}, \"version\": 2}",
                        "at posts.a: \"file\" is missing"),
                Arguments.of("published without id", posts(String.format(post, "{\"status\": \"published\"}")),
                        "a published record needs the remote \"id\""),
                Arguments.of("a misspelt status", posts(String.format(post, "{\"status\": \"publishd\"}")),
                        "\"publishd\" is not a status"),
                Arguments.of("an unknown field", posts(String.format(post,
                        "{\"id\": \"i\", \"status\": \"published\", \"token\": \"x\"}")),
                        "at posts.a.platforms.hashnode: unknown field \"token\""),
                Arguments.of("an instant that is no date", posts(String.format(post,
                        "{\"id\": \"i\", \"sentAt\": \"2024-02-30T09:00:00Z\", \"status\": \"published\"}")),
                        "\"2024-02-30T09:00:00Z\" is not a UTC instant"),
                Arguments.of("version 1 fields in version 2", posts(String.format(post,
                        "{\"cuid\": \"c\", \"id\": \"i\", \"status\": \"published\"}")),
                        "unknown field \"cuid\""),
                Arguments.of("cut off", "{\"posts\": {\"a\": {\"file\": \"a.md\"", "the file ends too early"),
                Arguments.of("a raw tab in a string", posts("{\"file\": \"a\tb.md\"}"),
                        "Illegal unquoted character"),
                Arguments.of("an unknown escape", posts("{\"file\": \"a\\xb.md\"}"), "Unrecognized character escape"),
                Arguments.of("a short unicode escape", posts("{\"file\": \"a\\u00e.md\"}"), "expected a hex-digit"),
                Arguments.of("a null with more letters", posts("{\"file\": \"a.md\", \"platforms\": nullx}"),
                        "Unrecognized token 'nullx'"),
                Arguments.of("a version with a leading zero", "{\"version\": 02}", "Invalid numeric value"),
                Arguments.of("a version with an exponent", "{\"version\": 2e0}",
                        "\"version\" must be a whole number, found a number"),
                Arguments.of("a version then true", "{\"version\": 2, \"posts\": true}",
                        "at posts: expected an object ({ ... }) but found true/false"),
                Arguments.of("a file that ends in a string", "{\"version\": 2, \"posts\": {\"a", "the file ends too early"),
                Arguments.of("a comment", "{\"posts\": {}, // none yet\n \"version\": 2}", "Unexpected character ('/'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void anInvalidFileIsRefusedWithTheMessageOfBefore(String name, String content, String expected)
            throws IOException {
        Path file = write(content);
        byte[] bytes = Files.readAllBytes(file);
        // What load said before this reader: the version check, then the databind read.
        StateException before = assertThrows(StateException.class, () -> {
            StateJson.version(bytes, file);
            StateJson.readAs(bytes, file, State.class);
        });

        StateException now = assertThrows(StateException.class, () -> new StateStore(file).load());

        assertNull(StateReader.read(bytes));
        assertEquals(before.getMessage(), now.getMessage());
        assertEquals(before.kind(), now.kind());
        assertTrue(now.getMessage().contains(expected), now.getMessage());
        assertTrue(now.getMessage().startsWith("Broken state file " + file), now.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void malformedUtf8IsRefusedWithTheMessageOfBefore() throws IOException {
        byte[] bytes = "{\"posts\": {\"a\": {\"file\": \"a?.md\"}}, \"version\": 2}".getBytes(StandardCharsets.UTF_8);
        bytes[new String(bytes, StandardCharsets.UTF_8).indexOf('?')] = (byte) 0xff;
        Path file = write("");
        Files.write(file, bytes);
        StateException before = assertThrows(StateException.class, () -> {
            StateJson.version(bytes, file);
            StateJson.readAs(bytes, file, State.class);
        });

        StateException now = assertThrows(StateException.class, () -> new StateStore(file).load());

        assertNull(StateReader.read(bytes));
        assertEquals(before.getMessage(), now.getMessage());
        assertTrue(now.getMessage().contains("Invalid UTF-8"), now.getMessage());
    }

    @Test
    void aVersionOneFileIsLeftToTheMigration() throws IOException {
        byte[] bytes = StateStoreTest.resource("v1-full.json");

        assertNull(StateReader.read(bytes));
    }

    @Test
    void aNewerVersionIsLeftToTheVersionCheck() throws IOException {
        Path file = write("{\"posts\": {}, \"version\": 3}");

        StateException e = assertThrows(StateException.class, () -> new StateStore(file).load());

        assertEquals(StateException.Kind.TOO_NEW, e.kind());
        assertNull(StateReader.read(Files.readAllBytes(file)));
    }

    private static String posts(String entry) {
        return "{\"posts\": {\"a\": " + entry + "}, \"version\": 2}";
    }

    private Path write(String content) throws IOException {
        Path file = root.resolve(".xpost/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** The exact bytes of the state file for this state, as StateStore writes them. */
    private static byte[] bytes(State state) {
        return StateStore.text(state).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
