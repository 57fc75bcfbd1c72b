package org.backprop.playground.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.backprop.playground.protocol.MessageType;
import org.backprop.playground.protocol.ServerMessageType;
import org.backprop.playground.state.Speed;

/**
 * One simulated browser, whichever client carries it ({@link Transport}): after the server's hello
 * it configures the default network (at a given speed) and presses play, then counts frames, the
 * gaps between them, the bytes of every message as the page gets them (uncompressed) and, where the
 * client can tell, the bytes its socket really read (compressed) while measuring is on.
 */
final class ClientSession {
    private static final String PLAY = MessageType.PLAY.bare();
    private static final String PING = MessageType.PING.bare();
    /** As a page does (docs/protocol.md §3): the server closes a socket with no client message for 60 s. */
    static final long PING_EVERY_NANOS = 20_000_000_000L;
    /** How a frame's header starts (FrameEncoder writes type first); a {@code data} message starts otherwise. */
    private static final byte[] FRAME_PREFIX = ServerMessageType.FRAME.opening().getBytes(StandardCharsets.UTF_8);

    /** What a transport gives the session once connected. */
    interface Link {
        void sendText(String text);

        void close();

        /** Bytes the socket has read from the network so far, framing and compression as they were; -1 when unknown. */
        long wireBytesIn();
    }

    /** The default network at the speed asked for. */
    private final String config;

    private volatile Link link;
    private volatile boolean measuring;
    private int binaryBytes;
    /** The start of the binary message being received: enough to see its header's type. */
    private final byte[] head = new byte[FRAME_PREFIX.length + 4];

    private int headBytes;
    private long lastFrameNanos;
    /** When this session last sent the server a message. */
    private volatile long lastSentNanos;

    private long measureStart, measureEnd;
    private long wireStart, wireEnd;

    final GapHistogram gaps = new GapHistogram();
    int frames;
    /** Frames with a grid's bytes (its own or a delta): the maps changed in them. */
    int mapFrames;
    /** Frame bytes as decoded (the frames alone, for bytes per frame). */
    long frameBytes;
    /** Every message's bytes as decoded, text and binary: what the page handles. */
    long payloadBytes;

    final AtomicInteger errors = new AtomicInteger();
    volatile String firstError;

    /** When the config went out (System.nanoTime), 0 before: a class board's join starts then. */
    volatile long configSentNanos;

    ClientSession(Speed speed) {
        this(speed, "");
    }

    /** {@code moreState}: further state members, each as {@code ,"key":value} (a board and a nickname). */
    ClientSession(Speed speed, String moreState) {
        config = MessageType.CONFIG.opening() + ",\"state\":{\"speed\":\"" + speed.key() + "\"" + moreState + "}}";
    }

    /** Sends a message of the load test's own (a {@code set}); false before the socket is open. */
    boolean send(String text) {
        Link l = link;
        if (l == null) return false;
        lastSentNanos = System.nanoTime();
        l.sendText(text);
        return true;
    }

    void opened(Link link) {
        lastSentNanos = System.nanoTime();
        this.link = link;
    }

    /** Sends a ping when nothing was sent for {@link #PING_EVERY_NANOS}; the load test calls it about once a second. */
    void keepAlive(long now) {
        Link l = link;
        if (l != null && now - lastSentNanos >= PING_EVERY_NANOS) {
            lastSentNanos = now;
            l.sendText(PING);
        }
    }

    void text(String message) {
        synchronized (this) {
            if (measuring) payloadBytes += message.getBytes(StandardCharsets.UTF_8).length;
        }
        if (message.contains(ServerMessageType.HELLO.member())) {
            Link l = link;
            lastSentNanos = System.nanoTime();
            configSentNanos = lastSentNanos;
            l.sendText(config);
            l.sendText(PLAY);
        } else if (message.contains(ServerMessageType.ERROR.member())) {
            error(message);
        }
    }

    /** A part of a binary message (a whole one has {@code last} set). */
    void binary(ByteBuffer data, boolean last) {
        binaryBytes += data.remaining();
        while (headBytes < head.length && data.hasRemaining()) head[headBytes++] = data.get();
        if (!last) return;
        boolean frame = isFrame();
        headBytes = 0;
        long now = System.nanoTime();
        synchronized (this) {
            if (measuring) {
                payloadBytes += binaryBytes;
                if (frame) { // the points (a data message) are not a frame, nor a gap
                    frames++;
                    if (binaryBytes > 4 + headerLength()) mapFrames++; // some block came with bytes
                    frameBytes += binaryBytes;
                    if (lastFrameNanos != 0) gaps.add(now - lastFrameNanos);
                }
            }
            if (frame) lastFrameNanos = now;
        }
        binaryBytes = 0;
    }

    private int headerLength() {
        return ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
    }

    /** [u32 header length][header...]: the header must start with {"type":"frame". */
    private boolean isFrame() {
        if (headBytes < head.length) return false;
        for (int i = 0; i < FRAME_PREFIX.length; i++) if (head[4 + i] != FRAME_PREFIX[i]) return false;
        return true;
    }

    void closed(int statusCode, String reason) {
        if (measuring) error("closed by the server: " + statusCode + " " + reason);
    }

    void failed(String what) {
        error(what);
    }

    private void error(String what) {
        if (errors.getAndIncrement() == 0) firstError = what;
    }

    synchronized void startMeasuring() {
        measuring = true;
        measureStart = System.nanoTime();
        lastFrameNanos = 0;
        wireStart = wire();
    }

    synchronized void stopMeasuring() {
        measuring = false;
        measureEnd = System.nanoTime();
        wireEnd = wire();
    }

    private long wire() {
        Link l = link;
        return l == null ? -1 : l.wireBytesIn();
    }

    synchronized double seconds() {
        return (measureEnd - measureStart) / 1e9;
    }

    synchronized double framesPerSecond() {
        double seconds = seconds();
        return seconds > 0 ? frames / seconds : 0;
    }

    synchronized double mapFramesPerSecond() {
        double seconds = seconds();
        return seconds > 0 ? mapFrames / seconds : 0;
    }

    /** Bytes the socket read while measuring, or -1 when the client cannot tell. */
    synchronized long wireBytes() {
        return wireStart < 0 || wireEnd < 0 ? -1 : wireEnd - wireStart;
    }

    void close() {
        Link l = link;
        if (l != null) l.close();
    }
}
