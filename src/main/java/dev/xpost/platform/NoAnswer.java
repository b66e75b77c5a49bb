package dev.xpost.platform;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * How every platform client words a request that got no answer, so that dev.to, LinkedIn and Hashnode say the same
 * thing for the same fault. Three faults a user fixes differently: the host was never reached (the network, the
 * endpoint in the config), it was reached and gave no answer in time (the platform is slow: try later, or a longer
 * {@code http.readTimeout}), or the connection broke before the answer came. Only the first proves nothing was
 * sent; the caller decides what that means for a create.
 */
public final class NoAnswer {
    private NoAnswer() {
    }

    public enum Why { NOT_REACHED, TIMED_OUT, BROKEN }

    /** Which of the three faults an I/O failure of a call is (a connect timeout never reached the host). */
    public static Why of(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return Why.NOT_REACHED;
        }
        if (e instanceof InterruptedIOException) {
            String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            return m.contains("connect") ? Why.NOT_REACHED : Why.TIMED_OUT;
        }
        return Why.BROKEN;
    }

    /**
     * The sentence's subject and verb, such as "dev.to at dev.to gave no answer in time (it was reached; xpost
     * waits http.readTimeout of config/xpost.yaml)"; the caller adds " while …" and what to do.
     *
     * @param platform the platform as people write it (dev.to, LinkedIn, Hashnode)
     * @param host     the host asked
     */
    public static String said(String platform, String host, IOException e) {
        return switch (of(e)) {
            case NOT_REACHED -> "Could not reach " + platform + " at " + host;
            case TIMED_OUT -> platform + " at " + host + " was reached but gave no answer in time (xpost waits "
                    + "http.readTimeout of config/xpost.yaml for each answer)";
            case BROKEN -> "The connection to " + platform + " at " + host + " broke before its answer came";
        };
    }
}
