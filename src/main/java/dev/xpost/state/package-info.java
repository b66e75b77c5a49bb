/**
 * The state file {@code .xpost/state.json} and its journal: what xpost published where. {@link dev.xpost.state.State}
 * is the immutable model (format version 2: a neutral record core plus each platform's own {@code ext}, and each
 * platform's {@code accounts}; this package never reads what a platform keeps there), {@link dev.xpost.state.StateStore}
 * reads it (migrating version 1 in memory), journals each change and writes it whole atomically, and
 * {@link dev.xpost.state.StateLock} keeps two runs from using it at once. A typical run:
 *
 * <pre>{@code
 * StateStore store = StateStore.inBlog(root);
 * try (StateLock lock = StateLock.acquire(store.file(), Duration.ofSeconds(30))) {
 *     State state = store.load();
 *     State intent = state.withRecord(slug, file, "hashnode", PlatformRecord.intent(now));
 *     store.append(state, intent);             // before the create is sent
 *     ... send it ...
 *     State done = intent.withRecord(slug, file, "hashnode", PlatformRecord.published(id, url, hash, now));
 *     store.append(intent, done);              // after every remote call
 *     store.compact(done, done);               // at the end: folds the journal in when that is worth it
 * }
 * }</pre>
 */
package dev.xpost.state;
