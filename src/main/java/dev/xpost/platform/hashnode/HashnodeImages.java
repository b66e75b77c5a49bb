package dev.xpost.platform.hashnode;

import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformException.Kind;
import dev.xpost.platform.Session;
import dev.xpost.platform.WireRequest;
import dev.xpost.post.ImageFiles;
import dev.xpost.post.LocalImages;
import dev.xpost.post.Post;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A post's local images on Hashnode: each is uploaded once ({@code createImageUploadURL}, then the presigned
 * multipart POST to S3), remembered in the state file by its content hash, and the post is sent with the CDN URLs
 * in place of the paths (the file on disk is never rewritten).
 *
 * <p>Every image of a post is uploaded before the post is sent, so a failed upload leaves no post with a broken
 * picture behind: that post fails (REJECTED or TRANSIENT), the others go on.
 *
 * <p>The fingerprint is taken over the post with each local path replaced by its content hash: a changed picture
 * changes it (the post is updated with the new URL), a renamed file with the same bytes does not.
 */
final class HashnodeImages {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$");
    private static final Pattern S3_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern S3_MESSAGE = Pattern.compile("<Message>([^<]{1,200})</Message>");

    private final ImageFiles files;
    private final OkHttpClient http;

    /** A checked local image with its content hash. */
    record Local(ImageFiles.Image image, String hash) {
        LocalImages.Ref ref() {
            return image.ref();
        }
    }

    /** What a dry run shows: the uploads first, then the post as it would be sent. */
    record Preview(Post post, List<WireRequest> uploads) {
    }

    /**
     * @param files resolves the paths of this blog
     * @param http  the shared client, for the upload to S3 (no token is ever added to it)
     */
    HashnodeImages(ImageFiles files, OkHttpClient http) {
        this.files = files;
        this.http = http;
    }

    /** The post with each local path replaced by its content hash: what the fingerprint is taken over. */
    Post forFingerprint(Post post) {
        List<Local> locals = locals(post);
        return locals.isEmpty() ? post : replaced(post, locals, Local::hash);
    }

    /**
     * The post with the CDN URLs Hashnode already has, and the uploads a publish would make first for the rest
     * (each then shown as {@code <CDN URL of img/a.png>}). Sends nothing.
     */
    Preview preview(Post post, Session session, String endpoint) {
        List<Local> locals = locals(post);
        if (locals.isEmpty()) {
            return new Preview(post, List.of());
        }
        List<WireRequest> uploads = new ArrayList<>();
        Map<String, String> urls = new HashMap<>();
        for (Local l : locals) {
            if (urls.containsKey(l.hash())) {
                continue;
            }
            Optional<String> known = session.uploadedImage(HashnodeClient.PLATFORM, l.hash());
            if (known.isPresent()) {
                urls.put(l.hash(), known.get());
                continue;
            }
            String shown = files.display(l.image().path());
            String mime = l.image().type().mime();
            uploads.add(new WireRequest("createImageUploadURL", "POST", endpoint,
                    Map.of("input", Map.of("contentType", mime))));
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("fields", "(every field of presignedPost.fields, in order)");
            form.put("file", shown + " (" + mime + ", " + l.image().size() + " bytes)");
            uploads.add(new WireRequest("upload " + shown, "POST", "(presignedPost.url from the answer)", form));
            urls.put(l.hash(), "<CDN URL of " + shown + ">");
        }
        return new Preview(replaced(post, locals, l -> urls.get(l.hash())), uploads);
    }

    /** The local images a publish of this post would upload (blog-relative paths), for {@code plan}. */
    List<String> pending(Post post, Session session) {
        Set<String> hashes = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (Local l : locals(post)) {
            if (hashes.add(l.hash()) && session.uploadedImage(HashnodeClient.PLATFORM, l.hash()).isEmpty()) {
                out.add(files.display(l.image().path()));
            }
        }
        return out;
    }

    /** The body Hashnode has when every local image is already uploaded; empty when some is not. */
    Optional<String> knownBody(Post post, Session session) {
        List<Local> locals = locals(post);
        Map<String, String> urls = new HashMap<>();
        for (Local l : locals) {
            Optional<String> known = session.uploadedImage(HashnodeClient.PLATFORM, l.hash());
            if (known.isEmpty()) {
                return Optional.empty();
            }
            urls.put(l.hash(), known.get());
        }
        return Optional.of(replaced(post, locals, l -> urls.get(l.hash())).body());
    }

    /**
     * Uploads every local image Hashnode does not have yet, remembering each, and returns the post as it is to be
     * sent: CDN URLs in place of the paths.
     *
     * @throws PlatformException REJECTED or TRANSIENT when an upload fails: then the post must not be sent
     */
    Post upload(Post post, Session session, HashnodeClient client) {
        List<Local> locals = locals(post);
        if (locals.isEmpty()) {
            return post;
        }
        Map<String, String> urls = new HashMap<>();
        for (Local l : locals) {
            if (!urls.containsKey(l.hash())) {
                urls.put(l.hash(), session.uploadedImage(HashnodeClient.PLATFORM, l.hash())
                        .orElseGet(() -> uploadOne(post, l, session, client)));
            }
        }
        return replaced(post, locals, l -> urls.get(l.hash()));
    }

    private String uploadOne(Post post, Local l, Session session, HashnodeClient client) {
        String shown = files.display(l.image().path());
        byte[] bytes;
        try {
            bytes = files.read(l.image());
        } catch (IOException e) {
            throw new PlatformException(HashnodeClient.PLATFORM, Kind.REJECTED, "cannot read " + shown + " (for "
                    + post.file() + "): " + e.getMessage() + "; the post was not sent");
        }
        // The bytes sent are what is remembered, even if the file changed since the fingerprint was taken.
        String hash = ImageFiles.hashOf(bytes);
        Optional<String> known = session.uploadedImage(HashnodeClient.PLATFORM, hash);
        if (known.isPresent()) {
            return known.get();
        }
        PresignedPost target = client.imageUploadUrl(l.image().type().mime());
        send(target, bytes, l.image(), shown, post);
        String url = target.cdnUrl();
        session.rememberImage(HashnodeClient.PLATFORM, hash, url);
        return url;
    }

    /** The presigned POST: every field first, the file last, and no Authorization header. */
    private void send(PresignedPost target, byte[] bytes, ImageFiles.Image image, String shown, Post post) {
        HttpUrl url = HttpUrl.parse(target.url());
        if (url == null || !url.isHttps() && !isLoopback(url.host())) {
            throw new PlatformException(HashnodeClient.PLATFORM, Kind.REJECTED, "Hashnode's upload URL for "
                    + shown + " is not an https URL, so xpost did not upload it; " + post.file() + " was not sent");
        }
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        target.fields().forEach(form::addFormDataPart);
        form.addFormDataPart("file", image.path().getFileName().toString(),
                RequestBody.create(bytes, MediaType.get(image.type().mime())));
        Request request = new Request.Builder().url(url).post(form.build()).build();
        String failed = "Uploading " + shown + " (an image of " + post.file() + ") to Hashnode's image store failed";
        try (Response response = http.newCall(request).execute()) {
            if (response.isSuccessful()) {
                return;
            }
            int code = response.code();
            String said = s3Error(response.body().string());
            boolean retry = code >= 500 || code == 408 || code == 429;
            throw new PlatformException(HashnodeClient.PLATFORM, retry ? Kind.TRANSIENT : Kind.REJECTED, failed
                    + " with HTTP " + code + said + ". The post was not sent (its images go first); "
                    + (retry ? "run xpost again later" : "run xpost again, and if it fails the same way, check "
                    + "that the file is a real " + image.type().mime() + " image under 8 MB"));
        } catch (IOException e) {
            throw new PlatformException(HashnodeClient.PLATFORM, Kind.TRANSIENT, failed + " (" + e.getClass()
                    .getSimpleName() + "). The post was not sent (its images go first): run xpost again", e);
        }
    }

    /** S3 answers errors as XML: its code and message say more than the status. */
    private static String s3Error(String body) {
        Matcher code = S3_CODE.matcher(body);
        Matcher message = S3_MESSAGE.matcher(body);
        String c = code.find() ? code.group(1).strip() : null;
        String m = message.find() ? message.group(1).strip() : null;
        if (c == null && m == null) {
            return "";
        }
        return " (" + (c == null ? m : m == null ? c : c + ": " + m) + ")";
    }

    private List<Local> locals(Post post) {
        List<LocalImages.Ref> refs = LocalImages.of(post);
        if (refs.isEmpty()) {
            return List.of();
        }
        List<Local> out = new ArrayList<>();
        for (LocalImages.Ref ref : refs) {
            ImageFiles.Check c = files.check(post, ref);
            if (!c.ok()) {
                throw new PlatformException(HashnodeClient.PLATFORM, Kind.REJECTED, post.file() + ":" + ref.line()
                        + ": " + c.message() + " (" + c.rule() + ")");
            }
            try {
                out.add(new Local(c.image(), files.hash(c.image())));
            } catch (IOException e) {
                throw new PlatformException(HashnodeClient.PLATFORM, Kind.REJECTED, post.file() + ":" + ref.line()
                        + ": cannot read " + LocalImages.describe(ref) + " (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static Post replaced(Post post, List<Local> locals, Function<Local, String> value) {
        Map<LocalImages.Ref, String> by = new HashMap<>();
        String cover = post.cover();
        String ogImage = post.ogImage();
        for (Local l : locals) {
            String v = value.apply(l);
            by.put(l.ref(), v);
            if (l.ref().place() == LocalImages.Place.COVER) {
                cover = v;
            } else if (l.ref().place() == LocalImages.Place.OG_IMAGE) {
                ogImage = v;
            }
        }
        List<LocalImages.Ref> refs = locals.stream().map(Local::ref).toList();
        return post.withImages(LocalImages.replace(post.body(), refs, by::get), cover, ogImage);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || LOOPBACK_V4.matcher(host).matches();
    }
}
