package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.cli.CliRun;
import dev.xpost.http.Json;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.State;
import dev.xpost.state.StateStore;
import dev.xpost.state.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;

/**
 * A blog folder wired to a fake Hashnode and a fake LinkedIn, each on its own MockWebServer, with the real CLI run
 * in it through {@link CliRun}. Every run is checked for leaked tokens (stdout, stderr, the state file); closing
 * checks that each fake saw only its own token.
 */
final class E2eBlog implements AutoCloseable {
    static final String HASHNODE_TOKEN = "fake-hn-token-e2e";
    static final String LINKEDIN_TOKEN = "fake-li-token-e2e";
    static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    final Path dir;
    final CliRun cli;
    final MockWebServer hashnodeServer = new MockWebServer();
    final MockWebServer linkedinServer = new MockWebServer();
    final FakeHashnode hashnode = new FakeHashnode(HASHNODE_TOKEN, List.of(LINKEDIN_TOKEN, DEVTO_KEY));
    final FakeLinkedIn linkedin = new FakeLinkedIn(LINKEDIN_TOKEN, List.of(HASHNODE_TOKEN, DEVTO_KEY));
    private final List<CliRun.Result> results = new ArrayList<>();
    static final String DEVTO_KEY = "fake-devto-key-e2e";
    /** dev.to, started by {@link #withDevto()}; null until then. */
    MockWebServer devtoServer;
    FakeDevto devto;

    E2eBlog(Path dir) throws IOException {
        this.dir = dir;
        hashnodeServer.setDispatcher(hashnode);
        linkedinServer.setDispatcher(linkedin);
        hashnodeServer.start();
        linkedinServer.start();
        cli = new CliRun(dir);
        cli.clock = Clock.fixed(START, ZoneOffset.UTC);
        cli.env.put("HASHNODE_TOKEN", HASHNODE_TOKEN);
        cli.env.put("LINKEDIN_ACCESS_TOKEN", LINKEDIN_TOKEN);
        config("3s");
    }

    /** Writes config/xpost.yaml pointing at the fakes; {@code readTimeout} such as {@code 3s} or {@code 700ms}. */
    E2eBlog config(String readTimeout) throws IOException {
        cli.write("config/xpost.yaml", """
                timezone: UTC
                hashnode:
                  publication: %s
                  endpoint: %s
                linkedin:
                  author: auto
                  apiBase: %s
                http:
                  connectTimeout: 2s
                  readTimeout: %s
                  callTimeout: 20s
                  maxAttempts: 2
                  retryAfterCap: 1s
                """.formatted(FakeHashnode.HOST, hashnodeServer.url("/"), linkedinServer.url("/"), readTimeout));
        return this;
    }

    /**
     * Makes dev.to the third platform: starts a {@link FakeDevto}, gives the run its key, and writes the config of
     * {@link #config} with a {@code devto:} section pointing at the fake.
     */
    E2eBlog withDevto() throws IOException {
        return withDevto("3s");
    }

    /** {@link #withDevto()} with the read timeout of {@link #config}. */
    E2eBlog withDevto(String readTimeout) throws IOException {
        devto = new FakeDevto(DEVTO_KEY, List.of(HASHNODE_TOKEN, LINKEDIN_TOKEN));
        devtoServer = new MockWebServer();
        devtoServer.setDispatcher(devto);
        devtoServer.start();
        cli.env.put("DEVTO_API_KEY", DEVTO_KEY);
        config(readTimeout);
        String yaml = cli.read("config/xpost.yaml");
        cli.write("config/xpost.yaml", yaml + "devto:\n  apiBase: " + devtoServer.url("/") + "\n");
        return this;
    }

    /** A post file in the format of Hashnode's backups; the body says the title. */
    Path post(String file, String title, String date, String slug, String... extra) throws IOException {
        return cli.write("posts/" + file, CliRun.post(title, date, slug, "java, cli", extra));
    }

    /** A cover image URL served by the LinkedIn fake's server, as a blog's image host. */
    String coverUrl(String name) {
        return linkedinServer.url("/img/" + name).toString();
    }

    /** Runs the real CLI; checks that no token is printed or written, whatever the outcome. */
    CliRun.Result run(String... args) {
        CliRun.Result r = cli.run(args);
        results.add(r);
        assertNoTokenIn(r);
        return r;
    }

    /** Runs {@code publish --json …} and returns the document with the result. */
    Run publish(String... args) {
        List<String> all = new ArrayList<>(List.of("publish", "--json"));
        all.addAll(List.of(args));
        CliRun.Result r = run(all.toArray(String[]::new));
        return new Run(r, Json.parseOrNull(r.out()));
    }

    /** One publish run: exit code, output, and its actions by post and platform. */
    record Run(CliRun.Result result, JsonNode doc) {
        int code() {
            return result.code();
        }

        /** The action row of one post on one platform. */
        JsonNode action(String slug, String platform) {
            assertNotNull(doc, () -> "not a JSON document: " + result);
            for (JsonNode a : doc.path("actions")) {
                if (slug.equals(a.path("post").asText()) && platform.equals(a.path("platform").asText())) {
                    return a;
                }
            }
            throw new AssertionError("no action for " + slug + " on " + platform + " in\n" + result);
        }

        String outcome(String slug, String platform) {
            return action(slug, platform).path("outcome").asText(null);
        }

        String message(String slug, String platform) {
            return action(slug, platform).path("message").asText("");
        }

        @Override
        public String toString() {
            return result.toString();
        }
    }

    void assertNoTokenIn(CliRun.Result r) {
        for (String token : List.of(HASHNODE_TOKEN, LINKEDIN_TOKEN, DEVTO_KEY)) {
            assertFalse(r.out().contains(token), () -> "a token was printed to stdout:\n" + r);
            assertFalse(r.err().contains(token), () -> "a token was printed to stderr:\n" + r);
        }
        Path state = stateFile();
        if (Files.exists(state)) {
            String text = read(state);
            assertFalse(text.contains(HASHNODE_TOKEN) || text.contains(LINKEDIN_TOKEN)
                    || text.contains(DEVTO_KEY), "a token in the state file");
        }
    }

    Path stateFile() {
        return dir.resolve(StateStore.DEFAULT_PATH);
    }

    State state() {
        return new StateStore(stateFile()).load();
    }

    void saveState(State s) {
        new StateStore(stateFile()).save(s);
    }

    Optional<PlatformRecord> record(String slug, String platform) {
        return state().recordFor(slug, platform);
    }

    PlatformRecord published(String slug, String platform) {
        PlatformRecord r = record(slug, platform).orElseThrow(() -> new AssertionError("no " + platform
                + " record for " + slug + " in\n" + read(stateFile())));
        assertEquals(Status.PUBLISHED, r.status(), () -> slug + " on " + platform + ":\n" + read(stateFile()));
        return r;
    }

    /** Moves the wall clock the engine ages intents by. */
    void advance(Duration d) {
        cli.clock = Clock.fixed(cli.clock.instant().plus(d), ZoneOffset.UTC);
    }

    /**
     * Platform time as the tests of settling need it: the fake Hashnode hides each new post from reads for
     * {@code lag} after it stored it (Hashnode's cached reads, API.md §3), by the run's clock; and the run's clock
     * becomes a {@link MovableClock} that a {@link Fault#LATE_COMMIT} moves while its request is in flight (later
     * {@link #advance} calls fix it again, which is all a settling run needs).
     */
    MovableClock hashnodeReadLag(Duration lag) {
        MovableClock c = new MovableClock(cli.clock.instant());
        cli.clock = c;
        hashnode.readLag(lag, () -> cli.clock.instant());
        hashnode.moveClockWith(this::moveIfMovable);
        linkedin.moveClockWith(this::moveIfMovable);
        return c;
    }

    /**
     * As {@link #hashnodeReadLag} for the fake dev.to (after {@link #withDevto}): {@code /me/all} lists a new
     * article {@code lag} after it was stored, by the run's clock (dev.to's cached listings, API.md §5.3).
     */
    void devtoReadLag(Duration lag) {
        if (!(cli.clock instanceof MovableClock)) {
            cli.clock = new MovableClock(cli.clock.instant());
        }
        devto.readLag(lag, () -> cli.clock.instant());
        devto.moveClockWith(this::moveIfMovable);
    }

    /**
     * Exactly one dev.to article per post: one article with this title, the state's dev.to record names it, and
     * its canonical URL is the post's Hashnode URL.
     */
    void assertExactlyOnceOnDevto(String slug, String title) {
        List<FakeDevto.Article> dv = devto.articlesTitled(title);
        assertEquals(1, dv.size(), () -> "dev.to articles titled \"" + title + "\": " + dv.size());
        PlatformRecord d = published(slug, "devto");
        assertEquals(String.valueOf(dv.get(0).id), d.id(), "the state's dev.to id is the fake's article");
        assertEquals(published(slug, "hashnode").url(), dv.get(0).canonical, "dev.to points home to Hashnode");
    }

    private void moveIfMovable(Duration d) {
        if (cli.clock instanceof MovableClock m) {
            m.advance(d);
        }
    }

    void resetCounts() {
        hashnode.resetCounts();
        linkedin.resetCounts();
        if (devto != null) {
            devto.resetCounts();
        }
    }

    /** Requests the fakes received since the last {@link #resetCounts()}, cover downloads aside. */
    int requests() {
        return hashnode.total() + linkedin.total() + (devto == null ? 0 : devto.total());
    }

    /**
     * Exactly one remote post per (post, platform) on the fakes, and the state file names those very posts:
     * Hashnode's by id, LinkedIn's by URN, and LinkedIn's card links to the Hashnode post.
     */
    void assertExactlyOnce(String slug, String title, boolean onLinkedIn) {
        List<FakeHashnode.StoredPost> hn = hashnode.postsTitled(title);
        assertEquals(1, hn.size(), () -> "Hashnode posts titled \"" + title + "\": " + hn.size());
        PlatformRecord h = published(slug, "hashnode");
        assertEquals(hn.get(0).id, h.id(), "the state's Hashnode id is the fake's post");
        assertEquals(hn.get(0).url(), h.url());
        if (!onLinkedIn) {
            return;
        }
        List<FakeLinkedIn.StoredPost> li = linkedin.postsLinkingTo(hn.get(0).url());
        assertEquals(1, li.size(), () -> "LinkedIn posts linking to " + hn.get(0).url() + ": " + li.size());
        PlatformRecord l = published(slug, "linkedin");
        assertEquals(li.get(0).urn, l.id(), "the state's LinkedIn URN is the fake's post");
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List<String> problems = new ArrayList<>();
        hashnode.violations().forEach(v -> problems.add("hashnode: " + v));
        linkedin.violations().forEach(v -> problems.add("linkedin: " + v));
        hashnodeServer.close();
        linkedinServer.close();
        if (devto != null) {
            devto.violations().forEach(v -> problems.add("devto: " + v));
            devtoServer.close();
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }
}
