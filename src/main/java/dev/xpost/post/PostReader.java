package dev.xpost.post;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reads one post file into a {@link Post}, whatever dialect of front matter it uses (DESIGN.md §3), reporting
 * every oddity as a {@link Problem} that names the file and line. Never throws for bad input. Thread-safe: the
 * CLI reads files in parallel with one reader.
 */
public final class PostReader {
    /** Far above any real post (Hashnode's limit is 100 KB) and far below what would hurt to hold in memory. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    /** Like git: a NUL byte near the start means the file is binary. */
    private static final int BINARY_SNIFF = 8192;

    private final ZoneId zone;

    /** @param zone the zone for publish times written without an offset (config {@code timezone}, default UTC) */
    public PostReader(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Reads and parses a file; problems reading it (missing, unreadable, too large) are reported, not thrown. */
    public ReadResult read(Path file) {
        return read(file, file);
    }

    /**
     * Reads {@code file} but names it {@code shownAs} in the post and every problem: the CLI reads absolute paths
     * and reports them relative to where the user stands.
     */
    public ReadResult read(Path file, Path shownAs) {
        try {
            java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return notRegular(shownAs);
            }
            long size = attributes.size();
            if (size > MAX_BYTES) {
                return tooLarge(shownAs, size);
            }
            return parse(shownAs, Files.readAllBytes(file), file);
        } catch (NoSuchFileException e) {
            return failed(shownAs, Problem.error(shownAs, 0, "read-error", "file not found"));
        } catch (IOException | RuntimeException e) {
            return failed(shownAs, Problem.error(shownAs, 0, "read-error", "cannot read the file: " + e));
        }
    }

    /**
     * As {@link #read(Path, Path)}, but first refuses a file that {@code allowed} says may not be read (a link out of
     * the blog, or to {@code .env}): such a file is not opened at all, and its one problem is an error at line 1.
     */
    public ReadResult read(Path file, Path shownAs, BlogFiles allowed) {
        SeekableByteChannel opened = allowed.open(file, false);
        if (opened == null) {
            java.util.Optional<BlogFiles.Refusal> refused = allowed.check(file, shownAs.toString());
            if (refused.isPresent()) {
                return failed(shownAs, Problem.error(shownAs, 1, refused.get().rule(), refused.get().message()));
            }
            return read(file, shownAs);
        }
        try (SeekableByteChannel channel = opened) {
            long size = channel.size();
            if (size > MAX_BYTES) {
                return tooLarge(shownAs, size);
            }
            // At most one byte past the limit, as the file may grow while it is read.
            byte[] bytes = java.nio.channels.Channels.newInputStream(channel).readNBytes((int) MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? tooLarge(shownAs, bytes.length) : parse(shownAs, bytes, file);
        } catch (IOException | RuntimeException e) {
            return failed(shownAs, Problem.error(shownAs, 0, "read-error", "cannot read the file: " + e));
        }
    }

    /**
     * As {@link #read(Path, Path, BlogFiles)}, but reads only the front matter when that is enough: the file's
     * bytes are read and checked (size and CRC, {@link Post#fileDigest()}) and its front matter is decoded and
     * mapped, and {@code enough} is asked about that post. When it says yes, the body is neither decoded nor
     * scanned (no control-character warnings): the post's body is read again from the file if anything asks for
     * it. When it says no, or the front matter cannot be cut at byte level (no front matter, an unclosed one, bytes
     * that are not UTF-8 in it, a NUL byte near the start), the file is read fully, exactly as the other
     * {@code read} methods do, from the same bytes.
     *
     * @param enough asked at most once, with a post whose body is not in memory; must not ask for its body
     */
    public ReadResult read(Path file, Path shownAs, BlogFiles allowed, Predicate<Post> enough) {
        return read(file, shownAs, allowed, enough, null);
    }

    /**
     * As {@link #read(Path, Path, BlogFiles, Predicate)}, answered from {@code cache} when it holds this file as it
     * is (see {@link ReadCache} for when it may): the post is then made from the cached front matter, exactly as
     * from the file, and the file is not opened. When {@code enough} says no to it, the file is read. A post read
     * by its front matter from the file is kept in the cache for the next run.
     *
     * @param cache null to read every file
     */
    public ReadResult read(Path file, Path shownAs, BlogFiles allowed, Predicate<Post> enough, ReadCache cache) {
        ReadCache.Stat stat = cache == null ? null : cache.stat(file);
        if (stat != null) {
            ReadCache.Entry entry = cache.hit(file, stat, allowed);
            if (entry != null) {
                ReadResult cached = head(shownAs, entry.head(), entry.head().length, stat.size(), entry::check, file,
                        enough);
                if (cached != null) {
                    cache.used(file, entry);
                    return cached;
                }
                // The file holds these bytes: it would be asked again about the same post, and say no again.
                cache.stillTrue(file, entry);
                enough = post -> false;
            }
        }
        // Opened through its folder's checked handle when it can be (BlogFiles#open); else its real path is
        // checked first.
        SeekableByteChannel opened = allowed.open(file, stat != null);
        if (opened == null) {
            java.util.Optional<BlogFiles.Refusal> refused = allowed.check(file, shownAs.toString());
            if (refused.isPresent()) {
                return failed(shownAs, Problem.error(shownAs, 1, refused.get().rule(), refused.get().message()));
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                return notRegular(shownAs);
            }
        }
        byte[] content;
        int length;
        try (SeekableByteChannel channel = opened != null ? opened : Files.newByteChannel(file)) {
            // The size the walk's lstat gave, when there is one, sizes the buffer without another fstat (50,000
            // posts: 50,000 system calls fewer): the loop below reads to the end whatever the file holds now, and
            // refuses it past MAX_BYTES; a size past it is asked of the file itself before refusing.
            long size = stat != null && stat.size() <= MAX_BYTES ? stat.size() : channel.size();
            if (size > MAX_BYTES) {
                return tooLarge(shownAs, size);
            }
            content = size < KEPT_BUFFER ? BUFFER.get() : new byte[(int) size + 1];
            length = 0;
            while (true) {
                if (length > MAX_BYTES) {
                    // It grew past what a post can be while it was read: no need to read the rest to say so.
                    return tooLarge(shownAs, Math.max(length, channel.size()));
                }
                if (length == content.length) {
                    // Longer than its size said (it grows as it is read): read on, as Files.readAllBytes does.
                    content = Arrays.copyOf(content, (int) Math.min(MAX_BYTES + 1, 2L * length));
                }
                int read = channel.read(ByteBuffer.wrap(content, length, content.length - length));
                if (read < 0) {
                    break;
                }
                length += read;
            }
            if (content.length < KEPT_BUFFER && content.length > BUFFER.get().length) {
                BUFFER.set(content);
            }
        } catch (NoSuchFileException e) {
            return failed(shownAs, Problem.error(shownAs, 0, "read-error", "file not found"));
        } catch (IOException | RuntimeException e) {
            return failed(shownAs, Problem.error(shownAs, 0, "read-error", "cannot read the file: " + e));
        }
        ReadResult head = length > MAX_BYTES ? null : head(shownAs, content, length, file, enough);
        if (head == null) {
            return parse(shownAs, Arrays.copyOf(content, length), file);
        }
        if (stat != null) {
            cache.store(file, stat, content, headEnd(content, length), length, head.post().source().check());
        }
        return head;
    }

    /**
     * A FIFO, a device or a folder where a post was: never opened, as opening a FIFO blocks until something writes
     * to it (the run would wait forever, holding the state lock) and a device may never end.
     */
    private static ReadResult notRegular(Path shownAs) {
        return failed(shownAs, Problem.error(shownAs, 0, "read-error", "not a regular file (a FIFO, a device or a "
                + "folder): xpost reads posts from regular files only"));
    }

    /**
     * The bytes of the file each reading thread read last: a post read by its front matter keeps nothing of them
     * (its size and CRC), so its file is read into this rather than into a new array (50,000 posts: 438 MB fewer to
     * allocate and collect). A full read copies them out. Files up to {@link #KEPT_BUFFER} are read here; larger
     * ones into an array of their own, so that no thread keeps a large one for the rest of the run.
     */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[64 * 1024]);
    private static final int KEPT_BUFFER = 1024 * 1024;

    /**
     * The post of {@code content} read by its front matter alone, when {@code enough} says that will do; else
     * null (read it fully). Whatever goes wrong here is left for the full read to report.
     */
    private ReadResult head(Path file, byte[] content, int length, Path readFrom, Predicate<Post> enough) {
        int end = headEnd(content, length);
        if (end < 0) {
            return null;
        }
        if (hasNul(content, Math.min(length, BINARY_SNIFF))) {
            return null;
        }
        return head(file, content, end, length, () -> PostSource.check(content, length), readFrom, enough);
    }

    /**
     * The post of a front matter cut at byte level, when {@code enough} says that will do; else null. Shared by a
     * read of the file and a hit of the {@link ReadCache}, so that both give the same post and problems.
     *
     * @param content holds the file's first {@code end} bytes (at least): the front matter and its fences
     * @param end     where the body starts ({@link #headEnd})
     * @param length  the file's size in bytes
     * @param check   the {@link PostSource} check of all the file's bytes, asked only of a post that will be kept
     */
    private ReadResult head(Path file, byte[] content, int end, long length, java.util.function.LongSupplier check,
            Path readFrom, Predicate<Post> enough) {
        String text = new String(content, 0, end, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            return null;
        }
        if (text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        FrontMatter split = FrontMatter.split(text);
        // The same cut as the full read's only when the closing fence ends this text: a lone carriage return
        // (a line break once normalised) may have moved it.
        if (split.kind() != FrontMatter.Kind.PRESENT || !split.body().isEmpty()) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        try {
            // As the full read does, spare the character scans of the front matter when its bytes hold no control.
            Post post = withFrontMatter(file, split, problems, false, TextScan.mayHoldControls(content, end));
            post = backupName(file, post);
            if (post == null) {
                return null;
            }
            post = post.withSource(PostSource.ofHead(readFrom, file, length, check.getAsLong(), end));
            if (!enough.test(post)) {
                return null;
            }
            if (post.draft()) {
                problems.replaceAll(Problem::forDraft);
            }
            return new ReadResult(file, post, problems);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Where the body starts in the bytes: just after the line feed that ends the closing {@code ---} line (spaces,
     * tabs and carriage returns allowed after it) of a front matter opened on the first line (after a BOM); -1 when
     * there is no such line.
     */
    static int headEnd(byte[] b) {
        return headEnd(b, b.length);
    }

    /** As {@link #headEnd(byte[])} for the first {@code n} bytes of {@code b}. */
    static int headEnd(byte[] b, int n) {
        int start = n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        if (fenceEnd(b, n, start) < 0) {
            return -1;
        }
        int at = start;
        while (true) {
            int lf = indexOf(b, n, (byte) '\n', at);
            if (lf < 0) {
                return -1;
            }
            at = lf + 1;
            int end = fenceEnd(b, n, at);
            if (end >= 0) {
                return end;
            }
        }
    }

    /** Just after the line feed of a fence line starting at {@code at}; -1 when the line there is no fence. */
    private static int fenceEnd(byte[] b, int n, int at) {
        if (at + 3 > n || b[at] != '-' || b[at + 1] != '-' || b[at + 2] != '-') {
            return -1;
        }
        for (int i = at + 3; i < n; i++) {
            byte c = b[i];
            if (c == '\n') {
                return i + 1;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return -1;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, int n, byte wanted, int from) {
        for (int i = from; i < n; i++) {
            if (b[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when one of the first {@code n} bytes is NUL. Eight bytes at a time: xpost runs under the C1 compiler,
     * which does not vectorise a byte loop, and this sniff covers most of every small post.
     */
    static boolean hasNul(byte[] b, int n) {
        int i = 0;
        for (int words = n - 7; i < words; i += 8) {
            long w = (long) LONGS.get(b, i);
            if (((w - ONES) & ~w & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;

    /** Parses a file's content (as bytes, exactly as on disk). */
    public ReadResult parse(Path file, byte[] content) {
        return parse(file, content, null);
    }

    /**
     * @param readFrom where {@code content} was read from, so that the body can be read again from there
     *                 ({@link Post#withoutBody()}); null when it cannot be
     */
    private ReadResult parse(Path file, byte[] content, Path readFrom) {
        if (content.length > MAX_BYTES) {
            return tooLarge(file, content.length);
        }
        List<Problem> problems = new ArrayList<>();
        try {
            Post post = backupName(file, parse(file, content, problems, readFrom));
            if (post != null ? post.draft() : isBackupDraft(file)) {
                problems.replaceAll(Problem::forDraft);
            }
            return new ReadResult(file, post, problems);
        } catch (RuntimeException e) {
            // A bug in this reader must still not end the whole run with a stack trace.
            problems.add(Problem.error(file, 0, "read-error", "xpost could not read this file (" + e
                    + "); please report this as a bug with the file attached"));
            return new ReadResult(file, null, problems);
        }
    }

    private Post parse(Path file, byte[] content, List<Problem> problems, Path readFrom) {
        String[] text = new String[1];
        Post post = parse(file, content, problems, text);
        if (post == null || readFrom == null) {
            return post;
        }
        return post.withSource(PostSource.of(readFrom, file, content, text[0], post.body()));
    }

    /** @param textOut receives the text the body was cut from */
    private Post parse(Path file, byte[] content, List<Problem> problems, String[] textOut) {
        int sniff = Math.min(content.length, BINARY_SNIFF);
        for (int i = hasNul(content, sniff) ? 0 : sniff; i < sniff; i++) {
            if (content[i] == 0) {
                problems.add(Problem.error(file, lineOfByte(content, i), "binary-file",
                        "binary file (it contains NUL bytes), not a Markdown post; pass only .md files"));
                return null;
            }
        }
        String text = decode(file, content, problems);
        if (text == null) {
            return null;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        textOut[0] = text;
        // Nearly no post holds a control character: one pass over the bytes says so, and spares the two
        // character-by-character scans (the costliest part of reading a post under C1).
        boolean controls = TextScan.mayHoldControls(content);
        if (TextScan.isBlank(text)) {
            problems.add(Problem.warning(file, 0, "empty-file", "empty file, not a post"));
            return null;
        }
        FrontMatter split = FrontMatter.split(text);
        switch (split.kind()) {
            case NONE:
                return legacy(file, text, problems, controls);
            case UNCLOSED:
                problems.add(Problem.error(file, 1, "unclosed-front-matter", "the front matter opened by `---` on "
                        + "line 1 is never closed; add a line `---` after the last front matter line"));
                return null;
            default:
                return withFrontMatter(file, split, problems, true, controls);
        }
    }

    /**
     * @param wholeFile false when only the front matter was decoded: the body is then null and not scanned
     * @param controls  false when the file's bytes hold no control character ({@link TextScan#mayHoldControls})
     */
    private Post withFrontMatter(Path file, FrontMatter split, List<Problem> problems, boolean wholeFile,
            boolean controls) {
        String block = controls ? TextScan.removeControls(split.block(), split.firstLine(), file, problems)
                : split.block();
        String body = wholeFile ? split.body() : null;
        if (wholeFile && controls) {
            TextScan.reportControls(body, split.bodyLine(), file, problems);
        }
        FrontMatterNode.Mapping front = null;
        if (!TextScan.hasNoKeys(block)) {
            try {
                front = FrontMatterYaml.read(block, split.firstLine());
            } catch (FrontMatterYaml.Failure yamlFailure) {
                try {
                    front = LenientYaml.read(block, split.firstLine());
                    int tabbed = yamlFailure.problem.contains("(TAB)") ? foldedTabKey(block, split.firstLine(),
                            front) : 0;
                    if (tabbed > 0) {
                        // Read line by line, a tab then `key:` under a key with a value joins that value (a title
                        // "Tabs slug: tabbed" and no slug): which the author meant is a guess, so they say.
                        problems.add(Problem.error(file, tabbed, "invalid-yaml", "front matter line " + tabbed
                                + " starts with a tab, which YAML does not allow, and would be read as part of the "
                                + "value above it: if it is a key of the post, start the line with the key; if it "
                                + "belongs under the key above, indent it with spaces"));
                        return null;
                    }
                    problems.add(Problem.warning(file, yamlFailure.line, "lenient-yaml", "front matter is not valid "
                            + "YAML (" + yamlFailure.problem + "); read it line by line instead. "
                            + hint(front, yamlFailure.line)));
                } catch (LenientYaml.Failure lenientFailure) {
                    problems.add(Problem.error(file, yamlFailure.line, "invalid-yaml", "front matter is not valid "
                            + "YAML (" + yamlFailure.problem + ") and " + lenientFailure.getMessage()
                            + "; fix the front matter: one `key: value` per line, quote values that contain `: `"));
                    return null;
                }
            }
        }
        if (front != null) {
            CommentCut.check(file, block, split.firstLine(), problems);
        }
        if (front == null) {
            return new Post(file, Dialect.EMPTY, null, null, null, false, List.of(), List.of(), null, null, null,
                    null, null, null, null, null, null, null, null, false, false, null, null, null, List.of(), null,
                    Map.of(), body, split.bodyLine(), Map.of());
        }
        return new FrontMatterMapper(file, zone, problems).map(front, body, split.bodyLine());
    }

    /**
     * The file line of the first front matter line that is a tab then {@code key:} and that the line-by-line
     * reading folded into the value of the key above it; 0 when there is none (a tab-indented key under a key
     * without a value is read as nested, as the author meant).
     */
    private static int foldedTabKey(String block, int firstLine, FrontMatterNode.Mapping front) {
        int line = firstLine;
        for (String l : block.split("\n", -1)) {
            if (l.startsWith("\t") && TAB_KEY.matcher(l).lookingAt() && folds(front, line)) {
                return line;
            }
            line++;
        }
        return 0;
    }

    /** Whether a scalar of {@code node} runs from an earlier line over {@code line}. */
    private static boolean folds(FrontMatterNode node, int line) {
        if (node instanceof FrontMatterNode.Scalar scalar) {
            return scalar.line() < line && scalar.endLine() >= line;
        }
        if (node instanceof FrontMatterNode.Mapping mapping) {
            return mapping.entries().stream().anyMatch(e -> folds(e.value(), line));
        }
        return node instanceof FrontMatterNode.Sequence sequence
                && sequence.items().stream().anyMatch(i -> folds(i, line));
    }

    private static final java.util.regex.Pattern TAB_KEY = java.util.regex.Pattern.compile(
            "[ \\t]*\\t[ \\t]*[A-Za-z_][A-Za-z0-9_-]*[ \\t]*:(?:[ \\t]|$)");

    /** What to change, naming the key on the line YAML choked on when there is one. */
    private static String hint(FrontMatterNode.Mapping front, int line) {
        String key = null;
        for (FrontMatterNode.Entry entry : front.entries()) {
            if (entry.line() <= line) {
                key = entry.key();
            }
        }
        String what = key == null ? "the value" : "the `" + key + "` value";
        return "To make it valid, quote " + what + " with single quotes (an inner ' written twice: '') or with double "
                + "quotes (an inner \" written \\\")";
    }

    /**
     * An old Hashnode backup without front matter: the title is its first heading, and — as Hashnode named those
     * files {@code <cuid>.md} — the file name gives the cuid, so the post is adopted rather than published again.
     * When the heading opens the file it is the title, not part of the body (Hashnode stored them apart).
     */
    private static Post legacy(Path file, String text, List<Problem> problems, boolean controls) {
        if (controls) {
            TextScan.reportControls(text, 1, file, problems);
        }
        LegacyTitle heading = LegacyTitle.find(text);
        String title = heading == null ? null : heading.text();
        String slug = Slugs.slugify(title);
        if (heading != null) {
            problems.add(Problem.warning(file, heading.line(), "no-front-matter", "no front matter: title taken "
                    + "from the heading on line " + heading.line() + "; add front matter to set slug, date and tags"));
        } else {
            problems.add(Problem.warning(file, 1, "no-front-matter", "no front matter and no `#` heading, so this "
                    + "post has no title; add front matter with `title:`"));
        }
        String body = text;
        int bodyLine = 1;
        if (heading != null && text.lines().limit(heading.line() - 1L).allMatch(String::isBlank)) {
            int cut = 0;
            for (int i = 0; i < heading.line() && cut >= 0; i++) {
                cut = text.indexOf('\n', cut) + 1;
                if (cut == 0) {
                    cut = text.length();
                    break;
                }
            }
            body = text.substring(cut);
            bodyLine = heading.line() + 1;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String cuid = isCuidName(name) ? name.substring(0, name.length() - 3) : null;
        return new Post(file, Dialect.LEGACY, title, null, slug.isEmpty() ? null : slug, false, List.of(), List.of(),
                null, null, cuid, null, null, null, null, null, null, null, null, false, false, null, null, null,
                List.of(), null, Map.of(), body, bodyLine, heading == null ? Map.of() : Map.of("title", heading.line()));
    }

    /**
     * What a backup's file name says about the post: {@code draft-<24 hex>.md} is a draft unless the front matter
     * says {@code draft: false} (Hashnode's backup writes no {@code draft:} key), and {@code <cuid>.md} is the post
     * of that cuid when the front matter names none.
     */
    private static Post backupName(Path file, Post post) {
        if (post == null) {
            return null;
        }
        if (!post.draft() && isBackupDraft(file) && !post.lines().containsKey("draft")) {
            post = post.asDraft();
        }
        if (post.cuid() == null) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            if (isCuidName(name)) {
                post = post.withCuid(name.substring(0, name.length() - 3));
            }
        }
        return post;
    }

    /** Hashnode's backup names a draft {@code draft-} and the 24 hex digits of its id. */
    private static final java.util.regex.Pattern DRAFT_FILE = java.util.regex.Pattern.compile(
            "draft-[0-9a-f]{24}\\.md");

    /** True for a backup's draft file, {@code draft-<24 hex>.md}. */
    public static boolean isBackupDraft(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        // Asked of every post of every run: only a name of the pattern's one length and start is matched.
        String n = name.toString();
        return n.length() == 33 && n.startsWith("draft-") && DRAFT_FILE.matcher(n).matches();
    }

    /** How Hashnode's backup named post files: the post's cuid (25 characters starting with c) and .md. */
    private static final java.util.regex.Pattern CUID_FILE = java.util.regex.Pattern.compile("c[a-z0-9]{24}\\.md");

    /** True for a name {@link #CUID_FILE} matches; the regular expression only for a name of its length and start. */
    private static boolean isCuidName(String name) {
        return name.length() == 28 && name.charAt(0) == 'c' && CUID_FILE.matcher(name).matches();
    }

    /** Strict UTF-8: a wrong encoding must be reported, not turned into replacement characters. */
    private static String decode(Path file, byte[] content, List<Problem> problems) {
        // The JDK's String decoding is much faster than a CharsetDecoder, but replaces bad bytes with U+FFFD. Only
        // when a U+FFFD shows up (a bad byte, or rarely a real one) does the strict decoder run to tell them apart.
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = Math.min(in.position(), content.length - 1);
            int line = lineOfByte(content, at);
            problems.add(Problem.error(file, line, "not-utf8", String.format(Locale.ROOT,
                    "not UTF-8: byte 0x%02X on line %d (byte offset %d) is not valid UTF-8; save the file as UTF-8",
                    content[at] & 0xFF, line, at)));
            return null;
        }
        return text;
    }

    private static int lineOfByte(byte[] content, int index) {
        int line = 1;
        for (int i = 0; i < index && i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static ReadResult tooLarge(Path file, long size) {
        String message = String.format(Locale.ROOT, "file is %.1f MB; xpost reads posts up to %d MB (Hashnode takes "
                + "at most 100 KB), so this is not a post", size / 1048576.0, MAX_BYTES / 1048576);
        return failed(file, Problem.error(file, 0, "file-too-large", message));
    }

    private static ReadResult failed(Path file, Problem problem) {
        return new ReadResult(file, null, List.of(problem));
    }
}
