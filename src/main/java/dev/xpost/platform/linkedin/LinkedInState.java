package dev.xpost.platform.linkedin;

/**
 * What LinkedIn keeps in the state file, in keys this package owns (stored under the state's
 * {@code accounts.linkedin}). Its post records carry no extension: the URN and URL are the neutral core.
 */
public final class LinkedInState {
    /** Session key of the author URN, resolved once ({@code linkedin.author: auto}) from {@code /v2/userinfo}. */
    public static final String AUTHOR = LinkedInClient.PLATFORM + ".author";

    private LinkedInState() {
    }
}
