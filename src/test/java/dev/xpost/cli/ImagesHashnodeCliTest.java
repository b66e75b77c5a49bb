package dev.xpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing a post with local images to Hashnode, through the real CLI: one MockWebServer plays Hashnode's GraphQL
 * API, a second one the S3 bucket the presigned POST goes to.
 */
class ImagesHashnodeCliTest {
    static final String TOKEN = "fake-hn-token-images";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @TempDir
    Path dir;
    CliRun cli;
    final MockWebServer hashnode = new MockWebServer();
    final MockWebServer s3 = new MockWebServer();
    /** GraphQL bodies Hashnode received, in order. */
    final List<JsonNode> graphql = new CopyOnWriteArrayList<>();
    /** Uploads S3 received, in order. */
    final List<RecordedRequest> uploads = new CopyOnWriteArrayList<>();
    final AtomicInteger keys = new AtomicInteger();
    /** S3's answer to each upload, by the file name in it; 204 when not listed. */
    volatile String failFor;
    volatile int failCode;

    @BeforeEach
    void blog() throws IOException {
        hashnode.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                JsonNode body = Json.parseOrNull(r.getBody().utf8());
                graphql.add(body);
                return json(answer(body));
            }
        });
        s3.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                uploads.add(r);
                String text = r.getBody().string(StandardCharsets.ISO_8859_1);
                if (failFor != null && text.contains("filename=\"" + failFor + "\"")) {
                    return new MockResponse.Builder().code(failCode).body("<?xml version=\"1.0\"?><Error><Code>"
                            + "AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message>"
                            + "</Error>").build();
                }
                return new MockResponse.Builder().code(204).build();
            }
        });
        hashnode.start();
        s3.start();
        cli = new CliRun(dir);
        cli.env.put("HASHNODE_TOKEN", TOKEN);
        cli.write("config/xpost.yaml", "hashnode:\n  publication: demo.hashnode.dev\n  endpoint: "
                + hashnode.url("/gql") + "\n");
        Files.createDirectories(dir.resolve("posts/img"));
        Files.createDirectories(dir.resolve("images"));
        Files.write(dir.resolve("posts/img/diagram.png"), PNG);
        Files.write(dir.resolve("images/cover.jpg"), JPEG);
        cli.write("posts/a.md", """
                ---
                title: "With pictures"
                slug: with-pictures
                tags: java
                cover: /images/cover.jpg
                ---

                Look: ![A diagram](./img/diagram.png)

                ![](img/diagram.png align="center")

                `![](img/diagram.png)` is how it is written.
                """);
    }

    @AfterEach
    void stop() {
        hashnode.close();
        s3.close();
    }

    private String answer(JsonNode body) {
        String op = body.path("operationName").asText();
        JsonNode input = body.path("variables").path("input");
        switch (op) {
            case "Publication":
                return "{\"data\":{\"publication\":{\"id\":\"6a603fb103e2cb323e7851f6\",\"url\":"
                        + "\"https://demo.hashnode.dev\",\"title\":\"Demo\"}}}";
            case "Posts":
                return "{\"data\":{\"publication\":{\"id\":\"6a603fb103e2cb323e7851f6\",\"posts\":{\"edges\":[],"
                        + "\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}}}}";
            case "PostsBySlug":
                return "{\"data\":{\"publication\":{\"id\":\"6a603fb103e2cb323e7851f6\",\"p0\":null}}}";
            case "CreateImageUploadURL":
                int n = keys.incrementAndGet();
                return "{\"data\":{\"createImageUploadURL\":{\"presignedPost\":{\"url\":\"" + s3.url("/bucket")
                        + "\",\"fields\":{\"bucket\":\"hashnode-uploads\",\"key\":\"res/hashnode/image/upload/v1/"
                        + n + "\",\"Content-Type\":\"" + input.path("contentType").asText() + "\",\"Policy\":"
                        + "\"eyJwb2xpY3kiOiJ4In0=\",\"X-Amz-Signature\":\"sig" + n + "\"}}}}}";
            case "PublishPost":
            case "UpdatePost":
                String slug = input.path("slug").asText("with-pictures");
                String field = op.equals("PublishPost") ? "publishPost" : "updatePost";
                String id = "6a603fb103e2cb323e78" + Integer.toHexString(0x1000 + slug.length());
                return "{\"data\":{\"" + field + "\":{\"post\":{\"id\":\"" + id + "\",\"cuid\":null,\"slug\":\""
                        + slug + "\",\"url\":\"https://demo.hashnode.dev/" + slug + "\"}}}}";
            default:
                return "{\"errors\":[{\"message\":\"unexpected " + op + "\"}]}";
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }

    private List<JsonNode> sent(String operation) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode b : graphql) {
            if (b.path("operationName").asText().equals(operation)) {
                out.add(b.path("variables").path("input"));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private CliRun.Result publish(String... more) {
        List<String> args = new ArrayList<>(List.of("publish"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void eachImageIsUploadedOnceAndThePostCarriesTheCdnUrls() throws Exception {
        String before = cli.read("posts/a.md");
        CliRun.Result r = publish();
        assertEquals(0, r.code(), r::toString);

        // The diagram, used three times (once in code), and the cover: two distinct pictures, two uploads.
        assertEquals(2, uploads.size(), r::toString);
        assertEquals(List.of("image/png", "image/jpeg"), sent("CreateImageUploadURL").stream()
                .map(i -> i.path("contentType").asText()).toList());
        RecordedRequest first = uploads.get(0);
        assertEquals("POST", first.getMethod());
        assertEquals("/bucket", first.getTarget());
        assertNull(first.getHeaders().get("Authorization"), "the Hashnode token never goes to S3");
        assertFalse(first.getBody().string(StandardCharsets.ISO_8859_1).contains(TOKEN));
        assertTrue(first.getHeaders().get("Content-Type").startsWith("multipart/form-data; boundary="));
        String form = first.getBody().string(StandardCharsets.ISO_8859_1);
        List<Integer> order = new ArrayList<>();
        for (String name : List.of("bucket", "key", "Content-Type", "Policy", "X-Amz-Signature")) {
            order.add(form.indexOf("name=\"" + name + "\""));
        }
        order.add(form.indexOf("name=\"file\"; filename=\"diagram.png\""));
        assertTrue(order.stream().allMatch(i -> i >= 0), form);
        assertEquals(order.stream().sorted().toList(), order, "every field first, in order, then the file: " + form);
        int file = order.get(order.size() - 1);
        assertTrue(form.indexOf("Content-Type: image/png", file) > file, form);
        assertTrue(form.contains(new String(PNG, StandardCharsets.ISO_8859_1)), "the bytes of the file");
        assertTrue(form.contains("res/hashnode/image/upload/v1/1"), form);

        JsonNode post = sent("PublishPost").get(0);
        String md = post.path("contentMarkdown").asText();
        String diagram = "https://cdn.hashnode.com/res/hashnode/image/upload/v1/1";
        assertTrue(md.contains("Look: ![A diagram](" + diagram + ")"), md);
        assertTrue(md.contains("![](" + diagram + " align=\"center\")"), md);
        assertTrue(md.contains("`![](img/diagram.png)` is how it is written."), "code is left alone: " + md);
        assertEquals("https://cdn.hashnode.com/res/hashnode/image/upload/v1/2", post.path("coverImage").asText());
        assertEquals(before, cli.read("posts/a.md"), "the file on disk is never rewritten");

        JsonNode images = Json.parseOrNull(cli.read(".xpost/state.json")).path("images");
        assertEquals(diagram, images.path("hashnode " + sha256(PNG)).asText(), images.toString());
        assertEquals("https://cdn.hashnode.com/res/hashnode/image/upload/v1/2",
                images.path("hashnode " + sha256(JPEG)).asText());
    }

    @Test
    void editsRenamesAndASecondPostReuseTheUploadsAndAChangedPictureIsUploadedAnew() throws Exception {
        assertEquals(0, publish().code());
        assertEquals(2, uploads.size());

        // An edit of the text: the post is updated with the CDN URLs it already has.
        cli.write("posts/a.md", cli.read("posts/a.md").replace("Look:", "Look here:"));
        CliRun.Result edited = publish();
        assertEquals(0, edited.code(), edited::toString);
        assertEquals(2, uploads.size(), "nothing uploaded again: " + edited);
        JsonNode update = sent("UpdatePost").get(0);
        assertTrue(update.path("contentMarkdown").asText().contains("Look here: ![A diagram](https://cdn.hashnode.com/"
                + "res/hashnode/image/upload/v1/1)"), update.toString());

        // The same picture under another name: nothing to upload, nothing to update.
        Files.move(dir.resolve("posts/img/diagram.png"), dir.resolve("posts/img/renamed.png"));
        cli.write("posts/a.md", cli.read("posts/a.md").replace("(./img/diagram.png)", "(./img/renamed.png)")
                .replace("(img/diagram.png align", "(img/renamed.png align"));
        CliRun.Result renamed = publish();
        assertEquals(0, renamed.code(), renamed::toString);
        assertEquals(2, uploads.size(), renamed::toString);
        assertEquals(1, sent("UpdatePost").size(), "a renamed file with the same bytes changes nothing: " + renamed);

        // A second post with the same picture uploads nothing.
        cli.write("posts/b.md", "---\ntitle: Second\nslug: second\ntags: java\n---\n\n![again](img/renamed.png)\n");
        CliRun.Result second = publish();
        assertEquals(0, second.code(), second::toString);
        assertEquals(2, uploads.size(), second::toString);
        assertTrue(sent("PublishPost").get(1).path("contentMarkdown").asText()
                .contains("![again](https://cdn.hashnode.com/res/hashnode/image/upload/v1/1)"));

        // A changed picture is uploaded anew and both posts using it are updated with the new URL.
        byte[] changed = PNG.clone();
        changed[15] = 'X';
        Files.write(dir.resolve("posts/img/renamed.png"), changed);
        CliRun.Result repainted = publish();
        assertEquals(0, repainted.code(), repainted::toString);
        assertEquals(3, uploads.size(), "one upload for the new bytes, shared by both posts: " + repainted);
        List<JsonNode> updates = sent("UpdatePost");
        assertEquals(3, updates.size(), repainted::toString);
        for (JsonNode u : updates.subList(1, 3)) {
            assertTrue(u.path("contentMarkdown").asText().contains("https://cdn.hashnode.com/res/hashnode/image/upload"
                    + "/v1/3"), u.toString());
        }
        JsonNode images = Json.parseOrNull(cli.read(".xpost/state.json")).path("images");
        assertEquals("https://cdn.hashnode.com/res/hashnode/image/upload/v1/3",
                images.path("hashnode " + sha256(changed)).asText());
    }

    @Test
    void aFailedUploadFailsThatPostOnlyAndNothingHalfIsPublished() throws Exception {
        Files.write(dir.resolve("posts/img/other.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A,
                0x0A, 1, 2, 3});
        cli.write("posts/b.md", "---\ntitle: Other\nslug: other\ntags: java\n---\n\n![](img/other.png)\n");
        failFor = "diagram.png";
        failCode = 403;
        CliRun.Result r = publish();
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.out().contains("Uploading posts/img/diagram.png (an image of posts/a.md) to Hashnode's image "
                + "store failed with HTTP 403 (AccessDenied: Invalid according to Policy: Policy expired.). The post "
                + "was not sent"), r::toString);
        List<JsonNode> published = sent("PublishPost");
        assertEquals(1, published.size(), "only the other post went out: " + r);
        assertEquals("other", published.get(0).path("slug").asText());
        assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN));

        // S3 is back: the failed post goes out with its pictures; the other post's upload is not repeated.
        failFor = null;
        int before = uploads.size();
        CliRun.Result again = publish();
        assertEquals(0, again.code(), again::toString);
        assertEquals(before + 2, uploads.size(), "the diagram and the cover, nothing else: " + again);
        assertEquals(2, sent("PublishPost").size());
    }

    @Test
    void aServerErrorFromS3IsTransient() {
        failFor = "cover.jpg";
        failCode = 500;
        CliRun.Result r = publish();
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.out().contains("failed with HTTP 500") && r.out().contains("run xpost again later"),
                r::toString);
        assertEquals(List.of(), sent("PublishPost"));
    }

    @Test
    void dryRunAndPlanListTheUploadsAndSendNone() throws IOException {
        CliRun.Result dry = publish("--dry-run");
        assertEquals(0, dry.code(), dry::toString);
        String out = dry.out();
        int create = out.indexOf("createImageUploadURL: POST " + hashnode.url("/gql"));
        int upload = out.indexOf("upload posts/img/diagram.png: POST (presignedPost.url from the answer)");
        int cover = out.indexOf("upload images/cover.jpg: POST");
        int publishPost = out.indexOf("publishPost: POST");
        assertTrue(create >= 0 && upload > create && cover > upload && publishPost > cover, out);
        assertTrue(out.contains("<CDN URL of posts/img/diagram.png>"), out);
        assertTrue(out.contains("\"coverImage\" : \"<CDN URL of images/cover.jpg>\""), out);
        assertEquals(0, uploads.size(), "a dry run uploads nothing");
        assertEquals(List.of(), sent("CreateImageUploadURL"));
        assertFalse(Files.exists(dir.resolve(".xpost/state.json")) && cli.read(".xpost/state.json")
                .contains("sha256:"), "a dry run remembers no upload");

        CliRun.Result plan = cli.run("plan");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("uploads posts/img/diagram.png, images/cover.jpg first"), plan::toString);

        assertEquals(0, publish().code());
        CliRun.Result after = publish("--dry-run");
        assertFalse(after.out().contains("createImageUploadURL"), "uploaded images are not listed again: " + after);
    }
}
