package dev.xpost.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Format version 1 of the state file, as xpost wrote it before version 2: read as strictly as version 2 (unknown
 * fields refused), then {@link #migrate migrated} in memory. Nothing writes it; the next real run writes version 2.
 *
 * <p>The migration moves fields, it does not interpret them: each top-level account object of version 1 becomes
 * that platform's entry of {@link State#accounts()} with the same keys, and each record field that version 2 does
 * not keep in its neutral core becomes a key of {@link PlatformRecord#ext()} with the same name. So a platform
 * package reads a migrated record exactly as one it wrote itself.
 *
 * @param hashnode  version 1's {@code hashnode} object ({@code publicationId}, {@code publicationHost})
 * @param linkedin  version 1's {@code linkedin} object ({@code author})
 */
@JsonPropertyOrder(alphabetic = true)
record StateV1(
        int version,
        Hashnode hashnode,
        Linkedin linkedin,
        SortedMap<String, String> images,
        SortedMap<String, Entry> posts,
        Instant started,
        SortedMap<String, String> forgotten,
        SortedMap<String, Integer> attempts,
        SortedMap<String, String> gone) {

    static final int VERSION = 1;

    StateV1 {
        // The same checks as State's, so a broken version 1 file is reported as a version 2 one would be.
        images = State.sortedCopy(images, "images");
        posts = State.sortedCopy(posts, "posts");
        forgotten = State.sortedCopy(forgotten, "forgotten");
        attempts = State.sortedCopy(attempts, "attempts");
        gone = State.sortedCopy(gone, "gone");
    }

    /** The top-level fields a version 1 journal line may name ({@code {"field": name, ...}}). */
    static final Set<String> FIELDS = Set.of("hashnode", "linkedin", "images", "started", "forgotten", "attempts",
            "gone");

    /** Version 1's {@code hashnode} object. */
    @JsonPropertyOrder(alphabetic = true)
    record Hashnode(String publicationId, String publicationHost) {
    }

    /** Version 1's {@code linkedin} object. */
    @JsonPropertyOrder(alphabetic = true)
    record Linkedin(String author) {
    }

    @JsonPropertyOrder(alphabetic = true)
    record Entry(String file, SortedMap<String, V1Record> platforms) {
        Entry {
            if (file == null || file.isBlank()) {
                throw new IllegalArgumentException("\"file\" is missing (the post's file, relative to the blog root)");
            }
            platforms = State.sortedCopy(platforms, "platforms");
        }
    }

    /** A version 1 record: version 2's core plus three fields that move to {@link PlatformRecord#ext()}. */
    @JsonPropertyOrder(alphabetic = true)
    record V1Record(Status status, String id, String cuid, String slug, String url, String publicationId, String hash,
            Instant sentAt, Instant intentAt, String message, List<String> fields, Map<String, String> sent,
            Instant requestEndedAt) {
        V1Record {
            // Checked while reading, so that a broken record is reported with its place in the file.
            toV2(status, id, cuid, slug, url, publicationId, hash, sentAt, intentAt, message, fields, sent,
                    requestEndedAt);
        }

        PlatformRecord toV2() {
            return toV2(status, id, cuid, slug, url, publicationId, hash, sentAt, intentAt, message, fields, sent,
                    requestEndedAt);
        }

        private static PlatformRecord toV2(Status status, String id, String cuid, String slug, String url,
                String publicationId, String hash, Instant sentAt, Instant intentAt, String message,
                List<String> fields, Map<String, String> sent, Instant requestEndedAt) {
            SortedMap<String, String> ext = new TreeMap<>();
            putIfSet(ext, "cuid", cuid);
            putIfSet(ext, "slug", slug);
            putIfSet(ext, "publicationId", publicationId);
            return new PlatformRecord(status, id, url, hash, sentAt, intentAt, message, fields, sent, requestEndedAt,
                    ext);
        }
    }

    /** The same facts in version 2. */
    State migrate() {
        State out = new State(State.FORMAT_VERSION, null, images, null, started, forgotten, attempts, gone);
        if (hashnode != null) {
            out = out.withAccount("hashnode", "publicationId", hashnode.publicationId())
                    .withAccount("hashnode", "publicationHost", hashnode.publicationHost());
        }
        if (linkedin != null) {
            out = out.withAccount("linkedin", "author", linkedin.author());
        }
        List<State.Change> changes = new ArrayList<>();
        posts.forEach((slug, entry) -> entry.platforms().forEach((platform, record) ->
                changes.add(new State.Change(slug, entry.file(), platform, record.toV2()))));
        return out.withRecords(changes);
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
