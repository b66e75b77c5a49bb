/**
 * The state file {@code .xpost/state.json}: what xpost published where. {@link dev.xpost.state.State} is the
 * immutable model, {@link dev.xpost.state.StateStore} reads it and writes it atomically, and
 * {@link dev.xpost.state.StateLock} keeps two runs from using it at once. A typical run:
 *
 * <pre>{@code
 * StateStore store = StateStore.inBlog(root);
 * try (StateLock lock = StateLock.acquire(store.file(), Duration.ofSeconds(30))) {
 *     State state = store.load();
 *     state = state.withRecord(slug, file, State.HASHNODE, PlatformRecord.intent(now));
 *     store.save(state);                       // before the create is sent
 *     ... send it ...
 *     state = state.withRecord(slug, file, State.HASHNODE, PlatformRecord.published(id, url, hash, now));
 *     store.save(state);                       // after every remote call
 * }
 * }</pre>
 */
package dev.xpost.state;
