package org.backprop.playground.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Request bodies cannot tie up the server's threads. The first {@link #EAGER_BYTES} of a body are
 * read asynchronously before any handler runs (Jetty's {@link EagerContentHandler}), so a client
 * trickling its body, or declaring a length and sending nothing, holds a connection but no thread;
 * and the whole body must arrive within the body timeout ({@code --body-timeout}), or the
 * connection is cut. Nothing is allocated from a declared {@code Content-Length}: only what arrives.
 * What is larger than the read-ahead waits on a thread, so only a few at once ({@link LargeBodies}).
 */
final class SlowBodies extends Handler.Wrapper {
    /** Bodies up to this (every request a page or a grader sends, near enough) never reach a handler unfinished. */
    static final long EAGER_BYTES = 64 * 1024;

    private final long timeoutMillis;

    private SlowBodies(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    /** Installs them in front of the app's servlets: {@code config.jetty.modifyServletContextHandler(...)}. */
    static void install(ServletContextHandler context, Duration timeout) {
        // each inserted handler wraps the ones before: the timeout's watch, then the read-ahead, then the gate for what
        // is larger
        context.insertHandler(new LargeBodies());
        context.insertHandler(
                new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(EAGER_BYTES, -1, false)));
        context.insertHandler(new SlowBodies(timeout));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean hasBody = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!hasBody) return super.handle(request, response, callback);
        AtomicBoolean read = new AtomicBoolean();
        Scheduler.Task cut = request.getComponents()
                .getScheduler()
                .schedule(
                        () -> {
                            // the body is late: close the connection, which fails the read that waits for it
                            if (!read.get())
                                request.getConnectionMetaData()
                                        .getConnection()
                                        .getEndPoint()
                                        .close(new TimeoutException(
                                                "the request body did not arrive within " + timeoutMillis + " ms"));
                        },
                        timeoutMillis,
                        TimeUnit.MILLISECONDS);
        Request watched = new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = super.read();
                if (chunk != null && chunk.isLast() && read.compareAndSet(false, true)) cut.cancel();
                return chunk;
            }
        };
        Callback done = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                cut.cancel();
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                cut.cancel();
                super.failed(x);
            }
        };
        if (super.handle(watched, response, done)) return true;
        cut.cancel();
        return false;
    }
}
