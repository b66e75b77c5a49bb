package dev.xpost.http;

import java.io.IOException;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A response body that never ends (as a broken server's chunked answer), for MockWebServer: it writes until the
 * client hangs up, or until {@code safetyBytes} so that a client that never stops reading cannot hang the test.
 */
public final class EndlessBody implements MockResponseBody {
    private final long safetyBytes;

    public EndlessBody(long safetyBytes) {
        this.safetyBytes = safetyBytes;
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) '[');
        for (long written = 0; written < safetyBytes; written += block.length) {
            sink.write(block);
            sink.flush();
        }
    }
}
