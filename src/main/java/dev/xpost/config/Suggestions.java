package dev.xpost.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for a mistyped word (a command, an option, a platform, a setting), as Cobra (the GitHub CLI's
 * command library) decides it for commands: a word the typed one begins, or one within two edits of it (a letter
 * added, dropped, changed, or two swapped: the optimal string alignment distance; one edit for a word of under six
 * letters), ignoring case. Picocli's own suggestions rank by shared letter pairs and always offer up to three, so
 * that {@code docter} also suggested {@code state} and {@code validate}, and {@code pla} {@code completion}.
 */
public final class Suggestions {
    /** Cobra's default {@code SuggestionsMinimumDistance}. */
    public static final int MAX_EDITS = 2;

    private Suggestions() {
    }

    /**
     * The words of {@code commands} to suggest for {@code typed}, nearest first (a prefix counts as nearest), in
     * their order among equals; only the word itself when it is there in other case; empty when none is near.
     */
    public static List<String> near(String typed, List<String> commands) {
        String word = typed.toLowerCase(Locale.ROOT);
        // Two edits of a short word change most of it (`--max` is two from `--tag`): one, below six letters.
        int allowed = word.replaceFirst("^-+", "").length() >= 6 ? MAX_EDITS : 1;
        List<String> same = commands.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(word)).toList();
        if (!same.isEmpty()) {
            return same;   // `xpost STATE`: the command in other case, nothing else
        }
        List<String> near = new ArrayList<>();
        List<Integer> distance = new ArrayList<>();
        for (String command : commands) {
            String name = command.toLowerCase(Locale.ROOT);
            int d = !word.isEmpty() && name.startsWith(word) ? 0 : edits(word, name);
            if (d <= allowed) {
                near.add(command);
                distance.add(d);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < near.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(distance::get));   // stable: ties keep the commands' order
        return order.stream().map(near::get).toList();
    }

    /**
     * {@code "; did you mean A or B?"} for the words near {@code typed} among {@code known}, or {@code ""}: the end of
     * an error that names a word xpost does not know.
     */
    public static String didYouMean(String typed, java.util.Collection<String> known) {
        List<String> near = near(typed, List.copyOf(known));
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    public static int edits(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_EDITS) {
            return MAX_EDITS + 1;   // no need to count: a typed word of any length costs nothing more
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
