/**
 * Markdown → plain text for any platform that takes text rather than Markdown:
 * {@link dev.xpost.platform.text.PlainText} reads a post's body into {@link dev.xpost.platform.text.Block}s of
 * {@link dev.xpost.platform.text.Piece}s (or one string); a platform's {@link dev.xpost.platform.text.Prose} decides
 * what else runs of prose hold (LinkedIn's hashtags). Escaping, length limits and how blocks are composed into a post
 * (title, teaser, link) stay in the platform's own package. Uses commonmark and OkHttp's URL parser only; no HTTP.
 */
package dev.xpost.platform.text;
