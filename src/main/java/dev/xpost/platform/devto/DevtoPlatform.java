package dev.xpost.platform.devto;

import dev.xpost.http.Json;
import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import dev.xpost.platform.Remote;
import dev.xpost.platform.Session;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.ImageFiles;
import dev.xpost.post.LocalImages;
import dev.xpost.post.Post;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * dev.to as the publish engine sees it. dev.to has no idempotency key and allows duplicates, but it can be read:
 * the author's articles ({@code /api/articles/me/all}) are listed once per run, and a post is adopted from that
 * list before it is ever created — by canonical URL, then by title — so that a blog cross-posted by hand gets no
 * twins. An unknown create is settled the same way ({@link #findSent}), never by sending it again.
 *
 * <p>What goes out: see {@link #article}. Without an API key it works offline for plans and dry runs.
 */
public final class DevtoPlatform implements Platform {
    /** Keys of what a create carried ({@link Session#sending}): what settling looks for among the articles. */
    static final String SENT_TITLE = "title";
    static final String SENT_CANONICAL = "canonical_url";

    private final DevtoClient client;
    private final DevtoSettings settings;
    private final ImageFiles files;
    private List<DevtoArticle> listed;

    /**
     * @param client   null without {@value DevtoSettings#SECRET}: plans and dry runs then work offline
     * @param settings the {@code devto:} section
     * @param files    the blog's local images, to find the Hashnode CDN URL each was uploaded to
     */
    public DevtoPlatform(DevtoClient client, DevtoSettings settings, ImageFiles files) {
        this.client = client;
        this.settings = settings;
        this.files = files;
    }

    @Override
    public String name() {
        return DevtoSettings.PLATFORM;
    }

    @Override
    public boolean online() {
        return client != null;
    }

    @Override
    public void prepare(Session session) {
        listed = null;
    }

    /**
     * The {@code article} fields sent for this post, for a create and an update alike:
     * <ul>
     *   <li>{@code title}; {@code body_markdown}: the body converted by {@link DevtoMarkdown}, with each local image
     *       replaced by the Hashnode CDN URL xpost uploaded it to (left as it is, with a warning, when Hashnode
     *       does not have it: dev.to has no upload for API keys, §7);</li>
     *   <li>{@code published: true}: drafts never reach a platform in xpost;</li>
     *   <li>{@code tags}: {@link DevtoTags}, always the whole list, so that an update never leaves stale ones
     *       (an update without tags has wiped them: §3);</li>
     *   <li>{@code canonical_url}: the post's Hashnode URL when xpost published it there, else its
     *       {@code canonical}; left out when it has neither (xpost never clears one);</li>
     *   <li>{@code series}: the post's series slug, as the series name (dev.to creates a series on first use);
     *       {@code main_image}: the cover when it is an http(s) URL or a local file Hashnode has;
     *       {@code description}: {@code seoDescription}, else {@code subtitle}; {@code organization_id} when
     *       configured. Each is left out when the post has none: an update never removes one.</li>
     * </ul>
     * Never {@code published_at}: dev.to refuses a past date on a published article (§8).
     *
     * @param warn where to say what could not be carried over (a local image Hashnode does not have), or null
     */
    Map<String, Object> article(Post post, Session session, boolean warn) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", post.title());
        a.put("body_markdown", DevtoMarkdown.convert(withHashnodeImages(post, session, warn)));
        a.put("published", true);
        a.put("tags", DevtoTags.of(post.tags()));
        String canonical = canonical(post, session);
        if (canonical != null) {
            a.put("canonical_url", canonical);
        }
        if (post.series() != null && !post.series().isBlank()) {
            a.put("series", post.series());
        }
        String cover = cover(post, session, warn);
        if (cover != null) {
            a.put("main_image", cover);
        }
        String description = post.seoDescription() != null ? post.seoDescription() : post.subtitle();
        if (description != null && !description.isBlank()) {
            a.put("description", description);
        }
        if (settings.organization() != null) {
            a.put("organization_id", settings.organization());
        }
        return a;
    }

    /** Where the dev.to copy points home: the Hashnode URL (dev.to waits for it, like LinkedIn), else canonical. */
    static String canonical(Post post, Session session) {
        String c = session.homeUrl(post).orElse(post.canonical());
        return c == null || c.isBlank() ? null : c.strip();
    }

    @Override
    public String fingerprint(Post post, Session session) {
        return sha256(Json.compact(article(post, session, false)));
    }

    @Override
    public Optional<Found> find(Post post, Session session) {
        if (client == null) {
            return Optional.empty();
        }
        String canonical = canonical(post, session);
        Optional<DevtoArticle> hit = byCanonical(articles(), canonical);
        String note = null;
        if (hit.isEmpty()) {
            hit = byTitle(articles(), post.title());
            note = hit.isEmpty() ? null : "found on dev.to by its title (it had no canonical URL): adopted it";
        }
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        DevtoArticle found = hit.get();
        Remote remote = Remote.of(Long.toString(found.id()), found.url(), null, null);
        return Optional.of(new Found(note == null ? remote : remote.withNote(note),
                same(found, article(post, session, false))));
    }

    /**
     * The article an unsettled create made, by the canonical URL and title it sent (not what the file says now),
     * read from a fresh listing: the one taken before the create cannot hold it.
     */
    @Override
    public Optional<Found> findSent(Post post, Map<String, String> sent, Session session) {
        if (sent.isEmpty()) {
            listed = null;
            return find(post, session);
        }
        if (client == null) {
            return Optional.empty();
        }
        listed = null;
        String title = sent.get(SENT_TITLE);
        Optional<DevtoArticle> hit = sent.get(SENT_CANONICAL) != null
                ? byCanonical(articles(), sent.get(SENT_CANONICAL))
                : byTitle(articles(), title);
        return hit.map(a -> new Found(Remote.of(Long.toString(a.id()), a.url(), null, null),
                same(a, article(post, session, false))));
    }

    @Override
    public List<WireRequest> previewCreate(Post post, Session session) {
        return List.of(new WireRequest("createArticle", "POST", DevtoClient.url(apiBase(), "api/articles"),
                DevtoClient.body(article(post, session, true))));
    }

    @Override
    public List<WireRequest> previewUpdate(Post post, Remote existing, String recordedFingerprint,
            boolean slugChanged, Session session) {
        return List.of(new WireRequest("updateArticle " + existing.id(), "PUT",
                DevtoClient.url(apiBase(), "api/articles/" + existing.id()),
                DevtoClient.body(article(post, session, true))));
    }

    @Override
    public Remote create(Post post, Session session) {
        requireOnline();
        Map<String, Object> article = article(post, session, true);
        Map<String, String> carried = new LinkedHashMap<>();
        carried.put(SENT_TITLE, post.title());
        if (article.get("canonical_url") != null) {
            carried.put(SENT_CANONICAL, (String) article.get("canonical_url"));
        }
        session.sending(carried);
        // Whatever happens now, the listing taken before may no longer be the truth.
        listed = null;
        DevtoArticle created = client.create(article);
        return Remote.of(Long.toString(created.id()), created.url(), null, null);
    }

    @Override
    public Remote update(Post post, Remote existing, String recordedFingerprint, boolean slugChanged,
            Session session) {
        requireOnline();
        long id;
        try {
            id = Long.parseLong(existing.id());
        } catch (NumberFormatException e) {
            throw new PlatformException(name(), Kind.REJECTED, "\"" + existing.id() + "\" is not a dev.to article "
                    + "id (a number); check the devto record of " + post.file() + " in .xpost/state.json");
        }
        DevtoArticle updated = client.update(id, article(post, session, true));
        String url = updated != null && updated.url() != null ? updated.url() : existing.url();
        return new Remote(existing.id(), url, null, null, false, null);
    }

    private List<DevtoArticle> articles() {
        if (listed == null) {
            listed = client.myArticles();
        }
        return listed;
    }

    private static Optional<DevtoArticle> byCanonical(List<DevtoArticle> articles, String canonical) {
        if (canonical == null) {
            return Optional.empty();
        }
        String key = urlKey(canonical);
        return articles.stream().filter(a -> a.canonicalUrl() != null && urlKey(a.canonicalUrl()).equals(key))
                .findFirst();
    }

    /**
     * The one article with this title and no canonical URL (one with a canonical URL points at another post).
     * Several such articles are not guessed between: the post fails until the author deletes the extra ones.
     */
    private Optional<DevtoArticle> byTitle(List<DevtoArticle> articles, String title) {
        if (title == null) {
            return Optional.empty();
        }
        String key = titleKey(title);
        List<DevtoArticle> hits = articles.stream()
                .filter(a -> a.canonicalUrl() == null && a.title() != null && titleKey(a.title()).equals(key))
                .toList();
        if (hits.size() > 1) {
            throw new PlatformException(name(), Kind.REJECTED, "dev.to holds " + hits.size() + " articles titled \""
                    + title + "\" without a canonical URL (ids " + String.join(", ", hits.stream()
                    .map(a -> Long.toString(a.id())).toList()) + "), and xpost cannot tell which one is this post. "
                    + "Delete or retitle the extra ones on dev.to, or give one the post's canonical URL, then run "
                    + "xpost again.");
        }
        return hits.stream().findFirst();
    }

    /** Scheme, host case, a trailing slash and surrounding space do not make two URLs different (§4.4). */
    static String urlKey(String url) {
        String u = url.strip();
        HttpUrl parsed = HttpUrl.parse(u);
        if (parsed == null) {
            return u;
        }
        String path = parsed.encodedPath().replaceAll("/+$", "");
        String query = parsed.encodedQuery();
        return parsed.host() + (parsed.port() == HttpUrl.defaultPort(parsed.scheme()) ? "" : ":" + parsed.port())
                + path + (query == null ? "" : "?" + query);
    }

    /** dev.to replaces characters and collapses whitespace in titles (§2.5): compare what survives. */
    static String titleKey(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** True when the article shows what the post would send: title, body, tags and canonical URL. */
    private static Boolean same(DevtoArticle a, Map<String, Object> article) {
        if (a.bodyMarkdown() == null) {
            return null;
        }
        Object canonical = article.get("canonical_url");
        return titleKey(a.title() == null ? "" : a.title()).equals(titleKey((String) article.get("title")))
                && a.bodyMarkdown().strip().equals(((String) article.get("body_markdown")).strip())
                && a.tags().equals(article.get("tags"))
                && (canonical == null ? a.canonicalUrl() == null
                : a.canonicalUrl() != null && urlKey(a.canonicalUrl()).equals(urlKey((String) canonical)));
    }

    /** The body with each local image replaced by the Hashnode CDN URL it was uploaded to, where known. */
    private String withHashnodeImages(Post post, Session session, boolean warn) {
        List<LocalImages.Ref> refs = LocalImages.inBody(post.body(), post.bodyLine());
        if (refs.isEmpty()) {
            return post.body();
        }
        Map<LocalImages.Ref, String> urls = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (LocalImages.Ref ref : refs) {
            Optional<String> cdn = hashnodeUrlOf(post, ref, session);
            if (cdn.isPresent()) {
                urls.put(ref, cdn.get());
            } else {
                missing.add(ref.path());
            }
        }
        if (warn && !missing.isEmpty()) {
            session.warn(post.file() + ": dev.to cannot take uploads, and Hashnode has no copy of "
                    + String.join(", ", missing) + " yet, so the dev.to article links "
                    + (missing.size() == 1 ? "it" : "them") + " as written (broken there); publish to Hashnode "
                    + "first and the next run updates dev.to with Hashnode's image URLs");
        }
        return LocalImages.replace(post.body(), refs.stream().filter(urls::containsKey).toList(), urls::get);
    }

    private String cover(Post post, Session session, boolean warn) {
        String cover = post.cover();
        if (cover == null || cover.isBlank()) {
            return null;
        }
        if (!LocalImages.isLocal(cover)) {
            String c = cover.strip();
            return c.startsWith("https://") || c.startsWith("http://") ? c : null;
        }
        LocalImages.Ref ref = new LocalImages.Ref(LocalImages.Place.COVER, cover.strip(), -1, -1,
                post.line("cover"));
        Optional<String> cdn = hashnodeUrlOf(post, ref, session);
        if (cdn.isEmpty() && warn) {
            session.warn(post.file() + ": the cover " + cover.strip() + " is a local file Hashnode has no copy of "
                    + "yet, and dev.to takes only a URL: the dev.to article goes without a cover until it has one");
        }
        return cdn.orElse(null);
    }

    /** The Hashnode CDN URL of a local image, remembered (by content hash) when xpost uploaded it to Hashnode. */
    private Optional<String> hashnodeUrlOf(Post post, LocalImages.Ref ref, Session session) {
        if (files == null) {
            return Optional.empty();
        }
        ImageFiles.Check c = files.check(post, ref);
        if (!c.ok()) {
            return Optional.empty();
        }
        try {
            return session.uploadedImage(HASHNODE, files.hash(c.image()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The platform name Hashnode's uploads are remembered under in the state file. */
    private static final String HASHNODE = "hashnode";

    private HttpUrl apiBase() {
        return settings.apiBase();
    }

    private void requireOnline() {
        if (client == null) {
            throw new PlatformException(name(), Kind.AUTH, DevtoSettings.SECRET + " is not set: create an API key "
                    + "at https://dev.to/settings/extensions and put it in .env as " + DevtoSettings.SECRET + "=…");
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
