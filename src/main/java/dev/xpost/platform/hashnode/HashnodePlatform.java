package dev.xpost.platform.hashnode;

import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Remote;
import dev.xpost.platform.Session;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.ImageFiles;
import dev.xpost.post.Post;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Hashnode as the publish engine sees it: publication resolved once (and remembered in the state file), new posts
 * looked up by slug (20 a request), the publication's posts listed once per run at most (100 a page) and only to
 * adopt posts by cuid, then one mutation per post.
 * Without a token it works offline for plans and dry runs and never reaches the network.
 */
public final class HashnodePlatform implements Platform {
    /** Keys of what a create carried ({@link Session#sending}): what it can be found by while Hashnode's reads lag. */
    static final String SENT_SLUG = "slug";
    static final String SENT_TITLE = "title";

    private final HashnodeClient client;
    private final String endpoint;
    private final PublicationRef ref;
    /** {@code hashnode.publication} as configured: a remembered id is used only while it stays the same. */
    private final String configured;
    private final HashnodeImages images;
    private Publication publication;
    private Session session;
    private Map<String, RemotePost> byCuid;
    private Map<String, RemotePost> bySlug;
    private List<RemotePost> listed;
    /** Slugs looked up alone (without a listing): empty when Hashnode has no post with that slug. */
    private final Map<String, Optional<RemotePost>> looked = new HashMap<>();
    /** A look-ahead that failed, by the slugs it was for: each of those posts fails with it, asked once per run. */
    private final Map<String, PlatformException> lookupFailures = new HashMap<>();
    /** Why this run's listing of the publication failed; null while it has not (or has not been tried). */
    private PlatformException listingFailure;

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
        this.configured = publication;
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

    /** The slug and cuid, and the publication the post belongs to once it is known. */
    @Override
    public Map<String, String> recordExt(Remote remote) {
        return new HashnodeState(remote.cuid(), remote.slug(), publication == null ? null : publication.id()).ext();
    }

    @Override
    public void prepare(Session session) {
        this.session = session;
        Optional<String> remembered = session.remembered(HashnodeState.PUBLICATION_HOST)
                .filter(host -> host.equals(configured))
                .flatMap(host -> session.remembered(HashnodeState.PUBLICATION_ID));
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
        // Identity decides: a backup file of a deleted post often shares its slug with the live post published
        // again in its place, and must not take that post for its own.
        RemotePost hit;
        if (post.cuid() != null) {
            list();
            hit = byCuid.get(post.cuid());
        } else {
            hit = bySlugAlone(post.slug());
        }
        if (hit == null) {
            return Optional.empty();
        }
        return Optional.of(new Found(Remote.of(hit.id(), hit.url(), hit.slug(), hit.cuid()),
                images.knownBody(post, session).map(hit::sameMarkdown).orElse(false)));
    }

    /**
     * The posts without a cuid that this run may create: looked up by slug together (⌈K/20⌉ reads for K posts),
     * so that a new post costs what it costs whatever the publication's size. Not when a listing is at hand.
     */
    @Override
    public void lookAhead(List<Post> posts, Session session) {
        if (client == null || bySlug != null) {
            return;
        }
        List<String> slugs = new ArrayList<>();
        for (Post p : posts) {
            if (p.cuid() == null && p.slug() != null && !looked.containsKey(p.slug()) && !slugs.contains(p.slug())) {
                slugs.add(p.slug());
            }
        }
        if (slugs.isEmpty()) {
            return;
        }
        try {
            Map<String, RemotePost> found = client.postsBySlug(publication(), slugs);
            for (String slug : slugs) {
                looked.put(slug, Optional.ofNullable(found.get(slug)));
            }
        } catch (PlatformException e) {
            for (String slug : slugs) {
                lookupFailures.put(slug, e);
            }
        }
    }

    /** The post holding this slug: from the listing if one was read, else from a lookup of the slug alone. */
    private RemotePost bySlugAlone(String slug) {
        if (bySlug != null) {
            return bySlug.get(slug);
        }
        PlatformException failed = lookupFailures.get(slug);
        if (failed != null) {
            throw failed;
        }
        Optional<RemotePost> known = looked.get(slug);
        if (known == null) {
            known = Optional.ofNullable(client.postsBySlug(publication(), List.of(slug)).get(slug));
            looked.put(slug, known);
        }
        return known.orElse(null);
    }

    /**
     * One listing per run answers every adoption question by cuid (moving in): ⌈N/100⌉ reads instead of one per
     * post. Read only when a post carries a cuid that is not recorded yet, or to settle a create by what it sent.
     */
    private void list() {
        if (listingFailure != null) {
            // Asked once per run: every later post fails the same way without another round of retries.
            throw listingFailure;
        }
        if (bySlug == null) {
            // The maps are set only once the whole listing has arrived: a listing that failed must never be read as
            // "the publication holds nothing", which would call every live post gone (or create it again).
            List<RemotePost> all;
            try {
                all = client.posts(publication());
            } catch (PlatformException e) {
                listingFailure = e;
                throw e;
            }
            Map<String, RemotePost> cuids = new HashMap<>();
            Map<String, RemotePost> slugs = new HashMap<>();
            for (RemotePost r : all) {
                if (r.cuid() != null) {
                    cuids.put(r.cuid(), r);
                }
                slugs.put(r.slug(), r);
            }
            listed = all;
            byCuid = cuids;
            bySlug = slugs;
        }
    }

    /**
     * The post an unsettled create made, by the slug and title it sent: the post with that very slug, or — since
     * Hashnode suffixes a slug that is taken ({@code my-post-a1b2}) — a suffixed one; either way with the title
     * that was sent, so that another post that happens to hold the slug is never taken for it.
     */
    @Override
    public Optional<Found> findSent(Post post, Map<String, String> sent, Session session) {
        String slug = sent.get(SENT_SLUG);
        String title = sent.get(SENT_TITLE);
        if (slug == null || title == null) {
            return find(post, session);
        }
        if (client == null) {
            return Optional.empty();
        }
        list();
        RemotePost hit = bySlug.get(slug);
        if (hit == null || !title.equals(hit.title())) {
            hit = listed.stream().filter(r -> r.slug() != null && r.slug().startsWith(slug + "-")
                    && r.slug().substring(slug.length() + 1).matches("[a-z0-9]+") && title.equals(r.title()))
                    .findFirst().orElse(null);
        }
        if (hit == null) {
            return Optional.empty();
        }
        return Optional.of(new Found(Remote.of(hit.id(), hit.url(), hit.slug(), hit.cuid()), null));
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
        PostInput in = PostInput.update(pv.post(), existing.id(), seriesIdOrHint(post), session.now(), slugChanged,
                toClear(post, recordedFingerprint, session));
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
        Map<String, String> carried = new LinkedHashMap<>();
        carried.put(SENT_SLUG, in.requestedSlug() != null ? in.requestedSlug() : post.slug());
        carried.put(SENT_TITLE, post.title());
        session.sending(carried);
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
        PostInput in = checked(PostInput.update(sent, existing.id(), seriesId, session.now(), slugChanged,
                toClear(post, recordedFingerprint, session)));
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

    /**
     * The front matter keys an update must clear: those the post held from xpost's last sync. A record from before
     * xpost kept that list, but whose content xpost sent itself (it has a fingerprint), may hold any of them, so
     * every clearable key the file does not set is cleared; a post adopted with unknown content (no fingerprint)
     * keeps what Hashnode has (a backup's front matter never carries a subtitle or the post's options, API.md §9).
     */
    private static List<String> toClear(Post post, String recordedFingerprint, Session session) {
        Optional<List<String>> held = session.recordedFields(post, HashnodeClient.PLATFORM);
        if (held.isPresent()) {
            return held.get();
        }
        if (recordedFingerprint == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        for (PostInput.Field f : PostInput.Field.values()) {
            all.add(f.key());
        }
        return all;
    }

    @Override
    public List<String> fieldsAfterSync(Post post, List<String> before) {
        List<String> held = new ArrayList<>(PostInput.Field.keysSetIn(post));
        if (before != null) {
            for (String key : before) {
                // A field the API cannot clear stays on the post after the file dropped it.
                PostInput.Field.ofKey(key).filter(f -> !f.clearable() && !held.contains(key))
                        .ifPresent(f -> held.add(key));
            }
        }
        Collections.sort(held);
        return held;
    }

    @Override
    public Optional<String> drift(Post post, List<String> fields) {
        if (fields == null) {
            return Optional.empty();
        }
        for (String key : fields) {
            Optional<PostInput.Field> f = PostInput.Field.ofKey(key);
            if (f.isPresent() && !f.get().clearable() && !f.get().setIn(post)) {
                return Optional.of("`" + key + ":` was removed from " + post.file() + ", but the post is still in "
                        + "its series on Hashnode: Hashnode's API can add a post to a series or move it, not take it "
                        + "out. In the Hashnode dashboard, open the post's settings and remove it from the series; "
                        + "then run `xpost state adopt " + post.slug() + " --platform hashnode --id ID` with the "
                        + "post's id from `xpost state show " + post.slug() + "` (or put `" + key + ":` back)");
            }
        }
        return Optional.empty();
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
            session.remember(HashnodeState.PUBLICATION_ID, publication.id());
            session.remember(HashnodeState.PUBLICATION_HOST, configured);
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
