/**
 * Hashnode as a platform, in the shape every platform package has: {@link dev.xpost.platform.hashnode.HashnodeClient}
 * (the GraphQL wire client), {@code HashnodeErrors} (what each answer means, as a
 * {@link dev.xpost.platform.PlatformException}), {@code HashnodeImages} (local images uploaded once to Hashnode's
 * CDN) and {@link dev.xpost.platform.hashnode.HashnodePlatform} (the adapter the publish engine drives); the wire
 * records ({@code PostInput}, {@code Operations}, {@code RemotePost}, ...) beside them. Facts and their sources:
 * {@code reference/hashnode/API.md}.
 */
package dev.xpost.platform.hashnode;
