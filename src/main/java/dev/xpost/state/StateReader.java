package dev.xpost.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fast path of reading a state file of the current format: one streaming pass from the bytes straight into
 * {@link State}, {@link PostEntry} and {@link PlatformRecord}, for the file as xpost writes it (keys sorted, each
 * field once, the types of the format). Anything else (an older or newer version, a hand-edited file with keys out
 * of order, a null where a map holds values, a wrong type, broken JSON, trailing text) makes it answer null, and
 * the databind path of {@link StateJson} reads the file again and says what is wrong, with its exact messages and
 * positions. So this reader must never accept what that path refuses, nor read anything differently: every state
 * it returns is equal to the one {@link StateJson#readAs} makes of the same bytes (StateReaderTest checks both over
 * the same files).
 *
 * <p>Why (issue 15): the databind pass over a 37.8 MB state of 50,000 posts took about 2 s under C1 (map
 * deserialisers, a TreeMap put per key, every map copied again by {@link State#sortedCopy}) and left about 67 MB
 * live, where every record held its own copy of the same publication id, instant and slug. Here each map arrives
 * sorted and is built in linear time as the frozen map {@link State} keeps (after the checks
 * {@link State#sortedCopy} makes), and values that repeat from one record to the next are shared: see
 * {@link #shared}.
 */
final class StateReader {
    /**
     * Field names neither interned nor canonicalised: the parser makes each name a new string, and the names a
     * record keeps that repeat from one record to the next (platform names, ext keys) are shared here
     * ({@link #sharedName}). Duplicate keys are not detected by the parser: every object here must have its keys
     * strictly increasing, which refuses a duplicate as well.
     *
     * <p>Parsed from characters ({@link #strict}), not from bytes: with its symbol table, Jackson's byte parser
     * keeps every field name longer than 12 bytes in one array that it grows by at most 16 KB at a time, copying
     * it whole each time, so 50,000 slugs cost about 250 MB of copies, and about 8 of the 35 young
     * collections of a plan at that size (37.8 MB state: 288 MB allocated; its character parser without a table:
     * 73 MB, and a little faster). Without a symbol table there is also no table to flood: the byte parser of
     * the databind path refuses a file whose names collide in its table's hash beyond a bound ("suspect a DoS
     * attack": 720 slugs made of the same 4-byte blocks in other orders; whether it does depends on what earlier
     * parses in the same JVM left in that table), and this path reads such a well-formed state as it is. That is
     * the one kind of file this path reads where the databind path may not (StateReaderDifferentialTest).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();

    /**
     * The characters of UTF-8 bytes, failing on bytes that are not UTF-8 (a plain {@code InputStreamReader}
     * would replace them), as the byte parser of the databind path does: then this reader answers null and that
     * path says what is wrong. A byte order mark or UTF-16 bytes, which that path accepts, are left to it too.
     */
    private static java.io.Reader strict(InputStream in) {
        return new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
    }

    /** Leaves the fast path: not an error, only "let the databind path read this". Stackless, made once. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super("not the state file as xpost writes it", null, false, false);
        }
    }

    private static final Refused REFUSED = new Refused();

    private final JsonParser p;

    /** The slug of the post being read: a Hashnode record's {@code ext.slug} is usually the same text. */
    private String slug;

    /** The last value read under each ext key (a publication id repeats in every Hashnode record). */
    private final Map<String, String> lastExt = new java.util.HashMap<>();

    /** The text of the last instant read and the instant: an import records thousands of posts at one instant. */
    private String lastInstantText;
    private Instant lastInstant;

    /** The last list of fields read, as the record keeps it: most records were sent the same front matter keys. */
    private List<String> lastFields;

    private StateReader(JsonParser p) {
        this.p = p;
    }

    /**
     * The state in the bytes of {@code in}, when they are a state file of the current format as xpost writes it;
     * null otherwise (then read them with {@link StateJson}, which says what is wrong). Closes the stream.
     */
    static State read(InputStream in) {
        try (JsonParser parser = FACTORY.createParser(strict(in))) {
            return new StateReader(parser).state();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@link #read(InputStream)} of bytes in memory. */
    static State read(byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(strict(new java.io.ByteArrayInputStream(bytes)))) {
            return new StateReader(parser).state();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The longest field name this path reads, in characters: the databind path's parser refuses a name longer than
     * Jackson's limit ({@code StreamReadConstraints}, 50,000) counted in UTF-8 bytes, and this one counts
     * characters, each of which is at most 3 bytes; a longer name is left to that path to accept or refuse.
     */
    private static final int MAX_NAME_CHARS =
            com.fasterxml.jackson.core.StreamReadConstraints.defaults().getMaxNameLength() / 3;

    /** The names of maps that repeat in every record (platforms, ext keys), each kept once: see {@link #FACTORY}. */
    private final Map<String, String> names = new java.util.HashMap<>();

    /** {@link #nextName} as the one string this parse keeps for that text. */
    private String sharedName() throws IOException {
        String name = nextName();
        if (name == null) {
            return null;
        }
        String known = names.putIfAbsent(name, name);
        return known != null ? known : name;
    }

    /** The next field name of the object being read; null at its end. */
    private String nextName() throws IOException {
        String name = p.nextFieldName();
        if (name != null && name.length() > MAX_NAME_CHARS) {
            throw REFUSED;
        }
        return name;
    }

    private State state() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw REFUSED;
        }
        SortedMap<String, SortedMap<String, String>> accounts = null;
        SortedMap<String, String> images = null;
        SortedMap<String, PostEntry> posts = null;
        SortedMap<String, String> forgotten = null;
        SortedMap<String, Integer> attempts = null;
        SortedMap<String, String> gone = null;
        Instant started = null;
        int version = -1;
        int last = -1;
        String name;
        while ((name = nextName()) != null) {
            // The fields in the order the file is written (alphabetical), each at most once.
            int field = switch (name) {
                case "accounts" -> 0;
                case "attempts" -> 1;
                case "forgotten" -> 2;
                case "gone" -> 3;
                case "images" -> 4;
                case "posts" -> 5;
                case "started" -> 6;
                case "version" -> 7;
                default -> throw REFUSED;
            };
            if (field <= last) {
                throw REFUSED;
            }
            last = field;
            JsonToken token = p.nextToken();
            switch (field) {
                case 0 -> accounts = token == JsonToken.VALUE_NULL ? null : accounts(token);
                case 1 -> attempts = token == JsonToken.VALUE_NULL ? null : counts(token);
                case 2 -> forgotten = token == JsonToken.VALUE_NULL ? null : texts(token);
                case 3 -> gone = token == JsonToken.VALUE_NULL ? null : texts(token);
                case 4 -> images = token == JsonToken.VALUE_NULL ? null : texts(token);
                case 5 -> posts = token == JsonToken.VALUE_NULL ? null : posts(token);
                case 6 -> started = token == JsonToken.VALUE_NULL ? null : instant(token);
                default -> {
                    if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                        throw REFUSED;
                    }
                    version = p.getIntValue();
                }
            }
        }
        end();
        // Nothing may follow the object (the databind path fails on trailing tokens).
        if (p.nextToken() != null || version != State.FORMAT_VERSION) {
            throw REFUSED;
        }
        return new State(version, accounts, images, posts, started, forgotten, attempts, gone);
    }

    private SortedMap<String, PostEntry> posts(JsonToken token) throws IOException {
        start(token);
        Run<PostEntry> run = new Run<>();
        String key;
        while ((key = nextName()) != null) {
            run.key(key);
            slug = key;
            run.value(post(p.nextToken()));
        }
        end();
        slug = null;
        return run.frozen();
    }

    private PostEntry post(JsonToken token) throws IOException {
        start(token);
        String file = null;
        SortedMap<String, PlatformRecord> platforms = null;
        int last = -1;
        String name;
        while ((name = nextName()) != null) {
            int field = switch (name) {
                case "file" -> 0;
                case "platforms" -> 1;
                default -> throw REFUSED;
            };
            if (field <= last) {
                throw REFUSED;
            }
            last = field;
            JsonToken value = p.nextToken();
            if (field == 0) {
                file = value == JsonToken.VALUE_NULL ? null : text(value);
            } else if (value != JsonToken.VALUE_NULL) {
                platforms = platforms(value);
            }
        }
        end();
        // The constructor refuses a missing or blank file, as on the databind path; platforms arrive frozen.
        return new PostEntry(file, platforms);
    }

    private SortedMap<String, PlatformRecord> platforms(JsonToken token) throws IOException {
        start(token);
        Run<PlatformRecord> run = new Run<>();
        String key;
        while ((key = sharedName()) != null) {
            run.key(key);
            run.value(record(p.nextToken()));
        }
        end();
        return run.frozen();
    }

    private PlatformRecord record(JsonToken token) throws IOException {
        start(token);
        SortedMap<String, String> ext = null;
        List<String> fields = null;
        String hash = null;
        String id = null;
        Instant intentAt = null;
        String message = null;
        Instant requestEndedAt = null;
        Map<String, String> sent = null;
        Instant sentAt = null;
        String source = null;
        Status status = null;
        String url = null;
        int last = -1;
        String name;
        while ((name = nextName()) != null) {
            int field = switch (name) {
                case "ext" -> 0;
                case "fields" -> 1;
                case "hash" -> 2;
                case "id" -> 3;
                case "intentAt" -> 4;
                case "message" -> 5;
                case "requestEndedAt" -> 6;
                case "sent" -> 7;
                case "sentAt" -> 8;
                case "source" -> 9;
                case "status" -> 10;
                case "url" -> 11;
                default -> throw REFUSED;
            };
            if (field <= last) {
                throw REFUSED;
            }
            last = field;
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue; // a null field is an absent one, as on the databind path
            }
            switch (field) {
                case 0 -> ext = ext(value);
                case 1 -> fields = fields(value);
                case 2 -> hash = text(value);
                case 3 -> id = text(value);
                case 4 -> intentAt = instant(value);
                case 5 -> message = text(value);
                case 6 -> requestEndedAt = instant(value);
                case 7 -> sent = texts(value);
                case 8 -> sentAt = instant(value);
                case 9 -> source = text(value);
                case 10 -> status = status(value);
                default -> url = text(value);
            }
        }
        end();
        // The constructor makes the checks it makes on the databind path (a status, a published record's id) and
        // keeps ext and fields as they are when they arrive frozen (see State#sortedCopy, PlatformRecord).
        return new PlatformRecord(status, id, url, hash, sentAt, intentAt, message, fields, sent, requestEndedAt,
                ext, source);
    }

    private SortedMap<String, String> ext(JsonToken token) throws IOException {
        start(token);
        Run<String> run = new Run<>();
        String key;
        while ((key = sharedName()) != null) {
            run.key(key);
            run.value(shared(key, text(p.nextToken())));
        }
        end();
        return run.frozen();
    }

    /**
     * The value of an ext key as one string shared with the records before it when it is the same text: the slug
     * of the post (Hashnode's {@code ext.slug}), or the last value under that key (its {@code publicationId}).
     * Only these, and only by comparing with one earlier value, so that a value that never repeats (a cuid) costs
     * one comparison, not a table of every string of the file.
     */
    private String shared(String key, String value) {
        if (value.equals(slug)) {
            return slug;
        }
        String last = lastExt.get(key);
        if (value.equals(last)) {
            return last;
        }
        lastExt.put(key, value);
        return value;
    }

    private List<String> fields(JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw REFUSED;
        }
        List<String> list = new ArrayList<>(4);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            list.add(text(t));
        }
        if (list.equals(lastFields)) {
            return lastFields;
        }
        // As the record keeps it (sorted, without repeats, immutable), so that the next equal list is shared.
        lastFields = PlatformRecord.fieldList(list);
        return lastFields;
    }

    private SortedMap<String, SortedMap<String, String>> accounts(JsonToken token) throws IOException {
        start(token);
        // Few and small: checked and copied by State's constructor as on the databind path.
        SortedMap<String, SortedMap<String, String>> accounts = new TreeMap<>();
        String key;
        String previous = null;
        while ((key = nextName()) != null) {
            previous = after(previous, key);
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                throw REFUSED;
            }
            SortedMap<String, String> facts = texts(value);
            accounts.put(key, facts == null ? Collections.emptySortedMap() : facts);
        }
        end();
        return accounts;
    }

    private SortedMap<String, String> texts(JsonToken token) throws IOException {
        start(token);
        Run<String> run = new Run<>();
        String key;
        while ((key = nextName()) != null) {
            run.key(key);
            run.value(text(p.nextToken()));
        }
        end();
        return run.frozen();
    }

    private SortedMap<String, Integer> counts(JsonToken token) throws IOException {
        start(token);
        Run<Integer> run = new Run<>();
        String key;
        while ((key = nextName()) != null) {
            run.key(key);
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                throw REFUSED;
            }
            run.value(p.getIntValue());
        }
        end();
        return run.frozen();
    }

    /** A string value; anything else (a null included: a map holds no null) is left to the databind path. */
    private String text(JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw REFUSED;
        }
        return p.getText();
    }

    private Instant instant(JsonToken token) throws IOException {
        String text = text(token);
        if (text.equals(lastInstantText)) {
            return lastInstant;
        }
        try {
            lastInstant = StateJson.instant(text);
        } catch (DateTimeParseException e) {
            throw REFUSED;
        }
        lastInstantText = text;
        return lastInstant;
    }

    private Status status(JsonToken token) throws IOException {
        return switch (text(token)) {
            case "published" -> Status.PUBLISHED;
            case "intent" -> Status.INTENT;
            case "unknown" -> Status.UNKNOWN;
            case "failed" -> Status.FAILED;
            default -> throw REFUSED;
        };
    }

    private static void start(JsonToken token) {
        if (token != JsonToken.START_OBJECT) {
            throw REFUSED;
        }
    }

    /** After the last field of an object: the parser must be at its end, not at something that is not a name. */
    private void end() {
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw REFUSED;
        }
    }

    /** {@code key}, when it sorts after {@code previous} (null for the first key) and is not blank. */
    private static String after(String previous, String key) {
        if (key.isBlank() || previous != null && previous.compareTo(key) >= 0) {
            throw REFUSED;
        }
        return key;
    }

    /**
     * The entries of one JSON object, in the order of the file, which must be strictly increasing (so sorted and
     * without a duplicate) with no blank key and no null value: what {@link State#sortedCopy} checks. It then
     * becomes the frozen map State keeps, a TreeMap built from the sorted run in linear time, without a
     * comparison.
     */
    private static final class Run<V> extends AbstractMap<String, V> implements SortedMap<String, V> {
        private Object[] keys = new Object[4];
        private Object[] values = new Object[4];
        private int size;

        void key(String key) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            keys[size] = after(size == 0 ? null : (String) keys[size - 1], key);
        }

        void value(V value) {
            values[size++] = value;
        }

        /** The frozen map; null when empty, which every constructor reads as the shared empty map. */
        SortedMap<String, V> frozen() {
            return size == 0 ? null : Collections.unmodifiableSortedMap(new TreeMap<>(this));
        }

        // What TreeMap's copy constructor reads of a sorted map: its comparator, its size and its entries in order.

        @Override
        public Comparator<? super String> comparator() {
            return null;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Map.Entry<String, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, V>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public Map.Entry<String, V> next() {
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>((String) keys[i], (V) values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        // Never called: a Run is only ever handed to TreeMap's copy constructor.

        @Override
        public SortedMap<String, V> subMap(String fromKey, String toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, V> headMap(String toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, V> tailMap(String fromKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String firstKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String lastKey() {
            throw new UnsupportedOperationException();
        }
    }
}
