package dev.xpost.platform;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@code xpost init} asks about a platform that a new blog may or may not cross-post to, and what it writes
 * into {@code config/xpost.yaml} when the answer is yes.
 *
 * @param question a yes/no question, such as {@code Cross-post to dev.to too?}
 * @param section  the platform's section of {@code config/xpost.yaml}, with comments; {@code {{since}}} stands for
 *                 the day the blog is set up (so that the posts it already has do not flood the platform)
 */
public record InitQuestion(String question, String section) {
    public InitQuestion {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(section, "section");
    }

    /** The section to write for a blog set up on {@code today}. */
    public String section(LocalDate today) {
        return section.replace("{{since}}", today.toString());
    }
}
