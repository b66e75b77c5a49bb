package dev.xpost.app;

import dev.xpost.config.Config;
import dev.xpost.config.ConfigException;
import dev.xpost.platform.PlatformModule;
import dev.xpost.platform.PlatformModules;
import dev.xpost.post.BlogFiles;
import dev.xpost.post.ImageFiles;
import dev.xpost.post.Post;
import dev.xpost.post.PostFinder;
import dev.xpost.post.PostReader;
import dev.xpost.post.Problem;
import dev.xpost.post.ReadCache;
import dev.xpost.post.ReadResult;
import dev.xpost.post.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The posts of one run: every file found under the given paths (default: the configured posts folder), read and
 * checked. Reading is parallel because a large blog is thousands of small files and the JVM has two cores to use.
 *
 * @param results  one per named file (every file when none is named), in path order
 * @param problems every problem of the named files (reader's and rules'), sorted by file and line
 * @param errors   the first error of each file that has one, by file: asked once per post by plan and publish,
 *                 so it is indexed rather than searched for in every problem each time
 * @param everyPost every post of the blog, named or not: what the blog-wide rules (series order, unique slugs,
 *                 identity) are judged against
 */
public record Blog(List<ReadResult> results, List<Problem> problems, Map<Path, String> errors, List<Post> everyPost) {

    /**
     * Reads the whole blog (the posts folder, plus any named file outside it) and judges every rule against all of
     * it, then keeps the results and problems of the named files only: paths select what to act on, they never
     * shrink what a rule sees (a slug another post uses, the part before this one, a cuid).
     *
     * @param paths files or folders to act on; null or empty for the whole posts folder
     */
    public static Blog load(Config config, Path cwd, List<Path> paths) {
        return load(config, cwd, paths, Map.of());
    }

    /**
     * @param secrets the secrets this run knows, by name ({@code HASHNODE_TOKEN} → its value; environment and
     *                {@code .env}, see {@link Services#knownSecretsByName}): a post that contains a value is an
     *                error {@code secret-in-post} naming the secret, since publishing it would publish the token
     *                (the dry run masks it, the real request would not)
     */
    public static Blog load(Config config, Path cwd, List<Path> paths, Map<String, String> secrets) {
        return load(config, cwd, paths, secrets, null);
    }

    /**
     * @param unchanged asked of each named post by its front matter alone (body not in memory): "is it known
     *                  unchanged since it was sent?" ({@link SourceDigest#knownUnchanged}). Such a post's body is
     *                  not decoded, scanned or judged (control characters, local images, size limits, secrets in
     *                  the body): it was when it was sent, and {@code validate}, which passes null, judges every
     *                  body. Its front matter and the blog-wide rules are judged as for any post. Null: every named
     *                  post is read fully. Posts not named (paths given) are read by their front matter alone
     *                  whenever possible: only the blog-wide rules see them.
     */
    public static Blog load(Config config, Path cwd, List<Path> paths, Map<String, String> secrets,
            Predicate<Post> unchanged) {
        return load(config, cwd, paths, secrets, unchanged, null);
    }

    /**
     * @param cache where a post read by its front matter alone may be answered from without opening its file, and
     *              is kept for the next run ({@link ReadCache}; its write starts here, once every file is read,
     *              and the caller waits for it with {@link ReadCache#awaitSaved}); null to read every file. Only
     *              such posts use it: a post read fully never does.
     */
    public static Blog load(Config config, Path cwd, List<Path> paths, Map<String, String> secrets,
            Predicate<Post> unchanged, ReadCache cache) {
        boolean all = paths == null || paths.isEmpty();
        List<Path> named = new ArrayList<>();
        if (!all) {
            for (Path p : paths) {
                named.add(cwd.resolve(p).normalize());
            }
        }
        List<Path> files;
        Set<Path> selected = null;
        try {
            List<Path> roots = new ArrayList<>(named);
            if (all || Files.isDirectory(config.postsDir())) {
                roots.add(0, config.postsDir());
            }
            if (!all) {
                selected = new HashSet<>();
                for (Path f : PostFinder.find(named)) {
                    selected.add(f.toAbsolutePath().normalize());
                }
            }
            PostFinder.Found found = PostFinder.findAll(roots);
            files = found.files();
            if (cache != null) {
                cache.walked(found);
            }
            if (selected != null) {
                // A file named by another of its paths (through a link) is selected by the path that is kept.
                for (Map.Entry<Path, List<Path>> alias : found.aliases().entrySet()) {
                    for (Path other : alias.getValue()) {
                        if (selected.contains(other.toAbsolutePath().normalize())) {
                            selected.add(alias.getKey().toAbsolutePath().normalize());
                        }
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException("no such file or folder: " + display(cwd, Path.of(e.getFile()))
                    + (all ? " (the posts folder; set `posts:` in config/xpost.yaml)" : ""));
        } catch (IOException e) {
            throw new ConfigException("cannot list posts: " + e.getMessage());
        }
        Set<Path> chosen = selected;
        PostReader reader = new PostReader(config.timezone());
        ImageFiles images = new ImageFiles(cwd, config.root(), config.postsDir());
        // A platform that caps its request size checks each post that targets it; with no config yet, every one
        // does, so that `validate` in a fresh folder already says what would not fit.
        List<PlatformModule> capped = PlatformModules.all().stream()
                .filter(m -> config.platforms().isEmpty() || config.platforms().contains(m.name())).toList();
        List<Map.Entry<String, String>> tokens = secrets.entrySet().stream()
                .filter(t -> t.getValue() != null && t.getValue().length() >= 8).toList();
        // Every rule that needs a body is judged right after its read, while the body is still in the CPU's cache;
        // then the body is let go (it is read again from the file when a renderer needs it), so that a run over
        // 50,000 posts holds front matter, not 50,000 bodies. Drafts may point at pictures not drawn yet; what goes
        // out must have them.
        Map<Path, Path> shownFolders = new ConcurrentHashMap<>();
        List<Read> reads;
        // Closed once every file is read: it holds handles on the folders read from (BlogFiles#open).
        try (BlogFiles allowed = new BlogFiles(config.root(), config.root(), config.postsDir())) {
            reads = files.parallelStream()
                    .map(f -> {
                        boolean acted = chosen == null || chosen.contains(f.toAbsolutePath().normalize());
                        boolean[] headOnly = {false};
                        Path shown = relativeTo(cwd, f, shownFolders);
                        ReadResult r = acted && unchanged == null ? reader.read(f, shown, allowed)
                                : reader.read(f, shown, allowed, p -> headOnly[0] = !acted || unchanged.test(p),
                                        cache);
                        Post p = r.post();
                        List<Problem> found = List.of();
                        if (acted && p != null && p.publishable() && headOnly[0]) {
                            if (!tokens.isEmpty()) {
                                found = secretsIn(p, tokens, false);
                            }
                        } else if (acted && p != null && p.publishable()) {
                            found = new ArrayList<>(images.problems(p));
                            for (PlatformModule m : capped) {
                                if (p.targets(m.name())) {
                                    m.sizeProblem(p).ifPresent(found::add);
                                }
                            }
                            if (!tokens.isEmpty()) {
                                found.addAll(secretsIn(p, tokens, true));
                            }
                        }
                        return new Read(p == null ? r : new ReadResult(r.file(), p.withoutBody(), r.problems()),
                                found, acted);
                    })
                    .toList();
        }
        if (cache != null) {
            // Written while the run goes on; the caller waits for it (ReadCache#awaitSaved) before it ends.
            cache.startSave();
        }
        List<Post> everyPost = reads.stream().map(r -> r.result().post()).filter(Objects::nonNull).toList();
        List<ReadResult> results = reads.stream().filter(Read::acted).map(Read::result).toList();
        // Every file is shown when none is named: then every post a rule can name is, and no set of them is made.
        Set<Path> shown = chosen == null ? null : new HashSet<>();
        if (shown != null) {
            results.forEach(r -> shown.add(r.file()));
        }
        List<Problem> problems = new ArrayList<>();
        reads.stream().filter(Read::acted).forEach(r -> {
            problems.addAll(r.result().problems());
            problems.addAll(r.found());
        });
        Rules.check(everyPost, Platforms.known()).stream().filter(p -> shown == null || shown.contains(p.file()))
                .forEach(problems::add);
        problems.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
        Map<Path, String> errors = new HashMap<>();
        problems.stream().filter(Problem::isError).forEach(p -> errors.putIfAbsent(p.file(), p.message()));
        return new Blog(results, List.copyOf(problems), Map.copyOf(errors), everyPost);
    }

    /**
     * Each secret whose value a post holds, as an error that names it and never quotes it, at the first place that
     * holds it (the body's line, else the front matter field's): every one of them is to be revoked.
     *
     * @param body false to look at the front matter only (a post known unchanged, whose body is not read)
     */
    private static List<Problem> secretsIn(Post p, List<Map.Entry<String, String>> tokens, boolean body) {
        String[][] fields = {{"title", p.title()}, {"subtitle", p.subtitle()}, {"canonical", p.canonical()},
            {"cover", p.cover()}, {"ogImage", p.ogImage()}, {"seoTitle", p.seoTitle()},
            {"seoDescription", p.seoDescription()}, {"linkedin", p.linkedinText()}, {"slug", p.slug()},
            {"series", p.series()}};
        List<Problem> found = new ArrayList<>();
        for (Map.Entry<String, String> token : tokens) {
            String value = token.getValue();
            int at = body && p.body() != null ? p.body().indexOf(value) : -1;
            if (at >= 0) {
                // The line that holds it: a long post's first line would leave the author searching.
                found.add(secretProblem(p, "the body holds", lineOf(p.body(), at, p.bodyLine()), token.getKey()));
                continue;
            }
            String where = null;
            String field = null;
            for (String[] f : fields) {
                if (f[1] != null && f[1].contains(value)) {
                    where = (f[0].equals("linkedin") ? "the LinkedIn text (linkedin:)" : "the " + f[0]) + " holds";
                    field = f[0];
                    break;
                }
            }
            if (where == null && p.tags() != null && tagsHold(p.tags(), value)) {
                where = "the tags hold";
                field = "tags";
            }
            if (where != null) {
                found.add(secretProblem(p, where, Math.max(1, p.line(field)), token.getKey()));
            }
        }
        return found;
    }

    /** The secret's name, never its value: which one to revoke. */
    private static Problem secretProblem(Post p, String where, int line, String name) {
        return Problem.error(p.file(), line, "secret-in-post", where + " the value of " + name
                + " (from the environment or .env): publishing it would publish that secret. Remove it, and revoke "
                + name + " if it was ever pushed");
    }

    /** The file line of {@code index} in {@code text}, whose first line is line {@code firstLine} of the file. */
    private static int lineOf(String text, int index, int firstLine) {
        int line = firstLine;
        for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    /**
     * Whether the tags joined by spaces hold {@code value}: without joining them for every post of every run, unless
     * the value holds a space (and could span two tags).
     */
    private static boolean tagsHold(List<String> tags, String value) {
        if (value.indexOf(' ') >= 0) {
            return String.join(" ", tags).contains(value);
        }
        for (String tag : tags) {
            if (tag.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private record Read(ReadResult result, List<Problem> found, boolean acted) {
    }

    public List<Post> posts() {
        return results.stream().map(ReadResult::post).filter(Objects::nonNull).toList();
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    /** The first error of a file, if it has one: such a post is not published, whatever else is. */
    public Optional<String> firstError(Path file) {
        return Optional.ofNullable(errors.get(file));
    }

    /**
     * {@link #relativeTo(Path, Path)} made from the file's folder as shown, worked out once for all the files in it
     * ({@code folders}) and the file's name: 50,000 posts of one folder make the folder's absolute, normal and
     * relative paths once, not 50,000 times.
     */
    static Path relativeTo(Path cwd, Path file, Map<Path, Path> folders) {
        Path parent = file.getParent();
        Path name = file.getFileName();
        if (parent == null || name == null || name.toString().equals(".") || name.toString().equals("..")) {
            return relativeTo(cwd, file);
        }
        return folders.computeIfAbsent(parent, folder -> relativeTo(cwd, folder)).resolve(name);
    }

    /** Files are shown relative to where the user stands, as a compiler does. */
    static Path relativeTo(Path cwd, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }

    private static String display(Path cwd, Path p) {
        return relativeTo(cwd, cwd.resolve(p)).toString();
    }
}
