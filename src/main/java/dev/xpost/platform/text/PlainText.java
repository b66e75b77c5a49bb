package dev.xpost.platform.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
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
 * Markdown → plain text, for platforms whose posts (or some of whose fields) are text rather than Markdown or HTML,
 * such as LinkedIn's commentary. Walks the commonmark AST (regexes only ever look at one text run, one HTML node or
 * one URL, never at raw Markdown). The Markdown is read with the GitHub-flavoured extensions Hashnode renders: tables,
 * strikethrough ({@code ~~two tildes~~} only: a single {@code ~} is "about" in prose), task-list items and footnotes.
 *
 * <p>Input: a post's Markdown body (front matter already removed). Output: {@link Parsed}, the body as
 * {@link Block}s of {@link Piece}s, its footnotes and the Hashnode widgets left out; {@link #render(String)} gives the
 * same as one string. What each construct becomes, so that the text reads like something a person wrote:
 * <ul>
 *   <li>Links become {@code text: URL} — not {@code text (URL)}, whose parentheses look noisy (and need escapes on
 *       LinkedIn). When the text already ends with a colon, only a space is added; when the text is the URL (or the
 *       URL without its scheme, or empty because it was an image), the URL appears once. Links that are not absolute
 *       http(s) URLs (relative links, anchors) keep only their text: their target means nothing off the blog. A
 *       {@code mailto:} link without text becomes its address.</li>
 *   <li>Headings, paragraphs, lists, tables and code blocks are blocks separated by a blank line. Bullets are "• ",
 *       numbers "1. ", task items "☐ " and "☑ ", nested lists are indented under their parent item. Emphasis,
 *       strong emphasis and inline code keep their text without the markup.</li>
 *   <li>A block quote is set in quotation marks (“…”), without the {@code >} marker; a GitHub alert
 *       ({@code > [!NOTE]}) reads "Note: …" instead, since it is the author speaking, not a quotation; so does a
 *       quote that already starts with a quotation mark or with "Note:", "Tip:", "Update:"....</li>
 *   <li>A table of up to {@link #SMALL_TABLE_COLUMNS} columns is one line per row, cells joined by " — ", its
 *       header line first; a wider one is one bulleted line per row, each cell after the first labelled with its
 *       column's header ({@code • CLI — Free: yes; Pro: yes}).</li>
 *   <li>Strikethrough text is left out: the author struck it, and what follows it is what they mean now
 *       ({@code ~~Java 8~~ Java 17} reads "Java 17").</li>
 *   <li>A footnote reference becomes {@code [1]} (numbered in order of first use, whatever its label) and the notes
 *       are gathered into one block, {@code [1] text}, that the caller puts at the end of the text. A
 *       {@code [^label]} with no definition is dropped.</li>
 *   <li>Images and thematic breaks are dropped. An HTML block keeps its text: {@code <details>} its summary and
 *       body, {@code <p align="center">} and {@code <div>} their words, a list item its bullet, a link its
 *       {@code text: URL}, an {@code <iframe>} its URL; comments, scripts and styles go. Inline HTML tags go, the
 *       text between them stays (a {@code <br>} is a line break). Hashnode callouts
 *       ({@code <div data-node-type="callout">}) keep their emoji and text on one line.</li>
 *   <li>Hashnode's {@code ![alt](url align="center")} is not an image to commonmark (the {@code align} attribute
 *       breaks the link syntax), so it arrives as text, possibly spread over soft line breaks; such text is
 *       recognised within one run of text nodes and dropped. A {@code %[url]} embed becomes its URL. A
 *       {@code %%[name]} widget has no URL (it lives in the publication's settings), so it is dropped and its name
 *       reported in {@link Parsed#widgets()}.</li>
 *   <li>Hashtags and platform-specific links are the platform's: the words of the text pass through a
 *       {@link Prose} ({@link Prose#WORDS} by default: words stay words).</li>
 * </ul>
 */
public final class PlainText {
    /** Tables with at most this many columns read as "a — b — c" lines; wider ones label every cell. */
    public static final int SMALL_TABLE_COLUMNS = 3;

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.builder().requireTwoTildes(true).build(), TaskListItemsExtension.create(),
            FootnotesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    /** Inline syntax only: a title such as "2023. A year" or "# of users" must not become a list or a heading. */
    private static final Parser INLINE_PARSER = Parser.builder().enabledBlockTypes(Set.of()).extensions(EXTENSIONS)
            .build();

    /** A Hashnode image with an {@code align} attribute, as left in text by commonmark. */
    private static final String HASHNODE_IMAGE = "!\\[[^\\]]*\\]\\(\\s*\\S+\\s+align=(?:\"[^\"]*\"|'[^']*')\\s*\\)";
    /** A Hashnode widget: {@code %%[name]}. */
    private static final String HASHNODE_WIDGET = "%%\\[\\s*([^\\]\\s]+)\\s*\\]";
    /** A Hashnode embed: {@code %[https://…]}. */
    private static final String HASHNODE_EMBED = "%\\[\\s*(https?://[^\\]\\s]+)\\s*\\]";
    /** A footnote reference whose note does not exist: commonmark leaves it as text. */
    private static final String ORPHAN_FOOTNOTE = "\\[\\^[^\\]\\s]+\\]";
    private static final Pattern TEXT_SYNTAX = Pattern.compile("(" + HASHNODE_IMAGE + ")|" + HASHNODE_WIDGET + "|"
            + HASHNODE_EMBED + "|(" + ORPHAN_FOOTNOTE + ")", Pattern.CASE_INSENSITIVE);

    private static final Pattern BR = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALLOUT = Pattern.compile("data-node-type=[\"']callout[\"']");
    private static final Pattern CALLOUT_PART = Pattern.compile(
            "<div[^>]*data-node-type=[\"']callout-(emoji|text)[\"'][^>]*>(.*?)</div>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    /** What a dropped URL leaves: "the post , we" → "the post, we". */
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("[ \\t]+([,.;!?)])(?=\\s|$)");
    /** A quote that opens with one of these words and a colon is the author's aside, not a quotation. */
    private static final Pattern ASIDE = Pattern.compile(
            "^(note|nb|tip|hint|info|important|warning|caution|update|edit|disclaimer|tl;dr|tldr)\\b\\s*:",
            Pattern.CASE_INSENSITIVE);
    /** How each aside label is written in the text, whatever case the author typed it in (README says "Note:"). */
    private static final Map<String, String> ASIDE_LABELS = Map.ofEntries(Map.entry("note", "Note"),
            Map.entry("nb", "NB"), Map.entry("tip", "Tip"), Map.entry("hint", "Hint"), Map.entry("info", "Info"),
            Map.entry("important", "Important"), Map.entry("warning", "Warning"), Map.entry("caution", "Caution"),
            Map.entry("update", "Update"), Map.entry("edit", "Edit"), Map.entry("disclaimer", "Disclaimer"),
            Map.entry("tl;dr", "TL;DR"), Map.entry("tldr", "TL;DR"));
    private static final Pattern GITHUB_ALERT = Pattern.compile(
            "^\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\]\\s*", Pattern.CASE_INSENSITIVE);

    private static final Pattern HTML_HIDDEN = Pattern.compile(
            "<!--.*?-->|<script\\b.*?</script\\s*>|<style\\b.*?</style\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_FRAME = Pattern.compile(
            "<(?:iframe|embed|source|video)\\b[^>]*?\\bsrc\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ANCHOR = Pattern.compile(
            "<a\\b[^>]*?\\bhref\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_LIST_ITEM = Pattern.compile("<li\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_CELL_END = Pattern.compile("</t[dh]\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_BLOCK_TAG = Pattern.compile("</?(?:p|div|summary|details|h[1-6]|ul|ol|li|tr|"
            + "table|thead|tbody|tfoot|blockquote|pre|section|article|aside|header|footer|figure|figcaption|center|"
            + "dl|dt|dd|hr|nav|main)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    /**
     * A body as blocks.
     *
     * @param blocks  the blocks, tidied, empty ones left out
     * @param notes   the footnotes as one block ({@code [1] …} lines), or null when the body has none
     * @param widgets the names of the Hashnode widgets left out, in order of appearance (a name may repeat)
     */
    public record Parsed(List<Block> blocks, Block notes, List<String> widgets) {
        public Parsed {
            blocks = List.copyOf(blocks);
            widgets = List.copyOf(widgets);
        }

        /** The blocks, then the notes, if any, joined by a blank line: the body as one plain text. */
        public String text() {
            List<Block> all = new ArrayList<>(blocks);
            if (notes != null) {
                all.add(notes);
            }
            return Piece.plain(Block.join(all));
        }
    }

    private final Map<String, FootnoteDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, Integer> noteNumbers = new LinkedHashMap<>();
    private final List<String> widgets = new ArrayList<>();
    private final Prose prose;

    private PlainText(Prose prose) {
        this.prose = prose == null ? Prose.WORDS : prose;
    }

    /**
     * A Markdown body as one plain text: {@link #parse(String)}'s blocks and notes joined by blank lines, without
     * hashtags or platform links. Widgets are left out without a word; use {@link #parse} to report them.
     *
     * @param markdown the body, front matter removed; null reads as empty
     * @return the text, no leading or trailing blank lines; empty when nothing in the body is text
     */
    public static String render(String markdown) {
        return parse(markdown).text();
    }

    /** {@link #parse(String, Prose)} with {@link Prose#WORDS}. */
    public static Parsed parse(String markdown) {
        return parse(markdown, Prose.WORDS);
    }

    /**
     * A Markdown body read into blocks, its footnotes and what had to be left out.
     *
     * @param markdown the body, front matter removed; null reads as empty
     * @param prose    how the platform reads runs of prose and links; a fresh one per call if it counts
     */
    public static Parsed parse(String markdown, Prose prose) {
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        PlainText walker = new PlainText(prose);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof FootnoteDefinition d) {
                    walker.definitions.putIfAbsent(d.getLabel().toLowerCase(Locale.ROOT), d);
                }
                visitChildren(block);
            }
        });
        List<Block> blocks = walker.blocksOf(doc);
        return new Parsed(blocks, walker.notes(), walker.widgets);
    }

    /** {@link #inlineText(String, Prose)} with {@link Prose#WORDS}. */
    public static String inlineText(String s) {
        return inlineText(s, Prose.WORDS);
    }

    /**
     * One line of plain text from a string that may hold inline Markdown ({@code **bold**}, {@code `code`},
     * {@code [text](url)}, inline HTML): the words only, links as their text (no URLs, no footnote marks), whitespace
     * collapsed. Block syntax is not read: "2023. A year" stays a title, not a list. For titles and descriptions that
     * a platform shows as they are (LinkedIn's link card).
     *
     * @param s     a title or description; null gives null
     * @param prose how the platform reads runs of prose and links
     */
    public static String inlineText(String s, Prose prose) {
        if (s == null) {
            return null;
        }
        PlainText walker = new PlainText(prose);
        StringBuilder b = new StringBuilder();
        Node doc = INLINE_PARSER.parse(s);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            for (Piece p : walker.inlines(n)) {
                if (p instanceof Piece.Url) {
                    // The card is no place for URLs: a link keeps its text, without the ": " put before its URL.
                    int end = b.length();
                    while (end > 0 && (b.charAt(end - 1) == ' ' || b.charAt(end - 1) == ':')) {
                        end--;
                    }
                    b.setLength(end);
                    b.append(' ');
                } else if (!(p instanceof Piece.Note)) {
                    b.append(p.plain());
                }
            }
            b.append(' ');
        }
        return collapse(b.toString());
    }

    /**
     * Text on one line: runs of whitespace made one space, a space before {@code , . ; ! ? )} dropped (what a left-out
     * URL leaves: "the post , we" → "the post, we"), ends trimmed.
     */
    public static String collapse(String s) {
        return SPACE_BEFORE_PUNCTUATION.matcher(s.replaceAll("\\s+", " ")).replaceAll("$1").strip();
    }

    private List<Block> blocksOf(Node parent) {
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

    private Block block(Node n) {
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
            return quote(n);
        } else if (n instanceof TableBlock table) {
            return table(table);
        } else if (n instanceof HtmlBlock html) {
            Optional<String> text = callout(html.getLiteral()).or(() -> htmlText(html.getLiteral()));
            return text.map(t -> new Block(Block.Kind.PARAGRAPH, List.of(new Piece.Words(t)))).orElse(null);
        }
        // Footnote definitions are gathered at the end; thematic breaks, link reference definitions and anything
        // unknown say nothing a reader needs.
        return null;
    }

    private Block quote(Node n) {
        List<Piece> inner = new ArrayList<>(Block.join(blocksOf(n)));
        if (inner.isEmpty()) {
            return null;
        }
        if (inner.get(0) instanceof Piece.Words first) {
            Matcher alert = GITHUB_ALERT.matcher(first.text());
            if (alert.find()) {
                String kind = alert.group(1).toLowerCase(Locale.ROOT);
                String label = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + ": ";
                inner.set(0, new Piece.Words(label + first.text().substring(alert.end())));
                return new Block(Block.Kind.QUOTE, inner);
            }
        }
        String plain = Piece.plain(inner);
        if (inner.get(0) instanceof Piece.Words first && ASIDE.matcher(first.text()).find()) {
            // An aside reads the same however its label was typed: "NOTE: x" as "Note: x", like an alert.
            Matcher label = ASIDE.matcher(first.text());
            label.find();
            String word = label.group(1);
            String canonical = ASIDE_LABELS.getOrDefault(word.toLowerCase(Locale.ROOT), word);
            inner.set(0, new Piece.Words(canonical + first.text().substring(label.end(1))));
            return new Block(Block.Kind.QUOTE, inner);
        }
        if (plain.startsWith("\u201C") || plain.startsWith("\"") || ASIDE.matcher(plain).find()) {
            // Already in quotation marks (another pair would read as a quote of a quote), or a "NOTE: …" aside.
            return new Block(Block.Kind.QUOTE, inner);
        }
        List<Piece> out = new ArrayList<>();
        out.add(new Piece.Words("\u201C"));
        out.addAll(inner);
        // Glued to a URL the closing mark would become part of the link a platform makes of it.
        boolean endsWithUrl = inner.get(inner.size() - 1) instanceof Piece.Url
                || plain.substring(Math.max(plain.lastIndexOf(' '), plain.lastIndexOf('\n')) + 1).contains("://");
        out.add(new Piece.Words(endsWithUrl ? " \u201D" : "\u201D"));
        return new Block(Block.Kind.QUOTE, Piece.merge(out));
    }

    private List<Piece> list(ListBlock list) {
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
            Optional<Boolean> task = taskState(item);
            if (task.isPresent()) {
                String box = task.get() ? "\u2611 " : "\u2610 ";
                marker = ordered ? marker + box : box;
            }
            List<Piece> inner = Block.join(blocksOf(item), "\n");
            if (inner.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add(new Piece.Words("\n"));
            }
            out.addAll(prefixLines(inner, marker, " ".repeat(marker.length())));
        }
        return out;
    }

    /** Checked or not for a task-list item ({@code - [x] …}); empty for an ordinary item. */
    private static Optional<Boolean> taskState(Node item) {
        for (Node n = item.getFirstChild(); n != null; n = n.getFirstChild()) {
            if (n instanceof TaskListItemMarker m) {
                return Optional.of(m.isChecked());
            }
            if (!(n instanceof Paragraph)) {
                break;
            }
        }
        return Optional.empty();
    }

    private Block table(TableBlock table) {
        List<List<Piece>> header = new ArrayList<>();
        List<List<List<Piece>>> rows = new ArrayList<>();
        int columns = 0;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<List<Piece>> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(oneLine(inlines(cell)));
                    }
                }
                columns = Math.max(columns, cells.size());
                if (part instanceof TableHead) {
                    header = cells;
                } else {
                    rows.add(cells);
                }
            }
        }
        List<List<Piece>> lines = new ArrayList<>();
        if (columns <= SMALL_TABLE_COLUMNS) {
            lines.add(joinCells(header, " \u2014 "));
            rows.forEach(r -> lines.add(joinCells(r, " \u2014 ")));
        } else {
            for (List<List<Piece>> row : rows) {
                lines.add(labelledRow(header, row));
            }
        }
        List<Piece> out = new ArrayList<>();
        for (List<Piece> line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add(new Piece.Words("\n"));
            }
            out.addAll(line);
        }
        return out.isEmpty() ? null : new Block(Block.Kind.TABLE, out);
    }

    /** The non-empty cells joined by {@code separator}. */
    private static List<Piece> joinCells(List<List<Piece>> cells, String separator) {
        List<Piece> out = new ArrayList<>();
        for (List<Piece> cell : cells) {
            if (cell.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add(new Piece.Words(separator));
            }
            out.addAll(cell);
        }
        return out;
    }

    /** "• first — Header2: cell2; Header3: cell3" (empty cells left out); a row with only its first cell is a label. */
    private static List<Piece> labelledRow(List<List<Piece>> header, List<List<Piece>> row) {
        List<Piece> rest = new ArrayList<>();
        for (int i = 1; i < row.size(); i++) {
            if (row.get(i).isEmpty()) {
                continue;
            }
            if (!rest.isEmpty()) {
                rest.add(new Piece.Words("; "));
            }
            List<Piece> name = i < header.size() ? header.get(i) : List.of();
            if (!name.isEmpty()) {
                rest.addAll(name);
                rest.add(new Piece.Words(": "));
            }
            rest.addAll(row.get(i));
        }
        List<Piece> first = row.isEmpty() ? List.of() : row.get(0);
        List<Piece> out = new ArrayList<>();
        if (rest.isEmpty()) {
            out.addAll(first);
            return out;
        }
        out.add(new Piece.Words("\u2022 "));
        if (!first.isEmpty()) {
            out.addAll(first);
            out.add(new Piece.Words(" \u2014 "));
        }
        out.addAll(rest);
        return out;
    }

    /** Inline pieces on one line: line breaks become spaces, runs of whitespace one space, ends trimmed. */
    private static List<Piece> oneLine(List<Piece> pieces) {
        List<Piece> merged = Piece.merge(pieces);
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            Piece p = merged.get(i);
            if (p instanceof Piece.Words w) {
                String t = w.text().replaceAll("\\s+", " ");
                if (i == 0) {
                    t = t.stripLeading();
                }
                if (i == merged.size() - 1) {
                    t = t.stripTrailing();
                }
                if (!t.isEmpty()) {
                    out.add(new Piece.Words(t));
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private List<Piece> inlines(Node parent) {
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
            } else if (n instanceof FootnoteReference ref) {
                out.add(new Piece.Note(noteNumber(ref.getLabel())));
            } else if (!(n instanceof Image) && !(n instanceof Strikethrough) && !(n instanceof TaskListItemMarker)) {
                // Emphasis, strong emphasis and anything unknown: their text, without the markup.
                out.addAll(inlines(n));
            }
        }
        flushRun(run, out);
        return out;
    }

    private void flushRun(StringBuilder run, List<Piece> out) {
        if (run.length() == 0) {
            return;
        }
        Matcher m = TEXT_SYNTAX.matcher(run);
        int last = 0;
        while (m.find()) {
            addWords(run.substring(last, m.start()), out);
            if (m.group(2) != null) {
                widgets.add(m.group(2));
            } else if (m.group(3) != null) {
                out.add(new Piece.Url(m.group(3)));
            }
            last = m.end();
        }
        addWords(run.substring(last), out);
        run.setLength(0);
    }

    private void addWords(String text, List<Piece> out) {
        if (text.isEmpty()) {
            return;
        }
        out.addAll(prose.words(text.replace('\n', ' ')));
    }

    private int noteNumber(String label) {
        return noteNumbers.computeIfAbsent(label.toLowerCase(Locale.ROOT), l -> noteNumbers.size() + 1);
    }

    /** "[1] text" lines in number order; a note that refers to another note numbers it too. */
    private Block notes() {
        List<Piece> out = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (int i = 0; i < noteNumbers.size(); i++) {
            String label = new ArrayList<>(noteNumbers.keySet()).get(i);
            FootnoteDefinition def = definitions.get(label);
            if (def == null || done.contains(label)) {
                continue;
            }
            done.add(label);
            List<Piece> inner = Block.join(blocksOf(def), "\n");
            if (inner.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add(new Piece.Words("\n"));
            }
            String marker = "[" + noteNumbers.get(label) + "] ";
            out.addAll(prefixLines(inner, marker, " ".repeat(marker.length())));
        }
        return out.isEmpty() ? null : new Block(Block.Kind.NOTES, out).tidy();
    }

    private List<Piece> link(Link link) {
        List<Piece> inner = inlines(link);
        String text = Piece.plain(inner).strip();
        String dest = link.getDestination() == null ? "" : link.getDestination().strip();
        Optional<List<Piece>> own = prose.link(text, dest);
        if (own.isPresent()) {
            return own.get();
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

    /** True for an absolute http(s) URL that parses; only such links keep their URL in the text. */
    public static boolean isWebUrl(String s) {
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

    /** "emoji text" of a Hashnode callout block; empty for any other HTML block. */
    private static Optional<String> callout(String html) {
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

    /**
     * The text of an HTML block, one line per block element ({@code <p>}, {@code <div>}, {@code <summary>},
     * {@code <li>} as "• "...), links as {@code text: URL}, frames as their URL, entities decoded; empty when the
     * block has no text (an {@code <img>}, a comment).
     */
    private static Optional<String> htmlText(String html) {
        if (html == null) {
            return Optional.empty();
        }
        String s = HTML_HIDDEN.matcher(html).replaceAll(" ");
        s = replace(HTML_FRAME, s, m -> isWebUrl(m.group(1).strip()) ? "\n" + m.group(1).strip() + "\n" : " ");
        s = replace(HTML_ANCHOR, s, m -> {
            String url = m.group(1).strip();
            String text = decodeEntities(TAG.matcher(m.group(2)).replaceAll("")).replaceAll("\\s+", " ").strip();
            if (!isWebUrl(url)) {
                return text;
            }
            return text.isEmpty() || sameUrl(text, url) ? url : text + (text.endsWith(":") ? " " : ": ") + url;
        });
        s = BR.matcher(s).replaceAll("\n");
        s = HTML_LIST_ITEM.matcher(s).replaceAll("\n\u2022 ");
        s = HTML_CELL_END.matcher(s).replaceAll(" ");
        s = HTML_BLOCK_TAG.matcher(s).replaceAll("\n");
        s = decodeEntities(TAG.matcher(s).replaceAll(""));
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n")) {
            String l = line.replaceAll("[ \\t\\u00A0]+", " ").strip();
            if (!l.isEmpty() && !l.equals("\u2022")) {
                b.append(b.length() == 0 ? "" : "\n").append(l);
            }
        }
        return b.length() == 0 ? Optional.empty() : Optional.of(b.toString());
    }

    /**
     * Every line of {@code pieces} prefixed: the first with {@code first}, the others with {@code rest} (trailing
     * spaces of the prefix dropped on empty lines). Used for list markers and footnote numbers.
     */
    private static List<Piece> prefixLines(List<Piece> pieces, String first, String rest) {
        List<Piece> out = new ArrayList<>();
        out.add(new Piece.Words(first));
        for (Piece p : Piece.merge(pieces)) {
            if (!(p instanceof Piece.Words w)) {
                out.add(p);
                continue;
            }
            String[] lines = w.text().split("\n", -1);
            StringBuilder b = new StringBuilder(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                // An empty line inside this piece stays empty; the last line may go on with a URL or hashtag piece.
                boolean emptyLine = lines[i].isEmpty() && i < lines.length - 1;
                b.append('\n').append(emptyLine ? rest.stripTrailing() : rest).append(lines[i]);
            }
            out.add(new Piece.Words(b.toString()));
        }
        return Piece.merge(out);
    }

    private static String replace(Pattern p, String s, Function<Matcher, String> by) {
        Matcher m = p.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(by.apply(m)));
        }
        m.appendTail(b);
        return b.toString();
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
            case "mdash" -> "\u2014";
            case "ndash" -> "\u2013";
            case "hellip" -> "\u2026";
            case "copy" -> "\u00A9";
            default -> whole;
        };
    }
}
