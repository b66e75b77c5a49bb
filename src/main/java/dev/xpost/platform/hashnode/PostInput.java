package dev.xpost.platform.hashnode;

import dev.xpost.http.Json;
import dev.xpost.platform.PlatformException;
import dev.xpost.post.Post;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code input} of one {@code publishPost} or {@code updatePost}, built from a {@link Post}, together with the
 * exact request body it makes. Build it, check {@link #sizeProblem()}, then hand it to
 * {@link HashnodeClient#publish} or {@link HashnodeClient#update}; {@link #requestBody()} is also what
 * {@code --dry-run} can print (it holds no secret: the token travels in a header).
 *
 * <p>Field mapping (front matter → Hashnode): body → {@code contentMarkdown} exactly as written (Hashnode's own
 * dialect, {@code align="…"} images and {@code %[…]} embeds, passes through untouched); tags → {@code [{slug}]},
 * de-duplicated; canonical → {@code originalArticleURL}; cover → {@code coverImage}; seoTitle → {@code metaTitle};
 * seoDescription → {@code metaDescription}; hideFromCommunity → {@code isDelisted}; ogImage, enableToc,
 * disableComments, subtitle, title, slug under their own names; series → {@code seriesId} ({@link Field} is the one
 * table, used by create, update and the content hash alike). Unset values are left out of a create. An update leaves
 * an unset field out too (Hashnode keeps what it has, as a post adopted from a backup, whose front matter never
 * carries enableToc and friends, needs), except the fields it is told to clear: those the file set when it was last
 * sent and no longer sets, each cleared the way {@link Field} says.
 */
public final class PostInput {
    /**
     * Where xpost stops: Hashnode's server parses JSON bodies with express.json's 100 KB limit
     * ({@link #SERVER_LIMIT_BYTES}); Hashnode's own GitHub Action stops at 95,000 bytes to leave headroom for
     * whatever the server counts that we do not (proxies re-encoding, a limit counted in kB of 1,000), and so do we.
     */
    public static final int MAX_REQUEST_BYTES = 95_000;
    /** Hashnode's documented request body limit, 100 KB. */
    public static final int SERVER_LIMIT_BYTES = 100 * 1024;

    /** Which mutation this input is for. */
    public enum Operation {
        PUBLISH("PublishPost"), UPDATE("UpdatePost");

        private final String operationName;

        Operation(String operationName) {
            this.operationName = operationName;
        }

        String operationName() {
            return operationName;
        }
    }

    /**
     * How an {@code updatePost} clears a field. gql-beta's {@code UpdatePostInput} has flat, nullable fields
     * (schema.graphql, {@code input UpdatePostInput}); none of them documents clearing, and Hashnode's own Action
     * only ever sends the fields that are set (API.md §2.1, [ACT sync.ts omitUndefined]), so "omitted = kept" and
     * GraphQL's explicit {@code null} ("the value null was provided", GraphQL spec §Input Coercion) is the only
     * way to say "none" to a nullable {@code String}. Booleans have no "unset" on a post: their cleared value is
     * the one a post gets when publishPost leaves them out, {@code false}.
     */
    enum Clear {
        /** Send {@code null}. */
        NULL,
        /** Send {@code false}. */
        FALSE,
        /** The API cannot clear it: the post keeps it, and xpost reports {@code drift}. */
        IMPOSSIBLE
    }

    /**
     * Every optional field the front matter controls, once: its front matter key, its {@code PublishPostInput} /
     * {@code UpdatePostInput} name, its value in a post, and how an update clears it (sources per field). Title
     * (required), body ({@code contentMarkdown}, always sent), tags (always sent: an empty list replaces the
     * post's tags with none, API.md §2.1 "tags on update replace"), slug (the post's identity: a changed slug is
     * a rename) and the publish time ({@code publishedAt: DateTime!} on every Post: a post always has a date, so a
     * removed date keeps the first one) are not in this table.
     */
    public enum Field {
        /** {@code subtitle: String} (nullable): null clears. */
        SUBTITLE("subtitle", "subtitle", Post::subtitle, Clear.NULL),
        /** {@code originalArticleURL: String} "Updated canonical URL" (nullable): null clears. */
        CANONICAL("canonical", "originalArticleURL", Post::canonical, Clear.NULL),
        /** {@code coverImage: String} "Updated cover image URL" (nullable): null clears. */
        COVER("cover", "coverImage", Post::cover, Clear.NULL),
        /** {@code metaTitle: String} (nullable): null clears. */
        SEO_TITLE("seoTitle", "metaTitle", Post::seoTitle, Clear.NULL),
        /** {@code metaDescription: String} (nullable): null clears. */
        SEO_DESCRIPTION("seoDescription", "metaDescription", Post::seoDescription, Clear.NULL),
        /** {@code ogImage: String} (nullable): null clears. */
        OG_IMAGE("ogImage", "ogImage", Post::ogImage, Clear.NULL),
        /** {@code enableToc: Boolean}: false is a post without a table of contents. */
        ENABLE_TOC("enableToc", "enableToc", Post::enableToc, Clear.FALSE),
        /** {@code disableComments: Boolean}: false is a post with comments. */
        DISABLE_COMMENTS("disableComments", "disableComments", Post::disableComments, Clear.FALSE),
        /** {@code isDelisted: Boolean}: false is a post listed in Hashnode's feeds. */
        DELISTED("hideFromHashnodeCommunity", "isDelisted", Post::hideFromCommunity, Clear.FALSE),
        /**
         * {@code seriesId: ObjectId} "Add or change the series. Must belong to the publication.": the schema
         * offers adding and changing only, there is no {@code removePostFromSeries} on gql-beta (API.md §2.1: no
         * {@code addPostToSeries}/series mutations), so a post leaves a series only in the dashboard. The input
         * carries the series' id, resolved from the slug the file names.
         */
        SERIES("series", "seriesId", Post::series, Clear.IMPOSSIBLE);

        private final String key;
        private final String input;
        private final Function<Post, Object> value;
        private final Clear clear;

        Field(String key, String input, Function<Post, Object> value, Clear clear) {
            this.key = key;
            this.input = input;
            this.value = value;
            this.clear = clear;
        }

        /** The front matter key (canonical spelling), as the state file records it. */
        public String key() {
            return key;
        }

        /** The name in {@code PublishPostInput} and {@code UpdatePostInput}. */
        public String input() {
            return input;
        }

        /** False when no update can remove it from a post (see {@link Clear#IMPOSSIBLE}). */
        public boolean clearable() {
            return clear != Clear.IMPOSSIBLE;
        }

        /** True when the post sets this field (a blank string does not). */
        public boolean setIn(Post post) {
            Object v = value.apply(post);
            return v != null && !(v instanceof String s && s.isBlank());
        }

        /** The field of this front matter key, if it is one. */
        public static Optional<Field> ofKey(String key) {
            for (Field f : values()) {
                if (f.key.equals(key)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        /** The front matter keys this post sets, sorted. */
        public static List<String> keysSetIn(Post post) {
            List<String> out = new ArrayList<>();
            for (Field f : values()) {
                if (f.setIn(post)) {
                    out.add(f.key);
                }
            }
            Collections.sort(out);
            return out;
        }
    }

    private final Operation operation;
    private final Map<String, Object> fields;
    private final Post post;
    private final String sourceFile;
    private final String requestBody;
    private final int requestBytes;

    private PostInput(Operation operation, Map<String, Object> fields, Post post) {
        this.operation = operation;
        this.fields = Collections.unmodifiableMap(fields);
        this.post = post;
        this.sourceFile = String.valueOf(post.file());
        this.requestBody = Operations.body(operation.operationName(), Map.of("input", this.fields));
        this.requestBytes = requestBody.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The input of a {@code publishPost} (a new post).
     *
     * @param publicationId from {@link HashnodeClient#publication}
     * @param seriesId      from {@link HashnodeClient#seriesId} when the post names a series, else null
     * @param now           the run's clock: {@code publishedAt} is sent only when the post's time is before it
     *                      (back-dating); a post whose time has not come is not Hashnode's to schedule
     * @throws PlatformException REJECTED when the post has no title (Hashnode requires one)
     */
    public static PostInput publish(Post post, String publicationId, String seriesId, Instant now) {
        if (publicationId == null || publicationId.isBlank()) {
            throw new IllegalArgumentException("publicationId is required");
        }
        if (post.title() == null || post.title().isBlank()) {
            throw new PlatformException(HashnodeClient.PLATFORM, PlatformException.Kind.REJECTED,
                    post.file() + " has no title, and Hashnode needs one: add `title:` to its front matter");
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("publicationId", publicationId);
        putCommon(f, post, seriesId, now, true);
        List<Map<String, String>> tags = tags(post);
        if (tags.isEmpty()) {
            f.remove("tags");
        }
        return new PostInput(Operation.PUBLISH, f, post);
    }

    /**
     * The input of an {@code updatePost} of the post {@code postId}. Every field is sent (tags always, even an empty
     * list, because Hashnode replaces the post's tags with what it gets) except the slug, which is sent only when the
     * caller says the user changed it on purpose: Hashnode rejects an update whose slug collides, and the slug is how
     * an existing post is found again.
     *
     * @param sendSlug true when the slug in the file differs from the one recorded for this post
     */
    public static PostInput update(Post post, String postId, String seriesId, Instant now, boolean sendSlug) {
        return update(post, postId, seriesId, now, sendSlug, List.of());
    }

    /**
     * As {@link #update(Post, String, String, Instant, boolean)}, and clears the fields named in {@code clear}
     * that the post no longer sets ({@code null} or {@code false}, see {@link Field}); a field the post sets, or
     * one the API cannot clear, is never cleared.
     *
     * @param clear front matter keys ({@link Field#key()}) that the remote post holds from an earlier sync
     */
    public static PostInput update(Post post, String postId, String seriesId, Instant now, boolean sendSlug,
            Collection<String> clear) {
        if (postId == null || postId.isBlank()) {
            throw new IllegalArgumentException("postId is required");
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", postId);
        putCommon(f, post, seriesId, now, sendSlug);
        for (Field field : Field.values()) {
            if (clear.contains(field.key) && !field.setIn(post) && field.clearable()) {
                f.put(field.input, field.clear == Clear.FALSE ? Boolean.FALSE : null);
            }
        }
        return new PostInput(Operation.UPDATE, f, post);
    }

    private static void putCommon(Map<String, Object> f, Post post, String seriesId, Instant now, boolean slug) {
        put(f, "title", post.title());
        f.put("contentMarkdown", post.body() == null ? "" : post.body());
        if (slug) {
            put(f, "slug", post.slug());
        }
        f.put("tags", tags(post));
        for (Field field : Field.values()) {
            put(f, field.input, field == Field.SERIES ? seriesId : field.value.apply(post));
        }
        if (post.publishAt() != null && now != null && post.publishAt().isBefore(now)) {
            f.put("publishedAt", post.publishAt().toString());
        }
    }

    private static void put(Map<String, Object> f, String key, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return;
        }
        f.put(key, value);
    }

    private static List<Map<String, String>> tags(Post post) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String slug : new LinkedHashSet<>(post.tags())) {
            if (slug != null && !slug.isBlank()) {
                out.add(Map.of("slug", slug));
            }
        }
        return out;
    }

    /**
     * The hash to store after a successful publish or update, and to compare on the next run to decide "changed
     * since last sync": SHA-256 (hex) of the canonical JSON (sorted keys, compact, unset fields left out) of what the
     * post says in Hashnode's terms.
     *
     * <p>It depends on the post alone, so {@code plan} can compute it offline and a publish and a later update of an
     * unchanged post hash the same. Hence: no {@code publicationId} or {@code id} (not the post's content); the series
     * by its slug rather than its resolved id; the slug always (a renamed slug is a change); {@code publishedAt} from
     * the post's time whatever the clock says (whether it is sent depends on {@code now}, the hash must not).
     */
    public static String contentHash(Post post) {
        Map<String, Object> c = new TreeMap<>();
        put(c, "title", post.title());
        c.put("contentMarkdown", post.body() == null ? "" : post.body());
        put(c, "slug", post.slug());
        c.put("tags", tags(post));
        for (Field field : Field.values()) {
            // The series by its slug (the id is the publication's, not the post's); the other names as sent.
            put(c, field == Field.SERIES ? "series" : field.input, field.value.apply(post));
        }
        if (post.publishAt() != null) {
            c.put("publishedAt", post.publishAt().toString());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.compact(c).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The post's file, for messages. */
    String sourceFile() {
        return sourceFile;
    }

    public Operation operation() {
        return operation;
    }

    /** The {@code input} object exactly as sent, in a readable order. */
    public Map<String, Object> fields() {
        return fields;
    }

    /** The GraphQL variables of the request: {@code {"input": fields()}}. */
    public Map<String, Object> variables() {
        return Map.of("input", fields);
    }

    /** {@link #contentHash(Post)} of the post this input was built from. */
    public String contentHash() {
        return contentHash(post);
    }

    /** The slug this input asks for, or null when it sends none (Hashnode then derives or keeps one). */
    public String requestedSlug() {
        return (String) fields.get("slug");
    }

    /** The exact JSON body that {@link HashnodeClient} sends for this input. */
    public String requestBody() {
        return requestBody;
    }

    /** The size of {@link #requestBody()} in bytes (UTF-8), the number Hashnode's limit counts. */
    public int requestBytes() {
        return requestBytes;
    }

    /**
     * Why this request is too large for Hashnode, as a message for the user, or empty when it fits. Checked before
     * anything is sent: {@link HashnodeClient} refuses an oversized input too.
     */
    public Optional<String> sizeProblem() {
        if (requestBytes <= MAX_REQUEST_BYTES) {
            return Optional.empty();
        }
        String field = largestField();
        return Optional.of(String.format(java.util.Locale.ROOT,
                "%s is too large for Hashnode: the request would be %,d bytes, of which the %s takes %,d, and "
                        + "Hashnode accepts at most 100 KB (%,d bytes) per request; xpost stops at %,d to leave "
                        + "headroom. Shorten the %s%s",
                sourceFile, requestBytes, field.equals("body") ? "body" : "`" + field + "`", fieldBytes(field),
                SERVER_LIMIT_BYTES, MAX_REQUEST_BYTES, field.equals("body") ? "body" : "`" + field + "`",
                field.equals("body") ? ", or move large parts (embedded images as data: URIs, long code listings) "
                        + "to linked files" : ""));
    }

    /** Front matter key (or {@code body}) of each request field, to name in messages. */
    private static final Map<String, String> FRONT_MATTER_KEY = Map.of("contentMarkdown", "body",
            "originalArticleURL", "canonical", "coverImage", "cover", "metaTitle", "seoTitle",
            "metaDescription", "seoDescription", "isDelisted", "hideFromCommunity", "seriesId", "series");

    /**
     * The field that takes the most bytes of the request, as the post's front matter names it ({@code body} for
     * the Markdown, {@code title}, {@code seoDescription}, …): what to shorten when the request is too large.
     */
    public String largestField() {
        String best = "contentMarkdown";
        long bestBytes = -1;
        for (String key : fields.keySet()) {
            long n = jsonBytes(fields.get(key));
            if (n > bestBytes) {
                best = key;
                bestBytes = n;
            }
        }
        return FRONT_MATTER_KEY.getOrDefault(best, best);
    }

    private long fieldBytes(String frontMatterKey) {
        for (String key : fields.keySet()) {
            if (FRONT_MATTER_KEY.getOrDefault(key, key).equals(frontMatterKey)) {
                return jsonBytes(fields.get(key));
            }
        }
        return 0;
    }

    private static long jsonBytes(Object value) {
        return Json.compact(value).getBytes(StandardCharsets.UTF_8).length;
    }
}
