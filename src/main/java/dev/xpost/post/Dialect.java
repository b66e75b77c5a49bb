package dev.xpost.post;

/** Which flavour of front matter a file was written in; decides a few defaults and warnings. */
public enum Dialect {
    /** Hashnode "Backup to GitHub": title, datePublished (JavaScript form), cuid, slug, comma tags. */
    HASHNODE_BACKUP,
    /** Hashnode "publish from GitHub": domain, publishAs, seriesSlug, saveAsDraft, hideFromHashnodeCommunity. */
    HASHNODE_GITHUB,
    /** Anything else with front matter: YAML-list tags, ISO dates, {@code date:}. */
    GENERIC,
    /** An old backup with no front matter at all; the title comes from the first heading. */
    LEGACY,
    /** A file whose front matter is present but empty. */
    EMPTY
}
