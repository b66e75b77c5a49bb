package dev.xpost.platform.devto;

import dev.xpost.post.Slugs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A post's tags as dev.to accepts them (reference §2.4): at most {@value #MAX} tags, each only {@code [a-z0-9]} and
 * at most {@value #MAX_LENGTH} characters. dev.to refuses the whole article (422) for one tag outside those rules,
 * rather than cleaning it, so xpost maps them first:
 * <ol>
 *   <li>a Hashnode cuid suffix is dropped ({@code cicd-cjy1vtdk2005kjjs17n8couc3} → {@code cicd});</li>
 *   <li>lower-cased, and every character outside {@code [a-z0-9]} removed ({@code ci-cd} → {@code cicd},
 *       {@code node-js} → {@code nodejs}); ASCII only, since older Forem code refused other letters;</li>
 *   <li>a tag left empty or longer than {@value #MAX_LENGTH} characters is left out, as is a repeat
 *       ({@code ci-cd} and {@code cicd} are one tag on dev.to);</li>
 *   <li>the <b>first four</b> that remain, in the order the front matter lists them, are sent: the author puts
 *       the tags that matter most first.</li>
 * </ol>
 */
final class DevtoTags {
    static final int MAX = 4;
    static final int MAX_LENGTH = 30;

    private DevtoTags() {
    }

    /** The tags sent to dev.to for these tag slugs, in order. */
    static List<String> of(List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            if (out.size() == MAX) {
                break;
            }
            String t = Slugs.withoutCuidSuffix(tag.strip().toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9]", "");
            if (!t.isEmpty() && t.length() <= MAX_LENGTH) {
                out.add(t);
            }
        }
        return new ArrayList<>(out);
    }

    /** The tags of {@code tags} that {@link #of} leaves out, as written, for a note to the author. */
    static List<String> leftOut(List<String> tags) {
        List<String> kept = of(tags);
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            String t = Slugs.withoutCuidSuffix(tag.strip().toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9]", "");
            if (!kept.contains(t) || !seen.add(t)) {
                out.add(tag);
            }
        }
        return out;
    }
}
