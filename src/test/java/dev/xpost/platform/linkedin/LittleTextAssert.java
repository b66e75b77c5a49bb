package dev.xpost.platform.linkedin;

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

    private static boolean hashtagAt(String s, int at) {
        int end = at + 1;
        while (end < s.length() && Character.isLetterOrDigit(s.codePointAt(end))) {
            end += Character.charCount(s.codePointAt(end));
        }
        return LittleText.isHashtagWord(s.substring(at + 1, end));
    }
}
