package dev.xpost.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
     * The post files under the roots, sorted by path and without duplicates.
     *
     * @throws NoSuchFileException when a root does not exist
     * @throws IOException         when a folder cannot be read
     */
    public static List<Path> find(List<Path> roots) throws IOException {
        List<Found> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new NoSuchFileException(root.toString(), null, "no such file or folder");
            }
            if (Files.isDirectory(root)) {
                walk(root, found);
            } else {
                found.add(new Found(key(root.toString()), root));
            }
        }
        // Sorted by path in two steps, for the 50,000 files of a large blog (issue 15): first by the UTF-8 bytes
        // of each path's text, eight bytes at a time, then by Path's own order, which then only confirms what is in
        // order (one comparison a file) and puts right whatever the two orders disagree on (names that are not
        // UTF-8): the result is Path's order either way, in a fraction of the comparisons of the byte at a time.
        found.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        List<Path> sorted = new ArrayList<>(found.size());
        for (Found f : found) {
            sorted.add(f.path());
        }
        sorted.sort(null);
        if (roots.size() < 2) {
            // One folder's walk never gives a path twice (nor two paths to one normalised path).
            return sorted;
        }
        Set<Path> seen = new HashSet<>();
        List<Path> unique = new ArrayList<>(sorted.size());
        for (Path path : sorted) {
            if (seen.add(path.toAbsolutePath().normalize())) {
                unique.add(path);
            }
        }
        return unique;
    }

    /** A file found, with its path's text as UTF-8 bytes to sort by. */
    private record Found(byte[] key, Path path) {
    }

    private static byte[] key(String path) {
        return path.getBytes(StandardCharsets.UTF_8);
    }

    private static void walk(Path root, List<Found> found) throws IOException {
        // The text of the folder being walked (a file visited is in the innermost one), so that a file's key is
        // made from it and the file's name: asking the file's path for its text would keep that text in the path,
        // which the post holds for the whole run.
        Deque<String> folders = new ArrayDeque<>();
        // FOLLOW_LINKS so that a linked posts folder is read; the walker reports loops, which are skipped.
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root) && isHidden(dir)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        String text = dir.toString();
                        folders.push(text.isEmpty() || text.endsWith("/") ? text : text + "/");
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        folders.pop();
                        return super.postVisitDirectory(dir, e);
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        String name = file.getFileName().toString();
                        if (isPostName(name)) {
                            found.add(new Found(key(folders.peek() + name), file));
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
        String stem;
        if (name.endsWith(".md")) {
            stem = name.substring(0, name.length() - 3);
        } else if (name.endsWith(".markdown")) {
            stem = name.substring(0, name.length() - 9);
        } else {
            return false;
        }
        return !stem.equals("readme");
    }
}
