package dev.xpost.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which files of a blog xpost may read and send: a post or an image is read only when its real path (every symbolic
 * link resolved) is inside one of the allowed folders and is not a secret file. Whatever is read may end up on a
 * platform, so a link such as {@code posts/p.md -> ../.env} or {@code img/a.png -> /home/me/.ssh/id_rsa} committed
 * by someone else must never be followed out.
 */
public final class BlogFiles {
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
    }

    /** True for {@code .env} and {@code .env.<anything>}: where secrets are kept, never a post or an image. */
    public static boolean isSecretName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String written = name.toString();
        if (!written.startsWith(".")) {
            // Asked twice of every post of every run; lower-casing keeps a first character that is no dot.
            return false;
        }
        String n = written.toLowerCase(Locale.ROOT);
        return n.equals(".env") || n.startsWith(".env.");
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
            real = realPath(file);
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
     * {@code file.toRealPath()}. A file that is no link is its folder's real path and its name: the folder is
     * resolved once for all its files (50,000 posts in one folder: one look at each file instead of one at each
     * part of its path, 200,000 system calls fewer a run). Anything else asks the system.
     *
     * @throws IOException when the file does not exist or cannot be looked at, as {@code toRealPath} does
     */
    private Path realPath(Path file) throws IOException {
        Path parent = file.getParent();
        Path name = file.getFileName();
        if (parent == null || name == null || name.toString().equals(".") || name.toString().equals("..")) {
            return file.toRealPath();
        }
        if (Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink()) {
            return file.toRealPath();
        }
        Path folder = realFolders.get(parent);
        if (folder == null) {
            folder = parent.toRealPath();
            if (realFolders.size() < FOLDERS_KEPT) {
                realFolders.put(parent, folder);
            }
        }
        return folder.resolve(name);
    }

    /** The real path of each folder a checked file was in, by the folder as named; bounded. */
    private final Map<Path, Path> realFolders = new ConcurrentHashMap<>();
    private static final int FOLDERS_KEPT = 4096;

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
