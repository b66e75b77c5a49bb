package dev.xpost.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Reads and writes one state file, normally {@code .xpost/state.json}. Writes are atomic: the new content goes to a
 * temporary file in the same folder, is forced to disk, then renamed over the old file, so a crash at any moment
 * leaves either the old file or the new one, never a mix. A file that cannot be read is never overwritten: every
 * error names the file and says what to do. Hold a {@link StateLock} while loading, changing and saving.
 */
public final class StateStore {
    /** The state file's place in a blog repository. */
    public static final String DEFAULT_PATH = ".xpost/state.json";

    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    /**
     * Below this size the state file is written whole at the end of every run that journaled something, so that
     * a small blog's git diffs show its records; above it, the journal is folded in once it holds more than
     * {@link #COMPACT_FRACTION a quarter} of the file (see {@link #compact}).
     */
    public static final long COMPACT_BELOW = 1L << 20;

    /** The journal is folded into a large state file once it is larger than the file divided by this. */
    static final int COMPACT_FRACTION = 4;

    private final Path file;
    private final UnaryOperator<OutputStream> writeThrough;
    private final UnaryOperator<String> mask;
    /**
     * The format version of the file as last loaded (0 before a load, or when there was no file), shared by the
     * copies {@link #masking} makes: an older file is written whole in the new format before the first journal
     * line, since a journal always speaks the format of the file beside it.
     */
    private final AtomicInteger loadedVersion;
    /** Called with the path of every file or folder forced to disk (tests count the fsyncs of a create). */
    private final Consumer<Path> onForce;
    /**
     * What {@link #append} wrote without forcing it, shared like {@link #loadedVersion}: [0] journal lines not yet
     * forced, [1] a journal created and its folder not yet forced. The next forced append, {@link #force} or
     * {@link #compact} forces them.
     */
    private final AtomicBoolean[] pending;

    /** A store for the state file at {@code file} (usually {@code <blog>/.xpost/state.json}). */
    public StateStore(Path file) {
        this(file, UnaryOperator.identity());
    }

    /** Tests pass a stream that fails midway, as a full disk would. */
    StateStore(Path file, UnaryOperator<OutputStream> writeThrough) {
        this(file, writeThrough, UnaryOperator.identity(), new AtomicInteger(), path -> { },
                new AtomicBoolean[] {new AtomicBoolean(), new AtomicBoolean()});
    }

    private StateStore(Path file, UnaryOperator<OutputStream> writeThrough, UnaryOperator<String> mask,
            AtomicInteger loadedVersion, Consumer<Path> onForce, AtomicBoolean[] pending) {
        this.file = Objects.requireNonNull(file, "file");
        this.writeThrough = writeThrough;
        this.mask = Objects.requireNonNull(mask, "mask");
        this.loadedVersion = loadedVersion;
        this.onForce = Objects.requireNonNull(onForce, "onForce");
        this.pending = pending;
    }

    /**
     * This store, calling {@code hook} with the path of each file or folder it forces to disk, after the force:
     * tests count the fsyncs a create costs (one), so that a regression to two shows.
     */
    public StateStore onForce(Consumer<Path> hook) {
        return new StateStore(file, writeThrough, mask, loadedVersion, onForce.andThen(hook), pending);
    }

    /**
     * This store, with {@code mask} applied to the whole text of every save: the app layer passes one that hides
     * every secret it knows, so that a token a platform quoted back in an error (even the other platform's) never
     * reaches a file that is committed to git. The mask must keep JSON valid (replace a secret by plain text).
     */
    public StateStore masking(UnaryOperator<String> mask) {
        return new StateStore(file, writeThrough, mask, loadedVersion, onForce, pending);
    }

    /** The store for the blog whose root folder is {@code blogRoot}. */
    public static StateStore inBlog(Path blogRoot) {
        return new StateStore(blogRoot.resolve(DEFAULT_PATH));
    }

    /** The state file. */
    public Path file() {
        return file;
    }

    /** The exact text {@link #save} writes for this state (for {@code xpost state show} and dry runs). */
    public static String text(State state) {
        try {
            return StateJson.text(state) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the state", e);
        }
    }

    /**
     * The state as recorded: the state file with its journal replayed over it; {@link State#empty()} when there is
     * neither. A file of an older format is migrated in memory only: nothing is written here (plan, status and
     * dry runs load too), the next {@link #append} or {@link #compact} writes the current format.
     *
     * @throws StateException CORRUPT when the file is not valid state JSON, TOO_NEW when a newer xpost wrote it,
     *                        IO when it cannot be read; the file is left as it was
     */
    public State load() {
        StateLock.refuseLink(file, "state file", "replace the link by the file itself");
        // A named pipe or a device would block the read for good (a CI job hangs until its timeout, holding the
        // lock); a folder cannot be read either. Said as a file that cannot be read, before opening it.
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new StateException(StateException.Kind.IO, file, "Cannot read the state file " + file + ": it is "
                    + (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "not a regular file (a "
                    + "named pipe, socket or device)") + ". Check that it is a readable file, then run again.");
        }
        // The usual file (the current format as xpost writes it) is read in one streaming pass, without holding
        // its bytes (37.8 MB at 50,000 posts); anything else is read again whole below, by the path that says
        // what is wrong with it (issue 15).
        State current;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            current = StateReader.read(in);
        } catch (NoSuchFileException e) {
            loadedVersion.set(0);
            return replay(State.empty());
        } catch (IOException e) {
            current = null; // reported by the read below
        }
        if (current != null) {
            loadedVersion.set(State.FORMAT_VERSION);
            return replay(current);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            bytes = null;
        } catch (IOException e) {
            throw new StateException(StateException.Kind.IO, file, "Cannot read the state file " + file + ": "
                    + reason(e) + ". Check that it is a readable file, then run again.", e);
        }
        if (bytes == null) {
            loadedVersion.set(0);
            return replay(State.empty());
        }
        int version = StateJson.version(bytes, file);
        State state = version == StateV1.VERSION
                ? replayV1(StateJson.readAs(bytes, file, StateV1.class)).migrate()
                : replay(StateJson.readAs(bytes, file, State.class));
        loadedVersion.set(version);
        return state;
    }

    /*
     * Why a journal (issue 15). Before it, every remote call rewrote the whole file with an fsync: at 10,000 posts
     * (a 6 MB file) ten new posts wrote 179 MB (bench/scale.sh), at 50,000 posts 650 MB (as the issue measured).
     * Weighed:
     * - one file per post under .xpost/: each call writes one small file (a temporary file, fsync, rename, folder
     *   fsync), and concurrent edits merge trivially in git; but 50,000 files of ~300 bytes take 198 MB of disk
     *   (measured, 4 KB blocks) for 17 MB of content, every clone and `git status` walks them, and the state file's
     *   format changes (a schema change another issue owns);
     * - an append-only journal compacted at the end of the run: each call appends its lines (a few hundred bytes)
     *   and fsyncs once, no rename; state.json keeps its format, diffs and single-file git history; the price is
     *   one whole write per run that changed something, and a replay on load after a killed run.
     * The journal keeps the schema and the file, so it is the one here.
     *
     * Format version 2 made the journal last across runs: compacting at the end of every run still rewrote the
     * whole file for ten new posts (32 MB at 50,000 posts). Now a run folds the journal in only when that is cheap
     * or overdue (see compact): an amortised O(changes) cost, while a small blog still ends every run with a
     * complete state.json, and a load reads at most a quarter of the file more.
     */

    /**
     * The journal next to the state file ({@code .xpost/state.journal}): what runs recorded after each remote
     * call since the state file was last written whole. On a state file under {@link #COMPACT_BELOW} it exists
     * only while a run works (or after a run died); beside a larger one it may stay between runs, and is committed
     * with it: the state is the file with the journal replayed.
     */
    public Path journal() {
        String name = file.getFileName().toString();
        return file.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name)
                + ".journal");
    }

    /**
     * Records what changed from {@code before} to {@code after}, both states of this file, and forces it to disk:
     * {@link #append(State, State, Collection, boolean)} comparing every post.
     *
     * @throws StateException IO when the journal cannot be written
     */
    public void append(State before, State after) {
        append(before, after, null, true);
    }

    /*
     * Why not every line is forced (issue 15: two fsyncs per create, about 6 ms each, were most of a 500-post run).
     * Exactly once needs one thing on disk before a create request goes out: the intent, with what the create
     * carries (Session.sending), so that a run that dies, or a machine that loses power, leaves an open record the
     * next run settles (a lookup, or a re-send the platform answers with the post it has) instead of creating a
     * twin. That line is forced, and forcing it forces every line written before it in the same file.
     * The result line written right after the answer need not be: if a power cut loses it, the forced intent is
     * still there, and the next run settles the create rather than sending it again; the next intent's force, or
     * the end of the run (compact), makes it durable in the meantime. Lines that record no create (adoptions,
     * settled posts, updates, uploads, gone cuids) are likewise what the next run finds again with the same reads,
     * so they wait for the next force too. A process that is killed (not the machine) loses none of them: they
     * are in the page cache once written.
     */

    /**
     * Records what changed from {@code before} to {@code after}, both states of this file: one JSON line per post
     * whose entry changed ({@code {"post":slug,"value":entry}}, no value once it is gone) and one per other
     * top-level field that changed ({@code {"field":name,"value":…}}), appended to {@link #journal()}. What it
     * writes and what it compares is what changed, whatever the size of the blog; {@link #load} replays it.
     *
     * @param slugs the posts that may differ between the two states (every other post must be the same in both);
     *              null compares every post. Other top-level fields are always compared (unchanged ones are the
     *              same map, which compares in constant time)
     * @param force force the journal to disk before returning (with every line written before it, and its folder
     *              when the journal is new); otherwise the lines wait for the next forced append, {@link #force} or
     *              {@link #compact}. Force what must be durable before a remote call, such as a create's intent
     * @throws StateException IO when the journal cannot be written
     */
    public void append(State before, State after, Collection<String> slugs, boolean force) {
        write(before, lines(before, after, slugs), force);
    }

    /** The journal lines that record what changed from {@code before} to {@code after}, each ending in a newline. */
    private static String lines(State before, State after, Collection<String> slugs) {
        StringBuilder out = new StringBuilder();
        try {
            if (slugs == null) {
                for (Map.Entry<String, PostEntry> e : after.posts().entrySet()) {
                    PostEntry old = before.posts().get(e.getKey());
                    if (old != e.getValue() && !e.getValue().equals(old)) {
                        out.append(StateJson.line("post", e.getKey(), e.getValue())).append('\n');
                    }
                }
                for (String slug : before.posts().keySet()) {
                    if (!after.posts().containsKey(slug)) {
                        out.append(StateJson.line("post", slug, null)).append('\n');
                    }
                }
            } else {
                // Sorted, as the full comparison writes them, so that the journal reads the same either way.
                for (String slug : new TreeSet<>(slugs)) {
                    PostEntry old = before.posts().get(slug);
                    PostEntry now = after.posts().get(slug);
                    if (old != now && (now == null || !now.equals(old))) {
                        out.append(StateJson.line("post", slug, now)).append('\n');
                    }
                }
            }
            Map<String, Object> was = fields(before);
            for (Map.Entry<String, Object> f : fields(after).entrySet()) {
                if (!Objects.equals(was.get(f.getKey()), f.getValue())) {
                    out.append(StateJson.line("field", f.getKey(), f.getValue())).append('\n');
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the state", e);
        }
        return out.toString();
    }

    /** Appends {@code lines} (see {@link #lines}) to the journal beside the file holding {@code before}. */
    private void write(State before, String lines, boolean force) {
        if (lines.isEmpty()) {
            if (force) {
                force();
            }
            return;
        }
        if (olderFormatOnDisk()) {
            // Journal lines are read in the format of the file beside them: the file goes first, in this format.
            save(before);
        }
        byte[] bytes = mask.apply(lines).getBytes(StandardCharsets.UTF_8);
        Path journal = journal();
        StateLock.refuseLink(journal, "state journal", "delete the link");
        Path folder = journal.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(folder)) {
                // Only when missing: createDirectories on a folder that exists fails to make it first, an exception
                // with its stack trace on every journal line.
                Files.createDirectories(folder);
            }
            boolean created = !Files.exists(journal, LinkOption.NOFOLLOW_LINKS);
            // READ to look for a torn last line (APPEND excludes READ): the end is sought by hand instead.
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                dropTornTail(channel);
                channel.position(channel.size());
                OutputStream stream = writeThrough.apply(Channels.newOutputStream(channel));
                stream.write(bytes);
                stream.flush();
                if (force) {
                    channel.force(true);
                    pending[0].set(false);
                    onForce.accept(journal);
                } else {
                    pending[0].set(true);
                }
            }
            if (created) {
                pending[1].set(true);
            }
            if (force && pending[1].getAndSet(false)) {
                forceFolder(folder);
            }
        } catch (IOException e) {
            throw new StateException(StateException.Kind.IO, journal, "Cannot append to the state journal " + journal
                    + ": " + reason(e) + ". Check the folder's permissions and free disk space, then run again.", e);
        }
    }

    /**
     * Forces to disk what {@link #append} wrote without forcing (the journal's lines, and its folder when it was
     * created since); nothing when all is forced already.
     *
     * @throws StateException IO when the journal cannot be forced
     */
    public void force() {
        Path journal = journal();
        if (pending[0].get()) {
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                channel.force(true);
                pending[0].set(false);
                onForce.accept(journal);
            } catch (NoSuchFileException e) {
                // Written whole and removed since (save): nothing is left to force.
                pending[0].set(false);
            } catch (IOException e) {
                throw new StateException(StateException.Kind.IO, journal, "Cannot force the state journal " + journal
                        + " to disk: " + reason(e) + ". Check the disk, then run again.", e);
            }
        }
        if (pending[1].getAndSet(false)) {
            forceFolder(journal.toAbsolutePath().getParent());
        }
    }

    /**
     * Cuts a line a run died while appending (no newline yet) off the end of the journal, so that the next line
     * starts on a line of its own: the journal now outlives runs, and a torn line in its middle would stop every
     * later load. Reads backwards from the end, a block at a time: one block in the usual case.
     */
    private static void dropTornTail(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        if (one.get(0) == '\n') {
            return;
        }
        java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - start));
            while (block.hasRemaining() && channel.read(block, start + block.position()) > 0) {
                // read the whole block
            }
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    channel.truncate(start + i + 1);
                    return;
                }
            }
            end = start;
        }
        channel.truncate(0);
    }

    /**
     * The end of a real run: writes the state file whole from {@code after} and removes the journal when the
     * journal with the changes since {@code before} (the last state appended) would be worth folding (see
     * {@link #worthCompacting}); otherwise appends those changes and forces them. Either way the state on disk is
     * {@code after} once it returns, and the file is replaced atomically.
     *
     * @return true when the state file was written whole
     */
    public boolean compact(State before, State after) {
        return compact(before, after, null);
    }

    /**
     * {@link #compact(State, State)} with the posts that may have changed since {@code before} (see
     * {@link #append(State, State, Collection, boolean)}); everything this store wrote unforced is forced.
     */
    public boolean compact(State before, State after, Collection<String> slugs) {
        // Lines the journal would take only to be folded into the file at once are not written: the file is
        // written whole without them (a small blog's every run: one write and fsync fewer; a new build's first
        // publish at 50,000 posts: 20 MB of lines and about a second). A run that dies before the rename loses
        // only what it had not journaled yet, as it would have a moment earlier: records the next run finds
        // again with the same reads (Ledger). A change of most posts is judged by their count, before their
        // lines are made.
        if (slugs == null || !wholeAnyway(slugs.size(), after.posts().size())) {
            String lines = lines(before, after, slugs);
            if (!worthCompacting(lines.length())) {
                write(before, lines, true);
                return false;
            }
        }
        save(after);
        return true;
    }

    /**
     * Whether to fold the journal into the state file now: always when the file is of an older format (the
     * migration is written by the first real run) or smaller than {@link #COMPACT_BELOW} (so a small blog's
     * state.json is complete after every run), and otherwise once the journal is larger than
     * {@code max(COMPACT_BELOW, file / COMPACT_FRACTION)}. A compaction of a file of S bytes thus follows at least
     * S/4 bytes of journal, so whole writes cost at most four times what was journaled: O(changes) amortised,
     * whatever the blog's size; and the journal a load replays stays under a quarter of the file (or 1 MiB).
     * Lines are not counted: replaying costs by the byte, and a line is one post's record.
     */
    boolean worthCompacting() {
        return worthCompacting(0);
    }

    /** {@link #worthCompacting()} once {@code more} bytes (UTF-16 chars, near enough) were appended. */
    private boolean worthCompacting(long more) {
        if (olderFormatOnDisk()) {
            return true;
        }
        long journalBytes = sizeOf(journal()) + more;
        if (journalBytes == 0 && Files.exists(journal(), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (journalBytes == 0) {
            return false;
        }
        long fileBytes = sizeOf(file);
        return fileBytes < COMPACT_BELOW || journalBytes > Math.max(COMPACT_BELOW, fileBytes / COMPACT_FRACTION);
    }

    /**
     * Whether {@code changed} posts of {@code posts} would surely make the journal {@link #worthCompacting}: their
     * lines, at the file's average bytes per post, reach the threshold on their own. Only a large change is
     * judged ahead (a quarter of the posts at least); anything less is appended and judged by its real size.
     */
    private boolean wholeAnyway(int changed, int posts) {
        if (changed == 0 || posts == 0 || (long) changed * COMPACT_FRACTION < posts) {
            return false;
        }
        long fileBytes = sizeOf(file);
        long journalBytes = sizeOf(journal());
        return journalBytes + fileBytes / posts * changed > Math.max(COMPACT_BELOW, fileBytes / COMPACT_FRACTION);
    }

    private boolean olderFormatOnDisk() {
        int version = loadedVersion.get();
        return version != 0 && version < State.FORMAT_VERSION;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The top-level fields other than posts, by their names in the file (nulls for those unset). */
    private static Map<String, Object> fields(State s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accounts", s.accounts());
        out.put("images", s.images());
        out.put("started", s.started());
        out.put("forgotten", s.forgotten());
        out.put("attempts", s.attempts());
        out.put("gone", s.gone());
        return out;
    }

    /**
     * The state file's state with its journal replayed over it, line by line; a torn last line (a run died while
     * appending it) is ignored. Each post line is read on its own, so a load costs the file plus the journal,
     * not a second pass over the whole state.
     */
    private State replay(State base) {
        Path journal = journal();
        List<String> lines = journalLines(journal);
        if (lines.isEmpty()) {
            return base;
        }
        SortedMap<String, PostEntry> posts = new TreeMap<>(base.posts());
        ObjectNode top = StateJson.tree(base.withoutPosts());
        boolean topChanged = false;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = parse(journal, lines, i);
            if (n == null) {
                continue;
            }
            JsonNode value = n.get("value");
            boolean gone = value == null || value.isNull();
            if (n.path("post").isTextual()) {
                String slug = n.get("post").asText();
                if (gone) {
                    posts.remove(slug);
                } else {
                    try {
                        posts.put(slug, StateJson.value(value, PostEntry.class));
                    } catch (IOException e) {
                        throw corruptJournal(journal, i + 1, "the record of \"" + slug + "\" is broken: "
                                + (e instanceof JsonProcessingException j ? StateJson.problem(j) : e.getMessage()));
                    }
                }
            } else if (n.path("field").isTextual() && fields(State.empty()).containsKey(n.get("field").asText())) {
                topChanged = true;
                if (gone) {
                    top.remove(n.get("field").asText());
                } else {
                    top.set(n.get("field").asText(), value);
                }
            } else {
                throw corruptJournal(journal, i + 1, "it names neither a post nor a field of the state");
            }
        }
        State rest = topChanged ? StateJson.read(top, journal, State.class) : base;
        return rest.withAllPosts(posts);
    }

    /** {@link #replay} for a version 1 file and the journal a version 1 run left beside it. */
    private StateV1 replayV1(StateV1 base) {
        Path journal = journal();
        List<String> lines = journalLines(journal);
        if (lines.isEmpty()) {
            return base;
        }
        ObjectNode tree = StateJson.tree(base);
        ObjectNode posts = tree.get("posts") instanceof ObjectNode o ? o : tree.putObject("posts");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = parse(journal, lines, i);
            if (n == null) {
                continue;
            }
            JsonNode value = n.get("value");
            boolean gone = value == null || value.isNull();
            if (n.path("post").isTextual()) {
                if (gone) {
                    posts.remove(n.get("post").asText());
                } else {
                    posts.set(n.get("post").asText(), value);
                }
            } else if (n.path("field").isTextual() && StateV1.FIELDS.contains(n.get("field").asText())) {
                if (gone) {
                    tree.remove(n.get("field").asText());
                } else {
                    tree.set(n.get("field").asText(), value);
                }
            } else {
                throw corruptJournal(journal, i + 1, "it names neither a post nor a field of the state");
            }
        }
        return StateJson.read(tree, journal, StateV1.class);
    }

    private static List<String> journalLines(Path journal) {
        StateLock.refuseLink(journal, "state journal", "delete the link");
        try {
            // Every append writes whole lines, newline last: whatever follows the last newline is a line a run died
            // while writing (before its force, so before the request it records was sent). It is never read, so
            // that the next append, which cuts it off (dropTornTail), drops nothing a run has used, and a cut
            // inside a multi-byte character cannot stop the load.
            byte[] bytes = Files.readAllBytes(journal);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, end)).toString();
            String[] split = text.split("\n", -1); // the part after the last newline is "" here
            return List.of(split).subList(0, split.length - 1);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StateException(StateException.Kind.IO, journal, "Cannot read the state journal " + journal
                    + ": " + reason(e) + ". Check that it is a readable file, then run again.", e);
        }
    }

    /** Line {@code i} as JSON; null for a blank line or a torn last one. */
    private static JsonNode parse(Path journal, List<String> lines, int i) {
        String line = lines.get(i);
        if (line.isBlank()) {
            return null;
        }
        try {
            return StateJson.parseLine(line);
        } catch (IOException e) {
            if (i == lines.size() - 1) {
                // Torn: the run died while appending it. The line before (an intent) says what it was doing.
                return null;
            }
            throw corruptJournal(journal, i + 1, "it is not a JSON object");
        }
    }

    private static StateException corruptJournal(Path journal, int line, String why) {
        return new StateException(StateException.Kind.CORRUPT, journal, "The state journal " + journal + " is "
                + "damaged at line " + line + ": " + why + ". It holds what a run that died had recorded; it is "
                + "never overwritten. Look at it, fix or remove that line, then run again.");
    }

    /**
     * Replaces the file with this state, atomically, creating its folder when needed. Cheap enough to call after
     * every remote call: one small write, one fsync, one rename, and nothing is read back.
     *
     * @throws StateException IO when the file cannot be written; the previous file is then left as it was
     */
    public void save(State state) {
        Objects.requireNonNull(state, "state");
        // Renaming over a link would replace the link, not write where it points: never what its maker meant.
        StateLock.refuseLink(file, "state file", "replace the link by the file itself");
        Path folder = file.toAbsolutePath().getParent();
        Path temp = folder.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + TEMP_COUNTER.incrementAndGet() + ".tmp");
        try {
            Files.createDirectories(folder);
            // CREATE_NEW rather than Files.createTempFile: the new file gets the usual permissions (umask), not 0600.
            // CREATE_NEW fails on any existing name, a link included; NOFOLLOW_LINKS says so explicitly.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                // Serialised, masked and encoded as it is written, a piece at a time: the whole text as one
                // string, then as one byte array (and the JDK's native copy of that for the write) cost four
                // times the file's size at the end of a large run (50,000 posts, a new build's first publish: a
                // 38 MB file; with the journal lines compact no longer writes first, peak 650-690 -> ~320 MB).
                Writer out = new OutputStreamWriter(writeThrough.apply(Channels.newOutputStream(channel)),
                        StandardCharsets.UTF_8);
                try {
                    StateJson.write(state, new MaskedJsonWriter(out, mask));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot serialise the state", e);
                }
                out.write('\n');
                out.flush();
                channel.force(true);
            }
            onForce.accept(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            loadedVersion.set(State.FORMAT_VERSION);
            // The file now holds everything the journal did (it was loaded with the journal replayed).
            Files.deleteIfExists(journal());
            forceFolder(folder);
            pending[0].set(false);
            pending[1].set(false);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StateException(StateException.Kind.IO, file, "Cannot save the state file " + file + ": "
                    + reason(e) + ". The previous state file was left as it was; check the folder's permissions and"
                    + " free disk space, then run again.", e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder (Windows cannot), so best effort. */
    private void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
            onForce.accept(folder);
        } catch (IOException | UnsupportedOperationException e) {
            // The rename is atomic either way; only its durability across a power cut is at stake.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Left behind as *.tmp, which .gitignore ignores; the next save uses another name.
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + ((FileSystemException) e).getFile() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
