package dev.xpost.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The state file's JSON: one fixed format (sorted keys, 2-space indent, {@code \n}, trailing newline, no nulls) so
 * that its git diffs read well, and strict reading (unknown fields, duplicate keys and wrong types are errors)
 * because silently dropping something on the next save could lose the record of a post and publish it twice.
 */
final class StateJson {
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, cfg -> cfg
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .addModule(new SimpleModule("xpost-state")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .build();

    private static final Pattern FOUND_TOKEN = Pattern.compile("token `JsonToken\\.([A-Z_]+)`");

    private static final Pattern REFUSED_COERCION = Pattern.compile("^Cannot coerce (\\S+) value");

    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private StateJson() {
    }

    /** The text of the file for this state without its trailing newline. */
    static String text(State state) throws JsonProcessingException {
        return WRITER.writeValueAsString(state);
    }

    /**
     * Writes {@link #text} of this state to {@code out} as it is serialised, and closes {@code out}.
     *
     * @throws JsonProcessingException when the state cannot be serialised
     * @throws IOException             when {@code out} cannot be written
     */
    static void write(State state, java.io.Writer out) throws IOException {
        WRITER.writeValue(out, state);
    }

    /** One journal line: {@code {"<kind>":"<name>","value":…}} on one line, keys sorted, no newline. */
    static String line(String kind, String name, Object value) throws JsonProcessingException {
        // Written field by field, not as a map of the two: the same bytes (both kinds, "field" and "post", sort
        // before "value"), without a map copied into a sorted one and its serialiser looked up for every line, three
        // lines per create (issue 15).
        java.io.StringWriter out = new java.io.StringWriter(256);
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            if (name != null) {
                g.writeStringField(kind, name);
            }
            // A null value is left out of the line, as out of the file: a line without "value" says "removed".
            if (value != null) {
                g.writeFieldName("value");
                LINE.writeValue(g, value);
            }
            g.writeEndObject();
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to a string", e);
        }
        return out.toString();
    }

    /** The compact writer of a journal line's value; made once, it keeps the serialisers it looked up. */
    private static final ObjectWriter LINE = MAPPER.writer();

    /** A state (of either format) as a JSON tree, to replay journal lines over. */
    static ObjectNode tree(Object state) {
        return MAPPER.valueToTree(state);
    }

    /** A journal line read back; throws on a line that is not one JSON object. */
    static JsonNode parseLine(String line) throws JsonProcessingException {
        return MAPPER.readTree(line);
    }

    /** A value of a journal line read as {@code type}, as strictly as the file. */
    static <T> T value(JsonNode value, Class<T> type) throws JsonProcessingException {
        return MAPPER.treeToValue(value, type);
    }

    /** What is wrong with a value that {@link #value} refused, in words for the user. */
    static String problem(JsonProcessingException e) {
        return describe(e);
    }

    /** A tree made by {@link #tree} and journal lines, read as strictly as the file. */
    static <T> T read(JsonNode tree, Path file, Class<T> type) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the state", e);
        }
        return readAs(bytes, file, type);
    }

    /**
     * Reads a state file's bytes, of any format this xpost knows; an older format is migrated in memory (see
     * {@link StateV1}).
     *
     * @param file the file, as shown to the user in messages
     * @throws StateException CORRUPT or TOO_NEW, with a message naming the file, line and column
     */
    static State read(byte[] bytes, Path file) {
        return version(bytes, file) == StateV1.VERSION ? readAs(bytes, file, StateV1.class).migrate()
                : readAs(bytes, file, State.class);
    }

    /**
     * The format version of a state file's bytes, checked before anything else is interpreted since it decides how
     * to read the rest: 1 or {@value State#FORMAT_VERSION}.
     *
     * @throws StateException CORRUPT when there is none or it is not a version, TOO_NEW when it is higher
     */
    static int version(byte[] bytes, Path file) {
        // The text is made only for a message: at 50,000 posts the file is 37 MB, and a copy of it as a String
        // would cost as much memory and time as the version check itself.
        boolean blank = true;
        for (byte b : bytes) {
            if (b >= 0 && !Character.isWhitespace(b)) {
                blank = false;
                break;
            }
        }
        if (blank && new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw corrupt(file, null, "the file is empty (a state file is a JSON object with at least"
                    + " \"version\": " + State.FORMAT_VERSION + ")", "");
        }
        return checkVersion(bytes, file);
    }

    /** Reads bytes whose version {@link #version} accepted, as {@code type}. */
    static <T> T readAs(byte[] bytes, Path file, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw corrupt(file, e.getLocation(), describe(e), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StateException(StateException.Kind.IO, file, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int checkVersion(byte[] bytes, Path file) {
        java.util.function.Supplier<String> text = () -> new String(bytes, StandardCharsets.UTF_8);
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw corrupt(file, parser.currentTokenLocation(), "expected a JSON object ({ ... }) but found "
                        + tokenName(parser.currentToken()), text.get());
            }
            JsonLocation versionAt = null;
            JsonToken versionToken = null;
            String versionText = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (parser.getParsingContext().getParent() != null
                        && parser.getParsingContext().getParent().inRoot()
                        && token == JsonToken.FIELD_NAME && "version".equals(parser.currentName())) {
                    versionToken = parser.nextToken();
                    versionAt = parser.currentTokenLocation();
                    versionText = parser.getText();
                    if (versionToken.isStructStart()) {
                        parser.skipChildren();
                    }
                }
            }
            if (versionToken == null) {
                throw corrupt(file, null, "\"version\" is missing (expected \"version\": " + State.FORMAT_VERSION
                        + ")", text.get());
            }
            if (versionToken != JsonToken.VALUE_NUMBER_INT) {
                throw corrupt(file, versionAt, "\"version\" must be a whole number, found " + tokenName(versionToken),
                        text.get());
            }
            long version = Long.parseLong(versionText);
            if (version > State.FORMAT_VERSION) {
                throw new StateException(StateException.Kind.TOO_NEW, file, file + " was written by a newer xpost"
                        + " (state format version " + version + "; this xpost reads version " + State.FORMAT_VERSION
                        + "). Upgrade xpost and run again; the file was not changed.");
            }
            if (version < StateV1.VERSION) {
                throw corrupt(file, versionAt, "\"version\" is " + version + ", but the first state format is 1",
                        text.get());
            }
            return (int) version;
        } catch (NumberFormatException e) {
            throw new StateException(StateException.Kind.TOO_NEW, file, file + " was written by a newer xpost"
                    + " (its state format version is huge). Upgrade xpost and run again; the file was not changed.");
        } catch (JsonProcessingException e) {
            throw corrupt(file, e.getLocation(), describe(e), text.get());
        } catch (IOException e) {
            throw new StateException(StateException.Kind.IO, file, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static StateException corrupt(Path file, JsonLocation at, String what, String text) {
        StringBuilder message = new StringBuilder("Broken state file ").append(file);
        if (at != null && at.getLineNr() > 0) {
            message.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
        }
        message.append(": ").append(what).append('.');
        if (text.startsWith("<<<<<<< ") || text.contains("\n<<<<<<< ")) {
            message.append(" It contains git merge-conflict markers (<<<<<<<): resolve the conflict, keeping the"
                    + " records of both sides.");
        }
        message.append(" xpost did not change the file. Fix it by hand, or restore it from git (git checkout -- ")
                .append(file).append(", or find a good version with git log -p -- ").append(file)
                .append("), then run again.");
        return new StateException(StateException.Kind.CORRUPT, file, message.toString());
    }

    /** What is wrong, in words: Jackson's own messages name Java types and internal details. */
    private static String describe(JsonProcessingException e) {
        String at = e instanceof JsonMappingException m ? path(m) : "";
        String in = at.isEmpty() ? "" : "at " + at + ": ";
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ", " (expected one of: ", ")"));
            String parent = at.contains(".") ? at.substring(0, at.lastIndexOf('.')) : "";
            return (parent.isEmpty() ? "" : "at " + parent + ": ") + "unknown field \"" + u.getPropertyName() + "\""
                    + known;
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException cause) {
            return in + cause.getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            String value = String.valueOf(f.getValue());
            if (f.getTargetType() == Status.class) {
                return in + "\"" + value + "\" is not a status (expected one of: " + Arrays.stream(Status.values())
                        .map(Status::label).collect(Collectors.joining(", ")) + ")";
            }
            if (f.getTargetType() == Instant.class) {
                return in + "\"" + value + "\" is not a UTC instant like 2024-01-31T09:00:00Z";
            }
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            // The parser has moved on by the time we see the exception; the token is only named in the message.
            String original = String.valueOf(m.getOriginalMessage());
            Matcher token = FOUND_TOKEN.matcher(original);
            Matcher coerced = REFUSED_COERCION.matcher(original);
            String found = token.find() ? tokenName(JsonToken.valueOf(token.group(1)))
                    : coerced.find() ? (coerced.group(1).equals("Boolean") ? "true/false" : "a number") : null;
            return in + "expected " + typeName(m.getTargetType()) + (found == null ? "" : " but found " + found);
        }
        return in + plain(e.getOriginalMessage());
    }

    /** Where in the document, as {@code posts.my-slug.platforms.hashnode.status}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "text in quotes";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == Instant.class) {
            return "a UTC instant in quotes, like \"2024-01-31T09:00:00Z\"";
        }
        if (type == Status.class) {
            return "a status in quotes";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type == SortedMap.class) {
            return "an object ({ ... })";
        }
        return type.getSimpleName();
    }

    private static String tokenName(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Jackson's parse messages, without its internal source references. */
    private static String plain(String message) {
        String text = message == null ? "invalid JSON" : message;
        text = text.replaceAll("\\s*\\(start marker at \\[Source: [^;]*; ", " (opened at ")
                .replaceAll("]\\)", ")")
                .replaceAll("\\s*\\[Source: [^]]*]", "");
        if (text.startsWith("Unexpected end-of-input")) {
            return "the file ends too early (cut off?): " + text;
        }
        return text;
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /**
     * {@link Instant#parse}, faster for the form xpost writes ({@code 2024-01-31T09:00:05Z}, with up to nine digits
     * of a fraction of a second): a state of 10,000 posts holds tens of thousands, and the formatter took about a
     * third of reading it. Anything else, or a date that does not exist, is left to {@link Instant#parse}, which
     * gives the same answers and the same errors.
     *
     * @throws DateTimeParseException as {@link Instant#parse}
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && n != 21 && text.charAt(n - 1) == 'Z' && text.charAt(4) == '-'
                && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && (n == 20 || text.charAt(19) == '.')) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = n == 20 ? 0 : digits(text, 20, n - 1);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0
                    && minute <= 59 && second >= 0 && second <= 59 && fraction >= 0
                    && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
                long epochSecond = java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400L
                        + hour * 3_600L + minute * 60L + second;
                return Instant.ofEpochSecond(epochSecond, n == 20 ? 0 : (long) fraction * POWERS[9 - (n - 21)]);
            }
        }
        return Instant.parse(text);
    }

    /** 10^0 … 10^8: the nanoseconds of one unit of a fraction of 9 − k digits. */
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The ASCII digits from {@code from} to {@code to} (exclusive) as a number; -1 if any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** ISO-8601 instants as text, without the jsr310 module (one more dependency for two lines). */
    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return instant(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
