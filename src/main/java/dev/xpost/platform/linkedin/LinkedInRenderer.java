package dev.xpost.platform.linkedin;

import dev.xpost.platform.text.Block;
import dev.xpost.platform.text.Piece;
import dev.xpost.platform.text.PlainText;
import dev.xpost.post.Post;
import dev.xpost.post.Problem;
import dev.xpost.post.Slugs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a post as the text and link card of a LinkedIn post (DESIGN.md §5).
 *
 * <p>The text is built from the commonmark AST (see {@link PlainText} for how each Markdown construct reads and
 * {@link LinkedInProse} for which words become hashtags), starts with the title, ends with the footnotes, if any, and
 * then a line of hashtags made from the post's tags (those the body does not already have, within
 * {@link #MAX_HASHTAGS} in all). It is then written in LinkedIn's "little"
 * format: every reserved character escaped, except the {@code #} of the hashtags xpost emits.
 *
 * <p>Length: LinkedIn allows 3,000 characters and does not say whether escape backslashes count. To be safe we count
 * the commentary <em>as sent</em> — escapes included, in code points — so a text we accept fits whichever way
 * LinkedIn counts.
 */
public final class LinkedInRenderer {
    /** Longest commentary LinkedIn accepts, in code points, counted on the escaped text. */
    public static final int MAX_LENGTH = 3000;
    /** Longest card description made from the text when the post has no subtitle or SEO description. */
    public static final int EXCERPT_LENGTH = 200;
    /**
     * Longest card title and description, in code points. The reference gives no limit for {@code content.article};
     * these are the limits LinkedIn documented for the title and description of a shared link's card (Share API),
     * the smallest figures known, so a card within them is taken whole.
     */
    public static final int CARD_TITLE_LENGTH = 200;
    public static final int CARD_DESCRIPTION_LENGTH = 256;
    /** Most different hashtags in a text, body ones first, then the tags' (see {@link LinkedInProse#MAX_HASHTAGS}). */
    public static final int MAX_HASHTAGS = LinkedInProse.MAX_HASHTAGS;
    /** A paragraph is cut to fill a teaser only when at least this much room is left; less reads like a stub. */
    static final int MIN_CUT = 80;

    static final String RULE_TOO_LONG = "linkedin-too-long";
    static final String RULE_EMPTY = "linkedin-empty";
    static final String RULE_TEASER_WITHOUT_LINK = "linkedin-teaser-without-link";
    static final String RULE_WIDGET = "linkedin-widget-dropped";

    private LinkedInRenderer() {
    }

    /**
     * Renders one post.
     *
     * @param post    the post
     * @param linkUrl where the card and the teaser point: the Hashnode URL when Hashnode published the post, else the
     *                post's {@code canonical}; null or blank for none (then there is no card)
     * @param mode    full text, teaser, or whichever fits (null means {@link LinkedInMode#AUTO})
     */
    public static Rendering render(Post post, String linkUrl, LinkedInMode mode) {
        String link = linkUrl == null || linkUrl.isBlank() ? null : linkUrl.strip();
        PlainText.Parsed parsed = PlainText.parse(post.body(), new LinkedInProse());
        List<Block> body = new ArrayList<>(parsed.blocks());
        LinkedInMode m = mode == null ? LinkedInMode.AUTO : mode;
        // A title continued on a second line in the front matter is still one line of text.
        String title = post.title() == null || post.title().isBlank() ? null
                : post.title().strip().replaceAll("\\s+", " ");
        if (title != null && !body.isEmpty() && body.get(0).kind() == Block.Kind.HEADING
                && body.get(0).plain().strip().equalsIgnoreCase(title)) {
            // Legacy files repeat their title as the first heading; once is enough.
            body = body.subList(1, body.size());
        }
        Card card = link == null ? null : new Card(link, cardTitle(title), description(post, body));
        if (parsed.notes() != null) {
            body = new ArrayList<>(body);
            body.add(parsed.notes());
        }

        if (post.linkedinText() != null && !post.linkedinText().isBlank()) {
            return handWritten(post, card);
        }

        List<Block> head = new ArrayList<>();
        if (title != null) {
            head.add(new Block(Block.Kind.TITLE, List.of(new Piece.Words(title))).tidy());
        }
        head.addAll(body);

        List<Block> full = new ArrayList<>(head);
        hashtagBlock(post.tags(), Block.hashtags(head)).ifPresent(full::add);
        List<Piece> fullText = Block.join(full);
        int fullLength = Pieces.length(fullText);

        List<Problem> problems = new ArrayList<>();
        for (String widget : new LinkedHashSet<>(parsed.widgets())) {
            problems.add(Problem.warning(post.file(), 0, RULE_WIDGET, "the Hashnode widget %%[" + widget
                    + "] has no form on LinkedIn and is left out of the LinkedIn text"));
        }
        if (m == LinkedInMode.FULL || (m == LinkedInMode.AUTO && fullLength <= MAX_LENGTH)) {
            if (fullLength > MAX_LENGTH) {
                problems.add(Problem.error(post.file(), 0, RULE_TOO_LONG, String.format(Locale.ROOT, 
                        "the LinkedIn text would be %,d characters and LinkedIn allows %,d; set `linkedin.mode: "
                                + "teaser` (or auto) to send the opening and a link, or write the text yourself "
                                + "with `linkedin: {text: …}` in the front matter",
                        fullLength, MAX_LENGTH)));
            }
            return finish(post, fullText, card, Rendering.Form.FULL, problems);
        }

        if (link == null) {
            problems.add(Problem.warning(post.file(), 0, RULE_TEASER_WITHOUT_LINK,
                    "the LinkedIn text is a teaser but the post has no URL to link to (it is not on Hashnode and "
                            + "has no `canonical`); readers cannot reach the rest of it"));
        }
        List<Piece> teaser = teaser(head, link, post.tags());
        if (Pieces.length(teaser) > MAX_LENGTH) {
            problems.add(Problem.error(post.file(), 0, RULE_TOO_LONG, String.format(Locale.ROOT, 
                    "even a teaser of this post is %,d characters (title, link and hashtags) and LinkedIn allows "
                            + "%,d; write the text yourself with `linkedin: {text: …}` in the front matter",
                    Pieces.length(teaser), MAX_LENGTH)));
        }
        return finish(post, teaser, card, Rendering.Form.TEASER, problems);
    }

    /** Escapes every little-text reserved character ({@code \ | { } @ [ ] ( ) < > # * _ ~}) with a backslash. */
    public static String escape(String plain) {
        return LittleText.escape(plain);
    }

    /** The inverse of {@link #escape}: {@code unescape(escape(s)).equals(s)} for every string. */
    public static String unescape(String little) {
        return LittleText.unescape(little);
    }

    private static Rendering handWritten(Post post, Card card) {
        String text = post.linkedinText().replace("\r\n", "\n").strip();
        List<Piece> pieces = LittleText.withHashtags(text);
        List<Problem> problems = new ArrayList<>();
        int length = Pieces.length(pieces);
        if (length > MAX_LENGTH) {
            problems.add(Problem.error(post.file(), post.line("linkedin"), RULE_TOO_LONG, String.format(Locale.ROOT, 
                    "the hand-written LinkedIn text (linkedin.text) is %,d characters as sent (reserved characters "
                            + "such as ( ) _ * count twice once escaped) and LinkedIn allows %,d; shorten it",
                    length, MAX_LENGTH)));
        }
        return finish(post, pieces, card, Rendering.Form.HAND_WRITTEN, problems);
    }

    private static Rendering finish(Post post, List<Piece> pieces, Card card, Rendering.Form form,
                                    List<Problem> problems) {
        String plain = Piece.plain(pieces);
        if (plain.isBlank()) {
            problems.add(Problem.error(post.file(), 0, RULE_EMPTY,
                    "the LinkedIn text is empty: give the post a title and a body, or write "
                            + "`linkedin: {text: …}` in the front matter"));
        }
        return new Rendering(Pieces.little(pieces), plain, card, form, problems);
    }

    /**
     * Title and opening blocks that fit, then the link on its own line, then the hashtags. Room for the link and the
     * hashtags is reserved first; the hashtag line is sized for the worst case (only the title's hashtags removed),
     * so recomputing it for the blocks actually kept can only make it shorter.
     */
    private static List<Piece> teaser(List<Block> head, String link, List<String> tags) {
        List<Block> tail = new ArrayList<>();
        if (link != null) {
            tail.add(new Block(Block.Kind.LINK, List.of(new Piece.Url(link))));
        }
        List<Block> titleOnly = head.isEmpty() || head.get(0).kind() != Block.Kind.TITLE ? List.of() : head.subList(0, 1);
        hashtagBlock(tags, Block.hashtags(titleOnly)).ifPresent(tail::add);
        int reserved = 0;
        for (Block b : tail) {
            reserved += Pieces.length(b) + Block.SEPARATOR.length();
        }
        int budget = MAX_LENGTH - reserved;

        List<Block> kept = new ArrayList<>();
        int used = 0;
        boolean bodyKept = false;
        for (Block b : head) {
            int separator = kept.isEmpty() ? 0 : Block.SEPARATOR.length();
            if (used + separator + Pieces.length(b) <= budget) {
                kept.add(b);
                used += separator + Pieces.length(b);
                bodyKept |= b.kind() != Block.Kind.TITLE;
                continue;
            }
            int room = budget - used - separator;
            if (room > 0 && (room >= MIN_CUT || !bodyKept)) {
                Block cut = Cutter.cut(b, room);
                if (cut != null) {
                    kept.add(cut);
                }
            }
            break;
        }
        // A heading with nothing under it is a dangling promise; end on the text before it.
        while (!kept.isEmpty() && kept.get(kept.size() - 1).kind() == Block.Kind.HEADING) {
            kept.remove(kept.size() - 1);
        }
        if (kept.stream().noneMatch(b -> b.kind() == Block.Kind.NOTES)) {
            // The notes did not fit: a [1] pointing nowhere would only puzzle the reader.
            kept.replaceAll(LinkedInRenderer::withoutNotes);
        }
        List<Block> all = new ArrayList<>(kept);
        if (link != null) {
            all.add(tail.get(0));
        }
        hashtagBlock(tags, Block.hashtags(kept)).ifPresent(all::add);
        return Block.join(all);
    }

    private static Block withoutNotes(Block b) {
        return new Block(b.kind(), b.pieces().stream().filter(p -> !(p instanceof Piece.Note)).toList()).tidy();
    }

    /**
     * The post's tags as hashtags on one line: the cuid suffix dropped, dashes removed ({@code cloud-computing} →
     * {@code #cloudcomputing}, since a hashtag ends at a dash), each once (case-insensitive), none already in the text,
     * and only as many as keep the text within {@link #MAX_HASHTAGS} different hashtags (the body's come first).
     */
    static Optional<Block> hashtagBlock(List<String> tags, Set<String> alreadyInText) {
        Set<String> seen = new LinkedHashSet<>(alreadyInText);
        int room = MAX_HASHTAGS - alreadyInText.size();
        List<Piece> pieces = new ArrayList<>();
        for (String tag : tags) {
            if (tag == null || room <= 0) {
                continue;
            }
            String word = Slugs.withoutCuidSuffix(tag.strip().toLowerCase(Locale.ROOT)).replace("-", "");
            if (!LittleText.isHashtagWord(word) || !seen.add(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!pieces.isEmpty()) {
                pieces.add(new Piece.Words(" "));
            }
            pieces.add(new Piece.Hashtag(word));
            room--;
        }
        return pieces.isEmpty() ? Optional.empty()
                : Optional.of(new Block(Block.Kind.HASHTAGS, pieces));
    }

    /** The title as one line of plain text, cut at a word to {@link #CARD_TITLE_LENGTH}; null for none. */
    private static String cardTitle(String title) {
        String t = PlainText.inlineText(title, new LinkedInProse());
        return t == null || t.isEmpty() ? null : excerpt(t, CARD_TITLE_LENGTH);
    }

    /**
     * Subtitle, else SEO description (as plain text, ≤ {@link #CARD_DESCRIPTION_LENGTH} code points), else an
     * excerpt of the opening paragraphs (≤ {@link #EXCERPT_LENGTH}): their words only, without the URLs of their
     * links or their footnote marks. Lists, quotes, tables and code are not prose to open a card with.
     */
    private static String description(Post post, List<Block> body) {
        for (String given : new String[] {post.subtitle(), post.seoDescription()}) {
            String d = PlainText.inlineText(given, new LinkedInProse());
            if (d != null && !d.isEmpty()) {
                return excerpt(d, CARD_DESCRIPTION_LENGTH);
            }
        }
        StringBuilder text = new StringBuilder();
        for (Block b : body) {
            if (b.kind() == Block.Kind.PARAGRAPH) {
                text.append(' ').append(words(b));
                if (text.length() > EXCERPT_LENGTH * 4) {
                    break;
                }
            }
        }
        String s = PlainText.collapse(text.toString());
        return s.isEmpty() ? null : excerpt(s, EXCERPT_LENGTH);
    }

    /** A block's words without URLs (and the ": " before a link's URL) or footnote marks. */
    private static String words(Block b) {
        StringBuilder out = new StringBuilder();
        for (Piece p : b.pieces()) {
            if (p instanceof Piece.Url) {
                int end = out.length();
                while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == ':')) {
                    end--;
                }
                out.setLength(end);
                out.append(' ');
            } else if (!(p instanceof Piece.Note)) {
                out.append(p.plain());
            }
        }
        return out.toString();
    }

    /** {@code s} cut at a word boundary to at most {@code max} code points, "…" included when cut. */
    static String excerpt(String s, int max) {
        if (LittleText.codePoints(s) <= max) {
            return s;
        }
        int end = s.offsetByCodePoints(0, max - 1);
        int space = s.lastIndexOf(' ', end);
        // A single enormous word has no boundary; cutting it on a code point is the lesser evil for a description.
        String head = (space > 0 ? s.substring(0, space) : s.substring(0, end)).stripTrailing();
        return head + Cutter.ELLIPSIS;
    }
}
