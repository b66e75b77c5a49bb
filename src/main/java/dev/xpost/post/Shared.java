package dev.xpost.post;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance for equal immutable values that many posts hold: the line map of a front matter layout, a list of
 * tags, a tag as written. A run keeps every post of the blog (50,000 posts, issue 15), and most posts of one blog
 * share a handful of layouts and a few dozen tags, so each post keeps references instead of copies. Bounded, so
 * that a blog of all-different values only stops sharing, never grows this without limit.
 */
final class Shared {
    private static final int LIMIT = 16_384;
    private static final Map<Object, Object> VALUES = new ConcurrentHashMap<>();

    private Shared() {
    }

    /** The one instance equal to {@code value} (an immutable list, map or string), or {@code value} itself. */
    @SuppressWarnings("unchecked")
    static <T> T value(T value) {
        Object known = VALUES.get(value);
        if (known != null) {
            return (T) known;
        }
        if (VALUES.size() >= LIMIT) {
            return value;
        }
        known = VALUES.putIfAbsent(value, value);
        return known == null ? value : (T) known;
    }

    /**
     * The one immutable map equal to {@code map}, copied only when none is known yet (a map's equality and hash
     * are its entries', whatever its class, so the post's own map asks without being copied first).
     */
    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> map(Map<K, V> map) {
        Object known = VALUES.get(map);
        return known != null ? (Map<K, V>) known : value(Map.copyOf(map));
    }

    /** An immutable copy of {@code list} whose strings and whole list are shared. */
    static List<String> strings(List<String> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        String[] shared = new String[list.size()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = value(list.get(i));
        }
        return value(List.of(shared));
    }
}
