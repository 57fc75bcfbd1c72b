package org.backprop.playground.load;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.backprop.playground.state.Speed;

/**
 * One simulated browser: after the server's hello it configures the default network (at a given speed) and presses
 * play, then counts frames, their sizes and the gaps between them while measuring is on.
 */
final class ClientSession implements WebSocket.Listener {
    private static final String PLAY = "{\"type\":\"play\"}";
    /** How a frame's header starts (FrameEncoder writes type first); a {@code data} message starts otherwise. */
    private static final byte[] FRAME_PREFIX = "{\"type\":\"frame\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The default network at the speed asked for. */
    private final String config;
    private volatile WebSocket socket;
    private volatile boolean measuring;
    private final StringBuilder text = new StringBuilder();
    private int binaryBytes;
    /** The start of the binary message being received: enough to see its header's type. */
    private final byte[] head = new byte[FRAME_PREFIX.length + 4];
    private int headBytes;
    private long lastFrameNanos;
    private long measureStart, measureEnd;

    final GapHistogram gaps = new GapHistogram();
    int frames;
    long bytes;
    final AtomicInteger errors = new AtomicInteger();
    volatile String firstError;

    ClientSession(Speed speed) {
        config = "{\"type\":\"config\",\"state\":{\"speed\":\"" + speed.key() + "\"}}";
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            if (message.contains("\"type\":\"hello\"")) {
                webSocket.sendText(config, true).thenCompose(w -> w.sendText(PLAY, true));
            } else if (message.contains("\"type\":\"error\"")) {
                error(message);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        binaryBytes += data.remaining();
        while (headBytes < head.length && data.hasRemaining()) head[headBytes++] = data.get();
        if (last) {
            boolean frame = isFrame();
            headBytes = 0;
            if (!frame) { // the points (a data message): not a frame, not a gap
                binaryBytes = 0;
                webSocket.request(1);
                return null;
            }
            long now = System.nanoTime();
            synchronized (this) {
                if (measuring) {
                    frames++;
                    bytes += binaryBytes;
                    if (lastFrameNanos != 0) gaps.add(now - lastFrameNanos);
                }
                lastFrameNanos = now;
            }
            binaryBytes = 0;
        }
        webSocket.request(1);
        return null;
    }

    /** [u32 header length][header...]: the header must start with {"type":"frame". */
    private boolean isFrame() {
        if (headBytes < head.length) return false;
        for (int i = 0; i < FRAME_PREFIX.length; i++) if (head[4 + i] != FRAME_PREFIX[i]) return false;
        return true;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (measuring) error("closed by the server: " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        error("socket error: " + error);
    }

    void connectFailed(Throwable error) {
        error("connect failed: " + error);
    }

    private void error(String what) {
        if (errors.getAndIncrement() == 0) firstError = what;
    }

    synchronized void startMeasuring() {
        measuring = true;
        measureStart = System.nanoTime();
        lastFrameNanos = 0;
    }

    synchronized void stopMeasuring() {
        measuring = false;
        measureEnd = System.nanoTime();
    }

    synchronized double framesPerSecond() {
        double seconds = (measureEnd - measureStart) / 1e9;
        return seconds > 0 ? frames / seconds : 0;
    }

    void close() {
        WebSocket s = socket;
        if (s != null) s.sendClose(WebSocket.NORMAL_CLOSURE, "load test done");
    }
}
