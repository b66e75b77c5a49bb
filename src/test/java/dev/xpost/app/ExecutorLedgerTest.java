package dev.xpost.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.config.Config;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Remote;
import dev.xpost.platform.Session;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.Post;
import dev.xpost.state.PlatformRecord;
import dev.xpost.state.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor and the ledger against an in-memory platform (no HTTP): the order exactly-once rests on, as the
 * state file on disk shows it at the moment the platform is called.
 */
class ExecutorLedgerTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dir;

    /** The in-memory home platform: posts by slug, and what the state file held when each create came in. */
    private final Map<String, Remote> remote = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Optional<PlatformRecord>> onDiskAtCreate = new ArrayList<>();
    private final List<Optional<PlatformRecord>> onDiskAtSend = new ArrayList<>();
    private boolean loseNextAnswer;
    /** Files the state store forced to disk (the journal, or the state file's temporary file), in order. */
    private final List<Path> forced = new ArrayList<>();
    /** How many files were forced when each create was called, and when it had told what it sends. */
    private final List<Integer> forcesAtCreate = new ArrayList<>();
    private final List<Integer> forcesAtSend = new ArrayList<>();

    @BeforeEach
    void blog() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(dir.resolve("posts"));
        Files.writeString(dir.resolve("config/xpost.yaml"), "timezone: UTC\nhashnode:\n  publication: demo.hashnode.dev\n");
        Files.writeString(dir.resolve("posts/hello.md"), "---\ntitle: Hello\nslug: hello\ndatePublished: "
                + "2026-11-01T09:00:00Z\ntags: java\n---\n\nHello, world.\n");
    }

    private Services services(Instant clock) {
        return new Services(dir, Map.of(), Clock.fixed(clock, ZoneOffset.UTC), null);
    }

    private RunReport publish(Instant clock) {
        Services services = services(clock);
        services.stateStoreHook = store -> store.onForce(path -> {
            if (!Files.isDirectory(path)) {
                forced.add(path.getFileName());
            }
        });
        PlatformFactory factory = (name, s, mode) -> new InMemory(name, services);
        return new PublishUseCase(services, factory).run(new PublishUseCase.Options(List.of(), clock, List.of(),
                PublishUseCase.Mode.LIVE, null));
    }

    private Optional<PlatformRecord> recorded(Instant clock) {
        return services(clock).stateStore().load().recordFor("hello", Config.HASHNODE);
    }

    @Test
    void theIntentIsOnDiskBeforeTheCreateGoesOutAndTheResultRightAfter() {
        RunReport report = publish(NOW);

        assertEquals(List.of("create hello"), calls);
        assertEquals(Status.INTENT, onDiskAtCreate.get(0).map(PlatformRecord::status).orElse(null),
                "the state file when the create was called: " + onDiskAtCreate);
        assertEquals(Map.of("slug", "hello"), onDiskAtSend.get(0).map(PlatformRecord::sent).orElse(null),
                "what the create carries is on disk before its request goes out");
        assertEquals(Outcome.Result.CREATED, report.outcomes().get(0).result());
        assertEquals("id-hello", recorded(NOW).map(PlatformRecord::id).orElse(null));
        assertEquals(Status.PUBLISHED, recorded(NOW).map(PlatformRecord::status).orElse(null));
    }

    @Test
    void aLostAnswerLeavesTheIntentOpenAndTheNextRunFindsThePostInsteadOfCreatingATwin() {
        loseNextAnswer = true;
        RunReport first = publish(NOW);

        assertEquals(Outcome.Result.UNKNOWN, first.outcomes().get(0).result());
        assertEquals(Status.UNKNOWN, recorded(NOW).map(PlatformRecord::status).orElse(null));

        Instant later = NOW.plusSeconds(3600);
        RunReport second = publish(later);

        assertEquals(List.of("create hello", "findSent hello"), calls, "one create in all");
        assertEquals(Outcome.Result.ADOPTED, second.outcomes().get(0).result());
        assertEquals("id-hello", recorded(later).map(PlatformRecord::id).orElse(null));
        assertTrue(publish(later.plusSeconds(60)).outcomes().stream()
                .allMatch(o -> o.result() == Outcome.Result.UNCHANGED), "a settled post is unchanged next run");
        assertEquals(List.of("create hello", "findSent hello"), calls, "an unchanged post costs no call");
    }

    @Test
    void eachCreateCostsOneForceToDiskAndTheRunEndsWithEverythingForced() throws IOException {
        for (String slug : List.of("two", "three")) {
            Files.writeString(dir.resolve("posts/" + slug + ".md"), "---\ntitle: " + slug + "\nslug: " + slug
                    + "\ndatePublished: 2026-11-01T09:00:00Z\ntags: java\n---\n\nPost " + slug + ".\n");
        }
        RunReport report = publish(NOW);

        assertEquals(3, calls.size(), "three creates: " + calls);
        assertTrue(report.outcomes().stream().allMatch(o -> o.result() == Outcome.Result.CREATED), "" + report.outcomes());
        for (int i = 0; i < 3; i++) {
            assertEquals(1, forcesAtSend.get(i) - forcesAtCreate.get(i),
                    "the intent and what the create carries are forced once, before its request: " + forced);
        }
        for (int i = 1; i < 3; i++) {
            assertEquals(0, forcesAtCreate.get(i) - forcesAtSend.get(i - 1),
                    "the result line and the next intent wait for the next create's force: " + forced);
        }
        assertEquals(List.of(Path.of("state.journal"), Path.of("state.journal"), Path.of("state.journal")),
                forced.subList(0, forcesAtSend.get(2)), "every force up to the last create is the journal's");
        assertTrue(forced.size() > forcesAtSend.get(2), "the last result is forced by the end of the run: " + forced);
        for (String slug : List.of("hello", "two", "three")) {
            assertEquals(Status.PUBLISHED, services(NOW).stateStore().load().recordFor(slug, Config.HASHNODE)
                    .map(PlatformRecord::status).orElse(null), slug);
        }
    }

    private final class InMemory implements Platform {
        private final String name;
        private final Services services;

        InMemory(String name, Services services) {
            this.name = name;
            this.services = services;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean online() {
            return true;
        }

        @Override
        public void prepare(Session session) {
        }

        @Override
        public String fingerprint(Post post, Session session) {
            return "fp-" + post.slug() + "-" + post.body().hashCode();
        }

        @Override
        public Optional<Found> find(Post post, Session session) {
            return Optional.ofNullable(remote.get(post.slug())).map(r -> new Found(r, true));
        }

        @Override
        public Optional<Found> findSent(Post post, Map<String, String> sent, Session session) {
            calls.add("findSent " + post.slug());
            return find(post, session);
        }

        @Override
        public List<WireRequest> previewCreate(Post post, Session session) {
            return List.of();
        }

        @Override
        public List<WireRequest> previewUpdate(Post post, Remote existing, String recordedFingerprint,
                boolean slugChanged, Session session) {
            return List.of();
        }

        @Override
        public Remote create(Post post, Session session) {
            calls.add("create " + post.slug());
            onDiskAtCreate.add(services.stateStore().load().recordFor(post.slug(), name));
            forcesAtCreate.add(forced.size());
            session.sending(Map.of("slug", post.slug()));
            forcesAtSend.add(forced.size());
            onDiskAtSend.add(services.stateStore().load().recordFor(post.slug(), name));
            Remote made = Remote.of("id-" + post.slug(), "https://demo.hashnode.dev/" + post.slug(), post.slug(),
                    null);
            remote.put(post.slug(), made);
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new PlatformException(name, PlatformException.Kind.UNKNOWN_OUTCOME, "the answer was lost");
            }
            return made;
        }

        @Override
        public Remote update(Post post, Remote existing, String recordedFingerprint, boolean slugChanged,
                Session session) {
            calls.add("update " + post.slug());
            return existing;
        }
    }
}
