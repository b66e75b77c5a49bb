package dev.xpost.e2e;

import java.util.List;
import java.util.Set;

/**
 * One platform as the platform-parameterised e2e tests (the fault matrix, the release engine) drive it in an
 * {@link E2eBlog} with all three platforms: how a fault is injected into its fake's create, how its remote posts
 * are counted, how "exactly one remote post per post" is checked, and how it settles a create whose outcome is
 * unknown. A new platform joins every such test by becoming one constant here.
 */
enum PlatformFixture {
    HASHNODE("hashnode", "PublishPost", true, Set.of(), Fault.GRAPHQL_BAD_USER_INPUT, "BAD_USER_INPUT"),
    /** Its 201 to a create has an empty body, so there is nothing for {@link Fault#BODY_DELAY} to delay. */
    LINKEDIN("linkedin", "createPost", false, Set.of(Fault.BODY_DELAY), Fault.HTTP_400, "400"),
    DEVTO("devto", "create", true, Set.of(), Fault.HTTP_422, "422");

    /** The platform's name in config, state and {@code --platform}. */
    final String id;
    /** The fake's name for a create, for {@code fail} and {@code count}. */
    final String createOperation;
    /** True: an unknown create is looked up once reads show it; false: the create is sent again (a duplicate rule). */
    final boolean settlesByLookup;
    /** Faults the platform's create answer cannot show (each with its reason on the constant). */
    final Set<Fault> notApplicable;
    /** How the platform refuses a create as invalid (nothing stored), and a word its message then carries. */
    final Fault rejection;
    final String rejectionWord;

    PlatformFixture(String id, String createOperation, boolean settlesByLookup, Set<Fault> notApplicable,
            Fault rejection, String rejectionWord) {
        this.id = id;
        this.createOperation = createOperation;
        this.settlesByLookup = settlesByLookup;
        this.notApplicable = notApplicable;
        this.rejection = rejection;
        this.rejectionWord = rejectionWord;
    }

    /** True for the blog's home: the others wait for its post (they link to it). */
    boolean home() {
        return this == HASHNODE;
    }

    /** The next {@code times} creates on this platform meet {@code fault}. */
    void failCreate(E2eBlog blog, Fault fault, int times, boolean storedFirst, long delayMillis) {
        switch (this) {
            case HASHNODE -> blog.hashnode.fail(createOperation, fault, times, storedFirst, delayMillis);
            case LINKEDIN -> blog.linkedin.fail(createOperation, fault, times, storedFirst, delayMillis);
            case DEVTO -> blog.devto.fail(createOperation, fault, times, storedFirst, delayMillis);
        }
    }

    /** The platforms whose posts link to the Hashnode post, and so wait for it. */
    static java.util.stream.Stream<PlatformFixture> linking() {
        return java.util.stream.Stream.of(values()).filter(p -> !p.home());
    }

    /** Every fake answers normally again. */
    static void clearFaults(E2eBlog blog) {
        blog.hashnode.clearFaults();
        blog.linkedin.clearFaults();
        if (blog.devto != null) {
            blog.devto.clearFaults();
        }
    }

    /**
     * The next {@code times} calls of each read that settling an unknown create makes meet {@code fault}; false for
     * a platform that settles by sending the create again (it reads nothing).
     */
    boolean failLookups(E2eBlog blog, Fault fault, int times) {
        switch (this) {
            case HASHNODE -> {
                for (String op : List.of("PostsBySlug", "PostBySlug", "Posts")) {
                    blog.hashnode.fail(op, fault, times, false, 0);
                }
            }
            case DEVTO -> blog.devto.fail("list", fault, times, false, 0);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Creates this platform's fake received since the last {@link E2eBlog#resetCounts()}. */
    int creates(E2eBlog blog) {
        return switch (this) {
            case HASHNODE -> blog.hashnode.count(createOperation);
            case LINKEDIN -> blog.linkedin.count(createOperation);
            case DEVTO -> blog.devto.count(createOperation);
        };
    }

    /** How many posts (articles) the platform holds, whoever made them. */
    int remotePosts(E2eBlog blog) {
        return switch (this) {
            case HASHNODE -> blog.hashnode.posts().size();
            case LINKEDIN -> blog.linkedin.posts().size();
            case DEVTO -> blog.devto.articles().size();
        };
    }

    /** The ids of the platform's posts, in the order they were made (Hashnode id, LinkedIn URN, dev.to id). */
    List<String> remoteIds(E2eBlog blog) {
        return switch (this) {
            case HASHNODE -> blog.hashnode.posts().stream().map(p -> p.id).toList();
            case LINKEDIN -> blog.linkedin.posts().stream().map(p -> p.urn).toList();
            case DEVTO -> blog.devto.articles().stream().map(a -> String.valueOf(a.id)).toList();
        };
    }

    /**
     * Exactly one post of this title on this platform, and the state names it. LinkedIn is found by the Hashnode URL
     * its card links to: a LinkedIn post made before the Hashnode slug changed cannot be found that way, so
     * {@code linkFollowsSlug} false checks it by the state's URN alone.
     */
    void assertExactlyOnce(E2eBlog blog, String slug, String title, boolean linkFollowsSlug) {
        switch (this) {
            case HASHNODE -> blog.assertExactlyOnce(slug, title, false);
            case LINKEDIN -> {
                if (linkFollowsSlug) {
                    blog.assertExactlyOnce(slug, title, true);
                } else {
                    String urn = blog.published(slug, "linkedin").id();
                    org.junit.jupiter.api.Assertions.assertEquals(1, blog.linkedin.posts().stream()
                            .filter(p -> p.urn.equals(urn)).count(), "the state's LinkedIn URN is the fake's post");
                }
            }
            case DEVTO -> blog.assertExactlyOnceOnDevto(slug, title);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
