package dev.xpost.app;

import dev.xpost.platform.hashnode.ExportedPost;
import dev.xpost.post.Dates;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a Hashnode post as a file in the seed format of Hashnode's "Backup to GitHub" (API.md §9): the keys in
 * the exporter's order ({@code title, subtitle, seoTitle, seoDescription, datePublished, cuid, slug, canonical,
 * cover, ogImage, tags}, then {@code series} and {@code part}, which the exporter never writes), a blank line
 * before the closing {@code ---}, then the Markdown exactly as Hashnode stores it.
 *
 * <p>Unlike the exporter, every text value is escaped properly: its files break YAML about once in two hundred
 * (an unescaped quote in a title), and an imported file must read back exactly.
 */
final class BackupFormat {
    /** Values written bare, as the exporter writes slugs and cuids; anything else is double-quoted. */
    private static final Pattern PLAIN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
    /** URLs written bare, as the exporter does, when no YAML reader could take them for anything else. */
    private static final Pattern PLAIN_URL = Pattern.compile("^https?://[^\\s\"'#,\\[\\]{}]*[^\\s\"'#,\\[\\]{}:]$");
    /** YAML 1.1 spellings of null and booleans: a slug {@code null} written bare would not read back as text. */
    private static final Set<String> YAML_WORDS = Set.of("null", "true", "false", "yes", "no", "on", "off", "y",
            "n", "nan", "inf");

    private BackupFormat() {
    }

    /**
     * The file's text.
     *
     * @param part the post's place in its series (1-based), or null when it is in none
     */
    static String render(ExportedPost p, Integer part) {
        StringBuilder b = new StringBuilder("---\n");
        line(b, "title", quote(p.title() == null ? "" : p.title()));
        text(b, "subtitle", p.subtitle());
        text(b, "seoTitle", p.seoTitle());
        text(b, "seoDescription", p.seoDescription());
        if (p.publishedAt() != null) {
            line(b, "datePublished", Dates.toJavaScript(p.publishedAt(), ZoneOffset.UTC));
        }
        word(b, "cuid", p.cuid());
        word(b, "slug", p.slug());
        url(b, "canonical", p.canonicalUrl());
        url(b, "cover", p.coverImage());
        url(b, "ogImage", p.ogImage());
        if (!p.tags().isEmpty()) {
            line(b, "tags", String.join(", ", p.tags().stream().map(BackupFormat::tagValue).toList()));
        }
        if (p.series() != null && !p.series().isBlank()) {
            word(b, "series", p.series());
            if (part != null) {
                line(b, "part", part.toString());
            }
        }
        b.append("\n---\n\n");
        b.append(p.markdown());
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append(": ").append(value).append('\n');
    }

    private static void text(StringBuilder b, String key, String value) {
        if (value != null && !value.isBlank()) {
            line(b, key, quote(value));
        }
    }

    private static void word(StringBuilder b, String key, String value) {
        if (value != null && !value.isBlank()) {
            boolean plain = PLAIN.matcher(value).matches() && !YAML_WORDS.contains(value.toLowerCase(Locale.ROOT));
            line(b, key, plain ? value : quote(value));
        }
    }

    private static void url(StringBuilder b, String key, String value) {
        if (value != null && !value.isBlank()) {
            line(b, key, PLAIN_URL.matcher(value).matches() ? value : quote(value));
        }
    }

    /** Tag slugs are {@code [a-z0-9-]}; anything else is dropped here rather than breaking the comma list. */
    private static String tagValue(String slug) {
        return slug.replaceAll("[,\\s\"'#]", "");
    }

    /**
     * A YAML double-quoted scalar that reads back as exactly {@code s}: quotes, backslashes, line breaks (YAML's
     * too: NEL, LS, PS) and every character YAML does not allow printed are escaped.
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (printable(s, i)) {
                        b.append(c);
                        if (Character.isHighSurrogate(c)) {
                            b.append(s.charAt(++i));
                        }
                    } else {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** YAML's printable set, minus its line breaks; a surrogate counts only as half of a pair. */
    private static boolean printable(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false;
        }
        return c >= 0x20 && c <= 0x7e || c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029
                || c >= 0xe000 && c <= 0xfffd && c != 0xfeff;
    }
}
