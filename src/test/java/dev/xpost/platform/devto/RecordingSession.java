package dev.xpost.platform.devto;

import dev.xpost.platform.Session;
import dev.xpost.post.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Session} for adapter tests: Hashnode URLs and uploaded images as the test sets them, and every warning
 * and every {@link #sending} kept for assertions.
 */
public final class RecordingSession implements Session {
    public final Map<String, String> hashnodeUrls = new HashMap<>();
    public final Map<String, String> images = new HashMap<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<Map<String, String>> sent = new ArrayList<>();

    @Override
    public Instant now() {
        return Instant.parse("2026-11-30T12:00:00Z");
    }

    @Override
    public Optional<String> remembered(String key) {
        return Optional.empty();
    }

    @Override
    public void remember(String key, String value) {
    }

    @Override
    public Optional<String> uploadedImage(String platform, String source) {
        return Optional.ofNullable(images.get(platform + "|" + source));
    }

    @Override
    public void rememberImage(String platform, String source, String remote) {
        images.put(platform + "|" + source, remote);
    }

    @Override
    public Optional<String> homeUrl(Post post) {
        return Optional.ofNullable(hashnodeUrls.get(post.slug()));
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void sending(Map<String, String> carried) {
        sent.add(new LinkedHashMap<>(carried));
    }

    /** The last {@link #sending}, as the engine would record it in the open intent. */
    public Map<String, String> lastSent() {
        return sent.isEmpty() ? Map.of() : sent.get(sent.size() - 1);
    }
}
