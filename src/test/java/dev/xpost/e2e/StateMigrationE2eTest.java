package dev.xpost.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xpost.cli.CliRun;
import dev.xpost.state.State;
import dev.xpost.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blog whose state file the last release wrote (format version 1) keeps working: commands that only look never
 * write it, the next real run writes it in version 2 with every record, and a file of a newer xpost stops every
 * command with exit 2, untouched.
 */
class StateMigrationE2eTest {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @TempDir
    Path dir;
    E2eBlog blog;

    @BeforeEach
    void setUp() throws IOException {
        blog = new E2eBlog(dir);
        blog.post("first.md", "First post", "2026-11-20T09:00:00Z", "first-post");
        blog.post("second.md", "Second post", "2026-11-22T09:00:00Z", "second-post");
    }

    @AfterEach
    void tearDown() {
        blog.close();
    }

    /** The same state in version 1's shape: top-level account objects, the record extension in the record. */
    private static String asVersion1(String v2) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(v2);
        JsonNode accounts = root.remove("accounts");
        if (accounts != null) {
            accounts.fields().forEachRemaining(a -> root.set(a.getKey(), a.getValue()));
        }
        for (JsonNode post : root.path("posts")) {
            for (Iterator<JsonNode> it = post.path("platforms").elements(); it.hasNext(); ) {
                ObjectNode record = (ObjectNode) it.next();
                // The last release wrote no source digests: the next publish records them again.
                record.remove("source");
                JsonNode ext = record.remove("ext");
                if (ext != null) {
                    ext.fields().forEachRemaining(e -> record.set(e.getKey(), e.getValue()));
                }
            }
        }
        root.put("version", 1);
        return MAPPER.writeValueAsString(root) + "\n";
    }

    @Test
    void onlyARealRunWritesAVersion1FileAgainAsVersion2WithEveryRecord() throws IOException {
        E2eBlog.Run first = blog.publish();
        assertEquals(0, first.code(), first::toString);
        State published = blog.state();
        String v1 = asVersion1(Files.readString(blog.stateFile()));
        assertTrue(v1.contains("\"cuid\"") && v1.contains("\"publicationHost\"") && v1.contains("\"version\" : 1"),
                v1);
        Files.writeString(blog.stateFile(), v1);
        byte[] before = Files.readAllBytes(blog.stateFile());
        blog.resetCounts();

        for (List<String> looking : List.of(List.of("plan"), List.of("status"), List.of("publish", "--dry-run"),
                List.of("state", "show"))) {
            CliRun.Result r = blog.run(looking.toArray(String[]::new));
            assertEquals(0, r.code(), r::toString);
            assertArrayEquals(before, Files.readAllBytes(blog.stateFile()), looking + " wrote the state file");
            assertFalse(Files.exists(new StateStore(blog.stateFile()).journal()), looking + " wrote a journal");
        }
        CliRun.Result show = blog.run("state", "show");
        // The migrated state is the published one less the source digests, which the last release did not write.
        assertEquals(StateStore.text(published).replaceAll("(?m)^ *\"source\": \"[^\"]*\",\n", ""), show.out(),
                "state show prints the migrated state");

        E2eBlog.Run again = blog.publish();

        assertEquals(0, again.code(), again::toString);
        assertEquals("unchanged", again.outcome("first-post", "hashnode"), again::toString);
        assertEquals("unchanged", again.outcome("second-post", "linkedin"), again::toString);
        assertEquals(0, blog.requests(), "the remembered publication and author were migrated too");
        assertEquals(StateStore.text(published), Files.readString(blog.stateFile()), "written as version 2");
        assertTrue(Files.readString(blog.stateFile()).contains("\"version\": 2"));
        blog.assertExactlyOnce("first-post", "First post", true);
        blog.assertExactlyOnce("second-post", "Second post", true);
    }

    @Test
    void aStateFileOfANewerXpostStopsEveryCommandWithExit2AndIsLeftAlone() throws IOException {
        Files.createDirectories(blog.stateFile().getParent());
        Files.writeString(blog.stateFile(), "{\n  \"posts\": {},\n  \"shelf\": {\"x\": 1},\n  \"version\": 3\n}\n");
        byte[] before = Files.readAllBytes(blog.stateFile());

        for (String command : List.of("publish", "plan", "status")) {
            CliRun.Result r = blog.run(command);
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().contains("was written by a newer xpost"), r::toString);
            assertFalse(r.err().contains("Exception"), r::toString);
            assertArrayEquals(before, Files.readAllBytes(blog.stateFile()), command);
        }
        assertEquals(0, blog.hashnode.count("PublishPost"), "nothing was sent");
    }
}
