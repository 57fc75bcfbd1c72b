package org.backprop.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsErrorContext;
import io.javalin.websocket.WsMessageContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.backprop.playground.engine.GradientCheck;
import org.backprop.playground.protocol.MessageType;
import org.backprop.playground.session.Derived;
import org.backprop.playground.session.Inspection;
import org.backprop.playground.session.Refusal;
import org.backprop.playground.session.Scheduler;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.FieldError;
import org.backprop.playground.state.Msg;
import org.backprop.playground.state.Parsed;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Update;
import org.backprop.playground.state.Warning;
import org.backprop.playground.web.page.Filled;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.util.compression.CompressionPool;
import org.eclipse.jetty.util.compression.DeflaterPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /ws} endpoint (docs/protocol.md): one training session per connection, all on the
 * app's one {@link Scheduler}. A connection gets {@code hello} and its first {@code state}, then
 * frames; each client message is rate-limited, read into a {@link ClientMessage}, and answered
 * with a {@code state} when accepted or an {@code error} when refused (a refused message changes
 * nothing). Closing the socket frees its session at once; so does every close the server makes.
 * One sweep for all connections pings each one and closes those that sent no message for the
 * idle timeout; a connection has no task or timer of its own.
 */
public final class PlaygroundSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundSocket.class);

    /** Error codes this layer adds to the state codec's and the session's. */
    static final String RATE_LIMITED = "rate_limited";

    static final String SERVER_FULL = "server_full";
    static final String SERVER_BUSY = "server_busy";
    static final String ADDRESS_FULL = "address_full";
    static final String BINARY_NOT_ACCEPTED = "binary_not_accepted";
    static final String INTERNAL = "internal";
    static final String BUSY = "busy";

    /** A session's gradient checks: one at a time, at most one a second (each is up to ~0.6 s of CPU). */
    static final long GRADCHECK_EVERY_NANOS = 1_000_000_000L;

    /** The close every client gets when the server stops (docs/protocol.md §8): reconnect and resume. */
    static final int GOING_AWAY = 1001;

    static final String SERVER_RESTARTING = "server restarting";
    /** How long a stopping server waits for its close frames to be written before Jetty stops. */
    static final Duration CLOSE_ALL_GRACE = Duration.ofSeconds(1);

    /** Jetty's own queue may hold the replies we allow plus a few frames, pings and the close. */
    private static final int JETTY_QUEUE_SLACK = 16;

    private final Scheduler scheduler;
    private final SocketLimits limits;
    private final SocketAccess access;
    private final PlaygroundLimits playgroundLimits;
    private final StateCodec codec;
    private final ObjectMapper mapper;
    final ServerMessages messages;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger live = new AtomicInteger();
    /** Set when the server stops: a connection that still arrives is closed as the others were. */
    private volatile boolean stopping;
    /** Live sessions per client address, kept only when they are capped. */
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();

    private final ScheduledExecutorService sweeper;
    final Counters stats = new Counters();
    private final HeapAdmission heap;
    private final BoardMembers members;
    private final LinkFill exercises;

    /** {@code limits.maxSessions()} is the cap in effect (the heap's, see {@link HeapAdmission#cap}); {@code heap} says when there is room now. */
    PlaygroundSocket(
            Scheduler scheduler,
            SocketLimits limits,
            SocketAccess access,
            PlaygroundLimits playgroundLimits,
            ObjectMapper mapper,
            HeapAdmission heap,
            BoardMembers members,
            LinkFill exercises) {
        this.heap = heap;
        this.members = members;
        this.exercises = exercises;
        this.scheduler = scheduler;
        this.limits = limits;
        this.access = access;
        this.playgroundLimits = playgroundLimits;
        this.codec = new StateCodec(playgroundLimits);
        this.mapper = mapper;
        this.messages = new ServerMessages(mapper, limits, scheduler.config().framesPerSecond(), playgroundLimits);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "ws-sweep");
            t.setDaemon(true);
            return t;
        });
        // a quarter of the shorter period: an idle client is closed at most a quarter late
        long period = Math.max(
                10,
                Math.min(limits.idleTimeout().toMillis(), limits.pingInterval().toMillis()) / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops the sweep (the server stopped). */
    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** Registers the handlers: {@code config.routes.ws("/ws", socket::configure)}. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::onConnect);
        ws.onMessage(this::onMessage);
        ws.onBinaryMessage(this::onBinaryMessage);
        ws.onClose(this::onClose);
        ws.onError(this::onError);
    }

    /** Jetty's side of the limits: message size (larger closes with 1009), idle timeout, its own queue bound. */
    public void configureFactory(JettyWebSocketServletFactory factory) {
        factory.setMaxTextMessageSize(limits.maxMessageBytes());
        factory.setMaxBinaryMessageSize(limits.maxMessageBytes());
        // Jetty's own timeout counts pings and pongs: it only cuts off a dead socket; the sweep closes idle clients
        factory.setIdleTimeout(limits.idleTimeout());
        factory.setMaxOutgoingFrames(limits.maxQueuedMessages() + JETTY_QUEUE_SLACK);
    }

    /**
     * The server is stopping (Javalin's serverStopping): every client gets 1001 "server restarting",
     * so a page reconnects and resumes instead of seeing a dropped connection (1006). Waits up to
     * {@link #CLOSE_ALL_GRACE} for the close frames to be written, then Jetty stops.
     */
    public void closeAll() {
        stopping = true;
        List<Connection> all = List.copyOf(connections.values());
        for (Connection c : all) c.close(GOING_AWAY, SERVER_RESTARTING);
        long deadline = System.nanoTime() + CLOSE_ALL_GRACE.toNanos();
        for (Connection c : all) {
            while (c.session.isOpen() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The session cap in effect: --max-sessions, or fewer when the heap holds fewer ({@link HeapAdmission#cap}). */
    public int maxSessions() {
        return limits.maxSessions();
    }

    /**
     * permessage-deflate, which every browser negotiates, at zlib's fastest level: a frame's
     * deflate at the default level 6 cost more than everything else the frame took (docs/performance.md,
     * "Frames as browsers take them"). Context takeover stays (a frame compresses against the one
     * before, which is most of the ratio), so each connection keeps its deflater while it lives.
     */
    public void configureServer(org.eclipse.jetty.server.Server server) {
        server.addBean(new DeflaterPool(CompressionPool.DEFAULT_CAPACITY, DEFLATE_LEVEL, true));
    }

    /** The level every frame is deflated at; {@link #configureServer} gives it to Jetty. */
    static final int DEFLATE_LEVEL = java.util.zip.Deflater.BEST_SPEED;

    /** Connections with a training session now. */
    public int liveSessions() {
        return live.get();
    }

    public SocketStats stats() {
        long now = 0;
        for (Connection c : connections.values()) now += c.queuedBytes();
        return new SocketStats(
                live.get(),
                stats.opened.sum(),
                stats.refusedFull.sum(),
                stats.closedFlooding.sum(),
                stats.closedNotReading.sum(),
                stats.dropped.sum(),
                stats.framesSent.sum(),
                stats.dataSent.sum(),
                now,
                stats.queuedHighWater.get(),
                stats.closedIdle.sum(),
                stats.refusedAddress.sum());
    }

    /** Connections this endpoint holds, and sessions the scheduler holds for it (both 0 when all have gone). */
    int connectionsHeld() {
        return connections.size();
    }

    int sessionsScheduled() {
        return scheduler.size();
    }

    // ---- events ---------------------------------------------------------------------------

    private void onConnect(WsConnectContext ctx) {
        Session session = ctx.session;
        if (stopping) {
            session.close(GOING_AWAY, SERVER_RESTARTING, Callback.NOOP);
            return;
        }
        if (live.incrementAndGet() > limits.maxSessions()) {
            refuse(
                    session,
                    stats.refusedFull,
                    new FieldError(SERVER_FULL, null, Msg.of("socket.serverFull", "max", limits.maxSessions())),
                    "try again later: server full");
            return;
        }
        if (!heap.roomForOneMore()) {
            refuse(
                    session,
                    stats.refusedBusy,
                    new FieldError(SERVER_BUSY, null, Msg.of("socket.serverBusy")),
                    "try again later: server busy");
            return;
        }
        String address = access.maxSessionsPerAddress() == 0 ? null : address(ctx);
        if (address != null && !takeAddressPlace(address)) {
            int max = access.maxSessionsPerAddress();
            refuse(
                    session,
                    stats.refusedAddress,
                    new FieldError(ADDRESS_FULL, null, Msg.of("socket.addressFull", "max", max)),
                    "try again later: too many sessions from this address");
            return;
        }
        Connection c = null;
        try {
            // the socket's own query string may carry a URL state, as a page link does; config replaces it
            Filled<String> filled = exercises.fill(ctx.queryString() == null ? "" : ctx.queryString());
            Parsed initial = codec.parse(filled.value());
            TrainingSession training = new TrainingSession(initial.state(), playgroundLimits);
            c = new Connection(ctx.sessionId(), session, training, this, limits, address, System.nanoTime());
            connections.put(c.id, c);
            if (!session.isOpen()) { // aborted while being set up: its close may have come before it was known
                c.closed();
                release(c);
                return;
            }
            stats.opened.increment();
            c.sendText(messages.hello());
            List<Warning> stored = linkPoints(training, new ArrayList<>());
            c.sendState(
                    null,
                    "connect",
                    concat(
                            concat(concat(filled.warnings(), initial.warnings()), stored),
                            training.derived().warningsSince(null)),
                    List.of());
            joinAsStated(c, null, "connect");
            Scheduler.Handle h = scheduler.add(training, c);
            c.attach(h);
            if (c.released.get()) h.remove(); // it closed while being added
        } catch (RuntimeException | OutOfMemoryError e) {
            // the session is not made (or is let go): its place and its memory are free again
            LOG.error("a connection could not be set up", e);
            if (c != null) {
                c.close(1011, "internal error");
            } else {
                live.decrementAndGet();
                if (address != null) leaveAddressPlace(address);
                session.close(1011, "internal error", Callback.NOOP);
            }
        }
    }

    /** A connection with no room (the cap, the heap, its address): its place back, one error, close 1013 (docs/protocol.md §3). */
    private void refuse(Session session, LongAdder counter, FieldError why, String closeReason) {
        live.decrementAndGet();
        counter.increment();
        session.sendText(messages.error(null, null, why), Callback.NOOP);
        session.close(1013, closeReason, Callback.NOOP);
    }

    /** The client's address as the upgrade read it (SocketAccess), else the socket's peer. */
    private static String address(WsConnectContext ctx) {
        Object a = ctx.attribute(SocketAccess.ADDRESS_ATTRIBUTE);
        if (a != null) return a.toString();
        return ctx.session.getRemoteSocketAddress() instanceof java.net.InetSocketAddress i && i.getAddress() != null
                ? i.getAddress().getHostAddress()
                : String.valueOf(ctx.session.getRemoteSocketAddress());
    }

    private boolean takeAddressPlace(String address) {
        int max = access.maxSessionsPerAddress();
        boolean[] taken = {false};
        perAddress.compute(address, (k, n) -> {
            int held = n == null ? 0 : n;
            if (held >= max) return n;
            taken[0] = true;
            return held + 1;
        });
        return taken[0];
    }

    private void leaveAddressPlace(String address) {
        perAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Pings every connection when due and closes those that sent no message for the idle timeout. */
    private void sweep() {
        long now = System.nanoTime();
        long idle = limits.idleTimeout().toNanos(), ping = limits.pingInterval().toNanos();
        for (Connection c : connections.values()) {
            try {
                if (c.isClosing()) continue;
                if (now - c.lastHeard() > idle) {
                    stats.closedIdle.increment();
                    c.close(1001, "idle: no message for " + limits.idleTimeout().toSeconds() + " s");
                } else {
                    c.pingIfDue(now, ping);
                }
            } catch (RuntimeException e) {
                // one broken socket must not stop the sweep for the others
                LOG.debug("sweep failed on {}: {}", c.id, String.valueOf(e));
            }
        }
    }

    private void onMessage(WsMessageContext ctx) {
        stats.received.increment();
        Connection c = connections.get(ctx.sessionId());
        if (c == null) {
            stats.unknownConnection.increment();
            return;
        }
        c.heard(System.nanoTime());
        if (c.isClosing() || !admit(c)) return;
        handle(c, ctx.message());
        stats.handled.increment();
    }

    private void onBinaryMessage(WsBinaryMessageContext ctx) {
        Connection c = connections.get(ctx.sessionId());
        if (c == null) return;
        c.heard(System.nanoTime());
        if (c.isClosing() || !admit(c)) return;
        c.sendError(null, null, new FieldError(BINARY_NOT_ACCEPTED, null, Msg.of("socket.binary")));
    }

    private void onClose(WsCloseContext ctx) {
        Connection c = connections.get(ctx.sessionId());
        if (c != null) {
            c.closed();
            release(c);
        }
    }

    private void onError(WsErrorContext ctx) {
        // Jetty closes the connection after an error and onClose frees the session; a network's end is
        // routine, an Error is a handler that threw past its catch (Javalin maps only Exceptions): a defect
        Throwable e = ctx.error();
        if (e instanceof Error) {
            LOG.warn("websocket handler failed on {}", ctx.sessionId(), e);
        } else {
            LOG.debug("websocket error on {}: {}", ctx.sessionId(), String.valueOf(e));
        }
    }

    // ---- messages -------------------------------------------------------------------------

    /** The rate limit: true to handle the message; a dropped one may be reported, a flood closes. */
    private boolean admit(Connection c) {
        switch (c.limiter.onMessage(System.nanoTime())) {
            case ACCEPT -> {
                return true;
            }
            case DROP -> stats.dropped.increment();
            case DROP_AND_REPORT -> {
                stats.dropped.increment();
                c.sendError(
                        null,
                        null,
                        new FieldError(
                                RATE_LIMITED,
                                null,
                                Msg.of(
                                        "socket.rateLimited",
                                        "rate",
                                        limits.messagesPerSecond(),
                                        "burst",
                                        limits.messageBurst())));
            }
            case CLOSE -> {
                stats.dropped.increment();
                stats.closedFlooding.increment();
                c.close(1008, "too many messages: over " + limits.messagesPerSecond() + "/s after rate_limited");
            }
        }
        return false;
    }

    private void handle(Connection c, String text) {
        ClientMessage m;
        try {
            m = ClientMessage.parse(text, mapper, playgroundLimits.maxStepEpochs());
        } catch (ClientMessage.Invalid e) {
            c.sendError(e.id, e.type, e.error);
            return;
        }
        String cause = m.type().wire;
        TrainingSession t = c.training;
        try {
            PlaygroundState before = t.state();
            Derived derivedBefore = t.derived();
            switch (m.type()) {
                case PING -> {
                    return; // it has done its work: the connection is not idle
                }
                case CONFIG -> {
                    Filled<Map<String, ?>> filled = exercises.fill(m.state());
                    Parsed parsed = t.configure(filled.value(), m.resume());
                    List<String> changed = new ArrayList<>(StateCodec.changedKeys(before, parsed.state()));
                    List<Warning> stored = linkPoints(t, changed);
                    // a new state: its batch warning is said again
                    c.sendState(
                            m.id(),
                            cause,
                            concat(
                                    concat(concat(filled.warnings(), parsed.warnings()), stored),
                                    t.derived().warningsSince(null)),
                            changed);
                    joinAsStated(c, m.id(), cause);
                    return;
                }
                case SET -> {
                    Filled<Map<String, ?>> filled = exercises.fillSet(m.state());
                    Update u = t.set(filled.value());
                    if (u.accepted()) {
                        List<String> changed = new ArrayList<>(u.changed());
                        List<Warning> stored = linkPoints(t, changed);
                        c.sendState(
                                m.id(),
                                cause,
                                concat(
                                        concat(concat(filled.warnings(), u.warnings()), stored),
                                        t.derived().warningsSince(derivedBefore)),
                                changed);
                        joinAsStated(c, m.id(), cause);
                    } else {
                        c.sendErrors(m.id(), cause, u.errors());
                    }
                    return;
                }
                case PLAY -> t.play();
                case PAUSE -> t.pause();
                case STEP -> t.step(m.epochs());
                case RESET -> t.reset();
                case REGENERATE -> t.regenerate();
                case SET_WEIGHT -> {
                    if (m.bias()) t.setBias(m.layer(), m.to(), m.value());
                    else t.setWeight(m.layer(), m.to(), m.from(), m.value());
                }
                case INSPECT -> {
                    ClientMessage.Probe p = m.probe();
                    Inspection i =
                            p.input() != null ? t.inspect(p.input(), p.target()) : t.inspect(p.split(), p.index());
                    c.sendText(messages.inspection(m.id(), i));
                    return;
                }
                case GRADCHECK -> {
                    gradcheck(c, m.id(), t.gradcheckInput());
                    return;
                }
                case ADD_POINT, REMOVE_POINT, CLEAR_POINTS -> {
                    ClientMessage.PointAt p = m.point();
                    Update u = switch (m.type()) {
                        case ADD_POINT -> t.addPoint(p.x(), p.y(), p.label());
                        case REMOVE_POINT -> t.removePoint(p.x(), p.y());
                        default -> t.clearPoints();
                    };
                    List<String> changed = new ArrayList<>(u.changed());
                    List<Warning> stored = linkPoints(t, changed);
                    c.sendState(
                            m.id(),
                            cause,
                            concat(concat(u.warnings(), stored), t.derived().warningsSince(derivedBefore)),
                            changed);
                    return;
                }
            }
            c.sendState(
                    m.id(), cause, t.derived().warningsSince(derivedBefore), StateCodec.changedKeys(before, t.state()));
        } catch (Refusal r) {
            c.sendError(m.id(), cause, r.error());
        } catch (RuntimeException e) {
            LOG.error("{} failed on a session", cause, e);
            c.sendError(m.id(), cause, new FieldError(INTERNAL, null, Msg.of("socket.internal", "type", cause)));
        }
    }

    /**
     * A state whose own points are too many for a link names a stored data set instead (its link
     * says {@code data=<id>}, docs/protocol.md §1); adds {@code data} to {@code changed} when it does.
     * What to say when the store could not take them (the points then stay in the link).
     */
    private List<Warning> linkPoints(TrainingSession t, List<String> changed) {
        PlaygroundState s = t.state();
        DataFill.Kept kept = exercises.data().keep(s);
        if (kept == null) return List.of();
        if (kept.id() != null) {
            t.nameData(s.points(), kept.id());
            if (!changed.contains("data")) changed.add("data");
        }
        return kept.warnings();
    }

    /** Joins, leaves or changes class board as the state now says (docs/protocol.md §10); a refusal is an error after the state. */
    private void joinAsStated(Connection c, Object id, String cause) {
        FieldError refused = members.reconcile(c);
        if (refused != null) c.sendError(id, cause, refused);
    }

    /**
     * Runs a gradient check as the session's own work on the scheduler (not on this Jetty thread),
     * on the weights as they are now; answered from there. One waits or runs at most: a second
     * meanwhile is refused with {@code busy}. Checks start at least a second apart: one asked sooner
     * waits for its second, so a page that checks, steps and checks again gets both answers.
     */
    private void gradcheck(Connection c, Object id, TrainingSession.GradcheckInput in) {
        Scheduler.Handle h = c.handle();
        long startAt = Math.max(System.nanoTime(), c.lastGradcheck + GRADCHECK_EVERY_NANOS);
        boolean submitted = h != null
                && h.submit(
                        () -> {
                            try {
                                GradientCheck.Result r = GradientCheck.run(
                                        in.network(),
                                        in.samples(),
                                        in.regularization(),
                                        in.rate(),
                                        GradientCheck.DEFAULT_EPSILON);
                                stats.lastGradcheckThread =
                                        Thread.currentThread().getName();
                                c.sendText(messages.gradcheck(id, in.samples().count(), r));
                            } catch (RuntimeException e) {
                                LOG.error("gradcheck failed on a session", e);
                                c.sendError(
                                        id,
                                        MessageType.GRADCHECK.wire,
                                        new FieldError(
                                                INTERNAL,
                                                null,
                                                Msg.of("socket.internal", "type", MessageType.GRADCHECK.wire)));
                            }
                        },
                        startAt);
        if (!submitted) {
            c.sendError(id, MessageType.GRADCHECK.wire, new FieldError(BUSY, null, Msg.of("socket.gradcheckBusy")));
            return;
        }
        c.lastGradcheck = startAt;
    }

    private static List<Warning> concat(List<Warning> a, List<Warning> b) {
        if (b.isEmpty()) return a;
        List<Warning> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- bookkeeping ----------------------------------------------------------------------

    /** Frees a connection's session and its place under the cap; once, whoever calls first. */
    void release(Connection c) {
        if (!c.released.compareAndSet(false, true)) return;
        Scheduler.Handle h = c.handle();
        if (h != null) h.remove();
        members.leave(c);
        connections.remove(c.id, c);
        if (c.address != null) leaveAddressPlace(c.address);
        live.decrementAndGet();
    }

    /** A write failed: the connection is broken (or Jetty's own queue bound was hit). */
    /** A frame went to {@code c}: its board hears of a goal just met now, not at its next look. */
    void framed(Connection c) {
        members.framed(c);
    }

    void sendFailed(Connection c, Throwable failure) {
        LOG.debug("send failed on {}: {}", c.id, String.valueOf(failure));
        if (c.session.isOpen()) {
            c.close(1011, "a send failed");
        } else {
            c.closed();
            release(c);
        }
    }

    /** What the counters of {@link SocketStats} are made of. */
    static final class Counters {
        final LongAdder opened = new LongAdder();
        final LongAdder refusedFull = new LongAdder();
        /** Connections refused because the heap had no room for another session ({@link HeapAdmission}). */
        final LongAdder refusedBusy = new LongAdder();

        final LongAdder closedFlooding = new LongAdder();
        final LongAdder closedNotReading = new LongAdder();
        final LongAdder closedIdle = new LongAdder();
        final LongAdder refusedAddress = new LongAdder();
        final LongAdder dropped = new LongAdder();
        // text messages that reached onMessage, those with no connection of ours, and those handled through
        final LongAdder received = new LongAdder();
        final LongAdder unknownConnection = new LongAdder();
        final LongAdder handled = new LongAdder();
        final LongAdder framesSent = new LongAdder();
        final LongAdder dataSent = new LongAdder();
        final AtomicLong queuedHighWater = new AtomicLong();
        /** The thread that ran the last gradient check (a training thread, never Jetty's). */
        volatile String lastGradcheckThread;

        /** For a test that waited in vain: where the messages went. */
        @Override
        public String toString() {
            return "received=" + received.sum() + " unknownConnection=" + unknownConnection.sum() + " handled="
                    + handled.sum()
                    + " dropped=" + dropped.sum() + " framesSent=" + framesSent.sum() + " dataSent=" + dataSent.sum()
                    + " refusedBusy=" + refusedBusy.sum();
        }

        void queuedHighWater(long bytes) {
            if (bytes > queuedHighWater.get()) queuedHighWater.accumulateAndGet(bytes, Math::max);
        }
    }
}
