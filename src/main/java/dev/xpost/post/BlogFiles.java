package dev.xpost.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
