package dev.xpost.platform.devto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An article as dev.to answers it: from a create or update (the "show" shape) or from {@code /api/articles/me/all}
 * (the list shape). The two disagree on {@code tag_list} (a string in one, an array in the other: reference §2.6),
 * so tags are read from whichever field holds an array.
 *
 * @param id           dev.to's numeric article id, what xpost stores
 * @param url          the article's dev.to URL (a draft's changes when it is published)
 * @param title        the title as dev.to stored it (it may have replaced characters: reference §2.5)
 * @param canonicalUrl the canonical URL, or null when none is set (dev.to answers the article's own URL then)
 * @param bodyMarkdown the stored Markdown, or null when the answer has none
 * @param tags         the tags as dev.to stored them
 * @param published    true when published (or scheduled)
 */
public record DevtoArticle(long id, String url, String title, String canonicalUrl, String bodyMarkdown,
        List<String> tags, boolean published) {

    public DevtoArticle {
        tags = List.copyOf(tags);
    }

    /** Null when {@code j} has no numeric {@code id}. */
    static DevtoArticle of(JsonNode j) {
        if (j == null || !j.isObject() || !j.path("id").canConvertToLong() || !j.path("id").isIntegralNumber()) {
            return null;
        }
        String url = text(j, "url");
        String canonical = text(j, "canonical_url");
        if (canonical != null && canonical.equals(url)) {
            canonical = null;
        }
        List<String> tags = new ArrayList<>();
        JsonNode array = j.path("tag_list").isArray() ? j.path("tag_list") : j.path("tags");
        if (array.isArray()) {
            array.forEach(t -> tags.add(t.asText()));
        } else if (j.path("tag_list").isTextual()) {
            for (String t : j.path("tag_list").asText().split(",")) {
                if (!t.isBlank()) {
                    tags.add(t.strip());
                }
            }
        }
        return new DevtoArticle(j.path("id").asLong(), url, text(j, "title"), canonical, text(j, "body_markdown"),
                tags, j.path("published").asBoolean(j.hasNonNull("published_at")));
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
