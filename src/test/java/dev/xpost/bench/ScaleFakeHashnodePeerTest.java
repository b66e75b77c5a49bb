package dev.xpost.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.xpost.http.Json;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fake of bench/peer.sh answers what Hashnode's own publish action sends: anonymous operations (no
 * operationName) for the publication by host, a post by slug, and publishPost, each with only the fields selected,
 * and counts them in {@code /__stats}. Without this the peer's run fails on its first request, and the comparison
 * measures nothing.
 */
class ScaleFakeHashnodePeerTest {
    static final String BY_HOST = "query ($host: String!) { publication(host: $host) { id url } }";
    static final String BY_SLUG = "query ($id: ObjectId!, $slug: String!) {\n"
            + "  publication(id: $id) { post(slug: $slug) { id slug url } }\n}";
    static final String PUBLISH = "mutation ($input: PublishPostInput!) {\n"
            + "  publishPost(input: $input) { post { id slug url } }\n}";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void answersThePeersAnonymousOperationsWithTheFieldsItSelectsAndCountsThem() throws Exception {
        HttpServer server = ScaleFakeHashnode.serve(3);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            get(base + "__stats");

            JsonNode publication = post(base, BY_HOST, Map.of("host", ScaleFakeHashnode.HOST)).path("publication");
            assertEquals(ScaleFakeHashnode.PUBLICATION_ID, publication.path("id").asText());
            assertEquals("https://" + ScaleFakeHashnode.HOST, publication.path("url").asText());
            assertEquals(List.of("id", "url"), names(publication));

            JsonNode seeded = post(base, BY_SLUG, Map.of("id", ScaleFakeHashnode.PUBLICATION_ID,
                    "slug", "post-number-2-notes-on-systems")).path("publication").path("post");
            assertEquals("post-number-2-notes-on-systems", seeded.path("slug").asText());
            assertEquals(List.of("id", "slug", "url"), names(seeded));

            JsonNode missing = post(base, BY_SLUG, Map.of("id", ScaleFakeHashnode.PUBLICATION_ID,
                    "slug", "brand-new")).path("publication");
            assertTrue(missing.has("post") && missing.get("post").isNull(), missing::toString);

            JsonNode first = publish(base, "brand-new");
            assertEquals("brand-new", first.path("slug").asText());
            assertEquals("https://" + ScaleFakeHashnode.HOST + "/brand-new", first.path("url").asText());
            assertEquals(List.of("id", "slug", "url"), names(first));
            JsonNode found = post(base, BY_SLUG, Map.of("id", ScaleFakeHashnode.PUBLICATION_ID,
                    "slug", "brand-new")).path("publication").path("post");
            assertEquals(first.path("id").asText(), found.path("id").asText(), "the new post is found by its slug");
            JsonNode second = publish(base, "brand-new");
            assertNotEquals("brand-new", second.path("slug").asText(), "a taken slug gets a suffix, as Hashnode does");

            String[] stats = get(base + "__stats").trim().split(" ");
            assertEquals("6", stats[0], "requests");
            assertEquals("4", stats[1], "reads");
            assertEquals("2", stats[2], "mutations");
            assertTrue(Long.parseLong(stats[3]) > 0 && Long.parseLong(stats[4]) > 0, "bytes in and out counted");
            assertEquals("0", get(base + "__stats").trim().split(" ")[0], "the stats start again after each call");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void thePeersOperationsAreValidAgainstHashnodesSchema() {
        Path sdl = Path.of(System.getProperty("xpost.shared", "../shared"), "reference/hashnode/schema.graphql");
        assumeTrue(Files.isRegularFile(sdl), "../shared not present (" + sdl + "): skipping the schema check of "
                + "the peer's operations");
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(sdl.toFile()));
        for (String query : List.of(BY_HOST, BY_SLUG, PUBLISH)) {
            ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
                    ExecutionInput.newExecutionInput(query).build());
            assertTrue(result.getErrors().isEmpty(), () -> query + ": " + result.getErrors());
        }
    }

    private JsonNode publish(String base, String slug) throws Exception {
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.put("publicationId", ScaleFakeHashnode.PUBLICATION_ID);
        input.put("title", "A new post");
        input.put("contentMarkdown", "# A new post\n\nText.");
        input.put("slug", slug);
        input.putArray("tags").addObject().put("slug", "java");
        return post(base, PUBLISH, Map.of("input", input)).path("publishPost").path("post");
    }

    private JsonNode post(String base, String query, Map<String, Object> variables) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("query", query);
        body.set("variables", Json.MAPPER.valueToTree(variables));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ScaleFakeHashnode.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertTrue(!answer.has("errors"), response.body());
        return answer.path("data");
    }

    private String get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
