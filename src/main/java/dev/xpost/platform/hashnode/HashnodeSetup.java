package dev.xpost.platform.hashnode;

import dev.xpost.platform.Finding;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformContext;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformSetup;
import dev.xpost.platform.TokenStatus;
import dev.xpost.post.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hashnode as a blog configures it ({@code hashnode:}): its adapter, and its doctor and auth status lines, which
 * read the publication once (nothing is written).
 *
 * <p>Whether Hashnode writes are possible is read off the publication read: Hashnode gates publication-scoped
 * reads and every write behind the same Pro plan (API.md §1, §6), so a publication that resolves can be written,
 * and a {@code FORBIDDEN} "Pro plan" answer means it cannot.
 *
 * @param endpoint    the GraphQL endpoint as configured
 * @param publication a host such as {@code myblog.hashnode.dev}, or a publication id
 */
record HashnodeSetup(String endpoint, String publication) implements PlatformSetup {
    static final String TOKEN = "HASHNODE_TOKEN";

    /**
     * The section's values; the config loader has already refused unknown keys, a missing publication and an
     * endpoint that would carry the token in clear, in the words its tests pin.
     */
    static HashnodeSetup of(Map<String, Object> section) {
        return new HashnodeSetup(text(section, "endpoint", HashnodeClient.DEFAULT_ENDPOINT),
                text(section, "publication", null));
    }

    private static String text(Map<String, Object> section, String key, String dflt) {
        Object v = section.get(key);
        String s = v == null ? "" : String.valueOf(v).strip();
        return s.isEmpty() ? dflt : s;
    }

    @Override
    public Platform open(PlatformContext ctx, boolean live) {
        Optional<String> token = ctx.secret(TOKEN);
        // Checked before any token is used: a plain-http endpoint is refused unless it is this machine.
        var url = HashnodeClient.endpoint(endpoint);
        if (token.isEmpty() && live) {
            throw new PlatformException(HashnodeClient.PLATFORM, PlatformException.Kind.AUTH, "HASHNODE_TOKEN is not "
                    + "set. Create a personal access token at https://hashnode.com/settings/developer and put it in "
                    + ".env as HASHNODE_TOKEN=… (or in the environment; in CI, a repository secret)");
        }
        HashnodeClient client = token.map(t -> new HashnodeClient(ctx.http(), url, t, ctx.backoff(), ctx.clock()))
                .orElse(null);
        return new HashnodePlatform(client, url.toString(), publication, ctx.images(), ctx.http());
    }

    /** The publication read: the publication, or why it failed; null when HASHNODE_TOKEN is not set. */
    private record Answer(Publication publication, PlatformException failure) {
    }

    private Answer ask(PlatformContext ctx) {
        Optional<String> token = ctx.secret(TOKEN);
        if (token.isEmpty()) {
            return null;
        }
        try {
            HashnodeClient client = new HashnodeClient(ctx.http(), HashnodeClient.endpoint(endpoint), token.get(),
                    ctx.backoff(), ctx.clock());
            return new Answer(client.publication(PublicationRef.parse(publication)), null);
        } catch (PlatformException e) {
            return new Answer(null, e);
        }
    }

    @Override
    public List<Finding> doctor(PlatformContext ctx) {
        List<Finding> out = new ArrayList<>();
        String shown = endpointShown(endpoint);
        if (publication.equals(HashnodeModule.PLACEHOLDER_PUBLICATION)) {
            // Nothing to ask Hashnode about yet: the answer would only repeat this.
            out.add(Finding.fail("hashnode publication", publication + " is the placeholder `xpost init` wrote",
                    "set hashnode.publication in config/xpost.yaml to your blog's host", Finding.Trouble.CONFIG));
            out.add(Finding.skipped("hashnode endpoint", shown + " not asked until hashnode.publication names "
                    + "your blog"));
            out.add(ctx.secret(TOKEN).isEmpty() ? noToken() : Finding.skipped("hashnode token",
                    "HASHNODE_TOKEN is set; not checked until hashnode.publication names your blog"));
            return out;
        }
        Answer a = ask(ctx);
        if (a == null) {
            try {
                HashnodeClient.endpoint(endpoint);
                out.add(Finding.skipped("hashnode endpoint", shown + " not asked: that needs HASHNODE_TOKEN"));
            } catch (PlatformException bad) {
                out.add(Finding.failed("hashnode endpoint", bad));
            }
            out.add(noToken());
            return out;
        }
        PlatformException e = a.failure();
        if (e == null) {
            out.add(Finding.ok("hashnode endpoint", shown + " answers GraphQL"));
            out.add(Finding.ok("hashnode token", "HASHNODE_TOKEN is accepted"));
            out.add(Finding.ok("hashnode publication", a.publication().host() + " resolves (id "
                    + a.publication().id() + ") and has Hashnode Pro: xpost can publish to it"));
            return out;
        }
        boolean endpointProblem = e.kind() != PlatformException.Kind.AUTH
                && !(e.kind() == PlatformException.Kind.CONFIG && e.getMessage().contains("hashnode.publication"));
        if (endpointProblem) {
            out.add(Finding.failed("hashnode endpoint", e));
            out.add(Finding.skipped("hashnode token", e.kind() == PlatformException.Kind.NETWORK
                    ? "not checked: the endpoint could not be reached" : "not checked: the endpoint did not answer "
                    + "GraphQL"));
            return out;
        }
        out.add(Finding.ok("hashnode endpoint", shown + " answers GraphQL"));
        if (HashnodeClient.isTokenProblem(e)) {
            out.add(Finding.failed("hashnode token", e));
            return out;
        }
        out.add(Finding.ok("hashnode token", "HASHNODE_TOKEN is accepted"));
        if (HashnodeClient.isProGate(e)) {
            out.add(new Finding(Finding.Mark.FAIL, "hashnode publication", publication + " needs Hashnode Pro: "
                    + "Hashnode answered FORBIDDEN \"Pro plan\", so xpost can neither read nor write it through the API",
                    "upgrade the publication to Hashnode Pro in the Hashnode dashboard", Finding.Trouble.AUTH,
                    e.kind()));
        } else {
            out.add(Finding.failed("hashnode publication", e));
        }
        return out;
    }

    private static Finding noToken() {
        return Finding.fail("hashnode token", "HASHNODE_TOKEN is not set", "create a personal access token at "
                + "https://hashnode.com/settings/developer and put it in .env as HASHNODE_TOKEN=… (in CI: a "
                + "repository secret)", Finding.Trouble.AUTH);
    }

    private static String endpointShown(String configured) {
        try {
            return HashnodeClient.endpoint(configured).toString();
        } catch (PlatformException e) {
            return configured;
        }
    }

    /**
     * The publication's host and the slug (unless Hashnode suffixes a taken slug); empty when
     * {@code hashnode.publication} is an id, not a host.
     */
    @Override
    public Optional<String> predictedUrl(Post post) {
        return publication.contains(".") && post.slug() != null ? Optional.of("https://"
                + publication.replaceFirst("^https?://", "").replaceAll("/+$", "") + "/" + post.slug())
                : Optional.empty();
    }

    @Override
    public TokenStatus authStatus(PlatformContext ctx) {
        Answer a = ask(ctx);
        if (a == null) {
            return TokenStatus.missing("HASHNODE_TOKEN is not set (https://hashnode.com/settings/developer)");
        }
        if (a.failure() != null) {
            return TokenStatus.failed(a.failure());
        }
        return TokenStatus.accepted("token accepted; it can read and write " + a.publication().host()
                + " (writes need its Pro plan)");
    }
}
