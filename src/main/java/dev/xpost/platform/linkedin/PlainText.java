package dev.xpost.platform.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Markdown → plain-text blocks, walking the commonmark AST (regexes only ever look at one text run, one HTML node
 * or one URL, never at raw Markdown).
 *
 * <p>Choices, so that the LinkedIn text reads like something a person wrote:
 * <ul>
 *   <li>Links become {@code text: URL} — not {@code text (URL)}, whose parentheses would need escapes and look
 *       noisy. When the text already ends with a colon, only a space is added; when the text is the URL (or the URL
 *       without its scheme, or empty because it was an image), the URL appears once. Links that are not absolute
 *       http(s) URLs (relative links, anchors) keep only their text: their target means nothing on LinkedIn.</li>
 *   <li>Links LinkedIn itself made for hashtags ({@code [hashtag#AWS](https://www.linkedin.com/feed/hashtag/…)})
 *       become real hashtags.</li>
 *   <li>Headings, paragraphs, lists and code blocks are blocks separated by a blank line. Bullets are "• ",
 *       numbers "1. ", nested lists are indented under their parent item, quotes are prefixed "> ".</li>
 *   <li>Images, thematic breaks and raw HTML are dropped (inline HTML tags go, the text between them stays; a
 *       {@code <br>} is a line break). Hashnode callouts ({@code <div data-node-type="callout">}) keep their emoji
 *       and text: they are part of what the author wrote, often a warning the reader should not miss.</li>
 *   <li>Hashnode's {@code ![alt](url align="center")} is not an image to commonmark (the {@code align} attribute
 *       breaks the link syntax), so it arrives as text, possibly spread over soft line breaks; such text is
 *       recognised within one run of text nodes and dropped. A {@code %[url]} embed becomes its URL.</li>
 * </ul>
 */
final class PlainText {
    private static final Parser PARSER = Parser.builder().build();

    /** A Hashnode image with an {@code align} attribute, as left in text by commonmark. */
    private static final String HASHNODE_IMAGE = "!\\[[^\\]]*\\]\\(\\s*\\S+\\s+align=(?:\"[^\"]*\"|'[^']*')\\s*\\)";
    /** A Hashnode embed: {@code %[https://…]}. */
    private static final String HASHNODE_EMBED = "%\\[\\s*(https?://[^\\]\\s]+)\\s*\\]";
    private static final Pattern HASHNODE_SYNTAX =
            Pattern.compile("(" + HASHNODE_IMAGE + ")|" + HASHNODE_EMBED, Pattern.CASE_INSENSITIVE);

    private static final Pattern BR = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALLOUT = Pattern.compile("data-node-type=[\"']callout[\"']");
    private static final Pattern CALLOUT_PART = Pattern.compile(
            "<div[^>]*data-node-type=[\"']callout-(emoji|text)[\"'][^>]*>(.*?)</div>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern LINKEDIN_HASHTAG_TEXT = Pattern.compile("^(?:hashtag)?[#\uFF03](.+)$",
            Pattern.CASE_INSENSITIVE);

    private PlainText() {
    }

    /** The blocks of a Markdown body, tidied, empty ones left out. */
    static List<Block> blocks(String markdown) {
        return blocksOf(PARSER.parse(markdown == null ? "" : markdown));
    }

    private static List<Block> blocksOf(Node parent) {
        List<Block> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Block b = block(n);
            if (b != null) {
                b = b.tidy();
                if (!b.isBlank()) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    private static Block block(Node n) {
        if (n instanceof Heading) {
            return new Block(Block.Kind.HEADING, inlines(n));
        } else if (n instanceof Paragraph) {
            return new Block(Block.Kind.PARAGRAPH, inlines(n));
        } else if (n instanceof ListBlock list) {
            return new Block(Block.Kind.LIST, list(list));
        } else if (n instanceof FencedCodeBlock code) {
            return new Block(Block.Kind.CODE, List.of(new Piece.Words(code.getLiteral())));
        } else if (n instanceof IndentedCodeBlock code) {
            return new Block(Block.Kind.CODE, List.of(new Piece.Words(code.getLiteral())));
        } else if (n instanceof BlockQuote) {
            List<Piece> inner = Pieces.join(blocksOf(n));
            return inner.isEmpty() ? null : new Block(Block.Kind.QUOTE, Pieces.prefixLines(inner, "> ", "> "));
        } else if (n instanceof HtmlBlock html) {
            return callout(html.getLiteral()).map(t -> new Block(Block.Kind.PARAGRAPH, List.of(new Piece.Words(t))))
                    .orElse(null);
        }
        // Thematic breaks, link reference definitions and anything unknown say nothing a reader needs.
        return null;
    }

    private static List<Piece> list(ListBlock list) {
        boolean ordered = list instanceof OrderedList;
        int number = 1;
        if (list instanceof OrderedList o && o.getMarkerStartNumber() != null) {
            number = o.getMarkerStartNumber();
        }
        List<Piece> out = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String marker = ordered ? (number++) + ". " : "• ";
            List<Piece> inner = Pieces.join(blocksOf(item), "\n");
            if (inner.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add(new Piece.Words("\n"));
            }
            out.addAll(Pieces.prefixLines(inner, marker, " ".repeat(marker.length())));
        }
        return out;
    }

    private static List<Piece> inlines(Node parent) {
        List<Piece> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                run.append(t.getLiteral());
                continue;
            }
            if (n instanceof SoftLineBreak) {
                // Kept as \n while the run is examined, so Hashnode syntax split over lines is still recognised.
                run.append('\n');
                continue;
            }
            flushRun(run, out);
            if (n instanceof Code c) {
                out.add(new Piece.Words(c.getLiteral()));
            } else if (n instanceof HardLineBreak) {
                out.add(new Piece.Words("\n"));
            } else if (n instanceof HtmlInline h) {
                if (BR.matcher(h.getLiteral()).matches()) {
                    out.add(new Piece.Words("\n"));
                }
            } else if (n instanceof Link link) {
                out.addAll(link(link));
            } else if (!(n instanceof Image)) {
                // Emphasis, strong emphasis and anything unknown: their text, without the markup.
                out.addAll(inlines(n));
            }
        }
        flushRun(run, out);
        return out;
    }

    private static void flushRun(StringBuilder run, List<Piece> out) {
        if (run.length() == 0) {
            return;
        }
        Matcher m = HASHNODE_SYNTAX.matcher(run);
        int last = 0;
        while (m.find()) {
            addWords(run.substring(last, m.start()), out);
            if (m.group(1) == null) {
                out.add(new Piece.Url(m.group(2)));
            }
            last = m.end();
        }
        addWords(run.substring(last), out);
        run.setLength(0);
    }

    private static void addWords(String text, List<Piece> out) {
        if (!text.isEmpty()) {
            out.add(new Piece.Words(text.replace('\n', ' ')));
        }
    }

    private static List<Piece> link(Link link) {
        List<Piece> inner = inlines(link);
        String text = Pieces.plain(inner).strip();
        String dest = link.getDestination() == null ? "" : link.getDestination().strip();
        Optional<String> hashtag = linkedinHashtag(text, dest);
        if (hashtag.isPresent()) {
            return List.of(new Piece.Hashtag(hashtag.get()));
        }
        if (isWebUrl(dest)) {
            if (text.isEmpty() || sameUrl(text, dest)) {
                return List.of(new Piece.Url(dest));
            }
            List<Piece> out = new ArrayList<>(inner);
            out.add(new Piece.Words(text.endsWith(":") ? " " : ": "));
            out.add(new Piece.Url(dest));
            return out;
        }
        if (text.isEmpty() && dest.regionMatches(true, 0, "mailto:", 0, 7)) {
            return List.of(new Piece.Words(dest.substring(7)));
        }
        return inner;
    }

    static boolean isWebUrl(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && HttpUrl.parse(s) != null;
    }

    private static boolean sameUrl(String text, String url) {
        return bareUrl(text).equalsIgnoreCase(bareUrl(url));
    }

    private static String bareUrl(String s) {
        String t = s.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
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

    static boolean isLinkedInHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("linkedin.com") || h.endsWith(".linkedin.com");
    }

    /** "emoji text" of a Hashnode callout block; empty for any other HTML block. */
    static Optional<String> callout(String html) {
        if (html == null || !CALLOUT.matcher(html).find()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        Matcher m = CALLOUT_PART.matcher(html);
        while (m.find()) {
            String part = decodeEntities(TAG.matcher(m.group(2)).replaceAll("")).strip();
            if (!part.isEmpty()) {
                b.append(b.length() == 0 ? "" : " ").append(part);
            }
        }
        String text = b.toString().replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException notACodePoint) {
            return whole;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> whole;
        };
    }
}
