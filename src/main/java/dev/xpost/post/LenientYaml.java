package dev.xpost.post;

import java.util.ArrayList;
import java.util.List;

/**
 * The fallback for front matter that is not valid YAML, which Hashnode's exporter writes about once in two hundred
 * files ({@code title: "Boosting LCP: A Guide to fetchpriority="high""}). It reads {@code key: value} lines the
 * way a person would: a value that starts and ends with {@code "} loses those two quotes only, indented
 * continuation lines fold into the previous value with a space, {@code - item} lines under a key form a list, and
 * indented {@code key: value} lines under an empty key form a mapping (for {@code linkedin: text: …}).
 */
final class LenientYaml {

    private LenientYaml() {
    }

    /** A line that even the lenient reader cannot place. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Failure(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /**
     * Reads the block line by line.
     *
     * @param block     the text between the {@code ---} lines
     * @param firstLine the file line of the block's first line
     */
    static FrontMatterNode.Mapping read(String block, int firstLine) throws Failure {
        List<FrontMatterNode.Entry> entries = new ArrayList<>();
        Pending current = null;
        int lineNumber = firstLine - 1;
        for (String raw : block.split("\n", -1)) {
            lineNumber++;
            String text = raw.strip();
            if (text.isEmpty() || (text.startsWith("#") && !raw.startsWith(" ") && !raw.startsWith("\t"))) {
                continue;
            }
            boolean indented = raw.charAt(0) == ' ' || raw.charAt(0) == '\t';
            boolean item = text.equals("-") || text.startsWith("- ");
            if (current != null && current.insideQuotes()) {
                // The exporter continues a quoted title on the next line without indenting it.
                current.continueWith(text, lineNumber);
                continue;
            }
            if (!indented && !item) {
                int colon = keyEnd(text);
                if (colon < 0) {
                    throw new Failure(lineNumber, "line " + lineNumber + " is not a `key: value` line");
                }
                if (current != null) {
                    entries.add(current.finish());
                }
                current = new Pending(text.substring(0, colon), lineNumber, text.substring(colon + 1).strip());
                continue;
            }
            if (current == null) {
                throw new Failure(lineNumber, "line " + lineNumber
                        + " is indented or a list item, but no key comes before it");
            }
            if (item && current.acceptsItems()) {
                current.addItem(text.substring(1).strip(), lineNumber);
            } else if (indented && current.acceptsChildren() && keyEnd(text) > 0) {
                int colon = keyEnd(text);
                current.addChild(text.substring(0, colon), text.substring(colon + 1).strip(), lineNumber);
            } else {
                current.continueWith(text, lineNumber);
            }
        }
        if (current != null) {
            entries.add(current.finish());
        }
        if (entries.isEmpty()) {
            throw new Failure(firstLine, "no `key: value` line found");
        }
        return new FrontMatterNode.Mapping(entries, firstLine);
    }

    /** Index of the colon that ends a plain key ({@code key:} followed by a space or nothing), or -1. */
    private static int keyEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                boolean ends = i + 1 == text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t';
                return i > 0 && ends ? i : -1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    /** A scalar as the lenient reader sees it: outer double quotes dropped, outer single quotes YAML-style. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return value.substring(1, value.length() - 1);
        }
        if (value.length() >= 2 && value.charAt(0) == '\'' && value.charAt(value.length() - 1) == '\'') {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }

    private static FrontMatterNode scalar(String value, int line, int endLine) {
        if (value.isEmpty() || value.equals("~") || value.equals("null")) {
            return new FrontMatterNode.Scalar(null, line, endLine);
        }
        if (value.length() >= 2 && value.charAt(0) == '[' && value.charAt(value.length() - 1) == ']') {
            List<FrontMatterNode> items = new ArrayList<>();
            for (String part : value.substring(1, value.length() - 1).split(",")) {
                if (!part.isBlank()) {
                    items.add(new FrontMatterNode.Scalar(unquote(part.strip()), line, line));
                }
            }
            return new FrontMatterNode.Sequence(items, line);
        }
        return new FrontMatterNode.Scalar(unquote(value), line, endLine);
    }

    /** The key being read, until the next top-level key ends it. */
    private static final class Pending {
        private final String key;
        private final int line;
        private final StringBuilder value;
        private int endLine;
        private List<FrontMatterNode> items;
        private List<FrontMatterNode.Entry> children;
        private StringBuilder lastChildValue;
        private String lastChildKey;
        private int lastChildLine;
        private int lastChildEnd;

        Pending(String key, int line, String value) {
            this.key = key;
            this.line = line;
            this.endLine = line;
            this.value = new StringBuilder(value);
        }

        /** True while a scalar's opening quote has not been closed yet. */
        boolean insideQuotes() {
            if (items != null || children != null || lastChildKey != null || value.length() == 0) {
                return false;
            }
            char open = value.charAt(0);
            if (open != '"' && open != '\'') {
                return false;
            }
            // An odd number of quote marks means the closing one is still to come.
            int count = 0;
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) == open) {
                    count++;
                }
            }
            return count % 2 == 1;
        }

        boolean acceptsItems() {
            return value.length() == 0 && children == null && lastChildKey == null;
        }

        boolean acceptsChildren() {
            return value.length() == 0 && items == null;
        }

        void addItem(String item, int itemLine) {
            if (items == null) {
                items = new ArrayList<>();
            }
            items.add(scalar(item, itemLine, itemLine));
            endLine = itemLine;
        }

        void addChild(String childKey, String childValue, int childLine) {
            flushChild();
            lastChildKey = childKey;
            lastChildLine = childLine;
            lastChildEnd = childLine;
            lastChildValue = new StringBuilder(childValue);
        }

        void continueWith(String text, int textLine) {
            if (lastChildKey != null) {
                lastChildValue.append(lastChildValue.length() == 0 ? "" : " ").append(text);
                lastChildEnd = textLine;
            } else if (items != null) {
                FrontMatterNode.Scalar last = (FrontMatterNode.Scalar) items.remove(items.size() - 1);
                String joined = last.text() == null ? text : last.text() + " " + text;
                items.add(new FrontMatterNode.Scalar(joined, last.line(), textLine));
            } else {
                value.append(value.length() == 0 ? "" : " ").append(text);
            }
            endLine = textLine;
        }

        private void flushChild() {
            if (lastChildKey != null) {
                if (children == null) {
                    children = new ArrayList<>();
                }
                children.add(new FrontMatterNode.Entry(lastChildKey, lastChildLine,
                        scalar(lastChildValue.toString(), lastChildLine, lastChildEnd)));
                lastChildKey = null;
            }
        }

        FrontMatterNode.Entry finish() {
            flushChild();
            FrontMatterNode node;
            if (items != null) {
                node = new FrontMatterNode.Sequence(items, line);
            } else if (children != null) {
                node = new FrontMatterNode.Mapping(children, line);
            } else {
                node = scalar(value.toString(), line, endLine);
            }
            return new FrontMatterNode.Entry(key, line, node);
        }
    }
}
