package dev.xpost.platform.hashnode;

import static dev.xpost.platform.hashnode.HashnodeFixtures.NOW;
import static dev.xpost.platform.hashnode.HashnodeFixtures.POST_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.PUBLICATION;
import static dev.xpost.platform.hashnode.HashnodeFixtures.PUBLICATION_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.SERIES_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.TOKEN;
import static dev.xpost.platform.hashnode.HashnodeFixtures.ok;
import static dev.xpost.platform.hashnode.HashnodeFixtures.post;
import static dev.xpost.platform.hashnode.HashnodeFixtures.samplePost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.xpost.http.Json;
import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.GraphQLException;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request the client really sends (captured on the wire from a MockWebServer run) must validate against
 * Hashnode's live gql-beta schema: fields, arguments, variable types, and the variable values themselves (input
 * field names, nullability, scalar types). A mismatch would otherwise surface only against the real API, as a 400
 * or an opaque INTERNAL_SERVER_ERROR.
 */
class HashnodeSchemaConformanceTest {
    private static GraphQLSchema schema;

    @BeforeAll
    static void loadSchema() {
        Path shared = Path.of(System.getProperty("xpost.shared", "../shared"));
        Path sdl = shared.resolve("reference/hashnode/schema.graphql");
        assumeTrue(Files.isRegularFile(sdl), "../shared not present (" + sdl + "): skipping Hashnode schema "
                + "conformance");
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl.toFile());
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }

    @Test
    void everyRequestTheClientSendsConformsToTheSchema() throws Exception {
        List<JsonNode> sent = captureEveryRequestKind();

        Set<String> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode body : sent) {
            String operation = body.path("operationName").asText();
            seen.add(operation);
            Map<String, Object> vars = Json.MAPPER.convertValue(body.path("variables"), new TypeReference<>() {
            });
            for (String p : problems(body.path("query").asText(), vars)) {
                problems.add(operation + " " + vars.keySet() + ": " + p);
            }
        }

        assertEquals(Set.copyOf(Operations.NAMES), seen, "every operation was exercised");
        assertEquals(Set.copyOf(Operations.NAMES), Operations.ALL.keySet());
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckCatchesMisspelledFieldsLegacyInputsAndWrongTypes() {
        // Proof that the check above can fail: each of these is a mistake that is easy to make from legacy docs.
        Map<String, Object> publish = Map.of("input", Map.of("publicationId", PUBLICATION_ID, "title", "t",
                "contentMarkdown", "x", "coverImageOptions", Map.of("coverImageURL", "https://x/y.png")));
        Map<String, Object> wrongScalar = Map.of("input", Map.of("id", POST_ID, "enableToc", "yes"));
        Map<String, Object> missingRequired = Map.of("input", Map.of("publicationId", PUBLICATION_ID, "title", "t"));

        assertFalse(problems(Operations.PUBLICATION.replace("url", "urll"), Map.of("host", "a.hashnode.dev"))
                .isEmpty(), "misspelled field");
        assertFalse(problems(Operations.PUBLISH_POST, publish).isEmpty(), "legacy coverImageOptions");
        assertFalse(problems(Operations.UPDATE_POST, wrongScalar).isEmpty(), "string for a Boolean");
        assertFalse(problems(Operations.PUBLISH_POST, missingRequired).isEmpty(), "contentMarkdown missing");
        assertFalse(problems(Operations.POSTS.replace("$first: Int!", "$first: String!"),
                Map.of("id", PUBLICATION_ID, "first", "100")).isEmpty(), "variable type mismatch");
        assertFalse(problems(Operations.SERIES, Map.of("id", PUBLICATION_ID, "slug", "aws", "extra", 1)).isEmpty(),
                "undeclared variable");
        assertTrue(problems(Operations.SERIES, Map.of("id", PUBLICATION_ID, "slug", "aws")).isEmpty());
    }

    /** Validation errors of the document, then coercion errors of the variables; empty when all is well. */
    private static List<String> problems(String query, Map<String, Object> variables) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
                ExecutionInput.newExecutionInput(query).variables(variables).build());
        if (result.isFailure()) {
            List<String> out = result.getValidationErrors().stream().map(e -> e.getMessage())
                    .collect(Collectors.toCollection(ArrayList::new));
            if (result.getSyntaxException() != null) {
                out.add(result.getSyntaxException().getMessage());
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        for (OperationDefinition op : result.getDocument().getDefinitionsOfType(OperationDefinition.class)) {
            List<VariableDefinition> defs = op.getVariableDefinitions();
            Set<String> declared = defs.stream().map(VariableDefinition::getName).collect(Collectors.toSet());
            // graphql-java ignores undeclared variables; a server might not, and it always means a bug here.
            variables.keySet().stream().filter(k -> !declared.contains(k))
                    .forEach(k -> out.add("variable $" + k + " is not declared"));
            try {
                ValuesResolver.coerceVariableValues(schema, defs, RawVariables.of(variables),
                        GraphQLContext.getDefault(), Locale.ROOT);
            } catch (GraphQLException e) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** Drives the client through every call it can make and returns the request bodies that went out. */
    private static List<JsonNode> captureEveryRequestKind() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            HashnodeClient client = new HashnodeClient(HashnodeFixtures.http(Duration.ofSeconds(5)),
                    server.url("/"), TOKEN, HashnodeFixtures.backoff(new HashnodeFixtures.Sleeps()));
            server.enqueue(ok("publication.json"));
            server.enqueue(ok("publication.json"));
            server.enqueue(ok("series.json"));
            server.enqueue(postsPage("cursor-1", true));
            server.enqueue(postsPage("cursor-2", false));
            server.enqueue(ok("post-by-slug.json"));
            server.enqueue(ok("publish-post.json"));
            server.enqueue(ok("publish-post.json"));
            server.enqueue(ok("update-post.json"));
            server.enqueue(ok("update-post.json"));
            server.enqueue(ok("update-post.json"));
            server.enqueue(ok("update-post.json"));
            server.enqueue(postsPage("cursor-3", true));
            server.enqueue(postsPage("cursor-4", false));
            server.enqueue(ok("create-image-upload-url.json"));
            server.enqueue(ok("post-by-slug.json"));

            client.publication(PublicationRef.parse("myblog.hashnode.dev"));
            client.publication(PublicationRef.parse(PUBLICATION_ID));
            client.seriesId(PUBLICATION, "aws");
            client.posts(PUBLICATION);
            client.postBySlug(PUBLICATION, "aws-part-2");
            client.publish(PostInput.publish(samplePost(), PUBLICATION_ID, SERIES_ID, NOW));
            var bare = post("Just text.", List.of(), null, null);
            client.publish(PostInput.publish(bare, PUBLICATION_ID, null, NOW));
            client.update(PostInput.update(samplePost(), POST_ID, SERIES_ID, NOW, false));
            client.update(PostInput.update(samplePost(), POST_ID, SERIES_ID, NOW, true));
            client.update(PostInput.update(bare, POST_ID, null, NOW, false));
            // Every removed field cleared at once: explicit nulls and falses must coerce too.
            List<String> every = java.util.Arrays.stream(PostInput.Field.values()).map(PostInput.Field::key).toList();
            client.update(PostInput.update(dev.xpost.post.PostBuilder.post("bare").title("Bare").body("x").build(),
                    POST_ID, null, NOW, false, every));
            assertEquals(2, client.exportPosts(PUBLICATION, null).size(), "both pages of the export were read");
            PresignedPost upload = client.imageUploadUrl("image/png");
            assertEquals("https://cdn.hashnode.com/res/hashnode/image/upload/v1790000000000/abc.png", upload.cdnUrl());
            client.postsBySlug(PUBLICATION, List.of("aws-part-2", "aws-part-3"));
            assertEquals(List.of("bucket", "key", "Content-Type", "Policy", "X-Amz-Signature"),
                    List.copyOf(upload.fields().keySet()), "the fields keep Hashnode's order");

            List<JsonNode> bodies = new ArrayList<>();
            for (int i = server.getRequestCount(); i > 0; i--) {
                RecordedRequest r = server.takeRequest();
                bodies.add(Json.parseOrNull(r.getBody().utf8()));
            }
            return bodies;
        }
    }

    private static MockResponse postsPage(String cursor, boolean more) {
        String body = "{\"data\":{\"publication\":{\"id\":\"" + PUBLICATION_ID + "\",\"posts\":{\"edges\":[{\"node\":"
                + "{\"id\":\"" + POST_ID + "\",\"cuid\":null,\"slug\":\"s-" + cursor + "\",\"url\":\"https://x/s\","
                + "\"title\":\"S\",\"publishedAt\":\"2024-01-01T00:00:00Z\",\"content\":{\"markdown\":\"m\"}}}],"
                + "\"pageInfo\":{\"hasNextPage\":" + more + ",\"endCursor\":\"" + cursor + "\"}}}}}";
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }
}
