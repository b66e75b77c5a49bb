package dev.xpost.state;

/**
 * A create that may have happened without being recorded (status intent or unknown): it must be reconciled
 * before anything is created again for this post on this platform.
 *
 * @param slug     the post's slug (its key in the state file)
 * @param file     the post's file, relative to the blog root
 * @param platform the platform name
 * @param record   the open record
 */
public record OpenIntent(String slug, String file, String platform, PlatformRecord record) {
}
