package dev.xpost.platform.hashnode;

import dev.xpost.http.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every GraphQL document xpost sends to Hashnode, in one place so that {@code HashnodeSchemaConformanceTest} can
 * validate each of them, variables included, against the live gql-beta schema.
 *
 * <p>Publications are always addressed with {@code publication(id:, host:)}: exactly one of the two variables is
 * set, so the same document serves a configured host and a configured ObjectId.
 */
final class Operations {
    /** Posts per page: gql-beta clamps {@code first} to 100 anyway. */
    static final int PAGE_SIZE = 100;

    static final String PUBLICATION = """
            query Publication($id: ObjectId, $host: String) {
              publication(id: $id, host: $host) { id url title }
            }""";

    static final String SERIES = """
            query Series($id: ObjectId!, $slug: String!) {
              publication(id: $id) { id series(slug: $slug) { id name slug } }
            }""";

    // The markdown rides along with every listed post so that adopting an existing blog can tell, with
    // ceil(N/100) reads and nothing more, which posts differ from their files.
    static final String POSTS = """
            query Posts($id: ObjectId!, $first: Int!, $after: String) {
              publication(id: $id) {
                id
                posts(first: $first, after: $after) {
                  edges { node { ...RemotePost } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }
            fragment RemotePost on Post { id cuid slug url title publishedAt content { markdown } }""";

    static final String POST_BY_SLUG = """
            query PostBySlug($id: ObjectId!, $slug: String!) {
              publication(id: $id) { id post(slug: $slug) { ...RemotePost } }
            }
            fragment RemotePost on Post { id cuid slug url title publishedAt content { markdown } }""";

    /** Slugs one {@link #POSTS_BY_SLUG} asks for; a shorter batch repeats its first slug. */
    static final int SLUG_BATCH = 20;

    // New posts are looked up together, one aliased post(slug:) each, so that N new posts cost ceil(N/20) reads
    // whatever the publication's size (a listing costs one read per 100 posts the publication holds). The
    // variables are non-null, as post(slug:) wants: a batch that is not full repeats a slug instead.
    static final String POSTS_BY_SLUG = postsBySlug();

    // An import writes one file per post from this listing alone: every field of the backup format rides along,
    // so 500 posts cost 5 reads. The series' part is not asked for (it would list each series once per post):
    // the importer numbers a series' posts by date from this same listing.
    static final String EXPORT_POSTS = """
            query ExportPosts($id: ObjectId!, $first: Int!, $after: String) {
              publication(id: $id) {
                id
                posts(first: $first, after: $after) {
                  totalDocuments
                  edges {
                    node {
                      id cuid slug url title subtitle publishedAt canonicalUrl
                      content { markdown }
                      coverImage { url }
                      seo { title description }
                      ogMetaData { image }
                      tags { slug }
                      series { slug }
                    }
                  }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }""";

    static final String PUBLISH_POST = """
            mutation PublishPost($input: PublishPostInput!) {
              publishPost(input: $input) { post { id cuid slug url } }
            }""";

    static final String UPDATE_POST = """
            mutation UpdatePost($input: UpdatePostInput!) {
              updatePost(input: $input) { post { id cuid slug url } }
            }""";

    // A mutation in name only: it hands out a presigned S3 POST and changes nothing on the blog.
    static final String CREATE_IMAGE_UPLOAD_URL = """
            mutation CreateImageUploadURL($input: CreateImageUploadInput!) {
              createImageUploadURL(input: $input) { presignedPost { url fields } }
            }""";

    /** Operation name → document, for the conformance test. */
    static final Map<String, String> ALL = Map.of(
            "Publication", PUBLICATION,
            "Series", SERIES,
            "Posts", POSTS,
            "PostBySlug", POST_BY_SLUG,
            "PublishPost", PUBLISH_POST,
            "UpdatePost", UPDATE_POST,
            "ExportPosts", EXPORT_POSTS,
            "CreateImageUploadURL", CREATE_IMAGE_UPLOAD_URL,
            "PostsBySlug", POSTS_BY_SLUG);

    /** Names in the order a publish run uses them; stable for tests and reports. */
    static final List<String> NAMES = List.of("Publication", "Series", "Posts", "PostBySlug", "PublishPost",
            "UpdatePost", "ExportPosts", "CreateImageUploadURL", "PostsBySlug");

    private Operations() {
    }

    private static String postsBySlug() {
        StringBuilder vars = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < SLUG_BATCH; i++) {
            vars.append(", $s").append(i).append(": String!");
            fields.append("\n    p").append(i).append(": post(slug: $s").append(i).append(") { ...RemotePost }");
        }
        return "query PostsBySlug($id: ObjectId!" + vars + ") {\n  publication(id: $id) {\n    id" + fields
                + "\n  }\n}\nfragment RemotePost on Post { id cuid slug url title publishedAt content { markdown } }";
    }

    /** The exact JSON body of one request: compact, keys sorted, null variables left out. */
    static String body(String operationName, Map<String, ?> variables) {
        String query = ALL.get(operationName);
        if (query == null) {
            throw new IllegalArgumentException("unknown operation " + operationName);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        variables.forEach((k, v) -> {
            if (v != null) {
                vars.put(k, v);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operationName", operationName);
        body.put("query", query);
        body.put("variables", vars);
        return Json.compact(body);
    }
}
