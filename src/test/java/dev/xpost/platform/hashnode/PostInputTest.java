package dev.xpost.platform.hashnode;

import static dev.xpost.platform.hashnode.HashnodeFixtures.BODY;
import static dev.xpost.platform.hashnode.HashnodeFixtures.NOW;
import static dev.xpost.platform.hashnode.HashnodeFixtures.POST_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.PUBLICATION_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.SERIES_ID;
import static dev.xpost.platform.hashnode.HashnodeFixtures.assertFails;
import static dev.xpost.platform.hashnode.HashnodeFixtures.post;
import static dev.xpost.platform.hashnode.HashnodeFixtures.samplePost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xpost.platform.PlatformException.Kind;
import dev.xpost.post.Dialect;
import dev.xpost.post.Post;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a post becomes a Hashnode mutation input, its content hash and its size check. */
class PostInputTest {
    private static final Instant PAST = Instant.parse("2024-03-01T09:00:00Z");

    @Test
    void bodyGoesOutExactlyAsWrittenHashnodeDialectIncluded() {
        PostInput in = PostInput.publish(samplePost(), PUBLICATION_ID, null, NOW);

        assertEquals(BODY, in.fields().get("contentMarkdown"));
        assertTrue(in.requestBody().contains("align=\\\"center\\\")"), in.requestBody());
        assertTrue(in.requestBody().contains("%[https://youtu.be/abc]"), in.requestBody());
    }

    @Test
    void tagsAreDeduplicatedInFileOrderWithCuidSuffixesKept() {
        PostInput in = PostInput.publish(samplePost(), PUBLICATION_ID, null, NOW);

        assertEquals(List.of(Map.of("slug", "aws"), Map.of("slug", "cdk"),
                Map.of("slug", "cicd-cjy1vtdk2005kjjs17n8couc3")), in.fields().get("tags"));
    }

    @Test
    void unsetFieldsAreLeftOutNeverSentAsNull() {
        PostInput in = PostInput.publish(samplePost(), PUBLICATION_ID, null, NOW);

        assertFalse(in.fields().containsKey("isDelisted"), "hideFromCommunity unset");
        assertFalse(in.fields().containsKey("seriesId"), "no series");
        assertFalse(in.requestBody().contains("null"), in.requestBody());
    }

    @Test
    void publishedAtIsSentOnlyToBackdate() {
        Post future = post(BODY, List.of(), Instant.parse("2026-09-02T00:00:00Z"), null);
        Post undated = post(BODY, List.of(), null, null);

        assertEquals("2024-03-01T09:00:00Z",
                PostInput.publish(post(BODY, List.of(), PAST, null), PUBLICATION_ID, null, NOW).fields()
                        .get("publishedAt"));
        assertFalse(PostInput.publish(future, PUBLICATION_ID, null, NOW).fields().containsKey("publishedAt"));
        assertFalse(PostInput.publish(undated, PUBLICATION_ID, null, NOW).fields().containsKey("publishedAt"));
    }

    @Test
    void publishWithoutTagsSendsNoTagsButUpdateSendsAnEmptyListToClearThem() {
        Post untagged = post(BODY, List.of(), PAST, null);

        assertFalse(PostInput.publish(untagged, PUBLICATION_ID, null, NOW).fields().containsKey("tags"));
        assertEquals(List.of(), PostInput.update(untagged, POST_ID, null, NOW, false).fields().get("tags"));
    }

    @Test
    void updateAddressesThePostByIdAndLeavesTheSlugAloneUnlessAsked() {
        PostInput keep = PostInput.update(samplePost(), POST_ID, SERIES_ID, NOW, false);
        PostInput rename = PostInput.update(samplePost(), POST_ID, SERIES_ID, NOW, true);

        assertEquals(POST_ID, keep.fields().get("id"));
        assertFalse(keep.fields().containsKey("publicationId"));
        assertFalse(keep.fields().containsKey("slug"));
        assertEquals(null, keep.requestedSlug());
        assertEquals("aws-part-2", rename.fields().get("slug"));
        assertEquals(PostInput.Operation.UPDATE, keep.operation());
    }

    @Test
    void postWithoutTitleCannotBePublished() {
        Post untitled = new Post(Path.of("posts/x.md"), Dialect.LEGACY, null, null, null, false, List.of(),
                List.of(), null, null, null, null, null, null, null, null, null, null, null, false, false, null,
                null, null, List.of(), null, Map.of(), "text", 1, Map.of());

        var e = assertFails(Kind.REJECTED, () -> PostInput.publish(untitled, PUBLICATION_ID, null, NOW));

        assertTrue(e.getMessage().startsWith("posts/x.md has no title"), e.getMessage());
    }

    @Test
    void contentHashIsTheSameForPublishAndUpdateAndWhateverTheClock() {
        Post p = samplePost();
        String publish = PostInput.publish(p, PUBLICATION_ID, SERIES_ID, NOW).contentHash();
        String update = PostInput.update(p, POST_ID, "ffffffffffffffffffffffff", Instant.EPOCH, false).contentHash();

        assertEquals(publish, update);
        assertEquals(publish, PostInput.contentHash(p));
        assertTrue(publish.matches("[0-9a-f]{64}"), publish);
    }

    @Test
    void contentHashIsPinnedBecauseStateFilesStoreIt() throws Exception {
        // Changing the canonical form re-sends every post once: do it on purpose or not at all. The fixture spells
        // the canonical form out (sorted keys, compact, series by slug, no ids), hashed independently here.
        String canonical = HashnodeFixtures.fixture("content-hash-canonical.json");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertEquals("a7788820474937a256ab7c26984208b20cdba5d19388a8b6d9b1b1a5f6288eab", expected);
        assertEquals(expected, PostInput.contentHash(samplePost()));
    }

    @Test
    void contentHashChangesWithWhatReadersSee() {
        String base = PostInput.contentHash(samplePost());

        assertNotEquals(base, PostInput.contentHash(post(BODY + "PS.\n", samplePost().tags(), PAST, "aws")));
        assertNotEquals(base, PostInput.contentHash(post(BODY, List.of("aws"), PAST, "aws")));
        assertNotEquals(base, PostInput.contentHash(post(BODY, samplePost().tags(), PAST, "gcp")));
        assertNotEquals(base, PostInput.contentHash(post(BODY, samplePost().tags(), NOW, "aws")));
        assertEquals(base, PostInput.contentHash(post(BODY, List.of("aws", "cdk", "cicd-cjy1vtdk2005kjjs17n8couc3"),
                PAST, "aws")), "a duplicate tag changes nothing that is sent");
    }

    @Test
    void requestBytesCountTheUtf8BodyExactly() {
        PostInput ascii = PostInput.publish(post("a".repeat(1000), List.of(), null, null), PUBLICATION_ID, null, NOW);
        PostInput accents = PostInput.publish(post("é".repeat(1000), List.of(), null, null), PUBLICATION_ID, null,
                NOW);

        assertEquals(ascii.requestBody().getBytes(StandardCharsets.UTF_8).length, ascii.requestBytes());
        assertEquals(1000, accents.requestBytes() - ascii.requestBytes(), "é is two bytes in UTF-8");
    }

    @Test
    void sizeLimitIs95000Bytes() {
        PostInput probe = PostInput.publish(post("", List.of(), null, null), PUBLICATION_ID, null, NOW);
        int overhead = probe.requestBytes();
        PostInput fits = PostInput.publish(post("a".repeat(95_000 - overhead), List.of(), null, null),
                PUBLICATION_ID, null, NOW);
        PostInput over = PostInput.publish(post("a".repeat(95_001 - overhead), List.of(), null, null),
                PUBLICATION_ID, null, NOW);

        assertEquals(95_000, fits.requestBytes());
        assertTrue(fits.sizeProblem().isEmpty());
        String message = over.sizeProblem().orElseThrow();
        assertTrue(message.startsWith("posts/aws-part-2.md is too large for Hashnode: the request would be 95,001 "
                + "bytes"), message);
        assertTrue(message.contains("100 KB (102,400 bytes)") && message.contains("95,000"), message);
    }

    @Test
    void publicationRefTakesAHostAnIdOrAPastedUrl() {
        assertEquals(new PublicationRef(null, "myblog.hashnode.dev"), PublicationRef.parse("myblog.hashnode.dev"));
        assertEquals(new PublicationRef(null, "blog.example.com"), PublicationRef.parse("https://Blog.Example.com/"));
        assertEquals(new PublicationRef(PUBLICATION_ID, null), PublicationRef.parse(" 6A603FB103E2CB323E7851F6 "));
        var e = assertFails(Kind.CONFIG, () -> PublicationRef.parse("my blog"));
        assertTrue(e.getMessage().contains("hashnode.publication"), e.getMessage());
        assertFails(Kind.CONFIG, () -> PublicationRef.parse(null));
    }
}
