package org.backprop.playground.load;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * Jetty's WebSocket client, offering permessage-deflate as Chrome and Firefox do, so the server
 * compresses every message as it does for a real page; the socket's own byte count is what the
 * network carried. Public, as its listener is, because Jetty calls the listener through method handles.
 */
public final class JettyTransport implements Transport {
    /** What Chrome's upgrade request offers. */
    static final String OFFER = "permessage-deflate; client_max_window_bits";

    private final WebSocketClient client = new WebSocketClient();
    private volatile String negotiated;

    JettyTransport() throws Exception {
        client.setIdleTimeout(Duration.ofMinutes(5));
        client.setMaxBinaryMessageSize(16 << 20);
        client.setMaxTextMessageSize(16 << 20);
        client.start();
    }

    @Override
    public CompletableFuture<?> connect(URI uri, ClientSession session) {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.addExtensions(OFFER);
        request.setTimeout(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            return client.connect(new Listener(session), uri, request).thenApply(s -> {
                if (negotiated == null) {
                    String header = s.getUpgradeResponse().getHeader("Sec-WebSocket-Extensions");
                    negotiated = header == null ? "none" : header;
                }
                return s;
            });
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String negotiated() {
        return negotiated == null ? "unknown (no upgrade succeeded)" : negotiated;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }

    public static final class Listener implements Session.Listener.AutoDemanding {
        private final ClientSession session;

        private Listener(ClientSession session) {
            this.session = session;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            WebSocketConnection connection =
                    s instanceof WebSocketSession ws && ws.getCoreSession() instanceof WebSocketCoreSession core
                            ? core.getConnection()
                            : null;
            session.opened(new ClientSession.Link() {
                @Override
                public void sendText(String message) {
                    s.sendText(message, Callback.NOOP);
                }

                @Override
                public void close() {
                    s.close(1000, "load test done", Callback.NOOP);
                }

                @Override
                public long wireBytesIn() {
                    return connection == null ? -1 : connection.getBytesIn();
                }
            });
        }

        @Override
        public void onWebSocketText(String message) {
            session.text(message);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            session.binary(payload, true);
            callback.succeed();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            session.closed(statusCode, reason);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            session.failed("socket error: " + cause);
        }
    }
}
