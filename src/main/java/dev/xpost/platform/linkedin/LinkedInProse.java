package dev.xpost.platform.linkedin;

import dev.xpost.platform.text.Piece;
import dev.xpost.platform.text.Prose;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * How LinkedIn reads the words of a post converted from Markdown: a {@code #Word} that starts at a word boundary with
 * a letter is a hashtag ({@code C#}, {@code #42}, {@code issue #12}, a {@code #} inside a URL and code stay text), and
 * so is a link LinkedIn itself made for one ({@code [hashtag#AWS](https://www.linkedin.com/feed/hashtag/…)}). At most
 * {@link #MAX_HASHTAGS} different ones per text; later ones stay text. One instance per rendering: it counts.
 */
final class LinkedInProse implements Prose {
    /** Most different hashtags in a LinkedIn text, written in the body or made from tags; LinkedIn advises a few. */
    static final int MAX_HASHTAGS = 5;

    private static final Pattern LINKEDIN_HASHTAG_TEXT = Pattern.compile("^(?:hashtag)?[#\uFF03](.+)$",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> hashtags = new LinkedHashSet<>();

    @Override
    public List<Piece> words(String text) {
        return LittleText.withHashtags(text, true).stream()
                .map(p -> p instanceof Piece.Hashtag h ? hashtag(h.word()) : p)
                .toList();
    }

    @Override
    public Optional<List<Piece>> link(String text, String url) {
        return linkedinHashtag(text, url).map(word -> List.of(hashtag(word)));
    }

    /** A hashtag while fewer than {@link #MAX_HASHTAGS} different ones were written; after that, text. */
    private Piece hashtag(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        if (hashtags.contains(key) || hashtags.size() < MAX_HASHTAGS) {
            hashtags.add(key);
            return new Piece.Hashtag(word);
        }
        return new Piece.Words("#" + word);
    }

    /** The word of a hashtag link LinkedIn produced (its text is "hashtag#Word" or "#Word"). */
    private static Optional<String> linkedinHashtag(String text, String dest) {
        HttpUrl url = HttpUrl.parse(dest);
        if (url == null || !isLinkedInHost(url.host()) || !url.encodedPath().startsWith("/feed/hashtag")) {
            return Optional.empty();
        }
        Matcher m = LINKEDIN_HASHTAG_TEXT.matcher(text);
        if (m.matches() && LittleText.isHashtagWord(m.group(1))) {
            return Optional.of(m.group(1));
        }
        String keywords = url.queryParameter("keywords");
        if (text.isEmpty() && LittleText.isHashtagWord(keywords)) {
            return Optional.of(keywords);
        }
        return Optional.empty();
    }

    /** True for linkedin.com and its subdomains. */
    static boolean isLinkedInHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("linkedin.com") || h.endsWith(".linkedin.com");
    }
}
