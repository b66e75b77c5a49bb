/**
 * LinkedIn as a platform, in the shape every platform package has: {@link dev.xpost.platform.linkedin.LinkedInClient}
 * (the REST Posts and Images wire client), {@code LinkedInErrors} (what each answer means, as a
 * {@link dev.xpost.platform.PlatformException}), {@code LinkedInImages} (the card's picture, uploaded once) and
 * {@link dev.xpost.platform.linkedin.LinkedInPlatform} (the adapter the publish engine drives). What is LinkedIn's
 * own in the text is here too: {@link dev.xpost.platform.linkedin.LinkedInRenderer} composes the post (title,
 * teaser, link card, 3,000 characters) from the neutral {@code platform.text} blocks, {@code LinkedInProse} finds
 * hashtags and {@code LittleText} escapes reserved characters. Facts and their sources:
 * {@code reference/linkedin/API.md}.
 */
package dev.xpost.platform.linkedin;
