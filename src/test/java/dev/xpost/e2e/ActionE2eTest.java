package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xpost.app.InitUseCase;
import dev.xpost.cli.CliRun;
import dev.xpost.http.Version;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.StateStore;
import dev.xpost.state.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action ({@code action.yml}, {@code action/*.sh}) run step by step in a {@link SimulatedRunner} against a
 * blog that is a git repository with a bare "remote", and the fake platforms of the end-to-end tests. Each run
 * starts on a fresh clone and a fresh action checkout (no {@code target/}), as each GitHub run is a new machine:
 * only the remote and the cache service outlive a run. The first run builds the jar with Maven (about a minute
 * here), the others restore it from the simulated cache.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActionE2eTest {
    private static final String GIT_NAME = "Author";

    @TempDir
    static Path shared;
    static Path actionCheckout;
    static Path cache;

    @TempDir
    Path dir;
    E2eBlog blog;
    SimulatedRunner runner;
    Path remote;
    int clones;

    @BeforeAll
    static void copyTheAction() throws IOException {
        assumeTrue(onPath("bash") && onPath("git") && onPath("mvn"),
                "ActionE2eTest skipped: it needs bash, git and mvn on the PATH to run the action's steps");
        actionCheckout = Files.createDirectories(shared.resolve("_actions/xpost-cli/xpost/v" + Version.get()));
        cache = Files.createDirectories(shared.resolve("cache-service"));
        for (String p : List.of("action.yml", "action", "pom.xml", "src/main")) {
            copy(Path.of(p), actionCheckout.resolve(p));
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir.resolve("seed"));
        runner = new SimulatedRunner(actionCheckout, cache, InitUseCase.actionRef(Version.get()), dir);
        remote = dir.resolve("remote.git");
        git(dir, "init", "-q", "--bare", "-b", "main", remote.toString());
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    @Test
    @Order(1)
    void theFirstRunBuildsAndPublishesTheNextReusesTheBuildAndSendsNothing() throws IOException {
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha");
        blog.post("b.md", "Beta", "2026-11-21T09:00:00Z", "beta");
        push(blog.dir);

        Path first = freshRun();
        SimulatedRunner.Job run = runner.runAction(first, Map.of(), tokens(Instant.now().plus(Duration.ofDays(3))));
        assertEquals(0, run.exitCode, run::toString);
        boolean built = run.log.toString().contains("xpost: building the jar");
        assertTrue(built || run.log.toString().contains("xpost: using the cached build"), run::toString);
        System.out.println("[ActionE2eTest] first run: build step " + run.step("build").millis() + " ms ("
                + (built ? "cold: mvn package" : "warm: an earlier test built it") + "), cache restore "
                + run.step("cache").millis() + " ms");
        assertEquals(2, blog.hashnode.posts().size());
        assertEquals(2, blog.linkedin.count("createPost"));
        State onRemote = remoteState();
        PlatformRecord alpha = onRemote.recordFor("alpha", "hashnode").orElseThrow();
        assertEquals(blog.hashnode.postsTitled("Alpha").get(0).id, alpha.id(), "the state file reached the remote");
        assertEquals("4", run.outputs.get("created"), run.outputs::toString);
        assertEquals("0", run.outputs.get("exit-code"));
        assertTrue(Files.isRegularFile(Path.of(run.outputs.get("json"))), run.outputs::toString);
        String url = alpha.url();
        assertTrue(run.summary.toString().contains("| [alpha](" + url + ") | hashnode | created |"), run::toString);
        assertTrue(run.summary.toString().contains("### xpost publish: exit 0: 4 created"), run::toString);
        assertTrue(run.annotations().stream().anyMatch(a -> a.matches(
                "::warning title=xpost::the LinkedIn token expires in [23] days \\(.*\\): run `xpost auth linkedin` "
                        + "to renew it")), run::toString);
        assertNoToken(run);
        assertEquals(Status.PUBLISHED, onRemote.recordFor("beta", "linkedin").map(PlatformRecord::status)
                .orElse(null), "the state file reached the remote");

        blog.resetCounts();
        SimulatedRunner.Job again = runner.runAction(freshRun(), Map.of(), tokens(null));
        assertEquals(0, again.exitCode, again::toString);
        assertTrue(again.log.toString().contains("[cache] restored xpost-jar-Linux-"), again::toString);
        assertTrue(again.log.toString().contains("xpost: using the cached build"), again::toString);
        assertFalse(again.log.toString().contains("building the jar"), again::toString);
        System.out.println("[ActionE2eTest] second run: build step " + again.step("build").millis()
                + " ms (warm: jar restored), cache restore " + again.step("cache").millis() + " ms");
        assertEquals(0, blog.requests(), "nothing due and nothing changed: no request at all");
        assertEquals("0", again.outputs.get("created"));
        assertEquals("4", again.outputs.get("unchanged"));
        assertTrue(again.log.toString().contains("nothing to commit"), again::toString);
        assertEquals("2", git(remote, "rev-list", "--count", "main").strip(),
                "one commit of the author, one state commit: " + git(remote, "log", "--oneline", "main"));
    }

    @Test
    @Order(2)
    void aRunThatExitsFiveCommitsItsRecordsAndFailsTheJobWithFive() throws IOException {
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha");
        blog.post("b.md", "Beta", "2026-11-21T09:00:00Z", "beta");
        push(blog.dir);
        blog.hashnode.fail("PublishPost", Fault.GRAPHQL_BAD_USER_INPUT);

        SimulatedRunner.Job run = runner.runAction(freshRun(), Map.of(), tokens(null));
        assertEquals(5, run.exitCode, run::toString);
        assertEquals(5, run.step("exit").code(), "the last step fails the job with xpost's code");
        assertEquals(0, run.step("commit").code(), run::toString);
        assertEquals("5", run.outputs.get("exit-code"));
        assertEquals("1", run.outputs.get("failed"), run.outputs::toString);
        assertTrue(run.annotations().stream().anyMatch(a -> a.startsWith(
                "::error file=posts/a.md,title=xpost%3A failed on hashnode::alpha: ")), run::toString);
        assertTrue(run.summary.toString().contains("| `alpha` | hashnode | failed | "), run::toString);
        assertTrue(run.summary.toString().contains("### xpost publish: exit 5 (partly done"), run::toString);

        State onRemote = remoteState();
        PlatformRecord beta = onRemote.recordFor("beta", "hashnode").orElseThrow(() -> new AssertionError(
                "the created post's record is on the remote"));
        assertEquals(blog.hashnode.postsTitled("Beta").get(0).id, beta.id());
        assertEquals(1, blog.hashnode.posts().size());
    }

    @Test
    @Order(3)
    void aPushThatGetsThereFirstIsRebasedOntoAndNoRecordIsLost() throws IOException {
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha");
        push(blog.dir);
        runner.beforeStep.put("commit", workspace -> {
            // The author pushes a new draft while the run publishes.
            Path other = cloneRemote();
            write(other.resolve("posts/next.md"), CliRun.post("Next", "2026-12-24", "next", "java", "draft: true"));
            git(other, "add", "-A");
            git(other, "commit", "-q", "-m", "A new draft");
            git(other, "push", "-q", "origin", "main");
        });

        SimulatedRunner.Job run = runner.runAction(freshRun(), Map.of(), tokens(null));
        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.log.toString().contains("push 1 was refused"), run::toString);
        List<String> log = git(remote, "log", "--format=%s", "main").lines().toList();
        assertEquals(List.of("xpost: record published posts", "A new draft", "Blog"), log);
        assertTrue(git(remote, "show", "main:posts/next.md").contains("Next"));
        PlatformRecord alpha = remoteState().recordFor("alpha", "hashnode").orElseThrow();
        assertEquals(blog.hashnode.postsTitled("Alpha").get(0).id, alpha.id());
        assertTrue(remoteState().recordFor("alpha", "linkedin").isPresent());
    }

    @Test
    @Order(4)
    void aStateFileChangedOnBothSidesIsPushedAsideNotLostAndTheJobFails() throws IOException {
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha");
        push(blog.dir);
        assertEquals(0, runner.runAction(freshRun(), Map.of(), tokens(null)).exitCode);
        Path author = cloneRemote();
        write(author.resolve("posts/b.md"), CliRun.post("Beta", "2026-11-21T09:00:00Z", "beta", "java"));
        git(author, "add", "-A");
        git(author, "commit", "-q", "-m", "Beta");
        git(author, "push", "-q", "origin", "main");
        runner.beforeStep.put("commit", workspace -> {
            // Another run (or a person) rewrote the state file meanwhile: every line differs, git cannot merge.
            Path other = cloneRemote();
            Path state = other.resolve(".xpost/state.json");
            try {
                Files.writeString(state, Files.readString(state).replace("  ", "    "));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            git(other, "commit", "-q", "-am", "Hand-edited state");
            git(other, "push", "-q", "origin", "main");
        });

        SimulatedRunner.Job run = runner.runAction(freshRun(), Map.of(), tokens(null));
        assertEquals(1, run.exitCode, run::toString);
        assertTrue(run.annotations().stream().anyMatch(a -> a.startsWith("::error file=.xpost/state.json,"
                + "title=xpost state conflict::.xpost/state.json changed on main while this run published. This "
                + "run's records are on the branch xpost-state/")), run::toString);
        String side = git(remote, "for-each-ref", "--format=%(refname:short)", "refs/heads/xpost-state/").strip();
        assertFalse(side.isEmpty(), "the run's commit was pushed aside: " + run);
        Path file = dir.resolve("side-state.json");
        Files.writeString(file, git(remote, "show", side + ":.xpost/state.json"));
        PlatformRecord beta = new StateStore(file).load().recordFor("beta", "hashnode").orElseThrow();
        assertEquals(blog.hashnode.postsTitled("Beta").get(0).id, beta.id(), "the new record is kept");
        assertEquals("Hand-edited state", git(remote, "log", "-1", "--format=%s", "main").strip());
    }

    @Test
    @Order(5)
    void anInvalidPostIsMarkedAtItsLineWhileTheOthersGoOutAndAreCommitted() throws IOException {
        blog.post("a.md", "Alpha", "2026-11-20T09:00:00Z", "alpha");
        write(blog.dir.resolve("posts/bad.md"), "---\ntitle: Bad\nslug: Bad_Slug\ntags: java\n---\nbody\n");
        push(blog.dir);

        SimulatedRunner.Job run = runner.runAction(freshRun(), Map.of(), tokens(null));
        assertEquals(3, run.exitCode, run::toString);
        assertEquals(List.of("::error file=posts/bad.md,line=3,title=invalid-slug::slug \"Bad_Slug\" must be "
                + "lower-case letters, digits and single dashes (such as \"bad-slug\")",
                "::error title=xpost::xpost exited 3 (README: Exit codes)"), run.annotations(), run::toString);
        assertEquals("1", run.outputs.get("errors"));
        assertTrue(run.summary.toString().contains("| `posts/bad.md:3` | error | invalid-slug | slug \"Bad_Slug\""),
                run::toString);
        // An invalid post blocks only itself: the valid one goes out, and its record reaches the remote.
        assertEquals(1, blog.hashnode.postsTitled("Alpha").size());
        assertTrue(blog.hashnode.postsTitled("Bad").isEmpty());
        assertEquals("2", git(remote, "rev-list", "--count", "main").strip(), "the state file was committed");
    }

    @Test
    @Order(6)
    void aBlogMadeByInitInAnEmptyFolderPublishesThroughTheWorkflowsInitWrote() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("new-blog"));
        CliRun cli = new CliRun(folder);
        cli.clock = Clock.systemUTC();
        assertEquals(0, cli.run("init", "--publication", FakeHashnode.HOST, "--yes").code());
        String config = cli.read("config/xpost.yaml")
                .replace("https://gql-beta.hashnode.com/", blog.hashnodeServer.url("/").toString())
                .replace("  mode: auto\n", "  mode: auto\n  apiBase: " + blog.linkedinServer.url("/") + "\n");
        cli.write("config/xpost.yaml", config);
        cli.write("posts/first.md", CliRun.post("First Light", Instant.now().minus(Duration.ofHours(1)).toString(),
                "first-light", "java"));
        push(folder);
        runner.secrets.put("HASHNODE_TOKEN", E2eBlog.HASHNODE_TOKEN);
        runner.secrets.put("LINKEDIN_ACCESS_TOKEN", E2eBlog.LINKEDIN_TOKEN);

        Path work = freshRun();
        SimulatedRunner.Job check = runner.runWorkflow(work, work.resolve(InitUseCase.CHECK_WORKFLOW));
        assertEquals(0, check.exitCode, check::toString);
        assertTrue(check.summary.toString().contains("### xpost validate: exit 0: 2 posts checked, 0 errors"),
                check::toString);
        assertTrue(check.summary.toString().contains("| `first-light` | hashnode | would create |"),
                "the plan lists what would go out, in the conditional: " + check);
        assertFalse(check.ran("commit"), "a pull-request check commits nothing");
        assertEquals(0, blog.hashnode.posts().size(), "the check sends nothing");

        SimulatedRunner.Job publish = runner.runWorkflow(work, work.resolve(InitUseCase.PUBLISH_WORKFLOW));
        assertEquals(0, publish.exitCode, publish::toString);
        assertEquals(1, blog.hashnode.postsTitled("First Light").size(), publish::toString);
        assertEquals(Status.PUBLISHED, remoteState().recordFor("first-light", "hashnode").orElseThrow().status());
        assertNoToken(publish);

        // A pull request with a broken post: the check fails at the line, the plan step does not run.
        write(work.resolve("posts/bad.md"), "---\ntitle: Bad\nslug: Bad_Slug\ntags: java\n---\nbody\n");
        SimulatedRunner.Job broken = runner.runWorkflow(work, work.resolve(InitUseCase.CHECK_WORKFLOW));
        assertEquals(3, broken.exitCode, broken::toString);
        assertTrue(broken.annotations().contains("::error file=posts/bad.md,line=3,title=invalid-slug::slug "
                + "\"Bad_Slug\" must be lower-case letters, digits and single dashes (such as \"bad-slug\")"),
                broken::toString);
        assertFalse(broken.summary.toString().contains("### xpost plan"), broken::toString);
    }

    private Map<String, String> tokens(Instant linkedinExpiry) {
        return linkedinExpiry == null
                ? Map.of("HASHNODE_TOKEN", E2eBlog.HASHNODE_TOKEN, "LINKEDIN_ACCESS_TOKEN", E2eBlog.LINKEDIN_TOKEN)
                : Map.of("HASHNODE_TOKEN", E2eBlog.HASHNODE_TOKEN, "LINKEDIN_ACCESS_TOKEN", E2eBlog.LINKEDIN_TOKEN,
                        "LINKEDIN_TOKEN_EXPIRES_AT", linkedinExpiry.toString());
    }

    private static void assertNoToken(SimulatedRunner.Job job) {
        for (String token : List.of(E2eBlog.HASHNODE_TOKEN, E2eBlog.LINKEDIN_TOKEN)) {
            assertFalse(job.log.toString().contains(token) || job.summary.toString().contains(token)
                    || job.outputs.toString().contains(token), "a token in the job's log, summary or outputs");
        }
    }

    /** The state file as the remote's main branch has it. */
    private State remoteState() throws IOException {
        Path file = dir.resolve("remote-state-" + (++clones) + ".json");
        Files.writeString(file, git(remote, "show", "main:.xpost/state.json"));
        return new StateStore(file).load();
    }

    /** The blog folder becomes the remote's first commit. */
    private void push(Path folder) {
        git(folder, "init", "-q", "-b", "main");
        git(folder, "add", "-A");
        git(folder, "commit", "-q", "-m", "Blog");
        git(folder, "push", "-q", remote.toString(), "main");
    }

    /** A fresh checkout, as actions/checkout gives each run; the action's checkout loses its build too. */
    private Path freshRun() {
        deleteTree(actionCheckout.resolve("target"));
        return cloneRemote();
    }

    private Path cloneRemote() {
        Path work = dir.resolve("work-" + (++clones));
        git(dir, "clone", "-q", remote.toString(), work.toString());
        return work;
    }

    private static String git(Path in, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(in.toFile()).redirectErrorStream(true);
            pb.environment().putAll(Map.of("GIT_AUTHOR_NAME", GIT_NAME, "GIT_AUTHOR_EMAIL", "author@example.com",
                    "GIT_COMMITTER_NAME", GIT_NAME, "GIT_COMMITTER_EMAIL", "author@example.com"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("git " + String.join(" ", args) + " failed in " + in + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
