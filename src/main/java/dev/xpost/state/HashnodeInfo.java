package dev.xpost.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Hashnode publication, resolved once (from its host) and remembered so later runs need not look it up.
 *
 * @param publicationId   Hashnode's id of the publication
 * @param publicationHost the host it was resolved from, e.g. {@code blog.example.com}; when the configured host
 *                        changes, the id must be resolved again
 */
@JsonPropertyOrder(alphabetic = true)
public record HashnodeInfo(String publicationId, String publicationHost) {
}
