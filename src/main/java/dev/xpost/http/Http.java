package dev.xpost.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one shared OkHttp setup. Redirects are never followed: a platform that answers 3xx has moved, and following
 * it would carry the token to another host. Clients derive per-platform variants with {@code newBuilder()}.
 */
public final class Http {
    public static final String USER_AGENT = "xpost/" + Version.get() + " (+https://github.com/xpost-cli/xpost)";

    private Http() {
    }

    /**
     * @param log where {@code --verbose} writes one line per request (method, URL, status, time); null for none.
     *            Headers and bodies are never logged, so no token can leak through it.
     */
    public static OkHttpClient newClient(HttpSettings settings, PrintWriter log) {
        Dispatcher dispatcher = new Dispatcher();
        // A CLI publishing a handful of posts gains nothing from fan-out, and platforms dislike bursts.
        dispatcher.setMaxRequests(4);
        dispatcher.setMaxRequestsPerHost(2);
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .addInterceptor(chain -> chain.proceed(
                        chain.request().newBuilder().header("User-Agent", USER_AGENT).build()));
        if (log != null) {
            // An application interceptor, not a network one: a request that never got a connection (unknown host,
            // refused) is logged too, which is what --verbose is asked for when the network is the problem.
            b.addInterceptor(new RequestLog(log));
        }
        return b.build();
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
        return out;
    }

    /** A token shown as its first 4 characters and stars, enough to tell two tokens apart. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(none)";
        }
        return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "****";
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
