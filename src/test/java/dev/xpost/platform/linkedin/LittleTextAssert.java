package dev.xpost.platform.linkedin;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Finds reserved characters LinkedIn would stop at: not escaped, and not the '#' of a hashtag xpost emitted. */
final class LittleTextAssert {
    private LittleTextAssert() {
    }

    /** Index of the first bare reserved character, or -1. {@code allowHashtags}: '#'+letters/digits is fine. */
    static int firstBareReserved(String little, boolean allowHashtags) {
        int i = 0;
        while (i < little.length()) {
            char c = little.charAt(i);
            if (c == '\\') {
                if (i + 1 >= little.length() || !LittleText.isReserved(little.charAt(i + 1))) {
                    return i;
                }
                i += 2;
                continue;
            }
            if (LittleText.isReserved(c)) {
                if (c == '#' && allowHashtags && hashtagAt(little, i)) {
                    i++;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The words of the hashtags LinkedIn would link in {@code little} (a bare '#' and a word), lower-cased. */
    static Set<String> bareHashtags(String little) {
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        while (i < little.length()) {
            char c = little.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '#' && hashtagAt(little, i)) {
                int end = i + 1;
                while (end < little.length() && Character.isLetterOrDigit(little.codePointAt(end))) {
                    end += Character.charCount(little.codePointAt(end));
                }
                out.add(little.substring(i + 1, end).toLowerCase(Locale.ROOT));
                i = end;
                continue;
            }
            i++;
        }
        return out;
    }

    private static boolean hashtagAt(String s, int at) {
        int end = at + 1;
        while (end < s.length() && Character.isLetterOrDigit(s.codePointAt(end))) {
            end += Character.charCount(s.codePointAt(end));
        }
        return LittleText.isHashtagWord(s.substring(at + 1, end));
    }
}
