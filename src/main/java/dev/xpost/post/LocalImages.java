package dev.xpost.post;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The local images a post refers to: files in the blog that xpost uploads before publishing, as opposed to
 * absolute URLs, which pass through untouched.
 *
 * <p>Found in the body (through the commonmark AST, so code blocks and inline code are never touched):
 * <ul>
 *   <li>{@code ![alt](img/a.png)}, {@code ![alt](<img/a b.png> "title")}, and reference images whose
 *       {@code [ref]: img/a.png} definition is then the place rewritten;</li>
 *   <li>Hashnode's {@code ![alt](img/a.png align="center")}, which commonmark does not take for an image (the
 *       {@code align} attribute breaks the link syntax): matched in the raw text of a paragraph or heading, outside
 *       its inline code;</li>
 *   <li>{@code <img src="img/a.png">} in inline or block HTML.</li>
 * </ul>
 * and in the front matter as {@code cover} and {@code ogImage}.
 *
 * <p>Local means: not empty, no URL scheme ({@code https:}, {@code data:}, …), not protocol-relative
 * ({@code //host/…}), not an anchor. The path is relative to the post's file; a leading {@code /} means the blog
 * folder ({@link ImageFiles} resolves and checks it).
 *
 * <p>Most posts link only to the web: a character scan decides first whether a body could hold a local image at
 * all, and only such bodies are parsed (validate reads ten thousand posts in about two seconds).
 */
public final class LocalImages {
    /** Where a reference is written. */
    public enum Place {
        BODY("image"), COVER("cover"), OG_IMAGE("ogImage");

        private final String label;

        Place(String label) {
            this.label = label;
        }

        /** How messages name it: {@code image}, {@code cover}, {@code ogImage}. */
        public String label() {
            return label;
        }
    }

    /**
     * One reference to a local image.
     *
     * @param place where it is written
     * @param path  the path as written (Markdown escapes resolved; percent-escapes kept, see {@link ImageFiles})
     * @param start offset in the body of the path as written (without {@code <…>}); -1 for the front matter
     * @param end   offset just after it; -1 for the front matter
     * @param line  1-based line in the file
     */
    public record Ref(Place place, String path, int start, int end, int line) {
        public boolean inBody() {
            return place == Place.BODY;
        }
    }

    /** Hashnode's image with an {@code align} attribute, as commonmark leaves it in text; group 1 is the path. */
    private static final Pattern HASHNODE_IMAGE = Pattern.compile(
            "!\\[[^\\]]*\\]\\(\\s*(\\S+)\\s+align=(?:\"[^\"]*\"|'[^']*')\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMG_SRC = Pattern.compile(
            "<img\\b[^>]*?\\ssrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** A URL with its colon forgotten ({@code https//x}) or its scheme ({@code www.x}) is a broken URL, not a file. */
    private static final Pattern URL_ATTEMPT = Pattern.compile("^(?:https?/|www\\.)", Pattern.CASE_INSENSITIVE);

    private LocalImages() {
    }

    /** True when a value names a file in the blog rather than a URL (see the class comment). */
    public static boolean isLocal(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        return !v.isEmpty() && !v.startsWith("#") && !v.startsWith("//") && !v.startsWith("?")
                && !SCHEME.matcher(v).find() && !URL_ATTEMPT.matcher(v).find();
    }

    /** Every local image of a post: the body's in order, then cover, then ogImage. */
    public static List<Ref> of(Post post) {
        // The reader's scan of this very body already said "no local image": neither scanned again nor read again
        // from the file.
        boolean none = post.source() != null && post.source().scannedWithoutLocalImages();
        List<Ref> out = new ArrayList<>(none ? List.of() : inBody(post.body(), post.bodyLine()));
        if (isLocal(post.cover())) {
            out.add(new Ref(Place.COVER, post.cover().strip(), -1, -1, post.line("cover")));
        }
        if (isLocal(post.ogImage())) {
            out.add(new Ref(Place.OG_IMAGE, post.ogImage().strip(), -1, -1, post.line("ogImage")));
        }
        return out;
    }

    /**
     * The local images of a Markdown body, in order.
     *
     * @param bodyLine the line of the file where the body starts, so that each reference knows its file line
     */
    public static List<Ref> inBody(String body, int bodyLine) {
        if (body == null || !mayHaveLocal(body)) {
            return List.of();
        }
        Finder finder = new Finder(body, bodyLine);
        Markdown.PARSER.parse(body).accept(finder);
        return finder.result();
    }

    /**
     * The body with each body reference replaced by {@code replacement.apply(ref)}. References that overlap an
     * earlier one are left alone (never the case for what {@link #inBody} returns).
     */
    public static String replace(String body, List<Ref> refs, Function<Ref, String> replacement) {
        List<Ref> sorted = refs.stream().filter(Ref::inBody).sorted(Comparator.comparingInt(Ref::start)).toList();
        if (sorted.isEmpty()) {
            return body;
        }
        StringBuilder b = new StringBuilder(body.length() + 64 * sorted.size());
        int pos = 0;
        for (Ref r : sorted) {
            if (r.start() < pos) {
                continue;
            }
            b.append(body, pos, r.start()).append(replacement.apply(r));
            pos = r.end();
        }
        return b.append(body, pos, body.length()).toString();
    }

    /**
     * False when the body cannot hold a local image: no {@code <img}, and every {@code ](} or {@code ]:} is
     * followed by a URL with a scheme, an anchor or nothing. One pass, no parsing.
     */
    static boolean mayHaveLocal(String body) {
        byte[] b = oneBytePerChar(body);
        int n = b.length;
        int i = 0;
        // Eight bytes at a time: xpost runs with the C1 compiler only (fast start), which does not vectorise
        // String.indexOf; this keeps the scan of ten thousand bodies near a tenth of a second of CPU. Characters
        // outside Latin-1 became '?', which is neither of the two looked for.
        for (int words = n - 7; i < words; i += 8) {
            long w = (long) LONGS.get(b, i);
            if (hasByte(w ^ CLOSE_BRACKETS) || hasByte(w ^ LESS_THANS)) {
                for (int j = i; j < i + 8; j++) {
                    if (candidateAt(body, b, j)) {
                        return true;
                    }
                }
            }
        }
        for (; i < n; i++) {
            if (candidateAt(body, b, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Byte {@code i} stands for char {@code i} (Latin-1 as itself, anything else as '?'), as the scan needs to
     * look at the body's chars where the bytes hit. {@code getBytes(ISO_8859_1)} writes one '?' per code point,
     * so an emoji (two chars) before an image shifted every later byte against its char and hid the image: a
     * post then went out with the image's relative path and no upload. Such bodies are rare enough for a loop.
     */
    private static byte[] oneBytePerChar(String body) {
        byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length == body.length()) {
            return b;
        }
        b = new byte[body.length()];
        for (int k = 0; k < b.length; k++) {
            char c = body.charAt(k);
            b[k] = c < 0x100 ? (byte) c : (byte) '?';
        }
        return b;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long CLOSE_BRACKETS = ONES * ']';
    private static final long LESS_THANS = ONES * '<';

    /** True when one of the eight bytes of {@code x} is zero (the classic bit trick, no false negatives). */
    private static boolean hasByte(long x) {
        return ((x - ONES) & ~x & 0x8080808080808080L) != 0;
    }

    /** A {@code ](} or {@code ]:} followed by something local, or an {@code <img}, at byte (= char) {@code i}. */
    private static boolean candidateAt(String body, byte[] b, int i) {
        if (i + 1 >= b.length) {
            return false;
        }
        if (b[i] == ']') {
            return (b[i + 1] == '(' || b[i + 1] == ':') && localAhead(body, i + 2);
        }
        return b[i] == '<' && body.regionMatches(true, i + 1, "img", 0, 3);
    }

    private static boolean localAhead(String s, int from) {
        int i = from;
        int n = s.length();
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '<')) {
            i++;
        }
        // Fast way out for the usual case, a URL with a scheme, without a substring or a regex.
        int j = i;
        while (j < n && j - i < 32 && isSchemeChar(s.charAt(j))) {
            j++;
        }
        if (j > i && j < n && s.charAt(j) == ':' && Character.isLetter(s.charAt(i))) {
            return false;
        }
        int end = i;
        while (end < n && end - i < 16 && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != ')') {
            end++;
        }
        // A path is rarely shorter than what a scheme test needs; the full test is isLocal on the parsed value.
        return end > i && isLocal(s.substring(i, end));
    }

    private static boolean isSchemeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '.'
                || c == '-';
    }

    /** Loaded on the first body that needs parsing: validating a blog of web links never loads commonmark. */
    private static final class Markdown {
        static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .build();
    }

    /** Walks the AST once, collecting references in document order. */
    private static final class Finder extends AbstractVisitor {
        private final String body;
        private final int bodyLine;
        private final int[] lineStarts;
        private final List<Ref> refs = new ArrayList<>();
        private final List<int[]> code = new ArrayList<>();
        private final Set<String> referencedDestinations = new HashSet<>();
        private final List<LinkReferenceDefinition> definitions = new ArrayList<>();

        Finder(String body, int bodyLine) {
            this.body = body;
            this.bodyLine = bodyLine;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < body.length(); i++) {
                if (body.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        List<Ref> result() {
            for (LinkReferenceDefinition d : definitions) {
                if (referencedDestinations.contains(d.getDestination()) && isLocal(d.getDestination())) {
                    int[] range = range(d);
                    int[] dest = range == null ? null : definitionDestination(range[0], range[1]);
                    if (dest != null) {
                        add(d.getDestination(), dest[0], dest[1]);
                    }
                }
            }
            refs.sort(Comparator.comparingInt(Ref::start));
            List<Ref> out = new ArrayList<>();
            int lastEnd = -1;
            for (Ref r : refs) {
                if (r.start() >= lastEnd) {
                    out.add(r);
                    lastEnd = r.end();
                }
            }
            return out;
        }

        @Override
        public void visit(Image image) {
            int[] range = range(image);
            if (range == null) {
                return;
            }
            int[] dest = inlineDestination(range[0], range[1]);
            if (dest == null) {
                referencedDestinations.add(image.getDestination());
            } else if (isLocal(image.getDestination())) {
                add(image.getDestination(), dest[0], dest[1]);
            }
        }

        @Override
        public void visit(Code c) {
            int[] range = range(c);
            if (range != null) {
                code.add(range);
            }
        }

        @Override
        public void visit(FencedCodeBlock block) {
            // Code is shown, never rewritten.
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            // Code is shown, never rewritten.
        }

        @Override
        public void visit(HtmlInline html) {
            imgTags(range(html));
        }

        @Override
        public void visit(HtmlBlock html) {
            imgTags(range(html));
        }

        @Override
        public void visit(LinkReferenceDefinition definition) {
            definitions.add(definition);
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            hashnodeImages(range(paragraph));
        }

        @Override
        public void visit(Heading heading) {
            visitChildren(heading);
            hashnodeImages(range(heading));
        }

        private void hashnodeImages(int[] range) {
            if (range == null) {
                return;
            }
            Matcher m = HASHNODE_IMAGE.matcher(body).region(range[0], range[1]);
            while (m.find()) {
                boolean escaped = m.start() > 0 && body.charAt(m.start() - 1) == '\\';
                if (!escaped && !inCode(m.start()) && isLocal(m.group(1))) {
                    add(m.group(1), m.start(1), m.end(1));
                }
            }
        }

        private void imgTags(int[] range) {
            if (range == null) {
                return;
            }
            Matcher m = IMG_SRC.matcher(body).region(range[0], range[1]);
            while (m.find()) {
                int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
                if (isLocal(m.group(g))) {
                    add(m.group(g), m.start(g), m.end(g));
                }
            }
        }

        private boolean inCode(int offset) {
            for (int[] c : code) {
                if (offset >= c[0] && offset < c[1]) {
                    return true;
                }
            }
            return false;
        }

        private void add(String path, int start, int end) {
            refs.add(new Ref(Place.BODY, path.strip(), start, end, bodyLine + lineOf(start)));
        }

        private int lineOf(int offset) {
            int i = java.util.Arrays.binarySearch(lineStarts, offset);
            return i >= 0 ? i : -i - 2;
        }

        /** The node's extent in the body, from its first source span to the end of its last. */
        private static int[] range(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans == null || spans.isEmpty()) {
                return null;
            }
            SourceSpan first = spans.get(0);
            SourceSpan last = spans.get(spans.size() - 1);
            return new int[] {first.getInputIndex(), last.getInputIndex() + last.getLength()};
        }

        /**
         * Where the destination of {@code ![alt](dest "title")} is in the body, or null for a reference image
         * ({@code ![alt][ref]}, {@code ![ref]}).
         */
        private int[] inlineDestination(int start, int end) {
            int i = start;
            if (i + 1 >= end || body.charAt(i) != '!' || body.charAt(i + 1) != '[') {
                return null;
            }
            int depth = 0;
            for (i = i + 1; i < end; i++) {
                char c = body.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    break;
                }
            }
            i++;
            if (i >= end || body.charAt(i) != '(') {
                return null;
            }
            return destinationAt(i + 1, end);
        }

        /** Where the destination of {@code [label]: dest "title"} is in the body. */
        private int[] definitionDestination(int start, int end) {
            for (int i = start; i + 1 < end; i++) {
                char c = body.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == ']' && body.charAt(i + 1) == ':') {
                    return destinationAt(i + 2, end);
                }
            }
            return null;
        }

        private int[] destinationAt(int from, int end) {
            int i = from;
            while (i < end && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            if (i < end && body.charAt(i) == '<') {
                int s = i + 1;
                int e = s;
                while (e < end && body.charAt(e) != '>') {
                    e += body.charAt(e) == '\\' ? 2 : 1;
                }
                return new int[] {s, Math.min(e, end)};
            }
            int s = i;
            int parens = 0;
            while (i < end) {
                char c = body.charAt(i);
                if (c == '\\' && i + 1 < end) {
                    i += 2;
                    continue;
                }
                if (Character.isWhitespace(c) || c < 0x20 || c == ')' && parens == 0) {
                    break;
                }
                if (c == '(') {
                    parens++;
                } else if (c == ')') {
                    parens--;
                }
                i++;
            }
            return i > s ? new int[] {s, i} : null;
        }
    }

    /** For messages: how a reference is named, such as {@code image "img/a.png"}. */
    public static String describe(Ref ref) {
        return ref.place().label() + " \"" + ref.path() + "\"";
    }
}
