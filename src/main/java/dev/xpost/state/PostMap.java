package dev.xpost.state;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The posts of a {@link State} (slug → entry): an unmodifiable sorted map that a one-post change copies in time
 * that does not grow with the blog, and that finds a file's slug without reading every post.
 *
 * <p>Why: a state is immutable, and a run makes a new one for every record it puts (an intent, a result, an adopted
 * post). Copying the whole map for each made a run's cost grow with changes × blog size: moving in a 50,000-post
 * backup (50,000 adoptions into a growing state) ran for minutes in {@code TreeMap} copies and in
 * {@link State#slugOf} reading every post for each of them (issue 15: "the cost per post must not grow").
 *
 * <p>How: a frozen sorted map of most posts (the base, shared by every version made from it) and a small sorted
 * map of what changed since (the delta: a new entry, or {@link #REMOVED}). A change copies the delta only; once the
 * delta outgrows the square root of the base (at least {@value #MIN_DELTA}), both are merged into a new base. So a
 * change costs O(√n) amortised, where it cost O(n), and a run of k changes O(k·√n) instead of O(k·n). Lookups read
 * the delta, then a hash table of the base's slugs. Anything that walks the map (saving the whole file,
 * {@code status}, iteration by a caller) sees one merged sorted map, made once per version when first asked.
 *
 * <p>Only this package makes one; every version is immutable after construction, so versions can be shared between
 * threads. The file index ({@link #slugOf}) is built from the base once, when first asked, and shared by the
 * versions made from that base.
 */
final class PostMap extends AbstractMap<String, PostEntry> implements SortedMap<String, PostEntry> {
    /** Marks a slug removed in the delta (a post forgotten). */
    private static final Object REMOVED = new Object();
    static final int MIN_DELTA = 64;

    private static final PostMap EMPTY = new PostMap(new Base(Collections.emptySortedMap()), new TreeMap<>(), 0);

    /** The frozen posts and their indexes, shared by every version made from them. */
    private static final class Base {
        final SortedMap<String, PostEntry> posts;
        /**
         * The same posts by slug in a hash table: a run looks each post up several times (is it known unchanged,
         * is it recorded, what does its row say), and a sorted map of 50,000 slugs costs about 16 string
         * comparisons a look-up, each walking the slugs' common prefix (character by character under C1):
         * about 1 s of a 50,000-post run with nothing to do. Made with the base, in time linear in its size
         * like the base itself.
         */
        final Map<String, PostEntry> bySlug;
        /** File → the slugs recorded for it, in slug order; built when first asked. */
        private volatile Map<String, Object> files;

        Base(SortedMap<String, PostEntry> posts) {
            this.posts = posts;
            if (posts.isEmpty()) {
                this.bySlug = Map.of();
            } else {
                HashMap<String, PostEntry> table = new HashMap<>(posts.size() * 4 / 3 + 1);
                for (Map.Entry<String, PostEntry> e : posts.entrySet()) {
                    table.put(e.getKey(), e.getValue());
                }
                this.bySlug = table;
            }
        }

        /** The slugs of this file in slug order: a String for one (nearly every file), a TreeMap's keys for more. */
        Object slugsOf(String file) {
            Map<String, Object> index = files;
            if (index == null) {
                index = new HashMap<>(Math.max(16, posts.size() * 4 / 3 + 1));
                for (Map.Entry<String, PostEntry> e : posts.entrySet()) {
                    index.merge(e.getValue().file(), e.getKey(), Base::both);
                }
                files = index;
            }
            return index.get(file);
        }

        /** Two slugs of one file (rare: a post recorded under two slugs), in slug order. */
        @SuppressWarnings("unchecked")
        private static Object both(Object had, Object slug) {
            TreeMap<String, Boolean> slugs;
            if (had instanceof TreeMap<?, ?> many) {
                slugs = (TreeMap<String, Boolean>) many;
            } else {
                slugs = new TreeMap<>();
                slugs.put((String) had, Boolean.TRUE);
            }
            slugs.put((String) slug, Boolean.TRUE);
            return slugs;
        }
    }

    private final Base base;
    /** Slug → the new entry or {@link #REMOVED}; never changed after construction. */
    private final TreeMap<String, Object> delta;
    private final int size;
    /** The merged map, made when first walked. */
    private volatile SortedMap<String, PostEntry> merged;

    private PostMap(Base base, TreeMap<String, Object> delta, int size) {
        this.base = base;
        this.delta = delta;
        this.size = size;
    }

    /**
     * These posts as a PostMap: the map itself when it is one; otherwise {@code frozen}, which must be an
     * unmodifiable sorted map of natural order that no one else changes (what {@link State#sortedCopy} makes).
     */
    static PostMap of(SortedMap<String, PostEntry> frozen) {
        if (frozen instanceof PostMap map) {
            return map;
        }
        return frozen.isEmpty() ? EMPTY : new PostMap(new Base(frozen), new TreeMap<>(), frozen.size());
    }

    /** This map with {@code slug} set to {@code entry} (checked by the caller). */
    PostMap with(String slug, PostEntry entry) {
        return change(slug, entry);
    }

    /** This map without {@code slug}; this map itself when it has no such post. */
    PostMap without(String slug) {
        return containsKey(slug) ? change(slug, REMOVED) : this;
    }

    private PostMap change(String slug, Object value) {
        boolean had = containsKey(slug);
        int newSize = size + (value == REMOVED ? (had ? -1 : 0) : (had ? 0 : 1));
        TreeMap<String, Object> next = new TreeMap<>(delta);
        next.put(slug, value);
        if (next.size() > Math.max(MIN_DELTA, (int) Math.sqrt(base.posts.size()))) {
            TreeMap<String, PostEntry> all = new TreeMap<>(base.posts);
            apply(next, all);
            return new PostMap(new Base(Collections.unmodifiableSortedMap(all)), new TreeMap<>(), newSize);
        }
        return new PostMap(base, next, newSize);
    }

    @SuppressWarnings("unchecked")
    private static void apply(TreeMap<String, Object> delta, TreeMap<String, PostEntry> into) {
        for (Map.Entry<String, Object> d : delta.entrySet()) {
            if (d.getValue() == REMOVED) {
                into.remove(d.getKey());
            } else {
                into.put(d.getKey(), (PostEntry) d.getValue());
            }
        }
    }

    /**
     * The first slug, in slug order, whose post is recorded for this file (as {@link State#slugOf} promises):
     * the delta's slugs of this file and the base's that the delta did not change, without reading every post.
     */
    Optional<String> slugOf(String file) {
        String best = null;
        for (Map.Entry<String, Object> d : delta.entrySet()) {
            if (d.getValue() != REMOVED && file.equals(((PostEntry) d.getValue()).file())) {
                best = d.getKey();
                break;   // the delta is sorted: the first match is its smallest
            }
        }
        Object slugs = base.slugsOf(file);
        if (slugs instanceof String one) {
            best = earlier(best, one);
        } else if (slugs instanceof TreeMap<?, ?> many) {
            for (Object slug : many.keySet()) {
                if (!delta.containsKey(slug)) {
                    best = earlier(best, (String) slug);
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The earlier of a slug found in the delta and one of the base, unless the delta changed the latter. */
    private String earlier(String found, String fromBase) {
        if (delta.containsKey(fromBase)) {
            return found;   // the delta holds its current entry, already compared above
        }
        return found == null || fromBase.compareTo(found) < 0 ? fromBase : found;
    }

    @Override
    public PostEntry get(Object key) {
        if (key == null) {
            throw new NullPointerException("no post has a null slug");   // as the sorted map said before
        }
        if (!delta.isEmpty() && key instanceof String && delta.containsKey(key)) {
            Object v = delta.get(key);
            return v == REMOVED ? null : (PostEntry) v;
        }
        return base.bySlug.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** Every post, merged: made once per version, when something first walks it. */
    private SortedMap<String, PostEntry> merged() {
        SortedMap<String, PostEntry> m = merged;
        if (m == null) {
            if (delta.isEmpty()) {
                m = base.posts;
            } else {
                TreeMap<String, PostEntry> all = new TreeMap<>(base.posts);
                apply(delta, all);
                m = Collections.unmodifiableSortedMap(all);
            }
            merged = m;
        }
        return m;
    }

    @Override
    public Set<Map.Entry<String, PostEntry>> entrySet() {
        return merged().entrySet();
    }

    @Override
    public Set<String> keySet() {
        return merged().keySet();
    }

    @Override
    public java.util.Collection<PostEntry> values() {
        return merged().values();
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedMap<String, PostEntry> subMap(String fromKey, String toKey) {
        return merged().subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<String, PostEntry> headMap(String toKey) {
        return merged().headMap(toKey);
    }

    @Override
    public SortedMap<String, PostEntry> tailMap(String fromKey) {
        return merged().tailMap(fromKey);
    }

    @Override
    public String firstKey() {
        return merged().firstKey();
    }

    @Override
    public String lastKey() {
        return merged().lastKey();
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super PostEntry> action) {
        merged().forEach(action);
    }
}
