package dev.xpost.post;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a front matter block with Jackson's streaming YAML parser into {@link FrontMatterNode}s. Streaming (no
 * data binding) keeps every scalar as the text written and gives each key and value its line.
 */
final class FrontMatterYaml {
    /**
     * Thread-safe once built, and shared: creating one per file would cost more than parsing a typical front
     * matter. In a holder so that a run whose files all take the fast path never loads SnakeYAML at all.
     */
    private static final class Factory {
        static final YAMLFactory INSTANCE = YAMLFactory.builder().build();
    }

    private FrontMatterYaml() {
    }

    /** Why strict YAML could not read the block, at which line of the file. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final String problem;

        Failure(int line, String problem) {
            super(problem, null, false, false);
            this.line = line;
            this.problem = problem;
        }
    }

    /**
     * Parses the block.
     *
     * @param block     the text between the {@code ---} lines, control characters already removed
     * @param firstLine the file line of the block's first line
     * @return the top-level mapping, or null when the block holds no YAML at all (only comments or blank lines)
     * @throws Failure when the block is not YAML, or is YAML but not a mapping
     */
    static FrontMatterNode.Mapping read(String block, int firstLine) throws Failure {
        FrontMatterNode.Mapping simple = FrontMatterFastPath.read(block, firstLine);
        if (simple != null) {
            return simple;
        }
        return parse(block, firstLine);
    }

    /** Always with the real parser (the fast path's tests compare against this). */
    static FrontMatterNode.Mapping parse(String block, int firstLine) throws Failure {
        Reader reader = new Reader(block, firstLine);
        try (YAMLParser parser = Factory.INSTANCE.createParser(block)) {
            reader.parser = parser;
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new Failure(reader.line(parser.currentTokenLocation()),
                        "front matter must be `key: value` lines, but this is "
                                + (token == JsonToken.START_ARRAY ? "a list" : "plain text"));
            }
            return reader.mapping();
        } catch (JsonProcessingException e) {
            throw new Failure(reader.line(e.getLocation()), describe(e));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML limits (size, depth) surface as unchecked exceptions; they are still just "not YAML here".
            throw new Failure(firstLine, String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"));
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            return marked.getProblem();
        }
        return e.getOriginalMessage().lines().findFirst().orElse("not YAML").strip();
    }

    private static final class Reader {
        private final String block;
        private final int offset;
        private YAMLParser parser;
        private int[] lineStarts;

        Reader(String block, int firstLine) {
            this.block = block;
            this.offset = firstLine - 1;
        }

        int line(JsonLocation location) {
            return location == null || location.getLineNr() < 1 ? offset + 1 : location.getLineNr() + offset;
        }

        /** Reads a mapping whose START_OBJECT is the current token. */
        FrontMatterNode.Mapping mapping() throws IOException, Failure {
            int line = line(parser.currentTokenLocation());
            List<FrontMatterNode.Entry> entries = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = line(parser.currentTokenLocation());
                entries.add(new FrontMatterNode.Entry(key, keyLine, value(parser.nextToken())));
            }
            if (token != JsonToken.END_OBJECT) {
                throw new Failure(line(parser.currentTokenLocation()), "unexpected " + token);
            }
            return new FrontMatterNode.Mapping(entries, line);
        }

        private FrontMatterNode.Sequence sequence() throws IOException, Failure {
            int line = line(parser.currentTokenLocation());
            List<FrontMatterNode> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                items.add(value(token));
            }
            return new FrontMatterNode.Sequence(items, line);
        }

        private FrontMatterNode value(JsonToken token) throws IOException, Failure {
            if (token == null) {
                throw new Failure(line(parser.currentLocation()), "the front matter ends in the middle of a value");
            }
            if (token == JsonToken.START_OBJECT) {
                return mapping();
            }
            if (token == JsonToken.START_ARRAY) {
                return sequence();
            }
            JsonLocation start = parser.currentTokenLocation();
            int line = line(start);
            if (parser.isCurrentAlias()) {
                // Jackson hands an alias over as its bare name, which would be a silently wrong value.
                throw new Failure(line, "YAML aliases such as `*" + parser.getText()
                        + "` are not supported in front matter");
            }
            String text = token == JsonToken.VALUE_NULL ? null : parser.getText();
            return new FrontMatterNode.Scalar(text, line, endLine(start, line));
        }

        /** Last line of the scalar just read; block scalars ({@code |}, {@code >}) count as one line on purpose. */
        private int endLine(JsonLocation start, int line) {
            JsonLocation end = parser.currentLocation();
            int last = line(end);
            if (end.getColumnNr() <= 1 && last > line) {
                last--; // the end mark sits at the start of the following line
            }
            if (last > line && isBlockScalar(start)) {
                return line;
            }
            return Math.max(last, line);
        }

        private boolean isBlockScalar(JsonLocation start) {
            if (lineStarts == null) {
                lineStarts = lineStarts(block);
            }
            int index = start.getLineNr() - 1;
            if (index < 0 || index >= lineStarts.length) {
                return false;
            }
            int at = lineStarts[index] + start.getColumnNr() - 1;
            return at >= 0 && at < block.length() && (block.charAt(at) == '|' || block.charAt(at) == '>');
        }

        private static int[] lineStarts(String text) {
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            int[] starts = new int[count];
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[n++] = i + 1;
                }
            }
            return starts;
        }
    }
}
