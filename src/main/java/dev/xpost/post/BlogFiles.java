package dev.xpost.post;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which files of a blog xpost may read and send: a post or an image is read only when its real path (every symbolic
 * link resolved) is inside one of the allowed folders and is not a secret file. Whatever is read may end up on a
 * platform, so a link such as {@code posts/p.md -> ../.env} or {@code img/a.png -> /home/me/.ssh/id_rsa} committed
 * by someone else must never be followed out.
 */
public final class BlogFiles implements java.io.Closeable {
    /** Rule id of a file whose real path is outside the blog folder. */
    public static final String OUTSIDE_BLOG = "outside-blog";
    /** Rule id of a file that is, or links to, a secret file ({@code .env}, {@code .env.*}). */
    public static final String SECRET_FILE = "secret-file";

    /**
     * Why a file may not be read.
     *
     * @param rule    {@link #OUTSIDE_BLOG} or {@link #SECRET_FILE}
     * @param message for the user; names the file as shown and, for a link, where it points
     */
    public record Refusal(String rule, String message) {
    }

    private final Path blog;
    private final List<Path> allowed;

    /**
     * Each allowed folder's device and inode ({@code fileKey}), taken with its real path when this was made: a handle
     * on an allowed folder, opened by its path, must be that very folder. (Its path's parts are followed when it is
     * opened; the attack review swapped the posts folder and a link to an outside folder in a loop, and a handle won
     * in one swap read the whole outside folder for the rest of the run.)
     */
    private final java.util.Map<Path, Object> rootKeys;

    /** {@link #allowsFolder} of each folder asked, once per folder per run (a blog's posts share a few folders). */
    private final java.util.Map<Path, Boolean> folders = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The folders {@link #open} opened, each as a handle on the folder itself (a directory file descriptor), or
     * {@link #NOT_OPENED}; at most {@link #MAX_OPEN_FOLDERS} handles, closed by {@link #close}.
     */
    private final java.util.Map<Path, Object> opened = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger handles = new java.util.concurrent.atomic.AtomicInteger();
    private static final Object NOT_OPENED = new Object();

    /**
     * Folder handles kept open at once, each two file descriptors (the JDK's and the one its listing would use): a
     * blog of page bundles (a folder per post) would otherwise hold two per post, and a low limit of open files
     * (ulimit -n 128) failed every read, and 16 handles still failed some at ulimit -n 40, where the old way did not;
     * the files of later folders are checked by their real paths, as without handles. A blog keeps its posts in a
     * few folders (one, or one a year).
     */
    static final int MAX_OPEN_FOLDERS = 8;

    /**
     * @param blog  the blog folder, named in messages
     * @param roots the folders a file's real path may be in (the blog folder; for posts also the configured posts
     *              folder, which the owner may keep elsewhere or link in)
     */
    public BlogFiles(Path blog, Path... roots) {
        this.blog = blog.toAbsolutePath().normalize();
        List<Path> real = new ArrayList<>();
        for (Path r : roots) {
            real.add(realOrNormal(r));
        }
        this.allowed = List.copyOf(real);
        java.util.Map<Path, Object> keys = new java.util.HashMap<>();
        for (Path r : allowed) {
            try {
                Object key = Files.readAttributes(r, java.nio.file.attribute.BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).fileKey();
                if (key != null) {
                    keys.put(r, key);
                }
            } catch (IOException | RuntimeException e) {
                // not there (yet): no handle is made from it
            }
        }
        this.rootKeys = java.util.Map.copyOf(keys);
    }

    /**
     * True for the names secrets are kept under, never a post or an image: {@code .env}, {@code .env.<anything>},
     * an editor's backup of it ({@code .env~}), direnv's {@code .envrc}, and {@code <anything>.env}
     * ({@code prod.env}). Case is ignored (a case-insensitive file system opens {@code .ENV} as {@code .env}).
     */
    public static boolean isSecretName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        return n.equals(".env") || n.startsWith(".env.") || n.startsWith(".env~") || n.equals(".envrc")
                || n.endsWith(".env");
    }

    /**
     * Checks one file before it is read.
     *
     * @param file   the file as found (absolute or relative to the working folder)
     * @param shown  how messages name it
     * @return empty when it may be read, or when it does not exist (the reader reports that)
     */
    public Optional<Refusal> check(Path file, String shown) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean secret = isSecretName(file) || isSecretName(real);
        if (!secret && allowed.stream().anyMatch(real::startsWith)) {
            return Optional.empty();
        }
        // Only a refusal needs to know whether a link led here (a blog of 10,000 posts is checked on every run).
        Path abs = file.toAbsolutePath().normalize();
        boolean link = Files.isSymbolicLink(file) || abs.getParent() != null
                && !real.equals(realOrNormal(abs.getParent()).resolve(abs.getFileName()));
        String points = link ? " is a symbolic link to " + real + ", which" : "";
        if (secret) {
            return Optional.of(new Refusal(SECRET_FILE, shown + points + " is " + real.getFileName()
                    + ", the file that holds your tokens: xpost never reads it as a post or an image, or it would "
                    + "publish your secrets; remove the link or point it at the real file"));
        }
        return Optional.of(new Refusal(OUTSIDE_BLOG, shown + points + " is"
                + " outside the blog folder " + blog + ": xpost reads only files inside it (what it reads may be "
                + "published, and a CI checkout has nothing else); copy the file into the blog instead of linking it"));
    }

    /**
     * True when the real path of {@code folder} (every symbolic link resolved) is inside an allowed folder: the files
     * directly in it are then inside too, unless they are links themselves.
     */
    public boolean allowsFolder(Path folder) {
        try {
            Path real = folder.toRealPath();
            return allowed.stream().anyMatch(real::startsWith);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * True when {@code file}, known to be a regular file and not a symbolic link (an lstat said so), is one xpost may
     * read: its name is not a secret's and its folder is allowed ({@link #allowsFolder}, asked once per folder). What
     * {@link #check} answers for such a file, for one system call per folder instead of one per part of every file's
     * path. For a {@link ReadCache} hit, where the file is not opened: its front matter is what a read of the same
     * file (device, inode, size and times) found before; a file that is opened goes through {@link #open}.
     */
    public boolean allowsRegularFile(Path file) {
        if (isSecretName(file)) {
            return false;
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null && folders.computeIfAbsent(parent, this::allowsFolder);
    }

    /**
     * Opens {@code file} for reading when it may be read, without resolving its real path: through a handle on its
     * folder, made once per folder a run by opening each folder from the allowed folder that holds its real path down
     * to it, each relative to the one above and without following a link (openat with O_NOFOLLOW), and with
     * {@link LinkOption#NOFOLLOW_LINKS} for the file itself. So what is opened is a plain file reached from an allowed
     * folder through no link at the moment each part was opened: a folder swapped for a link (or two folders swapped)
     * during the run is never followed out of the blog by a handle, and renaming the folder afterwards does not move
     * the handle to another one. (An inode comparison of the handle and the folder's real path was not enough: the
     * real path was followed again when it was stat'ed; the attack review read outside files through it with a loop
     * swapping a folder and a link.) This refuses at least what {@link #check} refuses, for one system call per
     * file where realpath(3) made one per component of its path (50,000 posts: 250,000 readlink calls, about 0.4 s
     * of each run that reads the files, perf and strace).
     *
     * @param knownRegular true when an lstat just said the file is a regular file (the walk's); otherwise it is
     *                     stat'ed first, as opening a FIFO would block the run
     * @return an open channel, or null when this way does not apply (a secret's name, a link, not a regular file, a
     *         folder not allowed or without such handles on this system, {@link #MAX_OPEN_FOLDERS} folders already
     *         open, a file that could not be opened): then {@link #check} the file and open it as usual, which also
     *         says why
     */
    public java.nio.channels.SeekableByteChannel open(Path file, boolean knownRegular) {
        Path name = file.getFileName();
        if (name == null || isSecretName(file) || hasDotDot(file)) {
            return null;
        }
        Path parent = file.toAbsolutePath().getParent();
        Object folder = parent == null ? NOT_OPENED : opened.computeIfAbsent(parent, this::openFolder);
        if (!(folder instanceof SecureDirectoryStream)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        SecureDirectoryStream<Path> handle = (SecureDirectoryStream<Path>) folder;
        try {
            if (!knownRegular && !isDirectoryOrFile(handle, name, false)) {
                return null;
            }
            return handle.newByteChannel(name, OPEN_NO_FOLLOW);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final java.util.Set<java.nio.file.OpenOption> OPEN_NO_FOLLOW = java.util.Set.of(
            java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /** A path through {@code ..} is resolved as the file system does it, by {@link #check}, never by a handle. */
    private static boolean hasDotDot(Path file) {
        for (Path part : file) {
            if (part.toString().equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code name} in the handle's folder is, not following a link, a folder (or a regular file). */
    private static boolean isDirectoryOrFile(SecureDirectoryStream<Path> handle, Path name,
            boolean directory) throws IOException {
        java.nio.file.attribute.BasicFileAttributes a = handle.getFileAttributeView(name,
                java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
        return directory ? a.isDirectory() : a.isRegularFile();
    }

    /**
     * A handle on {@code folder} opened from the allowed folder that holds its real path, part by part, or
     * {@link #NOT_OPENED}. Each part is stat'ed (not following a link) before it is opened, as opening a FIFO in a
     * folder's place would block the run (the JDK opens a folder without O_DIRECTORY): only one swapped in between
     * the two can still make it wait.
     */
    private Object openFolder(Path folder) {
        if (handles.incrementAndGet() > MAX_OPEN_FOLDERS) {
            handles.decrementAndGet();
            return NOT_OPENED;
        }
        SecureDirectoryStream<Path> at = null;
        boolean keep = false;
        try {
            Path real = folder.toRealPath();
            // The deepest allowed folder that holds it: the fewest parts to open.
            Path root = allowed.stream().filter(real::startsWith)
                    .max(java.util.Comparator.comparingInt(Path::getNameCount)).orElse(null);
            if (root == null || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                return NOT_OPENED;
            }
            DirectoryStream<Path> top = Files.newDirectoryStream(root);
            if (!(top instanceof SecureDirectoryStream<Path> secure)) {
                closeQuietly(top);
                return NOT_OPENED;
            }
            at = secure;
            Object key = at.getFileAttributeView(java.nio.file.attribute.BasicFileAttributeView.class)
                    .readAttributes().fileKey();
            if (key == null || !key.equals(rootKeys.get(root))) {
                return NOT_OPENED;   // not the allowed folder this was made with (swapped since, or gone)
            }
            Path below = root.relativize(real);
            // The folder is the allowed folder itself (the posts folder, usually) when nothing is below it: an empty
            // path, which still iterates as one empty name.
            for (Path part : below.toString().isEmpty() ? List.<Path>of() : below) {
                if (!isDirectoryOrFile(at, part, true)) {
                    return NOT_OPENED;
                }
                SecureDirectoryStream<Path> next = at.newDirectoryStream(part, LinkOption.NOFOLLOW_LINKS);
                closeQuietly(at);
                at = next;
            }
            keep = true;
            return at;
        } catch (IOException | RuntimeException e) {
            return NOT_OPENED;
        } finally {
            if (!keep) {
                handles.decrementAndGet();
                closeQuietly(at);
            }
        }
    }

    private static void closeQuietly(java.io.Closeable handle) {
        if (handle != null) {
            try {
                handle.close();
            } catch (IOException e) {
                // a directory handle: nothing was written through it
            }
        }
    }

    /** Closes the folder handles {@link #open} made; a later {@link #open} makes them anew. */
    @Override
    public void close() {
        for (Path folder : List.copyOf(opened.keySet())) {
            if (opened.remove(folder) instanceof java.io.Closeable handle) {
                handles.decrementAndGet();
                closeQuietly(handle);
            }
        }
    }

    /** The real path when the file exists, so that a blog reached through a link still contains its own files. */
    private static Path realOrNormal(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            // Not there yet: compare with the nearest existing parent's real path.
            Path parent = abs.getParent();
            return parent == null || parent.equals(abs) ? abs : realOrNormal(parent).resolve(abs.getFileName());
        }
    }
}
