package dev.xpost.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The LinkedIn author, resolved once from {@code /v2/userinfo}.
 *
 * @param author the author URN, e.g. {@code urn:li:person:abc123}
 */
@JsonPropertyOrder(alphabetic = true)
public record LinkedinInfo(String author) {
}
