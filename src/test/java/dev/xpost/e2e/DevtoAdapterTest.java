package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.config.HttpSettings;
import dev.xpost.http.Backoff;
import dev.xpost.http.Http;
import dev.xpost.http.Json;
import dev.xpost.platform.Platform.Found;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import dev.xpost.platform.Remote;
import dev.xpost.platform.WireRequest;
import dev.xpost.platform.devto.DevtoClient;
import dev.xpost.platform.devto.DevtoPlatform;
import dev.xpost.platform.devto.DevtoSettings;
import dev.xpost.platform.devto.RecordingSession;
import dev.xpost.post.ImageFiles;
import dev.xpost.post.Post;
import dev.xpost.post.PostBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev.to adapter against a stateful fake dev.to: what a run would do, call by call — find before create,
 * create, adopt on the next run, update after an edit, and settle an unknown create by reading the articles back.
 * (Through the CLI, against all three platforms: DevtoPublishE2eTest.)
 */
class DevtoAdapterTest {
    private static final String KEY = "fake-devto-key-adapter";
    private static final String HASHNODE_URL = "https://demo.hashnode.dev/part-1-beginnings";

    @TempDir
    Path blog;
    private final MockWebServer server = new MockWebServer();
    private FakeDevto devto;
    private RecordingSession session;
    private ImageFiles files;

    @BeforeEach
    void start() throws IOException {
        // The other platform's (fake) token, which must never reach dev.to: the one the end-to-end blogs use.
        devto = new FakeDevto(KEY, List.of(E2eBlog.HASHNODE_TOKEN));
        server.setDispatcher(devto);
        server.start();
        session = new RecordingSession();
        files = new ImageFiles(blog, blog);
    }

    @AfterEach
    void stop() {
        assertEquals(List.of(), devto.violations());
        server.close();
    }

    /** A new platform, as each run builds one. */
    private DevtoPlatform platform() {
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10),
                3, Duration.ofMillis(10), Duration.ofSeconds(60));
        DevtoClient client = new DevtoClient(
                Http.newClient(settings.connectTimeout(), settings.readTimeout(), settings.callTimeout(), null),
                server.url("/"), KEY,
                new Backoff(settings.maxAttempts(), settings.baseDelay(), settings.retryAfterCap(), d -> { },
                        new Random(3)),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        DevtoPlatform p = new DevtoPlatform(client, new DevtoSettings(server.url("/"), null, null), files);
        p.prepare(session);
        return p;
    }

    private Post part1(String body) {
        return PostBuilder.post("part-1-beginnings").file(blog.resolve("posts/part-1-beginnings.md").toString())
                .title("Part 1: Beginnings (2002-2004)").tags("cloud", "aws", "ci-cd", "history", "serverless")
                .series("aws-history", 1).cover("https://cdn.hashnode.com/res/hashnode/image/upload/v1/cover.png")
                .seoDescription("How it began").body(body).build();
    }

    @Test
    void createThenFindThenUpdateKeepsOneArticlePointingHome() {
        session.hashnodeUrls.put("part-1-beginnings", HASHNODE_URL);
        Post post = part1("It started.\n\n%[https://www.youtube.com/watch?v=abc]\n\n![Map](https://e.com/m.png "
                + "align=\"center\")\n");

        DevtoPlatform run1 = platform();
        assertTrue(run1.find(post, session).isEmpty());
        Remote created = run1.create(post, session);
        assertEquals(Map.of("title", "Part 1: Beginnings (2002-2004)", "canonical_url", HASHNODE_URL),
                session.lastSent());
        FakeDevto.Article a = devto.articles().get(0);
        assertEquals(Long.toString(a.id), created.id());
        assertEquals(a.url(), created.url());
        assertEquals(HASHNODE_URL, a.canonical, "dev.to's copy points home to Hashnode");
        assertEquals(List.of("cloud", "aws", "cicd", "history"), a.tags);
        assertEquals("aws-history", a.series);
        assertEquals("https://cdn.hashnode.com/res/hashnode/image/upload/v1/cover.png", a.mainImage);
        assertEquals("How it began", a.description);
        assertTrue(a.published);
        assertEquals("It started.\n\n{% embed https://www.youtube.com/watch?v=abc %}\n\n![Map](https://e.com/m.png)\n",
                a.body);

        DevtoPlatform run2 = platform();
        Found found = run2.find(post, session).orElseThrow();
        assertEquals(created.id(), found.remote().id());
        assertEquals(Boolean.TRUE, found.sameContent());

        Post edited = part1("It started, as most things do.\n");
        assertNotEquals(run2.fingerprint(post, session), run2.fingerprint(edited, session));
        assertEquals(Boolean.FALSE, run2.find(edited, session).orElseThrow().sameContent());
        Remote updated = run2.update(edited, found.remote(), run2.fingerprint(post, session), false, session);
        assertEquals(created.id(), updated.id());
        assertEquals("It started, as most things do.\n", devto.articles().get(0).body);
        assertEquals(List.of("cloud", "aws", "cicd", "history"), devto.articles().get(0).tags);
        assertEquals(1, devto.count("create"));
        assertEquals(1, devto.articles().size());
    }

    @Test
    void unknownCreateThatWasStoredIsSettledByReadingBackNotByResending() {
        session.hashnodeUrls.put("part-1-beginnings", HASHNODE_URL);
        Post post = part1("Body.\n");
        DevtoPlatform run1 = platform();
        assertTrue(run1.find(post, session).isEmpty());
        devto.fail("create", Fault.DROPPED_AFTER_REQUEST, 1, true, 0);
        PlatformException e = assertThrows(PlatformException.class, () -> run1.create(post, session));
        assertEquals(Kind.UNKNOWN_OUTCOME, e.kind(), e.getMessage());
        Map<String, String> sent = session.lastSent();

        // The next run settles with what was sent, even though the author has retitled the post meanwhile.
        Post retitled = PostBuilder.post("part-1-beginnings").title("Part 1: How it began").body("Body.\n").build();
        Found found = platform().findSent(retitled, sent, session).orElseThrow();
        assertEquals(Long.toString(devto.articles().get(0).id), found.remote().id());
        assertEquals(1, devto.count("create"));
        assertEquals(1, devto.articles().size());
    }

    @Test
    void unknownCreateThatWasNotStoredSettlesAsNotThere() {
        Post post = part1("Body.\n");
        DevtoPlatform run1 = platform();
        devto.fail("create", Fault.HTTP_500, 1, false, 0);
        assertEquals(Kind.UNKNOWN_OUTCOME, assertThrows(PlatformException.class,
                () -> run1.create(post, session)).kind());
        assertEquals(Optional.empty(), platform().findSent(post, session.lastSent(), session));
        assertEquals(List.of(), devto.articles());
    }

    @Test
    void settlingInTheSameRunReadsAFreshListing() {
        Post post = part1("Body.\n");
        DevtoPlatform run = platform();
        assertTrue(run.find(post, session).isEmpty());
        devto.fail("create", Fault.HEADERS_DELAY, 1, true, 4000);
        assertEquals(Kind.UNKNOWN_OUTCOME, assertThrows(PlatformException.class,
                () -> run.create(post, session)).kind());
        assertTrue(run.findSent(post, session.lastSent(), session).isPresent());
        assertEquals(2, devto.count("list"));
    }

    @Test
    void aHandMadeCrossPostIsAdoptedByItsCanonicalUrl() {
        session.hashnodeUrls.put("part-1-beginnings", HASHNODE_URL);
        FakeDevto.Article mine = devto.seed("Beginnings", "Old text", "https://DEMO.hashnode.dev/part-1-beginnings/",
                List.of("aws"));
        devto.seed("Part 1: Beginnings (2002-2004)", "Someone else's canonical", "https://other.blog/p1", List.of());
        Found found = platform().find(part1("Body.\n"), session).orElseThrow();
        assertEquals(Long.toString(mine.id), found.remote().id());
        assertEquals(Boolean.FALSE, found.sameContent());
    }

    @Test
    void aHandMadeCrossPostWithoutCanonicalIsAdoptedByItsTitleWithANote() {
        FakeDevto.Article mine = devto.seed("Part 1:  beginnings (2002-2004)", "Old", null, List.of());
        Found found = platform().find(part1("Body.\n"), session).orElseThrow();
        assertEquals(Long.toString(mine.id), found.remote().id());
        assertTrue(found.remote().note().contains("by its title"), found.remote().note());
    }

    @Test
    void anArticleWithTheSameTitlePointingElsewhereIsNotAdopted() {
        devto.seed("Part 1: Beginnings (2002-2004)", "Other", "https://other.blog/p1", List.of());
        assertTrue(platform().find(part1("Body.\n"), session).isEmpty());
    }

    @Test
    void twoArticlesWithTheTitleAndNoCanonicalAreNotGuessedBetween() {
        devto.seed("Part 1: Beginnings (2002-2004)", "A", null, List.of());
        devto.seed("Part 1: Beginnings (2002-2004)", "B", null, List.of());
        PlatformException e = assertThrows(PlatformException.class,
                () -> platform().find(part1("Body.\n"), session));
        assertEquals(Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("2 articles titled"), e.getMessage());
    }

    @Test
    void localImagesUseTheirHashnodeCdnUrlOrStayAsWrittenWithAWarning() throws IOException {
        Path img = Files.createDirectories(blog.resolve("posts/img")).resolve("map.png");
        byte[] png = Fixtures.bytes("e2e/cover.png");
        Files.write(img, png);
        Post post = PostBuilder.post("maps").file(blog.resolve("posts/maps.md").toString()).title("Maps")
                .body("See ![map](img/map.png align=\"center\").\n").build();

        platform().create(post, session);
        assertEquals("See ![map](img/map.png).\n", devto.articles().get(0).body);
        assertTrue(session.warnings.get(0).contains("img/map.png"), session.warnings.toString());

        session.rememberImage("hashnode", ImageFiles.hashOf(png), "https://cdn.hashnode.com/res/hashnode/image/m.png");
        DevtoPlatform next = platform();
        Found found = next.find(post, session).orElseThrow();
        next.update(post, found.remote(), null, false, session);
        assertEquals("See ![map](https://cdn.hashnode.com/res/hashnode/image/m.png).\n", devto.articles().get(0).body);
    }

    @Test
    void previewShowsTheExactCreateAndUpdateWithoutTheKey() {
        session.hashnodeUrls.put("part-1-beginnings", HASHNODE_URL);
        DevtoPlatform p = platform();
        Post post = part1("Body.\n");
        WireRequest create = p.previewCreate(post, session).get(0);
        assertEquals("POST", create.method());
        assertEquals(server.url("/api/articles").toString(), create.url());
        JsonNode body = Json.MAPPER.valueToTree(create.body());
        assertEquals(HASHNODE_URL, body.path("article").path("canonical_url").asText());
        assertEquals(4, body.path("article").path("tags").size());
        WireRequest update = p.previewUpdate(post, Remote.of("123", "https://dev.to/ada/x", null, null), null, false,
                session).get(0);
        assertEquals("PUT", update.method());
        assertEquals(server.url("/api/articles/123").toString(), update.url());
        assertFalse(Json.compact(List.of(create, update)).contains(KEY));
        assertEquals(0, server.getRequestCount(), "a preview sends nothing");
    }

    @Test
    void withoutAKeyNothingIsSentAndCreateSaysWhatToSet() {
        DevtoPlatform offline = new DevtoPlatform(null, DevtoSettings.defaults(), files);
        Post post = part1("Body.\n");
        assertTrue(offline.find(post, session).isEmpty());
        assertEquals(1, offline.previewCreate(post, session).size());
        PlatformException e = assertThrows(PlatformException.class, () -> offline.create(post, session));
        assertEquals(Kind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("DEVTO_API_KEY"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }
}
