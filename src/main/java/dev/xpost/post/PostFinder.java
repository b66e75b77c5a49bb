package dev.xpost.post;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the post files named on the command line: a file is taken as it is, a folder is walked for
 * {@code *.md} and {@code *.markdown} files, leaving out README files (Hashnode never publishes them) and hidden
 * files and folders such as {@code .git} and {@code .xpost}.
 */
public final class PostFinder {

    private PostFinder() {
    }

    /**
     * The post files under the roots, sorted by path and without duplicates: one path per file, also when a
     * symbolic link inside a posts folder leads to a folder or file already walked (see {@link #findAll}).
     *
     * @throws NoSuchFileException when a root does not exist
     * @throws IOException         when a folder cannot be read
     */
    public static List<Path> find(List<Path> roots) throws IOException {
        return findAll(roots).files();
    }

    /** What {@link #findAll} found. */
    public static final class Found {
        private final List<Path> files;
        private final Map<Path, List<Path>> aliases;
        private final Map<Path, ReadCache.Stat> stats;

        Found(List<Path> files, Map<Path, List<Path>> aliases, Map<Path, ReadCache.Stat> stats) {
            this.files = files;
            this.aliases = aliases;
            this.stats = stats;
        }

        /** One path per post file, sorted by path. */
        public List<Path> files() {
            return files;
        }

        /**
         * For a file that was also reached by other paths (through a symbolic link to a folder or a file inside
         * the walk, or a hard link), those other paths; empty for nearly every blog.
         */
        public Map<Path, List<Path>> aliases() {
            return aliases;
        }

        /** What the walk's {@code lstat} said of each plain file it found by a path without a link; for the cache. */
        Map<Path, ReadCache.Stat> stats() {
            return stats;
        }
    }

    /**
     * The post files under the roots, one path per file. A file reached by two paths (a folder linked inside the
     * posts folder, a post linked to another, a file named on the command line inside a folder also walked) is one
     * post: read twice, it would be two posts with one slug, and a moved-in one would be adopted again on every run.
     * Of its paths the first (in path order) that a walk found without a symbolic link on the way is kept, and the
     * others are its {@link Found#aliases}; a file without such a path (two links to a file outside the walk or to
     * {@code .env}, a file named through a link and not walked) keeps every path, each judged on its own. Files are
     * told apart by their device and inode, as the walk saw them.
     *
     * @throws NoSuchFileException when a root does not exist
     * @throws IOException         when a folder cannot be read
     */
    public static Found findAll(List<Path> roots) throws IOException {
        return findAll(roots, true);
    }

    /** @param statOnce false to walk as where there is no "unix" view ({@link #walk}), as a test compares */
    static Found findAll(List<Path> roots, boolean statOnce) throws IOException {
        List<Path> found = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        Set<Path> named = new HashSet<>();
        Map<Path, ReadCache.Stat> stats = new HashMap<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new NoSuchFileException(root.toString(), null, "no such file or folder");
            }
            if (Files.isDirectory(root)) {
                if (!statOnce || !walkStatingOnce(root, found, keys, stats)) {
                    walk(root, found, keys);
                }
            } else {
                found.add(root);
                named.add(root);
                keys.add(Files.readAttributes(root, BasicFileAttributes.class).fileKey());
            }
        }
        Map<Object, List<Path>> twice = twice(found, keys, named);
        // On both cores: 50,000 paths compared a byte at a time under C1 are a tenth of a second on one.
        Path[] sorted = found.toArray(new Path[0]);
        Arrays.parallelSort(sorted);
        found = Arrays.asList(sorted);
        Map<Path, List<Path>> aliases = Map.of();
        if (!twice.isEmpty()) {
            aliases = new HashMap<>();
            Set<Path> dropped = new HashSet<>();
            for (List<Path> paths : twice.values()) {
                paths.sort(null);
                // The file's own place: a path a walk found without a link on the way. Without one (two links to a
                // file outside the walk, to .env, or a file named through a link and not walked), every path is
                // kept, so that each link is judged and refused on its own.
                Path kept = paths.stream().filter(p -> !named.contains(p) && !throughLink(p, roots)).findFirst()
                        .orElse(null);
                if (kept == null) {
                    continue;
                }
                List<Path> others = new ArrayList<>(paths);
                others.remove(kept);
                aliases.put(kept, List.copyOf(others));
                dropped.addAll(others);
            }
            List<Path> kept = new ArrayList<>(found.size());
            for (Path p : found) {
                if (!dropped.contains(p)) {
                    kept.add(p);
                }
            }
            found = kept;
        }
        if (roots.size() < 2) {
            // One folder's walk never gives a path twice, nor two paths of one normalised path: 50,000 posts need
            // no set of their absolute paths (issue 15).
            return new Found(found, aliases, stats);
        }
        Set<Path> seen = new HashSet<>();
        List<Path> unique = new ArrayList<>(found.size());
        for (Path path : found) {
            if (seen.add(path.toAbsolutePath().normalize())) {
                unique.add(path);
            }
        }
        return new Found(unique, aliases, stats);
    }

    /**
     * The files found by more than one path (same device and inode), each with its paths; a path given twice (a
     * file named on the command line and found again by a walk) is not a second path. The keys' hash codes are
     * sorted with their indexes, so that only equal hashes are compared: a hash map of 50,000 keys cost about
     * 0.1 s of the walk (cold, under C1), this a few milliseconds.
     */
    private static Map<Object, List<Path>> twice(List<Path> found, List<Object> keys, Set<Path> named) {
        long[] packed = new long[found.size()];
        int m = 0;
        for (int i = 0; i < packed.length; i++) {
            Object key = keys.get(i);
            if (key != null) {
                packed[m++] = (long) key.hashCode() << 32 | i;
            }
        }
        Arrays.sort(packed, 0, m);
        Map<Object, List<Path>> twice = new LinkedHashMap<>();
        for (int start = 0; start < m; ) {
            int end = start + 1;
            while (end < m && packed[end] >>> 32 == packed[start] >>> 32) {
                end++;
            }
            if (end - start > 1) {
                // A run of equal hashes: grouped by key, each path once (linear in the run, however many links
                // lead to one file).
                Map<Object, Map<Path, Path>> byKey = new LinkedHashMap<>();
                for (int j = start; j < end; j++) {
                    int i = (int) packed[j];
                    Path path = found.get(i);
                    // One path under two spellings (a file named on the command line and walked): the walk's.
                    byKey.computeIfAbsent(keys.get(i), k -> new LinkedHashMap<>())
                            .merge(path.toAbsolutePath().normalize(), path, (a, b) -> named.contains(a) ? b : a);
                }
                byKey.forEach((key, paths) -> {
                    if (paths.size() > 1) {
                        twice.put(key, new ArrayList<>(paths.values()));
                    }
                });
            }
            start = end;
        }
        return twice;
    }

    /** True when a folder or the file on the way from its root to {@code file} is a symbolic link. */
    private static boolean throughLink(Path file, List<Path> roots) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (abs.startsWith(r) && !abs.equals(r)) {
                for (Path p = abs; !p.equals(r); p = p.getParent()) {
                    if (Files.isSymbolicLink(p)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return Files.isSymbolicLink(abs);
    }

    /** What the walk asks of each entry of a folder, by one {@code lstat}: the {@link ReadCache.Stat} and the type. */
    private static final String ENTRY_ATTRIBUTES = ReadCache.STAT_ATTRIBUTES + ",fileKey,isDirectory,isSymbolicLink";

    /** A folder with at least this many entries has them stat'ed on both cores (a flat folder of 50,000 posts). */
    private static final int PARALLEL_ENTRIES = 512;

    /**
     * The walk of {@link #walk}, finding the same files, with one {@code lstat} per entry whose answer is kept for
     * the read cache ({@link ReadCache#walked}): the JDK's walk stat'ed every file, and the cache then lstat'ed it
     * again (50,000 posts: 50,000 system calls and about 0.4 s of CPU fewer); and a large folder's entries are
     * stat'ed on both cores. As {@link #walk} (whose {@link Files#walkFileTree} with FOLLOW_LINKS this follows):
     * links are followed (to a folder: walked, unless that folder is one of its own ancestors, a loop; broken: left
     * out), hidden folders are not walked, a folder that cannot be read is an error. An entry removed between the
     * listing and its stat is left out (the JDK's walk failed on it).
     *
     * @return false, having found nothing, where the file system has no "unix" view (Windows): walk there
     */
    private static boolean walkStatingOnce(Path root, List<Path> found, List<Object> keys,
            Map<Path, ReadCache.Stat> stats) throws IOException {
        Object rootKey;
        try {
            rootKey = Files.readAttributes(root, "unix:fileKey").get("fileKey");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
        List<Object> ancestors = new ArrayList<>();
        ancestors.add(rootKey);
        walkFolder(root, ancestors, found, keys, stats);
        return true;
    }

    private static void walkFolder(Path folder, List<Object> ancestors, List<Path> found, List<Object> keys,
            Map<Path, ReadCache.Stat> stats) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
            for (Path entry : listing) {
                entries.add(entry);
            }
        } catch (java.nio.file.DirectoryIteratorException e) {
            throw e.getCause();
        }
        List<Map<String, Object>> attributes;
        try {
            java.util.stream.Stream<Path> each = entries.size() >= PARALLEL_ENTRIES ? entries.parallelStream()
                    : entries.stream();
            attributes = each.map(PostFinder::entryAttributes).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = 0; i < entries.size(); i++) {
            Path entry = entries.get(i);
            Map<String, Object> a = attributes.get(i);
            if (a == null) {
                continue;
            }
            if (Boolean.TRUE.equals(a.get("isSymbolicLink"))) {
                BasicFileAttributes target;
                try {
                    target = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue;   // a broken link, as the JDK's walk left it out
                }
                if (target.isDirectory()) {
                    walkSubfolder(entry, target.fileKey(), ancestors, found, keys, stats);
                } else if (target.isRegularFile() && isPostName(entry.getFileName().toString())) {
                    found.add(entry);
                    keys.add(target.fileKey());
                }
            } else if (Boolean.TRUE.equals(a.get("isDirectory"))) {
                walkSubfolder(entry, a.get("fileKey"), ancestors, found, keys, stats);
            } else if (Boolean.TRUE.equals(a.get("isRegularFile")) && isPostName(entry.getFileName().toString())) {
                found.add(entry);
                keys.add(a.get("fileKey"));
                stats.put(entry, ReadCache.statOf(a));
            }
        }
    }

    private static void walkSubfolder(Path folder, Object key, List<Object> ancestors, List<Path> found,
            List<Object> keys, Map<Path, ReadCache.Stat> stats) throws IOException {
        if (isHidden(folder) || key != null && ancestors.contains(key)) {
            return;   // hidden (.git, .xpost), or a link back to a folder above it: a loop
        }
        ancestors.add(key);
        walkFolder(folder, ancestors, found, keys, stats);
        ancestors.remove(ancestors.size() - 1);
    }

    /** One lstat of a folder's entry; null when it is gone since the listing. */
    private static Map<String, Object> entryAttributes(Path entry) {
        try {
            return Files.readAttributes(entry, ENTRY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void walk(Path root, List<Path> found, List<Object> keys) throws IOException {
        // FOLLOW_LINKS so that a linked posts folder is read; the walker reports loops, which are skipped.
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        // The name is made once a file (it is asked of every file of the blog on every run).
                        if (attrs.isRegularFile() && isPostName(file.getFileName().toString())) {
                            found.add(file);
                            keys.add(attrs.fileKey());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof FileSystemLoopException) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** True for a file that can be a post: {@code *.md} or {@code *.markdown}, not hidden, not a README. */
    public static boolean isPost(Path file) {
        return file.getFileName() != null && isPostName(file.getFileName().toString());
    }

    private static boolean isPostName(String written) {
        if (written.startsWith(".")) {
            return false;
        }
        String name = written.toLowerCase(Locale.ROOT);
        int stem;
        if (name.endsWith(".md")) {
            stem = name.length() - 3;
        } else if (name.endsWith(".markdown")) {
            stem = name.length() - 9;
        } else {
            return false;
        }
        // The stem is not cut out to be compared: this is asked of every file of the blog.
        return !(stem == 6 && name.startsWith("readme"));
    }
}
