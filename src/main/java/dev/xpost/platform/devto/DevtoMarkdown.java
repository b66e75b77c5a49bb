package dev.xpost.platform.devto;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's Markdown as dev.to renders it: Hashnode-only syntax turned into dev.to's, everything else untouched.
 * Code (fenced blocks, indented blocks, inline code spans) is never changed.
 *
 * <ul>
 *   <li>{@code %[https://…]}, Hashnode's embed on a line of its own, becomes dev.to's liquid tag
 *       {@code {% embed https://… %}} (dev.to's own pages document {@code embed} for any URL it can unfurl).</li>
 *   <li>{@code ![alt](src align="center")}: Hashnode's image alignment is not Markdown, and dev.to would show the
 *       whole thing as text; the attribute is dropped ({@code ![alt](src)}).</li>
 *   <li>A body that starts with a {@code ---} thematic break gets {@code ***} instead: dev.to reads a leading
 *       {@code ---} as the start of front matter (reference §2.3), and {@code ***} is the same break.</li>
 * </ul>
 * The blog's own front matter never reaches dev.to: the post's body is sent, and every field goes as JSON
 * (front matter in {@code body_markdown} would override the JSON fields on every later edit: §2.3).
 */
final class DevtoMarkdown {
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern EMBED = Pattern.compile("^ {0,3}%\\[\\s*(https?://[^\\s\\]]+)\\s*\\]\\s*$");
    private static final Pattern ALIGNED = Pattern.compile(
            "(!\\[[^\\]]*\\]\\(\\s*(?:<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?)\\s+align\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|\\w+)"
                    + "\\s*\\)");
    private static final Pattern BREAK = Pattern.compile("^ {0,3}-{3,}[ \\t]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)[\\s\\S]*?\\1");

    private DevtoMarkdown() {
    }

    /** The body as it goes to dev.to. */
    static String convert(String body) {
        if (body == null) {
            return "";
        }
        String[] lines = body.split("\n", -1);
        StringBuilder out = new StringBuilder(body.length() + 32);
        String fence = null;
        boolean leading = true;
        boolean previousBlank = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String converted = line;
            if (fence != null) {
                String t = line.strip();
                char mark = fence.charAt(0);
                if (t.startsWith(fence) && t.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
            } else {
                Matcher f = FENCE.matcher(line);
                boolean indentedCode = previousBlank && line.startsWith("    ") && !line.isBlank();
                if (f.find()) {
                    fence = f.group(1);
                } else if (indentedCode) {
                    // Part of an indented code block: left as it is.
                } else if (leading && BREAK.matcher(line).matches()) {
                    converted = "***";
                } else {
                    Matcher e = EMBED.matcher(line);
                    converted = e.matches() ? "{% embed " + e.group(1) + " %}" : outsideCodeSpans(line);
                }
                if (!line.isBlank()) {
                    leading = false;
                }
            }
            if (!(indentedCodeContinues(line, previousBlank, fence))) {
                previousBlank = line.isBlank();
            }
            out.append(converted);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** An indented code block goes on over its own lines: they keep the "after a blank line" state alive. */
    private static boolean indentedCodeContinues(String line, boolean previousBlank, String fence) {
        return fence == null && previousBlank && line.startsWith("    ") && !line.isBlank();
    }

    private static String outsideCodeSpans(String line) {
        if (line.indexOf("align") < 0) {
            return line;
        }
        StringBuilder b = new StringBuilder(line.length());
        Matcher code = CODE_SPAN.matcher(line);
        int pos = 0;
        while (code.find()) {
            b.append(ALIGNED.matcher(line.substring(pos, code.start())).replaceAll("$1)"));
            b.append(code.group());
            pos = code.end();
        }
        b.append(ALIGNED.matcher(line.substring(pos)).replaceAll("$1)"));
        return b.toString();
    }
}
