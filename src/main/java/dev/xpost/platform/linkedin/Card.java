package dev.xpost.platform.linkedin;

/**
 * The link card of a LinkedIn post ({@code content.article}). LinkedIn does not scrape the URL, so every field is
 * filled in by us (reference §1.4). The fields are plain JSON strings, not little text, so they are sent unescaped.
 * The thumbnail is an image URN the caller uploads separately (see {@link LinkedInClient#uploadImage}).
 *
 * @param source      the URL the card opens: the Hashnode URL when Hashnode published the post, else its canonical URL
 * @param title       the post title, or null
 * @param description the subtitle, else the SEO description, else an excerpt of the text; or null
 */
public record Card(String source, String title, String description) {
}
