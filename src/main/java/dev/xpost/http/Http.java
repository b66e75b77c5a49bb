package dev.xpost.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * The one shared OkHttp setup. Redirects are never followed: a platform that answers 3xx has moved, and following
 * it would carry the token to another host. Clients derive per-platform variants with {@code newBuilder()}.
 */
public final class Http {
    public static final String USER_AGENT = "xpost/" + Version.get() + " (+https://github.com/xpost-cli/xpost)";
    /**
     * The most xpost reads of any answer: 16 MiB. The largest legitimate answer is a Hashnode listing page, 100
     * posts whose Markdown each fits in a request of at most 100 KB, so about 10 MB; anything longer is not an
     * answer xpost can use, and reading it whole could exhaust memory (an endless chunked body).
     */
    public static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;

    private Http() {
    }

    /**
     * The client every {@link #newClient} derives from, built by {@link #warmUp} on another thread; null when no
     * warm-up was started (tests, commands that send nothing).
     */
    private static volatile FutureTask<OkHttpClient> base;

    /**
     * Starts building OkHttp's one-time setup on a daemon thread, so that it overlaps reading the command line, the
     * config and the posts instead of delaying the first request: OkHttp's platform probe and Kotlin runtime, the
     * JDK's trust store (cacerts parsed) and TLS context: about 0.4 s of CPU on the 2-core benchmark machine
     * (bench/peer.sh), paid by every run that sends a request. Only the process entry point calls it, once; a
     * failure there is not reported but met again, and reported, where {@link #newClient} builds the client itself.
     */
    public static synchronized void warmUp() {
        if (base == null) {
            FutureTask<OkHttpClient> task = new FutureTask<>(OkHttpClient::new);
            Thread t = new Thread(task, "xpost-http-warm-up");
            t.setDaemon(true);
            t.start();
            base = task;
        }
    }

    /** The warmed-up client when there is one and it was built; otherwise a new builder from scratch. */
    private static OkHttpClient.Builder builder() {
        FutureTask<OkHttpClient> task = base;
        if (task != null) {
            try {
                // Its TLS socket factory, trust manager and certificate chain cleaner are reused as they are.
                return task.get().newBuilder();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // Built again below, where the same failure surfaces as it always did.
            }
        }
        return new OkHttpClient.Builder();
    }

    /**
     * @param connectTimeout longest wait for a connection (config {@code http.connectTimeout})
     * @param readTimeout    longest silence while reading or writing a body (config {@code http.readTimeout})
     * @param callTimeout    longest whole call (config {@code http.callTimeout})
     * @param log where {@code --verbose} writes one line per request (method, URL, status, time); null for none.
     *            Headers and bodies are never logged, so no token can leak through it.
     */
    public static OkHttpClient newClient(Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                                         PrintWriter log) {
        Dispatcher dispatcher = new Dispatcher();
        // A CLI publishing a handful of posts gains nothing from fan-out, and platforms dislike bursts.
        dispatcher.setMaxRequests(4);
        dispatcher.setMaxRequestsPerHost(2);
        OkHttpClient.Builder b = builder()
                .dispatcher(dispatcher)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                // OkHttp 5 races a host's addresses from a task thread for every new connection (happy eyeballs);
                // every create opens one (see once), and one attempt at a time in the caller's thread, as OkHttp 4
                // did, costs less (bench/peer.sh). The JDK lists IPv4 addresses first unless told otherwise.
                .fastFallback(false)
                .socketFactory(new NoDelaySockets(SocketFactory.getDefault()))
                .addInterceptor(chain -> chain.proceed(
                        chain.request().newBuilder().header("User-Agent", USER_AGENT).build()))
                .addInterceptor(new CapAnswers(MAX_ANSWER_BYTES));
        if (log != null) {
            // An application interceptor, not a network one: a request that never got a connection (unknown host,
            // refused) is logged too, which is what --verbose is asked for when the network is the problem.
            b.addInterceptor(new RequestLog(log));
        }
        return b.build();
    }

    /**
     * A variant of {@code http} for a request that must never be sent twice (a create): each call gets a new
     * connection. OkHttp reuses a pooled keep-alive connection without checking it when it was idle for less than
     * 10 s, and a server that closed it meanwhile makes the call fail with "unexpected end of stream" — the very
     * failure of a server that read the request and dropped the connection, so the two cannot be told apart
     * afterwards. On a new connection the first can no longer happen, and the second stays an unknown outcome.
     * The connection is not kept afterwards either. Timeouts, interceptors and the dispatcher are shared.
     */
    public static OkHttpClient once(OkHttpClient http) {
        return http.newBuilder()
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .retryOnConnectionFailure(false)
                .build();
    }

    /** Replaces each secret in {@code text} by a mask; for anything that might echo a request back. */
    public static String mask(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, mask(s));
            }
        }
        return hasInvisible(out) ? maskSplit(out, secrets) : out;
    }

    /**
     * A server that echoes a secret with an invisible character slipped into it (a zero-width space, a tag
     * character beyond U+FFFF, an escape, or a JSON escape of one: {@code \u200b}, {@code \t}) would defeat a plain
     * replace; such text is searched again with any run of those allowed between the secret's own characters. A
     * scan rather than a regular expression: the pattern's repeated group recursed once per invisible character, and
     * 5,000 of them in a row (a hostile echo) overflowed the stack on every save of the state.
     */
    private static String maskSplit(String text, List<String> secrets) {
        String out = text;
        for (String s : secrets) {
            if (s == null || s.length() < 4) {
                continue;
            }
            StringBuilder masked = null;
            int copied = 0;
            int i = 0;
            while (i < out.length()) {
                int end = out.charAt(i) == s.charAt(0) ? splitMatch(out, i, s) : -1;
                if (end < 0) {
                    i++;
                    continue;
                }
                if (masked == null) {
                    masked = new StringBuilder(out.length());
                }
                masked.append(out, copied, i).append(mask(s));
                copied = end;
                i = end;
            }
            if (masked != null) {
                out = masked.append(out, copied, out.length()).toString();
            }
        }
        return out;
    }

    /**
     * Where {@code secret}, starting at {@code at}, ends in {@code text} when runs of invisible characters may come
     * between its characters; -1 when it is not there. A character of the secret itself is taken before a run.
     */
    private static int splitMatch(String text, int at, String secret) {
        int i = at;
        for (int k = 0; k < secret.length(); k++) {
            if (k > 0 && (i >= text.length() || text.charAt(i) != secret.charAt(k))) {
                for (int n = invisibleAt(text, i); n > 0; n = invisibleAt(text, i)) {
                    i += n;
                }
            }
            if (i >= text.length() || text.charAt(i) != secret.charAt(k)) {
                return -1;
            }
            i++;
        }
        return i;
    }

    /**
     * The length in chars of the invisible character at {@code i} (a control or format code point, U+E0020 and
     * its like included) or of a JSON escape of one (a backslash and u with four hex digits, or a backslash and one
     * of b, f, n, r, t); 0 for anything else.
     */
    private static int invisibleAt(String text, int i) {
        if (i >= text.length()) {
            return 0;
        }
        int cp = text.codePointAt(i);
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT) {
            return Character.charCount(cp);
        }
        if (cp == '\\' && i + 1 < text.length()) {
            char next = text.charAt(i + 1);
            if ("bfnrt".indexOf(next) >= 0) {
                return 2;
            }
            if (next == 'u' && i + 6 <= text.length() && isHex(text, i + 2, i + 6)) {
                return 6;
            }
        }
        return 0;
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #maskSplit} has anything to look for: a code point or escape {@link #invisibleAt} counts. */
    private static boolean hasInvisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                continue;   // printable ASCII, nearly all of a journal line or a log: no table lookup
            }
            // A line break or tab as itself separates words, not a secret's characters, as before; escaped inside
            // JSON text it may be slipped into one.
            if (c != '\n' && c != '\r' && c != '\t' && invisibleAt(text, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** A token shown as its first 4 characters and stars, enough to tell two tokens apart. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(none)";
        }
        return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "****";
    }

    /**
     * An answer longer than the cap: thrown while reading it (or at once, when its declared length says so). An
     * {@link IOException}, so that every caller already treats it as an answer that could not be read: unknown
     * for a create, a failure for a read.
     */
    public static final class AnswerTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        AnswerTooLargeException(String host, long limit) {
            super("the answer from " + host + " is longer than " + limit / (1024 * 1024) + " MiB, the most xpost "
                    + "reads of one answer");
        }
    }

    /** True when {@code e} (or what caused it) is an answer cut off at {@link #MAX_ANSWER_BYTES}. */
    public static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AnswerTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sockets with {@code TCP_NODELAY}, which OkHttp (5.x) never sets. Without it a request whose headers and body
     * leave in separate writes (a Hashnode mutation of 8–65 KB) waits for the server's delayed ACK of the first
     * piece before Nagle's algorithm lets the last small one go: about 40 ms per request, measured on 198 of 502
     * requests against a loopback fake (issue 15). xpost writes whole requests, so nothing is gained by
     * coalescing. TLS sockets are layered over these, so HTTPS gets the option too.
     */
    static final class NoDelaySockets extends SocketFactory {
        /**
         * {@code -Dxpost.http.noDelay=false} leaves Nagle's algorithm on. Only for bench/peer.sh, which measures
         * the stalls this option saves; nothing else should set it.
         */
        static final boolean ENABLED = !"false".equals(System.getProperty("xpost.http.noDelay"));
        private final SocketFactory delegate;

        NoDelaySockets(SocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket noDelay(Socket s) throws IOException {
            if (ENABLED) {
                s.setTcpNoDelay(true);
            }
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(delegate.createSocket(address, port, localAddress, localPort));
        }
    }

    /** Stops reading an answer at the cap, so that neither a declared 3 GB nor an endless body exhausts memory. */
    static final class CapAnswers implements Interceptor {
        private final long limit;

        CapAnswers(long limit) {
            this.limit = limit;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Response response = chain.proceed(chain.request());
            ResponseBody body = response.body();
            String host = chain.request().url().host();
            if (body.contentLength() > limit) {
                response.close();
                throw new AnswerTooLargeException(host, limit);
            }
            return response.newBuilder().body(new CappedBody(body, limit, host)).build();
        }
    }

    private static final class CappedBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        CappedBody(ResponseBody delegate, long limit, String host) {
            this.delegate = delegate;
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                private long read;

                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long n = super.read(sink, byteCount);
                    if (n > 0) {
                        read += n;
                        if (read > limit) {
                            throw new AnswerTooLargeException(host, limit);
                        }
                    }
                    return n;
                }
            });
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static final class RequestLog implements Interceptor {
        private final PrintWriter out;

        RequestLog(PrintWriter out) {
            this.out = out;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request r = chain.request();
            long start = System.nanoTime();
            String line = r.method() + " " + r.url().newBuilder().query(null).build();
            try {
                Response resp = chain.proceed(r);
                log(line + " -> " + resp.code() + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
                return resp;
            } catch (IOException e) {
                log(line + " -> " + e.getClass().getSimpleName() + " (" + (System.nanoTime() - start) / 1_000_000
                        + " ms)");
                throw e;
            }
        }

        private void log(String s) {
            synchronized (out) {
                out.println("http: " + s);
                out.flush();
            }
        }
    }
}
