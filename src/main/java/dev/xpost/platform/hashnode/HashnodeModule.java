package dev.xpost.platform.hashnode;

import dev.xpost.platform.Capabilities;
import dev.xpost.platform.PlatformModule;
import dev.xpost.platform.PlatformSetup;
import dev.xpost.post.Post;
import dev.xpost.post.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hashnode as xpost knows it: the blog's home, read back to settle a lost create. */
public final class HashnodeModule implements PlatformModule {
    public static final HashnodeModule INSTANCE = new HashnodeModule();

    /**
     * Hashnode's reads may lag its writes by up to ~25 s (API.md §3): a post that may have been committed less than
     * this long ago (counted from when its request ended) cannot be looked up yet.
     */
    public static final Duration READ_LAG = Duration.ofSeconds(30);

    private static final Capabilities CAPABILITIES = new Capabilities("Hashnode", true, Capabilities.Settle.LOOKUP,
            READ_LAG, false, false, "ID");

    /** The host {@code xpost init} writes when none is given: {@code xpost doctor} reports it until replaced. */
    public static final String PLACEHOLDER_PUBLICATION = "myblog.hashnode.dev";

    private HashnodeModule() {
    }

    @Override
    public Optional<PlatformSetup> configure(String where, Map<String, Object> section) {
        return Optional.of(HashnodeSetup.of(section));
    }

    /**
     * Hashnode refuses request bodies over 100 KB: checked before anything is sent, with the exact request the
     * post would make, every field counted (a 1 MB title is as fatal as a 1 MB body). Only long posts are
     * serialised: one whose every character took six bytes in JSON (the worst case, {@code \\u0000}) and still
     * fitted cannot be too large. Reported at the line of the field that takes the most room.
     */
    @Override
    public Optional<Problem> sizeProblem(Post p) {
        if (textLength(p) * 6L + 16_384 < PostInput.MAX_REQUEST_BYTES || p.slug() == null || p.title() == null) {
            return Optional.empty();
        }
        String someId = "000000000000000000000000";
        PostInput input = PostInput.publish(p, someId, p.series() == null ? null : someId, java.time.Instant.EPOCH);
        String field = input.largestField();
        int line = field.equals("body") ? p.bodyLine() : Math.max(1, p.line(field));
        return input.sizeProblem().map(m -> Problem.error(p.file(), line, "body-too-large", m));
    }

    /** Characters of every text the request carries. */
    private static long textLength(Post p) {
        long n = 0;
        for (String s : new String[] {p.body(), p.title(), p.subtitle(), p.slug(), p.canonical(), p.cover(),
                p.ogImage(), p.seoTitle(), p.seoDescription(), p.series()}) {
            n += s == null ? 0 : s.length();
        }
        for (String t : p.tags()) {
            n += t == null ? 0 : t.length() + 16;
        }
        return n;
    }

    @Override
    public String name() {
        return HashnodeClient.PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** Hashnode's post ids are {@code ObjectId}s (schema.graphql): 24 hexadecimal digits. */
    @Override
    public Optional<String> badId(String id) {
        return id.matches("[0-9a-f]{24}") ? Optional.empty()
                : Optional.of("\"" + id + "\" is not a Hashnode post id: it is 24 hexadecimal digits, such as "
                        + "6a603fb103e2cb323e7851f6 (the post's id in the Hashnode dashboard or its API)");
    }

    @Override
    public List<String> secretNames() {
        return List.of(HashnodeSetup.TOKEN);
    }
}
