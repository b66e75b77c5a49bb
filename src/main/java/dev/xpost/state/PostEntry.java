package dev.xpost.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One post in the state file: its file and one record per platform.
 *
 * @param file      the post's file, relative to the blog root, with {@code /} separators
 * @param platforms platform name ({@code hashnode}, {@code linkedin}) → record; sorted, unmodifiable
 */
@JsonPropertyOrder(alphabetic = true)
public record PostEntry(String file, SortedMap<String, PlatformRecord> platforms) {

    public PostEntry {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("\"file\" is missing (the post's file, relative to the blog root)");
        }
        platforms = State.sortedCopy(platforms, "platforms");
    }

    /** The record for one platform, if any. */
    public Optional<PlatformRecord> record(String platform) {
        return Optional.ofNullable(platforms.get(platform));
    }

    PostEntry with(String newFile, String platform, PlatformRecord record) {
        SortedMap<String, PlatformRecord> copy = new TreeMap<>(platforms);
        copy.put(platform, record);
        return new PostEntry(newFile, copy);
    }

    PostEntry without(String platform) {
        SortedMap<String, PlatformRecord> copy = new TreeMap<>(platforms);
        copy.remove(platform);
        return new PostEntry(file, copy);
    }
}
