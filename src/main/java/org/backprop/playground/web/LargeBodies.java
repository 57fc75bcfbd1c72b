package org.backprop.playground.web;

import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * At most {@link #MAX_AT_ONCE} requests whose bodies go past what {@link SlowBodies} reads ahead
 * (64 KiB) are handled at once: their handler blocks a thread on the rest of the body, so clients
 * that send 64 KiB and then trickle could otherwise take every thread for the body timeout. One
 * more is answered {@code 503 server_busy} with {@code Retry-After} at once, its body unread.
 * Bodies a page or a grader sends are smaller and never wait here.
 */
final class LargeBodies extends Handler.Wrapper {
    /** Large bodies being read at once: a few uploads of data sets, never the server's threads. */
    static final int MAX_AT_ONCE = 8;

    static final int RETRY_AFTER_SECONDS = 1;
    private static final byte[] BUSY = ErrorBody.bytes(
            PlaygroundSocket.SERVER_BUSY,
            "the server is already reading " + MAX_AT_ONCE + " request bodies over " + SlowBodies.EAGER_BYTES / 1024
                    + " KiB; retry after " + RETRY_AFTER_SECONDS + " s",
            "");

    private final Semaphore permits = new Semaphore(MAX_AT_ONCE);

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean large = length > SlowBodies.EAGER_BYTES
                || (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
        if (!large) return super.handle(request, response, callback);
        if (!permits.tryAcquire()) {
            response.setStatus(503);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the body is left unread on the socket
            response.write(true, ByteBuffer.wrap(BUSY), callback);
            return true;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) permits.release();
        };
        Callback done = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                release.run();
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                release.run();
                super.failed(x);
            }
        };
        try {
            if (super.handle(request, response, done)) return true;
        } catch (Throwable t) {
            release.run();
            throw t;
        }
        release.run();
        return false;
    }

    /** Large bodies being handled now (for tests). */
    int reading() {
        return MAX_AT_ONCE - permits.availablePermits();
    }
}
