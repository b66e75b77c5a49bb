package dev.xpost.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of the fast path ({@link StateReader}) against the databind path ({@link StateJson#version}
 * then {@link StateJson#readAs}) over the same bytes. The contract: whenever the fast path returns a state, the
 * databind path reads the same bytes without an error and makes an equal state; and reading from a stream handed
 * out in pieces of 1-3 bytes gives what reading the byte array gives.
 *
 * <p>Inputs: hand-made tricky files (encodings, byte-order marks, invalid UTF-8, escapes, numbers, JSON
 * extensions, parser limits), multi-byte characters across the parsers' buffer boundaries, and a seeded random
 * mutation loop over valid files. Written when the fast path moved from Jackson's byte parser to its character
 * parser (over a strict UTF-8 decoder): the two count the longest field name differently, which this found.
 *
 * <p>One difference is kept on purpose (see {@link StateReader}'s FACTORY): names built to collide in the byte
 * parser's symbol table, which the databind path may refuse: {@link #namesThatCollideInTheByteParsersTableAreRead}.
 */
class StateReaderDifferentialTest {
    private static final Path FILE = Path.of(".xpost/state.json");

    // ---------------------------------------------------------------------------------------------------------
    // The oracle

    /** The state the databind path makes of the bytes, or what it threw. */
    private static Object databind(byte[] bytes) {
        try {
            int version = StateJson.version(bytes, FILE);
            if (version != State.FORMAT_VERSION) {
                return new IllegalStateException("version " + version + ": read by the migration, not as State");
            }
            return StateJson.readAs(bytes, FILE, State.class);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Null when the reader keeps the contract on these bytes; otherwise what is wrong. */
    private static String disagreement(byte[] bytes, Function<byte[], State> reader) {
        State fast = reader.apply(bytes);
        if (fast == null) {
            return null;
        }
        Object databind = databind(bytes);
        if (databind instanceof Throwable t) {
            return "fast path returned a state, databind threw " + firstLine(t.toString());
        }
        if (!fast.equals(databind)) {
            return "fast path returned " + abbreviate(fast.toString()) + ", databind "
                    + abbreviate(databind.toString());
        }
        return null;
    }

    /** Null when reading in pieces of 1, 2 and 3 bytes gives what reading the array gives; otherwise what differs. */
    private static String trickleDisagreement(byte[] bytes) {
        State whole = StateReader.read(bytes);
        for (int most = 1; most <= 3; most++) {
            State pieces = StateReader.read(trickle(bytes, most));
            if (!java.util.Objects.equals(whole, pieces)) {
                return "read(bytes) = " + abbreviate(String.valueOf(whole)) + " but read(stream of at most " + most
                        + " bytes per read) = " + abbreviate(String.valueOf(pieces));
            }
        }
        return null;
    }

    /** Every check on one input: the disagreements, asserted by {@link #report}. */
    private static final class Checker {
        final List<String> failures = new ArrayList<>();
        int inputs;
        int readByFastPath;

        void check(String name, byte[] bytes, boolean trickleToo) {
            inputs++;
            String what = disagreement(bytes, StateReader::read);
            if (what != null) {
                failures.add(name + ": " + what + "\n      input " + describe(bytes));
            }
            if (trickleToo) {
                String pieces = trickleDisagreement(bytes);
                if (pieces != null) {
                    failures.add(name + ": " + pieces + "\n      input " + describe(bytes));
                }
            }
            if (StateReader.read(bytes) != null) {
                readByFastPath++;
            }
        }

        void report(String title) {
            if (!failures.isEmpty()) {
                fail(failures.size() + " disagreement(s) between StateReader and the databind path:\n  "
                        + String.join("\n  ", failures.subList(0, Math.min(10, failures.size()))));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Hand-made inputs

    /** One file of the format, built around a post or field. */
    private static String posts(String entries) {
        return "{\"posts\": {" + entries + "}, \"version\": 2}";
    }

    private static String postFile(String slug, String file) {
        return posts("\"" + slug + "\": {\"file\": \"" + file + "\"}");
    }

    private static String record(String fields) {
        return posts("\"a\": {\"file\": \"a.md\", \"platforms\": {\"devto\": {" + fields + "}}}");
    }

    private static String withVersion(String number) {
        return "{\"posts\": {}, \"version\": " + number + "}";
    }

    private static String withAttempt(String number) {
        return "{\"attempts\": {\"linkedin x\": " + number + "}, \"version\": 2}";
    }

    static Stream<Object[]> handMade() {
        List<Object[]> cases = new ArrayList<>();
        String plain = "{\"version\": 2}";
        // Byte-order marks and other encodings, which Jackson's byte bootstrapper detects.
        cases.add(of("UTF-8 BOM", cat(hex("EF BB BF"), utf8(plain))));
        cases.add(of("two UTF-8 BOMs", cat(hex("EF BB BF EF BB BF"), utf8(plain))));
        cases.add(of("BOM after white space", cat(utf8(" "), hex("EF BB BF"), utf8(plain))));
        cases.add(of("BOM at the end", cat(utf8(plain), hex("EF BB BF"))));
        cases.add(of("UTF-16BE without BOM", plain.getBytes(StandardCharsets.UTF_16BE)));
        cases.add(of("UTF-16LE without BOM", plain.getBytes(StandardCharsets.UTF_16LE)));
        cases.add(of("UTF-16 with BOM", plain.getBytes(StandardCharsets.UTF_16)));
        cases.add(of("UTF-16LE with BOM", cat(hex("FF FE"), plain.getBytes(StandardCharsets.UTF_16LE))));
        cases.add(of("UTF-32BE", plain.getBytes(java.nio.charset.Charset.forName("UTF-32BE"))));
        cases.add(of("UTF-32LE", plain.getBytes(java.nio.charset.Charset.forName("UTF-32LE"))));
        cases.add(of("UTF-32BE with BOM", cat(hex("00 00 FE FF"), plain.getBytes(java.nio.charset.Charset.forName(
                "UTF-32BE")))));
        cases.add(of("UTF-16LE of a long file", postFile("日本", "posts/é.md").getBytes(StandardCharsets.UTF_16LE)));
        // Bytes that are not UTF-8, or UTF-8 of odd code points, in values and in names.
        String[] sequences = {"C0 80", "C0 AF", "C1 BF", "E0 80 80", "E0 9F BF", "ED A0 80", "ED BF BF",
                "ED A0 BD ED B8 80", "F0 80 80 80", "F0 8F BF BF", "F4 90 80 80", "F5 80 80 80", "F8 88 80 80 80",
                "FC 84 80 80 80 80", "80", "BF", "C3", "E6 97", "F0 9F 98", "FE", "FF", "C3 28", "E6 28 A5",
                "F0 9F 28 80", "EF BF BE", "EF BF BF", "EF B7 90", "F4 8F BF BF", "F0 90 80 80", "C2 80", "C2 9F",
                "7F", "E2 80 A8", "EF BB BF", "DF BF", "E0 A0 80", "ED 9F BF", "EE 80 80", "F0 9F 98 80", "00", "1F",
                "09", "0A", "0D"};
        for (String s : sequences) {
            cases.add(of("in a value: " + s, around(postFile("a", "x@y.md"), hex(s))));
            cases.add(of("in a slug: " + s, around(postFile("a@", "a.md"), hex(s))));
            cases.add(of("in a field name: " + s, around(posts("\"a\": {\"fil@e\": \"a.md\"}"), hex(s))));
            cases.add(of("between tokens: " + s, around("{\"version\":@2}", hex(s))));
            cases.add(of("after the object: " + s, around(plain + "@", hex(s))));
            cases.add(of("ext key: " + s, around(record("\"ext\": {\"k@\": \"v\"}, \"status\": \"failed\""),
                    hex(s))));
        }
        // Escapes.
        String[] escapes = {"\\u0000", "\\uD800", "\\uDC00", "\\uDBFF\\uDFFF", "\\ud83d\\ude00", "\\ude00\\ud83d",
                "\\uD800x", "\\u00e9", "\\u00E9", "\\uFEFF", "\\uFFFF", "\\\"", "\\\\", "\\/", "\\b\\f\\n\\r\\t", "\\x",
                "\\u00", "\\u00g0", "\\U00e9", "\\'", "\\0", "\\"};
        for (String e : escapes) {
            cases.add(of("escape in a value: " + e, utf8(posts("\"a\": {\"file\": \"x" + e + "y.md\"}"))));
            cases.add(of("escape in a slug: " + e, utf8(posts("\"a" + e + "\": {\"file\": \"a.md\"}"))));
            cases.add(of("escape in ext: " + e, utf8(record("\"ext\": {\"k" + e + "\": \"v" + e
                    + "\"}, \"status\": \"failed\""))));
        }
        cases.add(of("escaped format names", utf8("{\"\\u0070osts\": {\"a\": {\"\\u0066ile\": \"a.md\"}},"
                + " \"versio\\u006e\": 2}")));
        cases.add(of("slug a then a\\u0000", utf8(posts("\"a\": {\"file\": \"a.md\"}, \"a\\u0000\": {\"file\":"
                + " \"b.md\"}"))));
        cases.add(of("slug abcd then abcd\\u0000", utf8(posts("\"abcd\": {\"file\": \"a.md\"}, \"abcd\\u0000\":"
                + " {\"file\": \"b.md\"}"))));
        cases.add(of("same slug raw then escaped", utf8(posts("\"é\": {\"file\": \"a.md\"}, \"\\u00e9\": {\"file\":"
                + " \"b.md\"}"))));
        cases.add(of("slugs in UTF-16 but not code point order", utf8(posts("\"\uFB01\": {\"file\": \"a.md\"},"
                + " \"\uD83D\uDE00\": {\"file\": \"b.md\"}"))));
        cases.add(of("slugs in code point but not UTF-16 order", utf8(posts("\"\uD83D\uDE00\": {\"file\": \"a.md\"},"
                + " \"\uFB01\": {\"file\": \"b.md\"}"))));
        // Numbers where the version and attempts are read.
        String[] numbers = {"2", "02", "002", "+2", "2.0", "2.", ".2", "2e0", "2E0", "20e-1", "0.2e1", "-0", "-2",
                "0", "1", "3", "-", "--2", "0x2", "2L", "2f", "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity",
                "\"2\"", "'2'", "true", "null", "[2]", "{}", "2 2", "2,", "4294967298", "-4294967294",
                "18446744073709551618", "2147483647", "2147483648", "-2147483648", "-2147483649",
                "9223372036854775807", "9223372036854775808", "1" + "0".repeat(999), "1" + "0".repeat(1000),
                "2" + "0".repeat(2000), "2.000000000000000000001", "1.9999999999999999999999", "2e-400",
                "2" + "\u0000", "2\u00a0", "２", "\u0662"};
        for (String n : numbers) {
            cases.add(of("version " + abbreviate(n), utf8(withVersion(n))));
            cases.add(of("attempts " + abbreviate(n), utf8(withAttempt(n))));
        }
        // JSON extensions that neither path enables.
        String[] odd = {"{\"posts\": {}, /* c */ \"version\": 2}", "{\"posts\": {}, // c\n\"version\": 2}",
                "# c\n{\"version\": 2}", "{'version': 2}", "{version: 2}", "{\"version\": 2,}",
                "{\"posts\": {\"a\": {\"file\": 'a.md'}}, \"version\": 2}", "{\"posts\": {,}, \"version\": 2}",
                "{\"posts\": {\"a\": {\"file\": \"a.md\",}}, \"version\": 2}", "[{\"version\": 2}]",
                "{\"version\": 2}{}", "{\"version\": 2} 2", "{\"version\": 2}]", "{\"version\": 2}}",
                "{\"version\": 2} x", "{\"version\": 2}\u0000", "{\"version\": 2}\u001a", "{\"version\": 2",
                "{\"version\" 2}", "{\"version\":: 2}", "{\"version\": 2 \"posts\": {}}", "", " ", "null", "2",
                "{\"version\": 2, \"version\": 2}", "{\"posts\": {}, \"posts\": {}, \"version\": 2}",
                "{\"version\": 2}\n<<<<<<< HEAD", "\u0000{\"version\": 2}", "{\u0000\"version\": 2}",
                "{\"version\":\u00a02}", "{\"version\":\u20282}", "{\"version\":\u000b2}", "{\"version\":\u000c2}",
                "{\"fields\": [], \"version\": 2}",
                record("\"fields\": [\"a\", null], \"status\": \"failed\""),
                record("\"fields\": [\"a\",], \"status\": \"failed\""),
                record("\"fields\": [\"a\" \"b\"], \"status\": \"failed\""),
                record("\"status\": \"FAILED\""), record("\"status\": \"failed \""), record("\"status\": 3"),
                record("\"status\": \"failed\", \"status\": \"failed\""),
                record("\"sentAt\": \"2024-01-31T09:00:05.1234567891Z\", \"status\": \"failed\""),
                record("\"sentAt\": \"+2024-01-31T09:00:05Z\", \"status\": \"failed\""),
                record("\"sentAt\": \"2024-01-31T09:00:05+00:00\", \"status\": \"failed\""),
                record("\"sentAt\": \"2024-01-31T24:00:00Z\", \"status\": \"failed\""),
                record("\"sentAt\": \"2024-01-31T09:00:60Z\", \"status\": \"failed\""),
                record("\"sentAt\": \"２０２４-01-31T09:00:05Z\", \"status\": \"failed\""),
                record("\"sentAt\": \"2024-01-31T09:00:05.Z\", \"status\": \"failed\""),
                record("\"sentAt\": \"-2024-01-31T09:00:05Z\", \"status\": \"failed\""),
                record("\"sentAt\": \"10000-01-31T09:00:05Z\", \"status\": \"failed\""),
                record("\"sentAt\": 1706691605, \"status\": \"failed\""),
                "{\"accounts\": {\"\": {}}, \"version\": 2}", "{\"accounts\": {\" \": {}}, \"version\": 2}",
                "{\"accounts\": {\"\u3000\": {}}, \"version\": 2}", "{\"accounts\": {\"\u00a0\": {}}, \"version\": 2}",
                "{\"accounts\": {\"\u2028\": {}}, \"version\": 2}", "{\"accounts\": {\"\u001c\": {}}, \"version\": 2}",
                "{\"accounts\": {\"a\": null}, \"version\": 2}", "{\"images\": {\"\": \"x\"}, \"version\": 2}",
                "{\"images\": {\"\u2003\": \"x\"}, \"version\": 2}",
                "{\"images\": {\"\u0085\": \"x\"}, \"version\": 2}",
                postFile("a", ""), postFile("a", " "), postFile("a", "\u2003"), postFile("a", "\u0085"),
                postFile("\u2003", "a.md"), postFile("\u0085", "a.md"), postFile("\u180e", "a.md"),
                postFile("\u200b", "a.md")};
        for (String o : odd) {
            cases.add(of("odd: " + abbreviate(o), utf8(o)));
        }
        // Parser limits: the longest name (StreamReadConstraints: 50,000, counted in UTF-8 bytes by the byte parser
        // and in chars by the char parser) and the longest string (20,000,000 chars).
        for (int n : new int[] {25_000, 25_001, 49_999}) {
            cases.add(of("slug of " + n + " x é (" + 2 * n + " bytes)", utf8(postFile("é".repeat(n), "a.md"))));
        }
        for (int n : new int[] {16_666, 16_667}) {
            cases.add(of("slug of " + n + " x 日 (" + 3 * n + " bytes)", utf8(postFile("日".repeat(n), "a.md"))));
        }
        for (int n : new int[] {12_500, 12_501}) {
            cases.add(of("slug of " + n + " x U+1F600 (" + 4 * n + " bytes)", utf8(postFile("\uD83D\uDE00".repeat(n),
                    "a.md"))));
        }
        for (int n : new int[] {25_000, 25_001}) {
            cases.add(of("ASCII-only slug of " + n + " x \\u00e9 (" + 2 * n + " bytes decoded)",
                    utf8(postFile("\\u00e9".repeat(n), "a.md"))));
        }
        for (int n : new int[] {50_000, 50_001}) {
            cases.add(of("ASCII slug of " + n + " chars", utf8(postFile("a".repeat(n), "a.md"))));
        }
        cases.add(of("ext key of 25,001 x é", utf8(record("\"ext\": {\"" + "é".repeat(25_001)
                + "\": \"v\"}, \"status\": \"failed\""))));
        cases.add(of("accounts fact key of 25,001 x é", utf8("{\"accounts\": {\"devto\": {\"" + "é".repeat(25_001)
                + "\": \"v\"}}, \"version\": 2}")));
        cases.add(of("sent key of 16,667 x 日", utf8(record("\"hash\": \"h\", \"intentAt\": \"2024-01-31T09:00:00Z\","
                + " \"sent\": {\"" + "日".repeat(16_667) + "\": \"v\"}, \"status\": \"intent\""))));
        // Field names of one hash in Jackson's char symbol table (CharsToNameCanonicalizer: hash * 33 + c, so
        // "Ab" and "BA" collide whatever the seed), which the fast path would use if it canonicalised names.
        cases.add(of("1024 slugs of one char-symbol-table hash", utf8(charCollidingSlugs(10))));
        // Long strings.
        int max = com.fasterxml.jackson.core.StreamReadConstraints.defaults().getMaxStringLength();
        cases.add(of("value of the longest string", utf8(postFile("a", "x".repeat(max))), false));
        cases.add(of("value one char longer than the longest string", utf8(postFile("a", "x".repeat(max + 1))), false));
        cases.add(of("value of the longest string in é", utf8(postFile("a", "é".repeat(max / 2))), false));
        cases.add(of("value of 4-byte chars, one char longer than the longest string",
                utf8(postFile("a", "\uD83D\uDE00".repeat(max / 2) + "x")), false));
        // Nesting deeper than StreamReadConstraints allows, where the fast path refuses anyway.
        cases.add(of("deep nesting in ext", utf8(record("\"ext\": " + "{\"a\": ".repeat(1_100) + "1"
                + "}".repeat(1_100) + ", \"status\": \"failed\""))));
        return cases.stream();
    }

    private static Object[] of(String name, byte[] bytes) {
        return of(name, bytes, bytes.length <= 1_000_000);
    }

    private static Object[] of(String name, byte[] bytes, boolean trickleToo) {
        return new Object[] {name, bytes, trickleToo};
    }

    /** A file of k! posts whose slugs are "post-0000000" and a permutation of k blocks of four bytes. */
    static String collidingSlugs(int k) {
        List<String> slugs = new ArrayList<>();
        permutations(new ArrayList<>(List.of("aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg").subList(0, k)),
                "post-0000000", slugs);
        return postsOf(slugs);
    }

    /** A file of 2^k posts whose slugs are k blocks each "Ab" or "BA", so of one char-table hash. */
    static String charCollidingSlugs(int k) {
        List<String> slugs = new ArrayList<>();
        for (int bits = 0; bits < 1 << k; bits++) {
            StringBuilder slug = new StringBuilder();
            for (int i = 0; i < k; i++) {
                slug.append((bits >> i & 1) == 0 ? "Ab" : "BA");
            }
            slugs.add(slug.toString());
        }
        return postsOf(slugs);
    }

    private static String postsOf(List<String> slugs) {
        Collections.sort(slugs);
        StringBuilder entries = new StringBuilder();
        for (String slug : slugs) {
            entries.append(entries.length() == 0 ? "" : ", ").append('"').append(slug)
                    .append("\": {\"file\": \"a.md\"}");
        }
        return posts(entries.toString());
    }

    private static void permutations(List<String> blocks, String prefix, List<String> out) {
        if (blocks.isEmpty()) {
            out.add(prefix);
            return;
        }
        for (int i = 0; i < blocks.size(); i++) {
            List<String> rest = new ArrayList<>(blocks);
            String block = rest.remove(i);
            permutations(rest, prefix + block, out);
        }
    }

    @TestFactory
    Stream<DynamicTest> handMadeInputs() {
        return handMade().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
            Checker one = new Checker();
            one.check((String) c[0], (byte[]) c[1], (Boolean) c[2]);
            one.report((String) c[0]);
        }));
    }

    /**
     * Slugs built to collide in the byte parser's symbol table (ByteQuadsCanonicalizer sums the 4-byte blocks after
     * the third, so permutations of them collide whatever its seed): a well-formed state, which the databind path
     * may refuse as a suspected attack, depending on what earlier parses left in that shared table. The fast path,
     * which keeps no such table, reads every post of it, whatever was parsed before.
     */
    @Test
    void namesThatCollideInTheByteParsersTableAreRead() {
        for (int k = 5; k <= 7; k++) {
            byte[] bytes = utf8(collidingSlugs(k));
            State fast = StateReader.read(bytes);
            org.junit.jupiter.api.Assertions.assertNotNull(fast, k + " blocks");
            int posts = k == 5 ? 120 : k == 6 ? 720 : 5_040;
            assertEquals(posts, fast.posts().size(), k + " blocks");
            assertTrue(fast.posts().values().stream().allMatch(p -> p.file().equals("a.md")));
            Object databind = databind(bytes);
            if (!(databind instanceof Throwable)) {
                assertEquals(databind, fast);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Multi-byte characters across buffer boundaries

    /**
     * A character of 2, 3 or 4 bytes placed across the char parser's 4,000-char buffer, InputStreamReader's
     * 8,192-byte buffer and their multiples, in a value, a slug and an ext key, after ASCII or after é (so that
     * char and byte offsets differ).
     */
    @Test
    void multiByteCharactersAcrossBufferBoundaries() {
        Checker checker = new Checker();
        String[] chars = {"é", "日", "\uD83D\uDE00", "\\u00e9", "\\ud83d\\ude00"};
        int[] boundaries = {4_000, 8_192, 12_000, 16_384};
        for (String c : chars) {
            for (String pad : new String[] {"x", "é"}) {
                for (int boundary : boundaries) {
                    for (int delta = -4; delta <= 4; delta++) {
                        // in a value
                        String head = "{\"posts\": {\"a\": {\"file\": \"";
                        checker.check("value, " + c + " after " + pad + " at " + boundary + delta,
                                utf8(head + padding(pad, head, boundary + delta) + c + "y.md\"}}, \"version\": 2}"),
                                true);
                        // in a slug
                        head = "{\"posts\": {\"";
                        checker.check("slug, " + c + " after " + pad + " at " + boundary + delta,
                                utf8(head + padding(pad, head, boundary + delta) + c + "\": {\"file\": \"a.md\"}},"
                                        + " \"version\": 2}"), true);
                        // in an ext key, after a long value
                        head = "{\"posts\": {\"a\": {\"file\": \"a.md\", \"platforms\": {\"devto\": {\"ext\": {\"";
                        checker.check("ext key, " + c + " after " + pad + " at " + boundary + delta,
                                utf8(head + padding(pad, head, boundary + delta) + c + "\": \"v" + c + "\"},"
                                        + " \"status\": \"failed\"}}}}, \"version\": 2}"), true);
                    }
                }
            }
        }
        checker.report("buffer boundaries");
    }

    /** Padding of {@code pad} so that what follows {@code head} and it starts at about char/byte {@code at}. */
    private static String padding(String pad, String head, int at) {
        int n = Math.max(0, at - head.length());
        if (pad.equals("x")) {
            return "x".repeat(n);
        }
        // é: alternate so that the boundary in bytes and the one in chars both fall near the character.
        return "é".repeat(n / 2) + "x".repeat(n - n / 2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Random mutations of valid files

    /** The valid files of {@link StateReaderTest} that the fast path reads, and a whole state as xpost writes it. */
    static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        StateReaderTest.validFiles().map(a -> utf8((String) a.get()[1])).filter(b -> StateReader.read(b) != null)
                .forEach(seeds::add);
        seeds.add(StateStore.text(StateStoreTest.fullState()).getBytes(StandardCharsets.UTF_8));
        return seeds;
    }

    private static final String[] TRICKY = {
        // bytes, as hex
        "#EF BB BF", "#FE FF", "#FF FE", "#00", "#00 00", "#C0 80", "#C0 AF", "#E0 80 80", "#ED A0 80",
        "#ED A0 BD ED B8 80", "#ED BF BF", "#F4 90 80 80", "#F5 80 80 80", "#F8 88 80 80 80", "#80", "#BF", "#C3",
        "#E6 97", "#F0 9F 98", "#F0 9F 98 80", "#C3 A9", "#E6 97 A5", "#EF BF BF", "#7F", "#1F", "#09", "#0A",
        "#0D", "#0B", "#0C", "#C2 A0", "#E2 80 A8", "#C2 85",
        // text
        "\\u0000", "\\uD800", "\\uDC00", "\\ud83d\\ude00", "\\u00e9", "\\\"", "\\\\", "\\/", "\\x", "\\u00",
        "/*c*/", "//c\n", "#", "'", "NaN", "Infinity", "-Infinity", "+1", "01", "00", "-0", "1e2", "1E+2", "1.0",
        ".5", "2.", "2147483648", "4294967298", "-2147483649", "99999999999999999999", "null", "true", ",", ":",
        "{", "}", "[", "]", "\"", "\"version\": 2, ", ", \"version\": 2", "\"a\": {\"file\": \"a.md\"}, ",
        " ", "2", "é", "日", "\uD83D\uDE00", "\uFEFF", "\u2028", "\u0085", "\u00a0"};

    private static byte[] tricky(Random random) {
        String t = TRICKY[random.nextInt(TRICKY.length)];
        return t.startsWith("#") && t.length() > 1 ? hex(t.substring(1)) : utf8(t);
    }

    private static byte[] mutate(byte[] in, Random random) {
        byte[] b = in;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            int n = b.length;
            int at = n == 0 ? 0 : random.nextInt(n + 1);
            switch (random.nextInt(10)) {
                case 0 -> { // one byte to any value
                    if (n > 0) {
                        b = b.clone();
                        b[Math.min(at, n - 1)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> { // one byte to a tricky one
                    if (n > 0) {
                        b = b.clone();
                        byte[] t = tricky(random);
                        b[Math.min(at, n - 1)] = t.length == 0 ? 0 : t[0];
                    }
                }
                case 2, 3 -> b = splice(b, at, 0, tricky(random)); // a tricky sequence anywhere
                case 4, 5 -> { // a tricky sequence just inside a string (after a quote)
                    int q = quoteAfter(b, at);
                    b = splice(b, q < 0 ? at : q + 1, 0, tricky(random));
                }
                case 6 -> b = splice(b, at, Math.min(n - at, 1 + random.nextInt(8)), new byte[0]); // a cut
                case 7 -> b = java.util.Arrays.copyOf(b, at); // truncated
                case 8 -> { // a range repeated
                    int len = Math.min(n - at, 1 + random.nextInt(24));
                    b = splice(b, at, 0, java.util.Arrays.copyOfRange(b, at, at + len));
                }
                default -> { // a tricky sequence in place of a number or a short range
                    int d = digitAfter(b, at);
                    int from = d < 0 ? at : d;
                    int len = d < 0 ? Math.min(n - at, random.nextInt(3)) : 1;
                    b = splice(b, from, len, tricky(random));
                }
            }
        }
        return b;
    }

    private static int quoteAfter(byte[] b, int at) {
        for (int i = at; i < b.length; i++) {
            if (b[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int digitAfter(byte[] b, int at) {
        for (int i = at; i < b.length; i++) {
            if (b[i] >= '0' && b[i] <= '9' && i > 0 && (b[i - 1] == ' ' || b[i - 1] == ':')) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, at);
        out.writeBytes(insert);
        out.write(b, at + remove, b.length - at - remove);
        return out.toByteArray();
    }

    @Test
    void randomMutationsOfValidFiles() {
        Checker checker = new Checker();
        Random random = new Random(20261202L);
        List<byte[]> seeds = seeds();
        for (byte[] seed : seeds) {
            checker.check("seed", seed, true);
        }
        assertEquals(seeds.size(), checker.readByFastPath, "every seed is read by the fast path");
        for (int i = 0; i < 10_000; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] mutant = mutate(seed, random);
            checker.check("mutation " + i, mutant, true);
        }
        assertTrue(checker.readByFastPath > 300, "enough mutants are read by the fast path: "
                + checker.readByFastPath);
        checker.report("random mutations");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    /** A stream that hands out at most {@code most} bytes per read, as a slow pipe may. */
    private static InputStream trickle(byte[] bytes, int most) {
        return new java.io.ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, most));
            }
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String s) {
        String[] parts = s.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    /** The UTF-8 of {@code template} with {@code bytes} in place of its one {@code @}. */
    private static byte[] around(String template, byte[] bytes) {
        int at = template.indexOf('@');
        return cat(utf8(template.substring(0, at)), bytes, utf8(template.substring(at + 1)));
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The input as hex (its first 160 bytes when longer) and as a Java string of its UTF-8, for a report. */
    private static String describe(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 160); i++) {
            hex.append(String.format("%02X", bytes[i] & 0xff));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < Math.min(text.length(), 160); i++) {
            char c = text.charAt(i);
            literal.append(c == '"' || c == '\\' ? "\\" + c : c >= 0x20 && c < 0x7f ? String.valueOf(c)
                    : String.format("\\u%04x", (int) c));
        }
        return "(" + bytes.length + " bytes) hex " + hex + (bytes.length > 160 ? "..." : "") + " = \"" + literal
                + "\"" + (text.length() > 160 ? "..." : "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "...(" + s.length() + " chars)";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return abbreviate(nl < 0 ? s : s.substring(0, nl));
    }
}
