package dev.xpost.post;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the front matter almost every real post has, flat {@code key: value} lines with plain or simply quoted
 * values, without starting SnakeYAML, and gives up (null) on anything else so that the real YAML parser decides.
 *
 * <p>Why: on a cold JVM SnakeYAML costs about 1.5 s of the 2.5 s budget for reading 10,000 posts (measured with
 * {@code ReadBenchmark}), while this scan costs a few milliseconds. It accepts only lines whose YAML meaning is
 * beyond doubt, so its result is exactly what the YAML parser would give ({@code FrontMatterFastPathTest} checks
 * that against Jackson for the corpus and for every form it accepts):
 * <ul>
 *   <li>blank lines and {@code #} comment lines at column 0;</li>
 *   <li>{@code key: value} at column 0 with a key of letters, digits, {@code _} and {@code -};</li>
 *   <li>a value that is double-quoted with no {@code "} or {@code \} inside, single-quoted with no
 *       {@code '} inside, or plain: not starting with a YAML indicator, without {@code ": "}, {@code " #"} or a
 *       trailing {@code :}, and not one of YAML's spellings of null.</li>
 * </ul>
 * Indented lines, lists, mappings, tabs, escapes, comments after values and multi-line values all go to YAML.
 */
final class FrontMatterFastPath {
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private FrontMatterFastPath() {
    }

    /** The mapping, or null when the block uses anything beyond the simple subset. */
    static FrontMatterNode.Mapping read(String block, int firstLine) {
        List<FrontMatterNode.Entry> entries = new ArrayList<>();
        int start = 0;
        int line = firstLine;
        int length = block.length();
        while (start < length) {
            int end = block.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int last = end;
            while (last > start && block.charAt(last - 1) == ' ') {
                last--;
            }
            if (last > start && block.charAt(start) != '#') {
                FrontMatterNode.Entry entry = entry(block, start, last, line);
                if (entry == null) {
                    return null;
                }
                entries.add(entry);
            }
            start = end + 1;
            line++;
        }
        return entries.isEmpty() ? null : new FrontMatterNode.Mapping(entries, entries.get(0).line());
    }

    private static FrontMatterNode.Entry entry(String block, int start, int end, int line) {
        int colon = start;
        while (colon < end && isKeyChar(block.charAt(colon))) {
            colon++;
        }
        if (colon == start || colon == end || block.charAt(colon) != ':' || block.charAt(start) == '-') {
            return null;
        }
        int value = colon + 1;
        if (value < end && block.charAt(value) != ' ') {
            return null;
        }
        while (value < end && block.charAt(value) == ' ') {
            value++;
        }
        for (int i = value; i < end; i++) {
            char c = block.charAt(i);
            // Tabs, controls and Unicode line separators change how YAML splits lines and values.
            if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return null;
            }
        }
        if (value == end) {
            // "key:" alone may open a list or mapping on the next lines; YAML decides.
            return null;
        }
        String key = block.substring(start, colon);
        String text = scalar(block, value, end);
        return text == null ? null : new FrontMatterNode.Entry(key, line, new FrontMatterNode.Scalar(text, line, line));
    }

    private static String scalar(String block, int start, int end) {
        char first = block.charAt(start);
        if (first == '"' || first == '\'') {
            if (end - start < 2 || block.charAt(end - 1) != first) {
                return null;
            }
            for (int i = start + 1; i < end - 1; i++) {
                char c = block.charAt(i);
                if (c == first || c == '\\') {
                    return null;
                }
            }
            return block.substring(start + 1, end - 1);
        }
        if (INDICATORS.indexOf(first) >= 0 || block.charAt(end - 1) == ':') {
            return null;
        }
        for (int i = start + 1; i < end; i++) {
            char c = block.charAt(i);
            if ((c == ':' && block.charAt(i + 1) == ' ') || (c == '#' && block.charAt(i - 1) == ' ')) {
                return null;
            }
        }
        String text = block.substring(start, end);
        if (text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL")) {
            return null;
        }
        return text;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
