package org.backprop.playground.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The server's connector, whose connections close politely. Jetty closes a socket at once after
 * it sends a close frame with an error code (1008 to a flooding client); a client still writing
 * then has unread bytes in the server's kernel, which answers with a TCP reset, and a reset throws
 * away the close frame on its way or fails the client before it reads it. Here a closing socket
 * first shuts its output (the close frame and a FIN go out), then reads and drops what the client
 * still sends until the client closes too, or for at most {@link #LINGER_MILLIS} ms, and only then closes.
 */
final class LingeringConnector extends ServerConnector {
    /** How long a closing socket waits for the client's own close. */
    static final long LINGER_MILLIS = 2000;

    private static final long POLL_MILLIS = 20;
    /** What one poll reads and drops at most, so a flood cannot hold a thread. */
    private static final int POLL_BYTES = 1 << 20;

    LingeringConnector(Server server, HttpConfiguration http) {
        super(server, new HttpConnectionFactory(http));
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        SocketChannelEndPoint endPoint = new Lingering(channel, selector, key, getScheduler());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }

    private static final class Lingering extends SocketChannelEndPoint {
        private final Scheduler scheduler;
        private ByteBuffer sink;

        Lingering(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
            super(channel, selector, key, scheduler);
            this.scheduler = scheduler;
        }

        @Override
        public void doClose() {
            SocketChannel channel = getChannel();
            if (!scheduler.isRunning()) { // the server is stopping: a drain would never run
                super.doClose();
                return;
            }
            try {
                channel.shutdownOutput();
            } catch (IOException | RuntimeException gone) {
                super.doClose();
                return;
            }
            drain(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS));
        }

        /** Reads and drops until the client's EOF or the deadline, then closes for good. */
        private void drain(long deadline) {
            SocketChannel channel = getChannel();
            if (sink == null) sink = ByteBuffer.allocate(16 * 1024);
            try {
                for (int read = 0; read < POLL_BYTES; ) {
                    sink.clear();
                    int n = channel.read(sink);
                    if (n < 0) {
                        super.doClose();
                        return;
                    }
                    if (n == 0) break;
                    read += n;
                }
            } catch (IOException | RuntimeException gone) {
                super.doClose();
                return;
            }
            if (System.nanoTime() >= deadline || !scheduler.isRunning()) {
                super.doClose();
                return;
            }
            try {
                scheduler.schedule(() -> drain(deadline), POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopped) {
                super.doClose(); // the server is stopping: no time to wait
            }
        }
    }
}
