package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xpost import hashnode} when Hashnode cannot give the posts: nothing is written, the message says what
 * happened once (no "xpost: xpost …"), and the exit code is README's: 2 for a platform that cannot be reached or
 * answers with a server error or with something not JSON (as doctor and auth status), 4 for a refused token.
 */
class ImportFailureCliTest {
    private static final String TOKEN = "fake-hn-token-import";
    @TempDir
    Path dir;
    final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun blog(String endpoint) throws IOException {
        CliRun cli = new CliRun(dir);
        cli.write("config/xpost.yaml", "timezone: UTC\nhashnode:\n  publication: demo.hashnode.dev\n  endpoint: "
                + endpoint + "\nhttp:\n  connectTimeout: 1s\n  readTimeout: 2s\n  maxAttempts: 2\n"
                + "  retryAfterCap: 1s\n");
        cli.env.put("HASHNODE_TOKEN", TOKEN);
        return cli;
    }

    private CliRun answering(int code, String contentType, String body) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType).body(body)
                        .build();
            }
        });
        server.start();
        return blog(server.url("/").toString());
    }

    private void assertNothingWritten(CliRun.Result r) throws IOException {
        assertFalse(Files.exists(dir.resolve(".xpost/state.json")), r::toString);
        assertFalse(Files.exists(dir.resolve("posts")) && Files.list(dir.resolve("posts")).findAny().isPresent(),
                r::toString);
        assertFalse(r.err().contains("xpost: xpost"), r::toString);
        assertFalse(r.err().contains("Exception\n") || r.err().contains("\tat "), r::toString);
        assertFalse(r.err().contains(TOKEN), r::toString);
        assertTrue(r.err().startsWith("xpost: "), r::toString);
        assertTrue(r.err().contains("nothing imported"), r::toString);
    }

    @Test
    void anUnreachableHostIsANetworkErrorThatExits2() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun cli = blog("http://127.0.0.1:" + closed + "/");
        CliRun.Result r = cli.run("import", "hashnode");
        assertEquals(2, r.code(), r::toString);
        assertNothingWritten(r);
        assertTrue(r.err().contains("check the network, or the endpoint"), r::toString);
    }

    @Test
    void aRefusedTokenExits4() throws IOException {
        CliRun cli = answering(401, "text/plain", "Unauthorized");
        CliRun.Result r = cli.run("import", "hashnode");
        assertEquals(4, r.code(), r::toString);
        assertNothingWritten(r);
        assertTrue(r.err().contains("HASHNODE_TOKEN"), r::toString);
    }

    @Test
    void aServerErrorEveryTimeExits2() throws IOException {
        CliRun cli = answering(503, "text/plain", "Service Unavailable");
        CliRun.Result r = cli.run("import", "hashnode");
        assertEquals(2, r.code(), r::toString);
        assertNothingWritten(r);
    }

    @Test
    void anAnswerThatIsNotJsonExits2() throws IOException {
        CliRun cli = answering(200, "text/html; charset=utf-8", "<html><body>Welcome to nginx</body></html>");
        CliRun.Result r = cli.run("import", "hashnode");
        assertEquals(2, r.code(), r::toString);
        assertNothingWritten(r);
    }
}
