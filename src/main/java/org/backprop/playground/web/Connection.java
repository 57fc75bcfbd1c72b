package org.backprop.playground.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.backprop.playground.data.DataSplit;
import org.backprop.playground.session.Derived;
import org.backprop.playground.session.FrameEncoder;
import org.backprop.playground.session.FrameSink;
import org.backprop.playground.session.GoalView;
import org.backprop.playground.session.PauseNotice;
import org.backprop.playground.session.Scheduler;
import org.backprop.playground.session.SessionStatus;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.FieldError;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.Warning;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One {@code /ws} connection: its training session and everything on the way to the client.
 * Nothing here grows with a client that does not read. Frames: at most one binary message (the
 * frame, with the points before it when they changed) is handed to Jetty at a time, and the
 * scheduler is told when it is out ({@link Scheduler.Handle#sinkReady()}); until then it skips
 * frames (latest wins). Text replies queue behind at most that one frame, so they are never
 * starved; more than {@link SocketLimits#maxQueuedMessages()} of them (or
 * {@link SocketLimits#maxQueuedBytes()}) unsent means the client stopped reading, and it is closed.
 */
final class Connection implements FrameSink {
    /** A closed client that does not take the close frame either is cut off after this long. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    final String id;
    final Session session;
    final TrainingSession training;
    final RateLimiter limiter;
    /** Tries to join a class board (BoardMembers): a few at once, then one a second. */
    final RateLimiter joins;
    /** The client's address when sessions are capped per address (else null). */
    final String address;
    /** When the client last sent a message, and when the server last pinged it (System.nanoTime). */
    private volatile long lastHeard;

    private volatile long lastPinged;
    private final PlaygroundSocket owner;
    private final SocketLimits limits;
    private volatile Scheduler.Handle handle;
    final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean closing;

    /** Binary messages handed to Jetty and not yet written out. */
    private final AtomicInteger binaryInFlight = new AtomicInteger();

    private final AtomicInteger queuedTexts = new AtomicInteger();
    private final AtomicLong queuedTextBytes = new AtomicLong();
    /** Everything handed to Jetty and not yet written out, text and binary: what this connection holds. */
    private final AtomicLong queuedBytes = new AtomicLong();
    /** When the last gradcheck was let start (System.nanoTime); read and written by this connection's message handling only. */
    long lastGradcheck = System.nanoTime() - PlaygroundSocket.GRADCHECK_EVERY_NANOS;
    /** The points last sent; read and written by the scheduler's turns of this session only, one at a time. */
    private long sentDataVersion = -1;

    Connection(
            String id,
            Session session,
            TrainingSession training,
            PlaygroundSocket owner,
            SocketLimits limits,
            String address,
            long now) {
        this.id = id;
        this.address = address;
        this.lastHeard = now;
        this.lastPinged = now;
        this.session = session;
        this.training = training;
        this.owner = owner;
        this.limits = limits;
        this.limiter =
                new RateLimiter(limits.messagesPerSecond(), limits.messageBurst(), limits.maxDroppedMessages(), now);
        this.joins = new RateLimiter(1, 5, Integer.MAX_VALUE, now);
    }

    void attach(Scheduler.Handle h) {
        handle = h;
    }

    Scheduler.Handle handle() {
        return handle;
    }

    boolean isClosing() {
        return closing;
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /** A client message arrived: the connection is not idle (pongs to the server's pings do not count). */
    void heard(long now) {
        lastHeard = now;
    }

    long lastHeard() {
        return lastHeard;
    }

    /** Pings the client when the last ping is {@code interval} old; keeps proxies and NATs from dropping a quiet socket. */
    void pingIfDue(long now, long interval) {
        if (closing || now - lastPinged < interval) return;
        lastPinged = now;
        session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    // ---- frames (FrameSink: called on scheduler threads) ------------------------------------

    @Override
    public boolean ready() {
        return !closing && binaryInFlight.get() == 0;
    }

    @Override
    public void send(Supplier<ByteBuffer> frame) {
        DataSplit split = null;
        long dataVersion;
        synchronized (training) { // the points and their version, as one
            dataVersion = training.status().dataVersion();
            if (dataVersion != sentDataVersion) split = training.data();
        }
        ByteBuffer data = split == null ? null : FrameEncoder.encodeData(split, dataVersion);
        ByteBuffer bytes = frame.get();
        if (closing) return;
        binaryInFlight.set(data == null ? 1 : 2); // before sending: a callback may run inside sendBinary
        if (data != null) {
            sentDataVersion = dataVersion;
            owner.stats.dataSent.increment();
            sendBinary(data);
        }
        owner.stats.framesSent.increment();
        sendBinary(bytes);
        owner.framed(this);
    }

    @Override
    public void paused(PauseNotice notice) {
        sendState(null, "paused", notice, List.of(), List.of());
    }

    private void sendBinary(ByteBuffer buf) {
        int n = buf.remaining();
        queued(n);
        session.sendBinary(
                buf,
                Callback.from(
                        () -> {
                            queuedBytes.addAndGet(-n);
                            if (binaryInFlight.decrementAndGet() == 0) {
                                Scheduler.Handle h = handle;
                                if (h != null) h.sinkReady();
                            }
                        },
                        failure -> {
                            queuedBytes.addAndGet(-n);
                            binaryInFlight.decrementAndGet();
                            owner.sendFailed(this, failure);
                        }));
    }

    // ---- text -------------------------------------------------------------------------------

    void sendState(Object requestId, String cause, List<Warning> warnings, List<String> changed) {
        sendState(requestId, cause, null, warnings, changed);
    }

    /** A {@code state} message; {@code notice} says why the session paused itself (else null). */
    void sendState(Object requestId, String cause, PauseNotice notice, List<Warning> warnings, List<String> changed) {
        PlaygroundState state;
        SessionStatus status;
        GoalView goal;
        Derived derived;
        synchronized (training) { // the state, its status, its goal's progress and what the session made of it, as one
            state = training.state();
            status = training.status();
            goal = training.goal();
            derived = training.derived();
        }
        sendText(owner.messages.state(
                requestId, cause, notice, state, training.codec(), status, goal, derived, warnings, changed));
    }

    void sendError(Object requestId, String cause, FieldError error) {
        sendText(owner.messages.error(requestId, cause, error));
    }

    void sendErrors(Object requestId, String cause, List<FieldError> errors) {
        sendText(owner.messages.error(requestId, cause, errors));
    }

    /** Queues a text message, or closes a client that has left too many unread. */
    void sendText(String text) {
        if (closing) return;
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        int texts = queuedTexts.incrementAndGet();
        long textBytes = queuedTextBytes.addAndGet(bytes);
        if (texts > limits.maxQueuedMessages() || textBytes > limits.maxQueuedBytes()) {
            queuedTexts.decrementAndGet();
            queuedTextBytes.addAndGet(-bytes);
            owner.stats.closedNotReading.increment();
            close(1008, "not reading: " + (texts - 1) + " messages (" + (textBytes - bytes) / 1024 + " KiB) unsent");
            return;
        }
        queued(bytes);
        session.sendText(text, Callback.from(() -> textDone(bytes), failure -> {
            textDone(bytes);
            owner.sendFailed(this, failure);
        }));
    }

    private void textDone(int bytes) {
        queuedTexts.decrementAndGet();
        queuedTextBytes.addAndGet(-bytes);
        queuedBytes.addAndGet(-bytes);
    }

    private void queued(int bytes) {
        owner.stats.queuedHighWater(queuedBytes.addAndGet(bytes));
    }

    // ---- closing ----------------------------------------------------------------------------

    /**
     * Frees the session now and closes the socket with {@code code}; a client that does not take
     * the close frame either (it stopped reading) is cut off after {@link #CLOSE_GRACE}.
     */
    void close(int code, String reason) {
        if (closing) return;
        closing = true;
        owner.release(this);
        try {
            session.setIdleTimeout(CLOSE_GRACE);
        } catch (RuntimeException ignored) {
            // already closed: nothing to cut off
        }
        session.close(code, reason, Callback.NOOP);
    }

    /** The socket closed (either side): nothing more is sent. */
    void closed() {
        closing = true;
    }
}
