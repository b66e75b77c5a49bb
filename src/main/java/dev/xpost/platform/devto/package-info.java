/**
 * dev.to (Forem) as a platform: {@link dev.xpost.platform.devto.DevtoSettings} (the {@code devto:} config section
 * and the secret name), {@link dev.xpost.platform.devto.DevtoClient} (the v1 REST wire client) and
 * {@link dev.xpost.platform.devto.DevtoPlatform} (the adapter). Facts and their sources:
 * {@code reference/devto/API.md}.
 *
 * <h2>README draft: dev.to</h2>
 *
 * <p>xpost cross-posts each post to dev.to as an article whose canonical URL points home, so search engines credit
 * your blog.
 *
 * <pre>{@code
 * # config/xpost.yaml
 * devto:
 *   organization: 4242        # optional: publish under this dev.to organisation (its numeric id)
 *   since: 2026-01-01         # optional: posts dated before this day never go to dev.to
 *   # apiBase: https://dev.to # only for tests; https (or http to localhost) because it receives the key
 * }</pre>
 *
 * <p><b>Secret.</b> {@code DEVTO_API_KEY}, from https://dev.to/settings/extensions ("DEV Community API Keys"), in
 * the environment or {@code .env}. It is sent only to {@code devto.apiBase}, in the {@code api-key} header; xpost
 * follows no redirect. Without it, {@code plan} and {@code publish --dry-run} still work offline.
 *
 * <p><b>What an article carries.</b> The title; the post's Markdown, never its front matter (dev.to would let front
 * matter in the body override every later edit); {@code published: true} (drafts never leave your repository);
 * the series (its slug as the dev.to series name); the cover as {@code main_image}; {@code seoDescription} (else
 * {@code subtitle}) as the description; {@code organization_id} when configured. The original publish date is not
 * sent: dev.to refuses a past date, so its date is the day of the cross-post.
 *
 * <p><b>Canonical URL.</b> The post's Hashnode URL when xpost published it there — so dev.to waits for Hashnode, as
 * LinkedIn does — else the post's {@code canonical}. xpost never clears a canonical URL on dev.to.
 *
 * <p><b>Tags.</b> dev.to takes at most 4 tags of only lower-case letters and digits, and refuses the whole
 * article otherwise. xpost drops a Hashnode cuid suffix, lower-cases, removes every other character
 * ({@code ci-cd} → {@code cicd}, {@code node-js} → {@code nodejs}), leaves out empty, over-30-character and
 * repeated tags, and sends the <b>first four in the order your front matter lists them</b>: put the ones that
 * matter most first.
 *
 * <p><b>Hashnode-only Markdown.</b> {@code %[url]} embeds become dev.to's {@code {% embed url %}}; the
 * {@code align="…"} of an image is dropped; code is never changed. Local images: dev.to has no upload for API
 * keys, so each goes as the Hashnode CDN URL xpost uploaded it to; an image Hashnode does not have yet stays as
 * written, with a warning, and the next run after Hashnode has it updates the article.
 *
 * <p><b>Exactly once.</b> dev.to has no idempotency key and allows duplicate articles. Before creating, xpost reads
 * your articles ({@code GET /api/articles/me/all}, drafts included; one request per 1000 articles, once per run) and
 * adopts the one whose canonical URL is the post's (scheme, host case and a trailing slash aside), else the only one
 * with the same title and no canonical URL (said in the output) — so a blog you already cross-posted by hand gets
 * no twins. Two such same-titled articles fail the post until you remove one. A create whose answer was lost
 * (timeout, dropped connection, 5xx, unreadable answer: exit 6) is never sent again blindly: the next run looks for
 * the title and canonical URL that create carried among your articles, and records the article if it is there.
 *
 * <p><b>Limits.</b> Writes go at least 1.1 s apart (dev.to allows one per second). A 429 asking to wait at most
 * 2 s is waited out; a longer one (dev.to's 30 s article limits) stops dev.to for the run, and the rest goes next
 * run (exit 5).
 */
package dev.xpost.platform.devto;
