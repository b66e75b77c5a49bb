package dev.xpost.platform.linkedin;

import dev.xpost.post.Problem;
import java.util.List;
import java.util.Locale;

/**
 * What xpost would send to LinkedIn for one post.
 *
 * @param commentary the text as sent: little text, escaped; hashtags xpost emits are left as {@code #word}
 * @param plainText  the same text unescaped, as readers will see it ({@code unescape(commentary)})
 * @param card       the link card, or null when the post has no link URL
 * @param form       which text was chosen
 * @param problems   what stops this post from going to LinkedIn (errors) or is worth a look (warnings)
 */
public record Rendering(String commentary, String plainText, Card card, Form form, List<Problem> problems) {
    /** Which text a rendering carries. */
    public enum Form {
        /** The whole post. */
        FULL,
        /** The opening of the post and a link to the rest. */
        TEASER,
        /** The front matter's {@code linkedin: {text: …}}. */
        HAND_WRITTEN
    }

    public Rendering {
        problems = List.copyOf(problems);
    }

    /** Length of the commentary as sent, in code points: what is checked against {@link LinkedInRenderer#MAX_LENGTH}. */
    public int length() {
        return commentary.codePointCount(0, commentary.length());
    }

    /** True when this post must not be sent. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /**
     * Exactly what would be sent, for {@code xpost preview POST --platform linkedin}: the commentary as sent
     * (escaped), then the card fields, then any problems. The thumbnail is not shown: it is uploaded when publishing.
     */
    public String preview() {
        StringBuilder b = new StringBuilder();
        b.append("LinkedIn post: ").append(describe(form)).append(", ")
                .append(String.format(Locale.ROOT, "%,d of %,d characters", length(), LinkedInRenderer.MAX_LENGTH)).append('\n');
        b.append("--- commentary (as sent, little-text escaped) ---\n");
        b.append(commentary).append('\n');
        if (card == null) {
            b.append("--- no link card (the post has no canonical URL and is not on Hashnode) ---\n");
        } else {
            b.append("--- link card (content.article) ---\n");
            b.append("source:      ").append(card.source()).append('\n');
            b.append("title:       ").append(orNone(card.title())).append('\n');
            b.append("description: ").append(orNone(card.description())).append('\n');
        }
        if (!problems.isEmpty()) {
            b.append("--- problems ---\n");
            problems.forEach(p -> b.append(p.severity().label()).append(": ").append(p.message()).append('\n'));
        }
        return b.toString();
    }

    private static String describe(Form form) {
        return switch (form) {
            case FULL -> "the whole post";
            case TEASER -> "a teaser with a link to the post";
            case HAND_WRITTEN -> "the hand-written linkedin.text";
        };
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
    }
}
