package dev.xpost.platform.linkedin;

import dev.xpost.http.Json;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.Remote;
import dev.xpost.platform.Session;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.ImageFiles;
import dev.xpost.post.LocalImages;
import dev.xpost.post.Post;
import dev.xpost.post.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * LinkedIn as the publish engine sees it. LinkedIn cannot be asked which posts exist (that needs a restricted
 * scope), so the state file is the only memory and {@link #find} never finds anything; a repeated create is
 * caught by LinkedIn's own duplicate answer instead.
 *
 * <p>The fingerprint has two halves, text and card, because only the text of a published post can be edited: a
 * change of the card alone is reported, not sent.
 */
public final class LinkedInPlatform implements Platform {
    /** Keys of what a create carried ({@link Session#sending}): every part of its body, to send it again as it was. */
    static final String SENT_AUTHOR = "author";
    static final String SENT_COMMENTARY = "commentary";
    static final String SENT_CARD_SOURCE = "card.source";
    static final String SENT_CARD_TITLE = "card.title";
    static final String SENT_CARD_DESCRIPTION = "card.description";
    static final String SENT_CARD_THUMBNAIL = "card.thumbnail";

    private static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    private final LinkedInClient client;
    private final HttpUrl apiBase;
    private final String version;
    private final String configuredAuthor;
    private final LinkedInMode mode;
    private final Instant tokenExpiresAt;
    private final LinkedInImages images;
    private String author;

    /**
     * @param client         null without a token: plans and dry runs then work offline
     * @param http           for downloading a cover image (no token is sent with it)
     * @param author         {@code linkedin.author}: a URN, or {@code auto}
     * @param tokenExpiresAt when the token expires, if {@code xpost auth linkedin} recorded it; else null
     * @param files          the blog's local images, for a cover that is a file
     */
    public LinkedInPlatform(LinkedInClient client, OkHttpClient http, HttpUrl apiBase, String version, String author,
            LinkedInMode mode, Instant tokenExpiresAt, ImageFiles files) {
        this.client = client;
        this.images = new LinkedInImages(client, http, files);
        this.apiBase = apiBase;
        this.version = version;
        this.configuredAuthor = author;
        this.mode = mode;
        this.tokenExpiresAt = tokenExpiresAt;
    }

    @Override
    public String name() {
        return LinkedInClient.PLATFORM;
    }

    @Override
    public boolean online() {
        return client != null;
    }

    @Override
    public void prepare(Session session) {
        LocalDate today = LocalDate.ofInstant(session.now(), ZoneOffset.UTC);
        LinkedInClient.versionWarning(version, today).ifPresent(session::warn);
        if (tokenExpiresAt != null) {
            Duration left = Duration.between(session.now(), tokenExpiresAt);
            if (left.compareTo(EXPIRY_WARNING) < 0) {
                session.warn(left.isNegative() ? "the LinkedIn token expired on " + tokenExpiresAt
                        + ": run `xpost auth linkedin`"
                        : "the LinkedIn token expires in " + Math.max(0, left.toDays())
                        + (Math.max(0, left.toDays()) == 1 ? " day (" : " days (") + tokenExpiresAt
                        + "): run `xpost auth linkedin` to renew it");
            }
        }
        if (!"auto".equals(configuredAuthor)) {
            author = configuredAuthor;
            return;
        }
        author = session.remembered(LinkedInState.AUTHOR).orElse(null);
    }

    /** {@code auto}: asked once of LinkedIn ({@code GET /v2/userinfo}) on first need, then remembered. */
    private String author(Session session) {
        if (author == null && client != null) {
            author = "urn:li:person:" + client.userinfoSub();
            session.remember(LinkedInState.AUTHOR, author);
        }
        return author;
    }

    /** What goes to LinkedIn for this post now. */
    public Rendering render(Post post, Session session) {
        String link = session.homeUrl(post).orElse(post.canonical());
        return LinkedInRenderer.render(post, link, mode);
    }

    @Override
    public String fingerprint(Post post, Session session) {
        Rendering r = render(post, session);
        String cover = images.identity(post);
        String card = r.card() == null ? "" : Json.compact(r.card()) + "|" + cover;
        return "text:" + sha256(r.commentary()) + " card:" + sha256(card);
    }

    @Override
    public Optional<Found> find(Post post, Session session) {
        return Optional.empty();
    }

    @Override
    public List<WireRequest> previewCreate(Post post, Session session) {
        Rendering r = checked(render(post, session));
        List<WireRequest> out = new ArrayList<>();
        String thumbnail = null;
        String who = author(session) != null ? author : "<your member URN, from GET /v2/userinfo>";
        LinkedInImages.LocalCover local = r.card() != null && LocalImages.isLocal(post.cover())
                ? images.localCover(post) : null;
        if (r.card() != null && post.cover() != null && (local == null || local.usable())) {
            thumbnail = session.uploadedImage(name(), local != null ? local.hash() : post.cover()).orElse(null);
            if (thumbnail == null) {
                out.add(new WireRequest("initializeUpload", "POST", url("rest/images?action=initializeUpload"),
                        java.util.Map.of("initializeUploadRequest", java.util.Map.of("owner", who))));
                out.add(new WireRequest("upload cover " + post.cover(), "PUT", "(the uploadUrl LinkedIn answers)",
                        "(the image bytes)"));
                thumbnail = "<image URN from initializeUpload>";
            }
        }
        out.add(new WireRequest("createPost", "POST", url("rest/posts"),
                LinkedInClient.createBody(who, r, thumbnail)));
        return out;
    }

    @Override
    public List<WireRequest> previewUpdate(Post post, Remote existing, String recordedFingerprint,
            boolean slugChanged, Session session) {
        Rendering r = checked(render(post, session));
        if (!textChanged(post, recordedFingerprint, session)) {
            return List.of();
        }
        return List.of(new WireRequest("PARTIAL_UPDATE " + existing.id(), "POST",
                url("rest/posts/" + java.net.URLEncoder.encode(existing.id(), StandardCharsets.UTF_8)),
                LinkedInClient.updateBody(r.commentary())));
    }

    @Override
    public Remote create(Post post, Session session) {
        requireOnline();
        Rendering r = checked(render(post, session));
        String thumbnail = r.card() == null ? null : images.thumbnail(post, session, () -> author(session));
        String who = author(session);
        session.sending(carried(who, r.commentary(), r.card(), thumbnail));
        return remote(client.createPost(who, r.commentary(), r.card(), thumbnail));
    }

    /**
     * Sends the recorded create again as it was — author, text, card and thumbnail — whatever the file says now:
     * LinkedIn recognises a repeat only when the text is the same, and answers it with the post it already has.
     */
    @Override
    public Remote resend(Post post, Map<String, String> sent, Session session) {
        if (sent.get(SENT_COMMENTARY) == null || sent.get(SENT_AUTHOR) == null) {
            return create(post, session);
        }
        requireOnline();
        Card card = sent.get(SENT_CARD_SOURCE) == null ? null : new Card(sent.get(SENT_CARD_SOURCE),
                sent.get(SENT_CARD_TITLE), sent.get(SENT_CARD_DESCRIPTION));
        return remote(client.createPost(sent.get(SENT_AUTHOR), sent.get(SENT_COMMENTARY), card,
                sent.get(SENT_CARD_THUMBNAIL)));
    }

    private static Map<String, String> carried(String author, String commentary, Card card, String thumbnail) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SENT_AUTHOR, author);
        m.put(SENT_COMMENTARY, commentary);
        if (card != null) {
            m.put(SENT_CARD_SOURCE, card.source());
            m.put(SENT_CARD_TITLE, card.title());
            m.put(SENT_CARD_DESCRIPTION, card.description());
            m.put(SENT_CARD_THUMBNAIL, thumbnail);
        }
        m.values().removeIf(v -> v == null);
        return m;
    }

    private static Remote remote(CreatedPost created) {
        Remote remote = new Remote(created.urn(), created.url(), null, null, created.duplicate(), null);
        return created.duplicate() ? remote.withNote("LinkedIn already had this post (" + created.urn()
                + "): recorded it instead of posting again") : remote;
    }

    @Override
    public Remote update(Post post, Remote existing, String recordedFingerprint, boolean slugChanged,
            Session session) {
        requireOnline();
        Rendering r = checked(render(post, session));
        boolean text = textChanged(post, recordedFingerprint, session);
        boolean card = recordedFingerprint == null || !half(fingerprint(post, session), "card")
                .equals(half(recordedFingerprint, "card"));
        if (text) {
            client.updateCommentary(existing.id(), r.commentary());
        }
        String note = null;
        if (card && recordedFingerprint != null) {
            note = "the link card (title, description, cover or link) changed, but LinkedIn cannot edit the card of a "
                    + "published post" + (text ? "; the text was updated" : "") + ". To show the new card, delete "
                    + "the post on LinkedIn, run `xpost state forget " + post.slug() + " --platform linkedin`, and "
                    + "publish again (reactions and comments are lost)";
        }
        return new Remote(existing.id(), existing.url(), null, null, false, note);
    }

    private boolean textChanged(Post post, String recordedFingerprint, Session session) {
        return recordedFingerprint == null || !half(fingerprint(post, session), "text")
                .equals(half(recordedFingerprint, "text"));
    }

    private static String half(String fingerprint, String which) {
        for (String part : fingerprint.split(" ")) {
            if (part.startsWith(which + ":")) {
                return part;
            }
        }
        return "";
    }

    @Override
    public List<String> pendingUploads(Post post, boolean create, Session session) {
        // Only a create sends a card: LinkedIn cannot edit one afterwards.
        if (!create || !LocalImages.isLocal(post.cover()) || render(post, session).card() == null) {
            return List.of();
        }
        return images.pendingUpload(post, session);
    }

    private Rendering checked(Rendering r) {
        for (Problem p : r.problems()) {
            if (p.isError()) {
                throw new PlatformException(name(), PlatformException.Kind.REJECTED, p.message());
            }
        }
        return r;
    }

    private String url(String path) {
        return apiBase.toString().replaceAll("/$", "") + "/" + path;
    }

    private void requireOnline() {
        if (client == null) {
            throw new PlatformException(name(), PlatformException.Kind.AUTH, "LINKEDIN_ACCESS_TOKEN is not set: run "
                    + "`xpost auth linkedin`, or put a token in .env as LINKEDIN_ACCESS_TOKEN=…");
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
