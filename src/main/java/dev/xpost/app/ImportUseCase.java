package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.config.Secrets;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.hashnode.ExportedPost;
import dev.xpost.platform.hashnode.HashnodeClient;
import dev.xpost.platform.hashnode.HashnodeState;
import dev.xpost.platform.hashnode.PostInput;
import dev.xpost.platform.hashnode.Publication;
import dev.xpost.platform.hashnode.PublicationRef;
import dev.xpost.post.Post;
import dev.xpost.post.PostReader;
import dev.xpost.post.Problem;
import dev.xpost.post.ReadResult;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.StateLock;
import dev.xpost.state.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code xpost import hashnode}: moves a blog that lives on Hashnode into files. Every published post of the
 * publication becomes one file in the seed format of Hashnode's backups ({@link BackupFormat}), and is recorded in
 * the state file as published and in sync, so that {@code xpost plan} right after an import has nothing to do on
 * Hashnode. Costs one read for the publication and one per 100 posts; nothing is written to Hashnode.
 *
 * <p>A post in a series gets {@code part: N}, its place among the publication's posts of that series ordered by
 * publish time (then slug). The listing holds every published post, so this is the order of {@code series.posts}
 * by date without asking Hashnode once per series.
 *
 * <p>An existing file is never overwritten unless asked: a post whose slug (or cuid) is already in the posts folder
 * is skipped and left unrecorded (the next publish adopts it as usual); with {@code overwrite} that file is
 * rewritten where it is, so the blog never ends up with two files for one slug.
 */
public final class ImportUseCase {
    /**
     * @param publication the blog host or publication id; null for {@code hashnode.publication} of the config
     * @param into        the folder for new files, relative to the working folder; null for the posts folder
     * @param overwrite   rewrite files that already hold one of the posts
     */
    public record Request(String publication, Path into, boolean overwrite) {
    }

    /** One post written to a file (shown relative to the working folder). */
    public record Written(String slug, Path file) {
    }

    /** One post not written, and why. */
    public record Skipped(String slug, Path file, String why) {
    }

    /**
     * @param publication the publication as Hashnode named it
     * @param into        where new files went (relative to the working folder)
     * @param problems    what reading a written file back reported (an import should leave none)
     * @param refused     posts not written because the file name their slug makes is unsafe (a path out of the
     *                    folder, a hidden or reserved name) or because the file there is a symbolic link; their
     *                    {@code file} is null when no file name could be made
     */
    public record Result(Publication publication, Path into, List<Written> written, List<Skipped> skipped,
            List<Problem> problems, Path stateFile, List<Skipped> refused) {
    }

    /** A progress line is worth printing only when the listing takes more than one page. */
    static final int PROGRESS_EVERY = 100;

    private final Services services;

    public ImportUseCase(Services services) {
        this.services = services;
    }

    public Result run(Request req, Consumer<String> progress) {
        Config config = services.config();
        String configured = config.hashnode() == null ? null : config.hashnode().publication();
        String given = req.publication() != null ? req.publication() : configured;
        if (given == null || given.isBlank()) {
            throw new ConfigException("which publication? Give it with --publication myblog.hashnode.dev (the blog "
                    + "host, or the publication id), or set hashnode.publication in config/xpost.yaml");
        }
        PublicationRef ref = PublicationRef.parse(given);
        String token = services.secrets().get(Secrets.HASHNODE_TOKEN).orElseThrow(() -> new PlatformException(
                HashnodeClient.PLATFORM, PlatformException.Kind.AUTH, "HASHNODE_TOKEN is not set, and reading a "
                + "publication's posts needs it. Create a personal access token at https://hashnode.com/settings/"
                + "developer and put it in .env as HASHNODE_TOKEN=… (or in the environment). Hashnode's API also "
                + "needs a Pro plan on the publication"));
        HashnodeClient client = new HashnodeClient(services.http(),
                HashnodeClient.endpoint(config.hashnode() == null ? null : config.hashnode().endpoint()), token,
                services.backoff(), services.clock());
        Publication publication = client.publication(ref);
        Progress reading = Progress.startingNow();
        List<ExportedPost> posts = client.exportPosts(publication, (soFar, total) -> {
            if (total != null && total > PROGRESS_EVERY) {
                progress.accept(reading.line("read", soFar, total, " from " + publication.host()));
            }
        });
        Path into = req.into() == null ? config.postsDir() : services.cwd().resolve(req.into()).normalize();
        // The host remembered in the state file must be the configured value, or the next run resolves it again.
        String remembered = configured != null && PublicationRef.parse(configured).equals(ref) ? configured : given;
        try (StateLock lock = StateLock.acquire(config.stateFile(), PublishUseCase.LOCK_WAIT)) {
            return write(config, publication, remembered, posts, into, req.overwrite(), progress);
        }
    }

    private Result write(Config config, Publication publication, String remembered, List<ExportedPost> posts,
            Path into, boolean overwrite, Consumer<String> progress) {
        Existing existing = Existing.read(config, services.cwd(), into);
        Map<String, Integer> parts = seriesParts(posts);
        StateStore store = services.stateStore();
        State state = ReadOnlySession.withAccount(ReadOnlySession.withAccount(store.load(),
                HashnodeState.PUBLICATION_ID, publication.id()), HashnodeState.PUBLICATION_HOST, remembered);
        PostReader reader = new PostReader(config.timezone());
        Instant now = services.clock().instant();
        List<Written> written = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Skipped> refused = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<ExportedPost> ordered = new ArrayList<>(posts);
        ordered.sort(Comparator.comparing((ExportedPost p) -> p.publishedAt() == null ? Instant.MAX : p.publishedAt())
                .thenComparing(ExportedPost::slug));
        // Put into the state at once at the end: one record at a time copied the whole state per post.
        List<State.Change> recorded = new ArrayList<>();
        Progress writing = Progress.startingNow();
        int done = 0;
        try {
            for (ExportedPost p : ordered) {
                Path held = existing.fileOf(p);
                String unsafe = held != null ? null : unsafeFileName(p.slug());
                Path target = unsafe != null ? null : held != null ? held : into.resolve(p.slug() + ".md").normalize();
                if (unsafe == null && held == null && !into.equals(target.getParent())) {
                    unsafe = "it would make a file outside " + shown(into);
                }
                if (unsafe != null) {
                    // The slug comes from the platform: it names a file only when it cannot lead anywhere else.
                    refused.add(new Skipped(p.slug(), null, "its slug cannot be a file name: " + unsafe
                            + "; nothing was written for it"));
                } else if (Files.isSymbolicLink(target)) {
                    refused.add(new Skipped(p.slug(), shown(target), "that file is a symbolic link, and xpost "
                            + "never writes through one; replace the link by a file to import this post"));
                } else if (!overwrite && (held != null || Files.exists(target))) {
                    skipped.add(new Skipped(p.slug(), shown(target), held != null
                            ? "already there" : "a file of that name is already there"));
                } else {
                    writeFile(target, BackupFormat.render(p, parts.get(p.id())), written.size());
                    ReadResult back = reader.read(target, shown(target));
                    problems.addAll(back.problems());
                    Post post = back.post();
                    if (post != null && post.slug() != null) {
                        // The hash of the file as xpost reads it: a plan right after the import says "unchanged".
                        PlatformRecord record = PlatformRecord.published(p.id(), p.url(), PostInput.contentHash(post),
                                now).withExt(new HashnodeState(p.cuid(), p.slug(), publication.id()).ext());
                        recorded.add(new State.Change(post.slug(), config.fileKey(target), Config.HASHNODE,
                                record));
                    }
                    written.add(new Written(p.slug(), shown(target)));
                }
                done++;
                if (ordered.size() > PROGRESS_EVERY && done % PROGRESS_EVERY == 0) {
                    progress.accept(writing.line("imported", done, ordered.size(), ""));
                }
            }
        } finally {
            // Whatever was written is recorded, even when a later file could not be.
            store.save(state.withRecords(recorded));
        }
        return new Result(publication, shown(into), written, skipped, problems, shown(config.stateFile()),
                refused);
    }

    /** Names Windows reserves in every folder, whatever the extension (a clone there could not check them out). */
    private static final java.util.regex.Pattern RESERVED = java.util.regex.Pattern.compile(
            "(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    /**
     * Why {@code slug + ".md"} is not a safe file name in the import folder, or null when it is: it must be one
     * plain name (no separator, not {@code .} or {@code ..}, not hidden: xpost skips hidden files), with no control
     * character or character Windows refuses, not a reserved device name, and at most 255 bytes with {@code .md}.
     */
    static String unsafeFileName(String slug) {
        if (slug == null || slug.isBlank()) {
            return "it is empty";
        }
        if (slug.equals(".") || slug.equals("..")) {
            return "\"" + slug + "\" names a folder";
        }
        if (slug.indexOf('/') >= 0 || slug.indexOf('\\') >= 0) {
            return "it contains a path separator (/ or \\)";
        }
        if (slug.chars().anyMatch(c -> c < 0x20 || c >= 0x7f && c <= 0x9f)) {
            return "it contains a control character";
        }
        if (slug.chars().anyMatch(c -> "<>:\"|?*".indexOf(c) >= 0)) {
            return "it contains a character that file names cannot hold on every system (< > : \" | ? *)";
        }
        if (slug.startsWith(".")) {
            return "it starts with a dot, which would make a hidden file that xpost never reads";
        }
        if (slug.endsWith(".") || slug.endsWith(" ") || RESERVED.matcher(slug).matches()) {
            return "\"" + slug + "\" is a file name Windows reserves or changes";
        }
        if ((slug + ".md").getBytes(StandardCharsets.UTF_8).length > 255) {
            return "it is too long for a file name (more than 252 bytes)";
        }
        return null;
    }

    private void writeFile(Path target, String text, int writtenBefore) {
        try {
            Files.createDirectories(target.getParent());
            // NOFOLLOW_LINKS: a link put there since the check is not written through either.
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ConfigException("cannot write " + shown(target) + ": " + e.getMessage()
                    + (writtenBefore == 0 ? "" : " (" + writtenBefore + " files were written and recorded before it; "
                    + "make the folder writable and import again)"));
        }
    }

    /** Post id → its part: the place of the post in its series, by publish time then slug. */
    static Map<String, Integer> seriesParts(List<ExportedPost> posts) {
        Map<String, List<ExportedPost>> bySeries = new HashMap<>();
        for (ExportedPost p : posts) {
            if (p.series() != null && !p.series().isBlank()) {
                bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Integer> parts = new HashMap<>();
        for (List<ExportedPost> series : bySeries.values()) {
            series.sort(Comparator.comparing((ExportedPost p) -> p.publishedAt() == null ? Instant.MAX
                    : p.publishedAt()).thenComparing(ExportedPost::slug));
            for (int i = 0; i < series.size(); i++) {
                parts.put(series.get(i).id(), i + 1);
            }
        }
        return parts;
    }

    private Path shown(Path p) {
        return Blog.relativeTo(services.cwd(), p);
    }

    /** The posts already in the posts folder (and in {@code --into}), by slug and by cuid. */
    private record Existing(Map<String, Path> bySlug, Map<String, Path> byCuid) {
        static Existing read(Config config, Path cwd, Path into) {
            List<Path> roots = new ArrayList<>();
            if (Files.isDirectory(config.postsDir())) {
                roots.add(config.postsDir());
            }
            if (Files.isDirectory(into) && roots.stream().noneMatch(into::startsWith)) {
                roots.add(into);
            }
            Map<String, Path> bySlug = new HashMap<>();
            Map<String, Path> byCuid = new HashMap<>();
            if (!roots.isEmpty()) {
                for (Post p : Blog.load(config, cwd, roots).posts()) {
                    Path abs = cwd.resolve(p.file()).toAbsolutePath().normalize();
                    if (p.slug() != null) {
                        bySlug.putIfAbsent(p.slug(), abs);
                    }
                    if (p.cuid() != null) {
                        byCuid.putIfAbsent(p.cuid(), abs);
                    }
                }
            }
            return new Existing(bySlug, byCuid);
        }

        Path fileOf(ExportedPost p) {
            Path f = bySlug.get(p.slug());
            return f != null ? f : p.cuid() == null ? null : byCuid.get(p.cuid());
        }
    }
}
