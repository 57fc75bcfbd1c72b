package org.backprop.playground.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The JDK's {@code java.net.http.WebSocket}: it offers no extension, so every frame travels uncompressed. */
final class JdkTransport implements Transport {
    private final HttpClient http;

    JdkTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public CompletableFuture<?> connect(URI uri, ClientSession session) {
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new Listener(session));
    }

    @Override
    public String negotiated() {
        return "none (the JDK client offers no extension)";
    }

    @Override
    public void close() {
        // the HttpClient belongs to the caller
    }

    private static final class Listener implements WebSocket.Listener {
        private final ClientSession session;
        private final StringBuilder text = new StringBuilder();

        Listener(ClientSession session) {
            this.session = session;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            session.opened(new ClientSession.Link() {
                // the JDK allows one outstanding send: the next waits for the one before
                private CompletableFuture<WebSocket> last = CompletableFuture.completedFuture(webSocket);

                @Override
                public synchronized void sendText(String message) {
                    last = last.thenCompose(w -> w.sendText(message, true));
                }

                @Override
                public void close() {
                    webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "load test done");
                }

                @Override
                public long wireBytesIn() {
                    return -1;
                }
            });
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                session.text(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            session.binary(data, last);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            session.closed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            session.failed("socket error: " + error);
        }
    }
}
