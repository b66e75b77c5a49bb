package dev.xpost.platform.hashnode;

import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Remote;
import dev.xpost.platform.Session;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.ImageFiles;
import dev.xpost.post.Post;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Hashnode as the publish engine sees it: publication resolved once (and remembered in the state file), the
 * publication's posts listed once per run at most (100 a page) for adoption, then one mutation per post.
 * Without a token it works offline for plans and dry runs and never reaches the network.
 */
public final class HashnodePlatform implements Platform {
    private final HashnodeClient client;
    private final String endpoint;
    private final PublicationRef ref;
    private final HashnodeImages images;
    private Publication publication;
    private Session session;
    private Map<String, RemotePost> byCuid;
    private Map<String, RemotePost> bySlug;

    /**
     * @param client null when there is no token: then only offline previews are possible
     * @param endpoint    {@code hashnode.endpoint}, for previews
     * @param publication {@code hashnode.publication} as configured (a host or an id)
     * @param files       the blog's local images
     * @param http        the shared client, for uploading images to the presigned S3 URL (never with the token)
     */
    public HashnodePlatform(HashnodeClient client, String endpoint, String publication, ImageFiles files,
            OkHttpClient http) {
        this.client = client;
        this.endpoint = endpoint;
        this.ref = PublicationRef.parse(publication);
        this.images = new HashnodeImages(files, http);
    }

    @Override
    public String name() {
        return HashnodeClient.PLATFORM;
    }

    @Override
    public boolean online() {
        return client != null;
    }

    @Override
    public void prepare(Session session) {
        this.session = session;
        Optional<String> remembered = session.remembered(Session.PUBLICATION_ID);
        if (remembered.isPresent()) {
            publication = new Publication(remembered.get(), ref.host() == null ? null : "https://" + ref.host(),
                    null);
        } else if (ref.id() != null && ref.host() == null) {
            publication = new Publication(ref.id(), null, null);
        }
    }

    @Override
    public String fingerprint(Post post, Session session) {
        return PostInput.contentHash(images.forFingerprint(post));
    }

    @Override
    public Optional<Found> find(Post post, Session session) {
        if (client == null) {
            return Optional.empty();
        }
        if (bySlug == null) {
            // One listing per run answers every adoption question: ⌈N/100⌉ reads instead of one per post.
            byCuid = new HashMap<>();
            bySlug = new HashMap<>();
            for (RemotePost r : client.posts(publication())) {
                if (r.cuid() != null) {
                    byCuid.put(r.cuid(), r);
                }
                bySlug.put(r.slug(), r);
            }
        }
        // Identity decides: a backup file of a deleted post often shares its slug with the live post published
        // again in its place, and must not take that post for its own.
        RemotePost hit = post.cuid() != null ? byCuid.get(post.cuid()) : bySlug.get(post.slug());
        if (hit == null) {
            return Optional.empty();
        }
        return Optional.of(new Found(Remote.of(hit.id(), hit.url(), hit.slug(), hit.cuid()),
                images.knownBody(post, session).map(hit::sameMarkdown).orElse(false)));
    }

    @Override
    public String identity(Post post) {
        return post.cuid();
    }

    @Override
    public List<WireRequest> previewCreate(Post post, Session session) {
        HashnodeImages.Preview pv = images.preview(post, session, endpoint);
        PostInput in = PostInput.publish(pv.post(), publicationIdOrHint(), seriesIdOrHint(post), session.now());
        return withUploads(pv, wire(in));
    }

    @Override
    public List<WireRequest> previewUpdate(Post post, Remote existing, String recordedFingerprint,
            boolean slugChanged, Session session) {
        HashnodeImages.Preview pv = images.preview(post, session, endpoint);
        PostInput in = PostInput.update(pv.post(), existing.id(), seriesIdOrHint(post), session.now(), slugChanged);
        return withUploads(pv, wire(in));
    }

    @Override
    public List<String> pendingUploads(Post post, boolean create, Session session) {
        return images.pending(post, session);
    }

    private static List<WireRequest> withUploads(HashnodeImages.Preview pv, WireRequest request) {
        List<WireRequest> out = new ArrayList<>(pv.uploads());
        out.add(request);
        return out;
    }

    @Override
    public Remote create(Post post, Session session) {
        requireOnline("publish");
        String seriesId = seriesId(post);
        // Every image goes up before the post: a failed upload must not leave a post with a broken picture.
        Post sent = images.upload(post, session, client);
        PostInput in = checked(PostInput.publish(sent, publication().id(), seriesId, session.now()));
        PublishResult r = client.publish(in);
        Remote remote = Remote.of(r.id(), r.url(), r.slug(), r.cuid());
        return r.slugWarning(post.file().toString()).map(remote::withNote).orElse(remote);
    }

    @Override
    public Remote update(Post post, Remote existing, String recordedFingerprint, boolean slugChanged,
            Session session) {
        requireOnline("update");
        String seriesId = seriesId(post);
        Post sent = images.upload(post, session, client);
        PostInput in = checked(PostInput.update(sent, existing.id(), seriesId, session.now(), slugChanged));
        PublishResult r;
        try {
            r = client.update(in);
        } catch (PlatformException e) {
            if (slugChanged && e.kind() == PlatformException.Kind.REJECTED) {
                // Hashnode refuses a slug another post already has; the post keeps its old slug and URL.
                throw new PlatformException(name(), e.kind(), "Hashnode refused to change the slug of " + post.file()
                        + " from `" + existing.slug() + "` to `" + post.slug() + "`: " + e.getMessage()
                        + ". The slug may be taken by another post: choose another `slug:`, or put `"
                        + existing.slug() + "` back", e);
            }
            throw e;
        }
        String note = slugChanged ? "slug changed from `" + existing.slug() + "`; the post's URL is now " + r.url()
                : null;
        return Remote.of(r.id(), r.url(), r.slug(), r.cuid()).withNote(note);
    }

    private PostInput checked(PostInput in) {
        in.sizeProblem().ifPresent(msg -> {
            throw new PlatformException(name(), PlatformException.Kind.REJECTED, msg);
        });
        return in;
    }

    private String seriesId(Post post) {
        return post.series() == null ? null : client.seriesId(publication(), post.series());
    }

    /** Resolved on first need (one read), then remembered in the state file for every later run. */
    private Publication publication() {
        if (publication == null) {
            if (session == null) {
                throw new IllegalStateException("prepare() was not called");
            }
            requireOnline("resolve the publication " + ref);
            publication = client.publication(ref);
            session.remember(Session.PUBLICATION_ID, publication.id());
        }
        return publication;
    }

    /** Offline previews cannot know ids that only Hashnode can tell; they say so in place of the value. */
    private String publicationIdOrHint() {
        return publication != null || client != null ? publication().id() : "<id of publication " + ref + ">";
    }

    private String seriesIdOrHint(Post post) {
        if (post.series() == null) {
            return null;
        }
        return client != null ? client.seriesId(publication(), post.series()) : "<id of series " + post.series() + ">";
    }

    private WireRequest wire(PostInput in) {
        String op = in.operation() == PostInput.Operation.PUBLISH ? "publishPost" : "updatePost";
        return new WireRequest(op, "POST", endpoint, in.variables());
    }

    private void requireOnline(String what) {
        if (client == null) {
            throw new PlatformException(name(), PlatformException.Kind.AUTH, "HASHNODE_TOKEN is not set, so xpost "
                    + "cannot " + what + ". Create a personal access token at https://hashnode.com/settings/developer "
                    + "and put it in .env as HASHNODE_TOKEN=… (or in the environment)");
        }
    }
}
