package dev.xpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Hashnode publication behind MockWebServer: answers the publication read and the ExportPosts pages (100 a page,
 * as gql-beta clamps them) from a list of generated posts, and remembers every operation it was sent.
 */
final class FakeHashnode extends Dispatcher {
    static final String PUBLICATION_ID = "6a603fb103e2cb323e7851f6";
    static final String HOST = "demo.hashnode.dev";

    final List<Map<String, Object>> posts = new ArrayList<>();
    final List<String> operations = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
    /** When set, every answer is this one (an error, HTML...). */
    volatile MockResponse fixed;

    /** A blog of {@code n} posts with the odd cases a real one has. */
    static FakeHashnode withPosts(int n) {
        FakeHashnode h = new FakeHashnode();
        Instant start = Instant.parse("2023-01-01T08:00:00.123Z");
        for (int i = 1; i <= n; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", String.format("%024x", 0x100000L + i));
            p.put("cuid", String.format("clq8kvzg6%016d", i));
            String slug = "post-" + i;
            String title = "Post number " + i;
            String markdown = "## Part of the story\n\nText of post " + i + " with `code` and an image:\n\n"
                    + "![](https://cdn.hashnode.com/res/hashnode/image/upload/v1/" + i + ".png align=\"center\")\n";
            if (i == 1) {
                slug = "2023";
                title = "2023 in review";
            } else if (i == 2) {
                slug = "quotes-and-colons";
                title = "He said \"hi\": a story about C:\\temp & #hashtags";
            } else if (i == 3) {
                slug = "salam-donya";
                title = "سلام دنیا: نوشتن برای وب";
                markdown = "این یک متن فارسی است.\n\n%[https://www.youtube.com/watch?v=dQw4w9WgXcQ]\n";
            }
            p.put("slug", slug);
            p.put("url", "https://" + HOST + "/" + slug);
            p.put("title", title);
            p.put("subtitle", i % 5 == 0 ? "Subtitle of " + i : null);
            // Listed newest first, as Hashnode lists them; part numbers must still follow the dates.
            p.put("publishedAt", start.plusSeconds(86_400L * (n - i)).toString());
            p.put("canonicalUrl", i % 7 == 0 ? "https://example.dev/blog/" + slug + "?ref=hn" : null);
            p.put("content", Map.of("markdown", markdown));
            p.put("coverImage", i % 3 == 0 ? Map.of("url", "https://cdn.hashnode.com/res/cover-" + i + ".png") : null);
            p.put("seo", i % 4 == 0 ? mapOf("title", "SEO: " + title, "description", "What post " + i
                    + " says,\nin two lines") : null);
            p.put("ogMetaData", i % 6 == 0 ? Map.of("image", "https://cdn.hashnode.com/res/og-" + i + ".png") : null);
            p.put("tags", i % 10 == 9 ? List.of() : List.of(Map.of("slug", "java"),
                    Map.of("slug", "cicd-cjy1vtdk2005kjjs17n8couc3")));
            p.put("series", i >= 10 && i < 15 ? Map.of("slug", "aws-origins") : null);
            h.posts.add(p);
        }
        return h;
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        bodies.add(body);
        JsonNode json = Json.parseOrNull(body);
        String op = json == null ? "?" : json.path("operationName").asText("?");
        operations.add(op);
        if (fixed != null) {
            return fixed;
        }
        return switch (op) {
            case "Publication" -> json(Map.of("data", Map.of("publication", Map.of("id", PUBLICATION_ID,
                    "url", "https://" + HOST, "title", "Demo"))));
            case "ExportPosts" -> page(json.path("variables"));
            default -> new MockResponse.Builder().code(400).body("{\"errors\":[{\"message\":\"unexpected " + op
                    + "\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}").build();
        };
    }

    private MockResponse page(JsonNode vars) {
        int from = vars.has("after") ? Integer.parseInt(vars.get("after").asText().substring(1)) : 0;
        int first = Math.min(100, vars.path("first").asInt());
        int to = Math.min(posts.size(), from + first);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> p : posts.subList(from, to)) {
            edges.add(Map.of("node", p));
        }
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("totalDocuments", posts.size());
        connection.put("edges", edges);
        connection.put("pageInfo", mapOf("hasNextPage", to < posts.size(), "endCursor", "c" + to));
        return json(Map.of("data", Map.of("publication", Map.of("id", PUBLICATION_ID, "posts", connection))));
    }

    static MockResponse json(Object body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(Json.compact(body))
                .build();
    }
}
