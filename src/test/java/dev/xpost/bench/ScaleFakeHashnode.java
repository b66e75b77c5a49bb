package dev.xpost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.xpost.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake Hashnode publication of {@code bench/scale.sh}: N posts of real sizes (mostly 2–10 KB of Markdown, one
 * in a hundred 50–80 KB) served over loopback by the JDK's HTTP server, answering the operations xpost sends
 * (Publication, Series, Posts, ExportPosts, PostBySlug, PostsBySlug, PublishPost, UpdatePost). It counts requests:
 * {@code GET /__counts} answers {@code total reads mutations} and starts the counters again, so the script can
 * charge each command with its own requests.
 *
 * <p>It also answers the anonymous operations of Hashnode's own publish action (bench/peer.sh): the publication by
 * host, a post by slug and publishPost, each with only the fields that action selects. {@code GET /__stats} answers
 * {@code requests reads mutations bytesIn bytesOut over40 maxMs p50Ms p99Ms maxBodyMs} since the last call (and starts
 * the counters of both again): request
 * and answer bytes (bodies), and per request the server-side time from the handler's start (headers read) to the
 * answer written, and the part of it spent waiting for the request body ({@code maxBodyMs}), which is where a
 * client's Nagle/delayed-ACK stall shows.
 *
 * <pre>java -cp … dev.xpost.bench.ScaleFakeHashnode N PORT_FILE</pre>
 * The port is written to PORT_FILE once the server listens; the process runs until killed.
 */
public final class ScaleFakeHashnode {
    static final String HOST = "bench.hashnode.dev";
    static final String PUBLICATION_ID = "6a603fb103e2cb323e785100";
    static final String TOKEN = "fake-hn-token-bench";
    private static final String PARA = "Distributed systems fail in partial ways: a request can reach the server and "
            + "its answer can be lost on the way back. This paragraph stands in for the prose of a real post, with "
            + "`inline code`, a [link](https://example.com/docs?id=1) and **bold** text.";

    private static final class StoredPost {
        final String id;
        final String cuid;
        String slug;
        String title;
        String markdown;
        String publishedAt;

        StoredPost(String id, String cuid, String slug) {
            this.id = id;
            this.cuid = cuid;
            this.slug = slug;
        }
    }

    /** Oldest first; listings read it from the end (Hashnode lists newest first). */
    private final List<StoredPost> posts = new ArrayList<>();
    private final Map<String, StoredPost> bySlug = new HashMap<>();
    private final Map<String, StoredPost> byId = new HashMap<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong mutations = new AtomicLong();
    private final List<long[]> timings = new ArrayList<>();
    private long statBytesIn;
    private long statBytesOut;
    private long sequence;

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path portFile = Path.of(args[1]);
        HttpServer server = serve(n);
        Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                Integer.toString(server.getAddress().getPort()));
        Files.move(portFile.resolveSibling(portFile.getFileName() + ".tmp"), portFile);
    }

    /** A started fake of {@code n} seeded posts on a free loopback port; stop it with {@code stop(0)}. */
    static HttpServer serve(int n) throws IOException {
        ScaleFakeHashnode fake = new ScaleFakeHashnode();
        fake.seed(n);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", fake::handle);
        server.start();
        return server;
    }

    /** Sizes and shapes as bench/validate-10k.sh makes them. */
    void seed(int n) {
        Random random = new Random(42);
        String[] months = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"};
        for (int i = 1; i <= n; i++) {
            int size = i % 100 == 0 ? 50_000 + random.nextInt(30_000) : 2_000 + random.nextInt(8_000);
            StringBuilder md = new StringBuilder(size + 200).append("# Post ").append(i).append("\n\n");
            int paragraphs = 0;
            while (md.length() < size) {
                md.append(PARA).append("\n\n");
                if (++paragraphs % 7 == 0) {
                    md.append("```java\nSystem.out.println(\"hi\");\n```\n\n");
                }
            }
            StoredPost p = new StoredPost(hexId(), String.format("c%024d", i),
                    "post-number-" + i + "-notes-on-systems");
            p.title = "Post number " + i + ": notes on systems, part " + (i % 7);
            p.markdown = md.toString();
            // Spread over 11 years, oldest first, one minute apart within a day so no two posts share a moment.
            p.publishedAt = String.format("%d-%s-%02dT%02d:%02d:00.000Z", 2015 + i / 5000, months[(i / 420) % 12],
                    1 + (i / 15) % 28, (i / 60) % 24, i % 60);
            add(p);
        }
    }

    private void add(StoredPost p) {
        posts.add(p);
        bySlug.put(p.slug, p);
        byId.put(p.id, p);
    }

    private String hexId() {
        return String.format("%024x", ++sequence + 0x6a00000000L);
    }

    private void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        try (ex) {
            if ("GET".equals(ex.getRequestMethod()) && ex.getRequestURI().getPath().equals("/__stats")) {
                send(ex, 200, "text/plain", stats());
                return;
            }
            if ("GET".equals(ex.getRequestMethod()) && ex.getRequestURI().getPath().equals("/__counts")) {
                long r = reads.getAndSet(0);
                long m = mutations.getAndSet(0);
                send(ex, 200, "text/plain", (r + m) + " " + r + " " + m + "\n");
                return;
            }
            byte[] in = ex.getRequestBody().readAllBytes();
            long bodyRead = System.nanoTime();
            if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "application/json", "{\"errors\":[{\"message\":\"unauthenticated\","
                        + "\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}");
                return;
            }
            JsonNode json = Json.parseOrNull(new String(in, StandardCharsets.UTF_8));
            String op = json == null ? "?" : json.path("operationName").asText("?");
            if (json != null && op.equals("?")) {
                byte[] out = anonymous(json, ex);
                if (out != null) {
                    record(start, bodyRead, in.length, out.length);
                    return;
                }
            }
            JsonNode vars = json == null ? Json.MAPPER.createObjectNode() : json.path("variables");
            ObjectNode data;
            synchronized (this) {
                data = switch (op) {
                    case "Publication" -> publication();
                    case "Series" -> {
                        ObjectNode d = Json.MAPPER.createObjectNode();
                        d.putObject("publication").put("id", PUBLICATION_ID).putNull("series");
                        yield d;
                    }
                    case "Posts" -> page(vars, false);
                    case "ExportPosts" -> page(vars, true);
                    case "PostBySlug" -> postBySlug(vars);
                    case "PostsBySlug" -> postsBySlug(vars);
                    case "PublishPost" -> publish(vars.path("input"));
                    case "UpdatePost" -> update(vars.path("input"));
                    default -> null;
                };
            }
            (op.equals("PublishPost") || op.equals("UpdatePost") ? mutations : reads).incrementAndGet();
            if (data == null) {
                send(ex, 200, "application/json", "{\"data\":null,\"errors\":[{\"message\":\"unknown operation "
                        + op + "\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}");
                return;
            }
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.set("data", data);
            int out = send(ex, 200, "application/json", Json.compact(root));
            record(start, bodyRead, in.length, out);
        }
    }

    /**
     * Hashnode's publish action sends anonymous operations (no operationName); they are told apart by their root
     * field and answered with the fields it selects. Null for an operation this fake does not know.
     */
    private byte[] anonymous(JsonNode json, HttpExchange ex) throws IOException {
        String query = json.path("query").asText("");
        JsonNode vars = json.path("variables");
        ObjectNode data = Json.MAPPER.createObjectNode();
        boolean mutation = false;
        synchronized (this) {
            if (query.contains("publishPost(")) {
                JsonNode full = publish(vars.path("input")).path("publishPost").path("post");
                ObjectNode post = data.putObject("publishPost").putObject("post");
                post.set("id", full.get("id"));
                post.set("slug", full.get("slug"));
                post.set("url", full.get("url"));
                mutation = true;
            } else if (query.contains("post(slug:")) {
                StoredPost hit = bySlug.get(vars.path("slug").asText(""));
                ObjectNode pub = data.putObject("publication");
                if (hit == null) {
                    pub.putNull("post");
                } else {
                    pub.putObject("post").put("id", hit.id).put("slug", hit.slug)
                            .put("url", "https://" + HOST + "/" + hit.slug);
                }
            } else if (query.contains("publication(host:")) {
                data.putObject("publication").put("id", PUBLICATION_ID).put("url", "https://" + HOST);
            } else {
                return null;
            }
        }
        (mutation ? mutations : reads).incrementAndGet();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("data", data);
        byte[] bytes = Json.compact(root).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        return bytes;
    }

    private synchronized void record(long start, long bodyRead, long bytesIn, long bytesOut) {
        long end = System.nanoTime();
        timings.add(new long[] {end - start, bodyRead - start});
        statBytesIn += bytesIn;
        statBytesOut += bytesOut;
    }

    /** The {@code /__stats} line since the last call (see the class comment), and starts again. */
    private synchronized String stats() {
        long mutationCount = mutations.getAndSet(0);
        long readCount = reads.getAndSet(0);
        long[] totals = timings.stream().mapToLong(t -> t[0]).sorted().toArray();
        long maxBody = timings.stream().mapToLong(t -> t[1]).max().orElse(0);
        long over40 = timings.stream().filter(t -> t[0] > 40_000_000L).count();
        String line = String.format("%d %d %d %d %d %d %.1f %.1f %.1f %.1f%n", totals.length, readCount,
                mutationCount, statBytesIn, statBytesOut, over40, ms(totals, 1.0), ms(totals, 0.5),
                ms(totals, 0.99), maxBody / 1e6);
        timings.clear();
        statBytesIn = 0;
        statBytesOut = 0;
        return line;
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static int send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        return bytes.length;
    }

    private ObjectNode publication() {
        ObjectNode d = Json.MAPPER.createObjectNode();
        ObjectNode p = d.putObject("publication");
        p.put("id", PUBLICATION_ID);
        p.put("url", "https://" + HOST);
        p.put("title", "Bench blog");
        return d;
    }

    private ObjectNode page(JsonNode vars, boolean export) {
        int first = Math.min(100, Math.max(1, vars.path("first").asInt(100)));
        String after = vars.path("after").asText(null);
        int start = after == null ? 0 : Integer.parseInt(after.substring(1)) + 1;
        int end = Math.min(posts.size(), start + first);
        ObjectNode d = Json.MAPPER.createObjectNode();
        ObjectNode pub = d.putObject("publication");
        pub.put("id", PUBLICATION_ID);
        ObjectNode conn = pub.putObject("posts");
        if (export) {
            conn.put("totalDocuments", posts.size());
        }
        ArrayNode edges = conn.putArray("edges");
        for (int i = start; i < end; i++) {
            ObjectNode node = node(posts.get(posts.size() - 1 - i));
            if (export) {
                node.putNull("subtitle");
                node.putNull("canonicalUrl");
                node.putNull("coverImage");
                node.putNull("seo");
                node.putNull("ogMetaData");
                node.putArray("tags").addObject().put("slug", "java");
                node.putNull("series");
            }
            edges.addObject().<ObjectNode>set("node", node).put("cursor", "c" + i);
        }
        ObjectNode info = conn.putObject("pageInfo");
        info.put("hasNextPage", end < posts.size());
        info.put("endCursor", end > start ? "c" + (end - 1) : null);
        return d;
    }

    private ObjectNode postBySlug(JsonNode vars) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        ObjectNode pub = d.putObject("publication");
        pub.put("id", PUBLICATION_ID);
        StoredPost hit = bySlug.get(vars.path("slug").asText(""));
        if (hit == null) {
            pub.putNull("post");
        } else {
            pub.set("post", node(hit));
        }
        return d;
    }

    private ObjectNode postsBySlug(JsonNode vars) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        ObjectNode pub = d.putObject("publication");
        pub.put("id", PUBLICATION_ID);
        for (int i = 0; vars.has("s" + i); i++) {
            StoredPost hit = bySlug.get(vars.path("s" + i).asText(""));
            if (hit == null) {
                pub.putNull("p" + i);
            } else {
                pub.set("p" + i, node(hit));
            }
        }
        return d;
    }

    private static ObjectNode node(StoredPost p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", p.id);
        n.put("cuid", p.cuid);
        n.put("slug", p.slug);
        n.put("url", "https://" + HOST + "/" + p.slug);
        n.put("title", p.title);
        n.put("publishedAt", p.publishedAt);
        n.putObject("content").put("markdown", p.markdown);
        return n;
    }

    private ObjectNode publish(JsonNode input) {
        String wanted = input.path("slug").asText(null);
        if (wanted == null) {
            wanted = input.path("title").asText("post").toLowerCase().replaceAll("[^a-z0-9]+", "-");
        }
        String slug = bySlug.containsKey(wanted) ? wanted + "-" + Long.toString(sequence, 36) : wanted;
        StoredPost p = new StoredPost(hexId(), "c" + String.format("%024x", sequence), slug);
        p.title = input.path("title").asText("");
        p.markdown = input.path("contentMarkdown").asText("");
        p.publishedAt = input.path("publishedAt").asText("2026-11-30T00:00:00.000Z");
        add(p);
        return payload("publishPost", p);
    }

    private ObjectNode update(JsonNode input) {
        StoredPost p = byId.get(input.path("id").asText(""));
        if (p == null) {
            return null;
        }
        if (input.hasNonNull("title")) {
            p.title = input.get("title").asText();
        }
        if (input.hasNonNull("contentMarkdown")) {
            p.markdown = input.get("contentMarkdown").asText();
        }
        if (input.hasNonNull("slug") && !input.get("slug").asText().equals(p.slug)) {
            bySlug.remove(p.slug);
            p.slug = input.get("slug").asText();
            bySlug.put(p.slug, p);
        }
        return payload("updatePost", p);
    }

    private static ObjectNode payload(String field, StoredPost p) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        ObjectNode post = d.putObject(field).putObject("post");
        post.put("id", p.id);
        post.put("cuid", p.cuid);
        post.put("slug", p.slug);
        post.put("url", "https://" + HOST + "/" + p.slug);
        return d;
    }
}
