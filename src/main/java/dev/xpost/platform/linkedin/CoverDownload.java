package dev.xpost.platform.linkedin;

import dev.xpost.post.ImageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The download of a remote cover image for a LinkedIn link card: from the blog's image host, never with a token
 * (the request carries no header of ours), following at most {@link #MAX_HOPS} redirects by hand (the shared client
 * follows none, so that a token never travels to another host): http → https is followed, https → http is refused.
 * The picture's type is judged by its first bytes, not by its name or {@code Content-Type}: LinkedIn's card takes
 * JPG, PNG and GIF (linkedin/API.md §5), so an SVG, WebP, AVIF or an HTML page is no picture for it.
 *
 * <p>Each failure is either {@link Kind#TRANSIENT} (5xx, 408, 429, a timeout or a broken connection: the image host
 * may answer next time) or {@link Kind#PERMANENT} (404, 403 and other 4xx, not a picture LinkedIn takes, larger than
 * {@link #MAX_BYTES}, too many redirects, a downgrade to http): no later run would do better.
 */
final class CoverDownload {
    /** Redirects followed before giving up; browsers allow about 20, image hosts need one or two (a CDN alias). */
    static final int MAX_HOPS = 5;
    /** LinkedIn's Images API limit for a card thumbnail, as for local covers. */
    static final long MAX_BYTES = ImageFiles.MAX_BYTES;

    enum Kind { OK, TRANSIENT, PERMANENT }

    /**
     * @param bytes  the picture, when {@link Kind#OK}
     * @param type   its type by its first bytes, when {@link Kind#OK}
     * @param reason why not, in words for a warning ("answered HTTP 404"), otherwise null
     */
    record Result(Kind kind, byte[] bytes, ImageFiles.Type type, String reason) {
        static Result ok(byte[] bytes, ImageFiles.Type type) {
            return new Result(Kind.OK, bytes, type, null);
        }

        static Result transientFailure(String reason) {
            return new Result(Kind.TRANSIENT, null, null, reason);
        }

        static Result permanent(String reason) {
            return new Result(Kind.PERMANENT, null, null, reason);
        }
    }

    private CoverDownload() {
    }

    /** Downloads {@code url}; never throws for anything the image host does. */
    static Result fetch(OkHttpClient http, String url) {
        HttpUrl current = HttpUrl.parse(url);
        if (current == null) {
            return Result.permanent("is not an http(s) URL");
        }
        for (int hop = 0; ; hop++) {
            Request get = new Request.Builder().url(current).get().build();
            try (Response resp = http.newCall(get).execute()) {
                int code = resp.code();
                if (code >= 300 && code < 400 && code != 304) {
                    String location = resp.header("Location");
                    HttpUrl next = location == null ? null : current.resolve(location);
                    if (next == null) {
                        return Result.permanent("answered a redirect (HTTP " + code + ") without a usable Location");
                    }
                    Optional<String> refused = refuse(current, next);
                    if (refused.isPresent()) {
                        return Result.permanent(refused.get());
                    }
                    if (hop + 1 > MAX_HOPS) {
                        return Result.permanent("redirects more than " + MAX_HOPS + " times");
                    }
                    current = next;
                    continue;
                }
                if (code == 408 || code == 429 || code >= 500) {
                    return Result.transientFailure("answered HTTP " + code);
                }
                if (code < 200 || code >= 300) {
                    return Result.permanent("answered HTTP " + code);
                }
                return picture(resp.body());
            } catch (IOException e) {
                return Result.transientFailure("could not be downloaded (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        }
    }

    /** Why a redirect from {@code from} to {@code to} is not followed, if it is not. */
    static Optional<String> refuse(HttpUrl from, HttpUrl to) {
        if (from.isHttps() && !to.isHttps()) {
            return Optional.of("redirects from https to http (" + to.host() + "), which xpost does not follow");
        }
        return Optional.empty();
    }

    private static Result picture(ResponseBody body) throws IOException {
        if (body == null) {
            return Result.permanent("answered without a body");
        }
        if (body.contentLength() > MAX_BYTES) {
            return Result.permanent(tooLarge(body.contentLength()));
        }
        byte[] bytes;
        try (InputStream in = body.byteStream()) {
            // Read one byte past the limit, never the whole of an endless answer.
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            return Result.permanent(tooLarge(-1));
        }
        Optional<ImageFiles.Type> type = ImageFiles.Type.ofBytes(bytes);
        if (type.isEmpty()) {
            String said = body.contentType() == null ? "no type" : body.contentType().toString();
            return Result.permanent("is not a JPG, PNG or GIF picture (by its first bytes; the server called it "
                    + said + ")");
        }
        ImageFiles.Type t = type.get();
        if (t != ImageFiles.Type.JPEG && t != ImageFiles.Type.PNG && t != ImageFiles.Type.GIF) {
            return Result.permanent("is " + t.mime() + ", and LinkedIn's card takes only JPG, PNG or GIF");
        }
        return Result.ok(bytes, t);
    }

    private static String tooLarge(long length) {
        return "is larger than LinkedIn's 8 MB for a card picture" + (length > 0 ? " (" + length / (1024 * 1024)
                + " MB)" : "");
    }
}
