package dev.xpost.post;

import java.util.List;

/**
 * Front matter as a tree of text, whichever reader (strict YAML or the lenient line reader) built it. Every scalar
 * stays text as written, so a numeric slug {@code 2023} or {@code 007} is never turned into a number. Lines are
 * 1-based lines of the whole file.
 */
sealed interface FrontMatterNode permits FrontMatterNode.Scalar, FrontMatterNode.Sequence, FrontMatterNode.Mapping {

    /** Line where the node starts. */
    int line();

    /**
     * A single value.
     *
     * @param text    the value, or null for YAML null ({@code key:} with nothing after it, {@code ~}, {@code null})
     * @param endLine the last line the value occupies; greater than {@code line} when a quoted or plain value
     *                continues on the next lines (block scalars {@code |} and {@code >} report their first line)
     */
    record Scalar(String text, int line, int endLine) implements FrontMatterNode {
    }

    /** A list: {@code [a, b]} or {@code - a} lines. */
    record Sequence(List<FrontMatterNode> items, int line) implements FrontMatterNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A mapping, in file order, duplicates kept so that the caller can report them. */
    record Mapping(List<Entry> entries, int line) implements FrontMatterNode {
        public Mapping {
            entries = List.copyOf(entries);
        }
    }

    /** One {@code key: value} pair of a mapping. */
    record Entry(String key, int line, FrontMatterNode value) {
    }

    /** Compact text of a node for {@link Post#extra()}: lists as {@code a, b}, mappings as {@code {k: v}}. */
    static String render(FrontMatterNode node) {
        if (node instanceof Scalar scalar) {
            return scalar.text() == null ? "" : scalar.text();
        }
        if (node instanceof Sequence sequence) {
            StringBuilder out = new StringBuilder();
            for (FrontMatterNode item : sequence.items()) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(render(item));
            }
            return out.toString();
        }
        StringBuilder out = new StringBuilder("{");
        for (Entry entry : ((Mapping) node).entries()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(entry.key()).append(": ").append(render(entry.value()));
        }
        return out.append('}').toString();
    }
}
