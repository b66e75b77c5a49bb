package dev.xpost.post;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slug and tag-slug rules. Hashnode's own publish action normalises tags and slugs the same way: lower-case,
 * drop everything outside {@code [a-z0-9-]} and whitespace, whitespace to '-', collapse and trim dashes. We also
 * fold accents first ("Café" → "cafe") because dropping the letter outright makes worse slugs.
 */
public final class Slugs {
    /** What a slug must look like for Hashnode (DESIGN.md §3). */
    public static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final int MAX_LENGTH = 250;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DROP = Pattern.compile("[^a-z0-9\\s-]");
    private static final Pattern SPACES = Pattern.compile("[\\s_]+");
    private static final Pattern DASHES = Pattern.compile("-{2,}");

    private Slugs() {
    }

    /** The slug for a title or tag; empty when nothing usable is left (a title in another script, say). */
    public static String slugify(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = SPACES.matcher(s.strip()).replaceAll("-");
        s = DROP.matcher(s).replaceAll("");
        s = DASHES.matcher(s).replaceAll("-");
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '-') {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * A tag as written → its tag slug. Cuid-suffixed slugs such as {@code cicd-cjy1vtdk2005kjjs17n8couc3} pass
     * through unchanged: they name a different Hashnode tag than the bare slug.
     */
    public static String tag(String written) {
        return slugify(written);
    }

    /**
     * The tag slug an author most likely meant when the usual slug loses the tag's meaning ({@code C#} and
     * {@code C++} become {@code c}, {@code .NET} becomes {@code net}, {@code node_js} becomes {@code node-js}
     * where Hashnode's tag is {@code nodejs}); null when the usual slug keeps it.
     */
    public static String meantTag(String written) {
        if (written == null) {
            return null;
        }
        String raw = written.strip().toLowerCase(Locale.ROOT);
        if (raw.indexOf('#') < 0 && raw.indexOf('+') < 0 && !raw.startsWith(".") && raw.indexOf('_') < 0) {
            return null;
        }
        String meant = raw.startsWith(".") ? "dot" + raw.substring(1) : raw;
        // A # right after a letter is "sharp" (C#, F#); anywhere else it only marks a hashtag.
        meant = meant.replaceAll("(?<=\\p{L})#", "sharp").replace("#", " ").replace("+", "p").replace("_", "");
        meant = slugify(meant);
        return meant.isEmpty() || meant.equals(tag(written)) ? null : meant;
    }

    public static boolean isValid(String slug) {
        // What VALID matches, without a regex match for each post's slug on every run.
        if (slug == null || slug.isEmpty() || slug.charAt(0) == '-' || slug.charAt(slug.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            boolean dash = c == '-';
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || dash) || dash && slug.charAt(i - 1) == '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * The readable form of a tag slug, for hashtags: the cuid suffix dropped ({@code cicd-cjy1vtdk2005kjjs17n8couc3}
     * → {@code cicd}).
     */
    public static String withoutCuidSuffix(String tagSlug) {
        return tagSlug.replaceFirst("-c[a-z0-9]{24}$", "");
    }
}
