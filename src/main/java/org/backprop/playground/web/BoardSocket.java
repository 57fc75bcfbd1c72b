package org.backprop.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.backprop.playground.protocol.BoardMessageType;
import org.backprop.playground.store.Board;
import org.backprop.playground.store.StoreException;
import org.backprop.playground.store.StudentRow;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/board/{id}?key=<key>}: a teacher's live board (docs/protocol.md §11). On connect the
 * board as {@code GET /api/boards/{id}} gives it, then one {@code student} message per row that
 * changed, at most one per student per {@link #ROW_EVERY_NANOS}. A row written on this server is
 * sent at once ({@link BoardSignal}: the written row read back). Rows are read from the store, not
 * from the sessions, so a student on another server behind the same PostgreSQL shows up too: one
 * thread reads each watched board's row versions every poll (250 ms by default, the documented delay
 * across servers), and the rows that moved. A deleted or expired board gets {@code deleted} and is closed.
 */
final class BoardSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoardSocket.class);
    static final long ROW_EVERY_NANOS = 500_000_000L;
    /** Teachers' sockets at once, all boards together: a board is watched by one or two screens. */
    static final int MAX_WATCHERS = 200;

    static final int POLICY_VIOLATION = 1008;

    /** The sockets on one board and what they have been sent, per row: its version and when. */
    private static final class Watched {
        final List<Session> sockets = new CopyOnWriteArrayList<>();
        final Map<String, Long> sentVersion = new HashMap<>();
        final Map<String, Long> sentAt = new HashMap<>();
        /** What each row's {@code online} was when last sent: it turns false with time alone (a server that died). */
        final Map<String, Boolean> sentOnline = new HashMap<>();
        /** What each row's {@link #stage} was when last sent: a new stage goes at once, whatever the pace. */
        final Map<String, Integer> sentStage = new HashMap<>();
        /** Per row, the settings (state text) sent last: new settings are news, like a stage. */
        final Map<String, String> sentSettings = new HashMap<>();
        /** Rows written here that came within a row's pace of their last send: a send is scheduled for each. */
        final java.util.Set<String> waiting = new java.util.HashSet<>();

        int polls;
    }

    /**
     * A row's stage: on the board, goal reached, left. The pace ({@link #ROW_EVERY_NANOS}) holds back
     * progress (epochs, best values) only; a student joining, reaching the goal or leaving is news at once.
     */
    private static int stage(StudentRow r) {
        return r.leftAt() != null ? 2 : r.progress().reached() != null ? 1 : 0;
    }

    /** Whether a row may go now: it is news (a stage or its settings), or its last send was a pace ago (or never). */
    private static boolean paced(Watched w, StudentRow r, long nanos) {
        Long at = w.sentAt.get(r.nameKey());
        Integer stage = w.sentStage.get(r.nameKey());
        return at == null
                || stage == null
                || stage != stage(r)
                || !Objects.equals(w.sentSettings.get(r.nameKey()), r.progress().state())
                || nanos - at >= ROW_EVERY_NANOS;
    }

    /** How often every row is read for {@code online} turned false by time alone. */
    static final long ONLINE_CHECK_MS = 5000;

    private final Classroom classroom;
    private final ObjectMapper mapper;
    private final BoardJson json;
    private final Map<String, Watched> boards = new ConcurrentHashMap<>();
    private final Map<String, String> boardOf = new ConcurrentHashMap<>();
    /** Per board, the rows written on this server not read back yet, and whether a read of them is queued. */
    private final Map<String, java.util.Set<String>> written = new ConcurrentHashMap<>();

    private final java.util.Set<String> drainQueued = ConcurrentHashMap.newKeySet();
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final AtomicInteger watchers = new AtomicInteger();
    /** Connects per client address, as the API's reads are limited: a wrong key costs a database read each. */
    private final AddressRates connects = new AddressRates(10, 60);

    private final SocketLimits limits;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "board-watch");
        t.setDaemon(true);
        return t;
    });

    private final int onlineEveryPolls;

    BoardSocket(Classroom classroom, ObjectMapper mapper, SocketLimits limits, java.time.Duration poll) {
        this.classroom = classroom;
        this.mapper = mapper;
        this.json = new BoardJson(mapper);
        this.limits = limits;
        long pollMs = poll.toMillis();
        this.onlineEveryPolls = (int) Math.max(1, ONLINE_CHECK_MS / pollMs);
        poller.scheduleWithFixedDelay(this::pollAll, pollMs, pollMs, TimeUnit.MILLISECONDS);
        classroom.signal.listen(this::rowWritten);
    }

    /**
     * A row written on this server: its board's screens here get it now, not at the next poll. The
     * rows written meanwhile are read together (a class joining at once is one read, not 30).
     */
    private void rowWritten(String boardId, String nameKey) {
        if (!boards.containsKey(boardId)) return;
        written.computeIfAbsent(boardId, k -> ConcurrentHashMap.newKeySet()).add(nameKey);
        if (drainQueued.add(boardId)) poller.execute(() -> sendWritten(boardId));
    }

    /** On the poller's thread, as every change of a {@link Watched}: the rows written since, if they moved and their pace allows. */
    private void sendWritten(String id) {
        drainQueued.remove(id); // a row written from here on queues another read
        java.util.Set<String> keys = written.get(id);
        Watched w = boards.get(id);
        if (keys == null || w == null) return;
        List<String> wanted = new ArrayList<>();
        for (String k : List.copyOf(keys)) {
            keys.remove(k);
            if (!w.waiting.contains(k)) wanted.add(k); // else a send of it is already scheduled
        }
        if (wanted.isEmpty()) return;
        try {
            List<StudentRow> rows = wanted.size() == 1
                    ? classroom.store.student(id, wanted.get(0)).map(List::of).orElse(List.of())
                    : classroom.store.students(id).stream()
                            .filter(r -> wanted.contains(r.nameKey()))
                            .toList();
            Instant now = classroom.clock.instant();
            long nanos = System.nanoTime();
            for (StudentRow r : rows) {
                Long sent = w.sentVersion.get(r.nameKey());
                if (sent != null && sent >= r.version()) continue;
                if (paced(w, r, nanos)) {
                    sendTo(w, r, now, nanos);
                    continue;
                }
                String k = r.nameKey();
                w.waiting.add(k);
                poller.schedule(
                        () -> {
                            w.waiting.remove(k);
                            rowWritten(id, k);
                        },
                        ROW_EVERY_NANOS - (nanos - w.sentAt.get(k)),
                        TimeUnit.NANOSECONDS);
            }
        } catch (StoreException e) {
            LOG.debug("rows written here could not be read back: {}", e.getMessage()); // the next poll reads them
        } catch (RuntimeException e) {
            LOG.warn("rows written here could not be sent", e);
        }
    }

    private void sendTo(Watched w, StudentRow r, Instant now, long nanos) {
        ObjectNode msg = mapper.createObjectNode();
        msg.put("type", BoardMessageType.STUDENT.wire);
        msg.set("student", json.row(r, now));
        for (Session s : w.sockets) send(s, msg);
        w.sentVersion.put(r.nameKey(), r.version());
        w.sentAt.put(r.nameKey(), nanos);
        w.sentOnline.put(r.nameKey(), r.online(now, Classroom.HELD));
        w.sentStage.put(r.nameKey(), stage(r));
        w.sentSettings.put(r.nameKey(), r.progress().state());
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::onConnect);
        ws.onMessage(this::onMessage);
        ws.onClose(this::onClose);
    }

    private void onConnect(WsConnectContext ctx) {
        Session s = ctx.session;
        Object address = ctx.attribute(SocketAccess.ADDRESS_ATTRIBUTE);
        if (!connects.allow(String.valueOf(address), System.nanoTime())) {
            refuse(
                    s,
                    PlaygroundSocket.RATE_LIMITED,
                    "more than " + connects.perSecond() + " board connections a second from your address;"
                            + " try again in a moment",
                    1013);
            return;
        }
        String id = ctx.pathParam("id");
        String auth = ctx.header("Authorization");
        String key = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? auth.substring(7).trim()
                : ctx.queryParam("key");
        Board b;
        try {
            b = classroom.teachersBoard(id, key);
        } catch (ApiException refused) {
            refuse(s, refused.code, refused.getMessage(), POLICY_VIOLATION);
            return;
        }
        if (watchers.incrementAndGet() > MAX_WATCHERS) {
            watchers.decrementAndGet();
            refuse(
                    s,
                    PlaygroundSocket.SERVER_FULL,
                    "the server has its maximum of " + MAX_WATCHERS + " board screens open; close one",
                    1013);
            return;
        }
        limiters.put(
                ctx.sessionId(),
                new RateLimiter(
                        limits.messagesPerSecond(),
                        limits.messageBurst(),
                        limits.maxDroppedMessages(),
                        System.nanoTime()));
        boardOf.put(ctx.sessionId(), b.id());
        // the first message and the watch start on the poller's thread, so no row change falls between them
        poller.execute(() -> start(s, b));
    }

    private void start(Session s, Board b) {
        try {
            Instant now = classroom.clock.instant();
            List<StudentRow> rows = classroom.store.students(b.id());
            ObjectNode n = json.board(b, rows, now);
            ObjectNode msg = mapper.createObjectNode();
            msg.put("type", BoardMessageType.BOARD.wire);
            msg.setAll(n);
            Watched w = boards.computeIfAbsent(b.id(), k -> new Watched());
            // a first screen starts the watch from these rows; a second one gets them now and perhaps once more at the
            // next poll
            if (w.sockets.isEmpty()) {
                for (StudentRow r : rows) {
                    w.sentVersion.put(r.nameKey(), r.version());
                    w.sentOnline.put(r.nameKey(), r.online(now, Classroom.HELD));
                    w.sentStage.put(r.nameKey(), stage(r));
                    w.sentSettings.put(r.nameKey(), r.progress().state());
                }
            }
            send(s, msg);
            w.sockets.add(s);
        } catch (StoreException e) {
            refuse(s, Classroom.STORE_UNAVAILABLE, "the class store cannot be reached now; reload in a moment", 1011);
        }
    }

    private void onMessage(WsMessageContext ctx) {
        RateLimiter r = limiters.get(ctx.sessionId());
        if (r == null || r.onMessage(System.nanoTime()) != RateLimiter.Verdict.ACCEPT) {
            if (r != null && ctx.session.isOpen())
                ctx.session.close(POLICY_VIOLATION, "too many messages", Callback.NOOP);
            return;
        }
        String type;
        try {
            JsonNode m = mapper.readTree(ctx.message());
            type = m.path("type").asText("");
        } catch (Exception e) {
            type = "";
        }
        if (type.equals("ping")) return;
        ObjectNode err = error("unknown_type", "a board socket takes only {\"type\":\"ping\"}");
        err.put("field", "type");
        send(ctx.session, err);
    }

    private void onClose(WsCloseContext ctx) {
        limiters.remove(ctx.sessionId());
        String id = boardOf.remove(ctx.sessionId());
        if (id == null) return;
        watchers.decrementAndGet();
        poller.execute(() -> {
            Watched w = boards.get(id);
            if (w == null) return;
            w.sockets.remove(ctx.session);
            if (w.sockets.isEmpty()) {
                forget(id);
            }
        });
    }

    private void pollAll() {
        for (Map.Entry<String, Watched> e : List.copyOf(boards.entrySet())) {
            try {
                poll(e.getKey(), e.getValue());
            } catch (StoreException ex) {
                LOG.debug("a board poll failed: {}", ex.getMessage()); // tried again at the next poll
            } catch (RuntimeException ex) {
                LOG.warn("a board poll failed", ex);
            }
        }
    }

    private void poll(String id, Watched w) {
        w.sockets.removeIf(s -> !s.isOpen());
        if (w.sockets.isEmpty()) {
            forget(id);
            return;
        }
        Instant now = classroom.clock.instant();
        Optional<Board> b = classroom.store.board(id, now);
        if (b.isEmpty()) {
            ObjectNode gone = mapper.createObjectNode().put("type", BoardMessageType.DELETED.wire);
            for (Session s : w.sockets) {
                send(s, gone);
                s.close(1000, "board deleted", Callback.NOOP);
            }
            forget(id);
            return;
        }
        Map<String, Long> versions = classroom.store.versions(id);
        long nanos = System.nanoTime();
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, Long> v : versions.entrySet()) {
            Long sent = w.sentVersion.get(v.getKey());
            if (sent == null || sent < v.getValue()) moved.add(v.getKey());
        }
        boolean onlineCheck = ++w.polls % onlineEveryPolls == 0;
        if (moved.isEmpty() && !onlineCheck) return;
        for (StudentRow r : classroom.store.students(id)) {
            boolean online = r.online(now, Classroom.HELD);
            boolean wentAway = onlineCheck && !online && w.sentOnline.getOrDefault(r.nameKey(), false);
            boolean due = moved.contains(r.nameKey())
                    && paced(w, r, nanos); // a row held back by its pace waits for a later poll
            if (due || wentAway) sendTo(w, r, now, nanos);
        }
    }

    /** A board no screen of this server watches any more. */
    private void forget(String id) {
        boards.remove(id);
        written.remove(id);
    }

    private ObjectNode error(String code, String message) {
        ObjectNode n = mapper.createObjectNode();
        n.put("type", BoardMessageType.ERROR.wire);
        n.put("code", code);
        n.put("message", message);
        return n;
    }

    private void refuse(Session s, String code, String message, int closeCode) {
        send(s, error(code, message));
        s.close(closeCode, code, Callback.NOOP);
    }

    private void send(Session s, ObjectNode msg) {
        try {
            // Jetty's own queue is bounded (SocketLimits): a screen that stopped reading fails a send and is closed
            s.sendText(
                    mapper.writeValueAsString(msg),
                    Callback.from(() -> {}, failure -> s.close(1011, "a send failed", Callback.NOOP)));
        } catch (Exception e) {
            LOG.debug("a board message could not be sent: {}", String.valueOf(e));
        }
    }

    /** Boards watched now (for tests). */
    int watchedBoards() {
        return boards.size();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
