package org.backprop.playground.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.session.BoardView;
import org.backprop.playground.session.GoalReached;
import org.backprop.playground.session.GoalView;
import org.backprop.playground.session.MapView;
import org.backprop.playground.session.Thumbnail;
import org.backprop.playground.state.FieldError;
import org.backprop.playground.state.Msg;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.store.Ids;
import org.backprop.playground.store.Join;
import org.backprop.playground.store.Nicknames;
import org.backprop.playground.store.Progress;
import org.backprop.playground.store.Reached;
import org.backprop.playground.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Students' sessions on class boards (docs/protocol.md §10). A session whose state names a
 * {@code board} and a {@code name} joins that board when it connects or its state changes, and
 * leaves when it closes or its state stops naming it. What the board shows is recorded here, by the
 * server, from the session itself: one thread looks at every joined session each
 * {@link #LOOK_EVERY} (off the training threads: it copies what it needs under the session's lock)
 * and writes a row when something moved, at most once per {@link #WRITE_EVERY} per student, but at
 * once when the goal has just been met or the settings changed; a quiet student is written every {@link #HEARTBEAT} so the
 * board knows they are still there.
 */
final class BoardMembers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoardMembers.class);
    static final long LOOK_EVERY_MS = 250;
    static final Duration LOOK_EVERY = Duration.ofMillis(LOOK_EVERY_MS);
    static final long WRITE_EVERY_NANOS = 1_000_000_000L;
    static final Duration WRITE_EVERY = Duration.ofNanos(WRITE_EVERY_NANOS);
    static final long HEARTBEAT_NANOS = 10_000_000_000L;
    static final Duration HEARTBEAT = Duration.ofNanos(HEARTBEAT_NANOS);
    static final String BOARD_FULL = "board_full", NAME_TAKEN = "name_taken", NAME_INVALID = "name_invalid";

    /** One joined session: where it is, and what its board last got. */
    private static final class Member {
        final String boardId, name, nameKey;
        long lastWrite, epoch = -1;
        Double best;
        PlaygroundState state;
        boolean reachedWritten;
        /** A look was asked for at the frame that first showed the goal met (once). */
        volatile boolean nudged;

        Member(String boardId, String name) {
            this.boardId = boardId;
            this.name = name;
            this.nameKey = Nicknames.key(name);
        }
    }

    private final Classroom classroom;
    private final StateCodec codec;
    private final Map<Connection, Member> members = new ConcurrentHashMap<>();
    /** Joins per board, whoever asks: a class joining at once is a burst of its size. */
    private final AddressRates boardJoins = new AddressRates(20, Classroom.MAX_STUDENTS);

    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "board-reports");
        t.setDaemon(true);
        return t;
    });

    BoardMembers(Classroom classroom, StateCodec codec) {
        this(classroom, codec, LOOK_EVERY);
    }

    /** @param lookEvery how often every joined session is looked at ({@link #LOOK_EVERY}; tests lengthen it) */
    BoardMembers(Classroom classroom, StateCodec codec, Duration lookEvery) {
        this.classroom = classroom;
        this.codec = codec;
        looker.scheduleWithFixedDelay(this::lookAll, lookEvery.toMillis(), lookEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Joined sessions now. */
    int size() {
        return members.size();
    }

    /**
     * After a connect, {@code config} or {@code set}: joins, leaves or changes board as the session's
     * state now says. Returns the refusal to send (the session goes on, on no board), or null.
     */
    FieldError reconcile(Connection c) {
        // one connection's joins and leaves in order; other connections' go on meanwhile (each join is a database round
        // trip)
        synchronized (c.joins) {
            return reconcileLocked(c);
        }
    }

    private FieldError reconcileLocked(Connection c) {
        PlaygroundState s = c.training.state();
        String board = s.board(), name = Nicknames.clean(s.name());
        Member m = members.get(c);
        boolean wants = !board.isEmpty() && !s.name().isBlank();
        if (m != null && wants && m.boardId.equals(board) && m.name.equals(name)) return null;
        if (m != null) leaveLocked(c);
        if (!wants) return null;
        if (name == null) {
            return new FieldError(NAME_INVALID, "name", Msg.of("board.nameInvalid", "max", Nicknames.MAX_CHARS));
        }
        long now = System.nanoTime();
        if (c.joins.onMessage(now) != RateLimiter.Verdict.ACCEPT || !boardJoins.allow(board, now)) {
            return new FieldError(PlaygroundSocket.RATE_LIMITED, "name", Msg.of("board.joinRate"));
        }
        Join result;
        try {
            result = Ids.wellFormed(board)
                    ? classroom.store.join(
                            board,
                            name,
                            stateText(s),
                            Classroom.MAX_STUDENTS,
                            classroom.clock.instant(),
                            Classroom.HELD)
                    : Join.BOARD_NOT_FOUND;
        } catch (StoreException e) {
            LOG.warn("a join failed: {}", e.getMessage());
            return new FieldError(Classroom.STORE_UNAVAILABLE, "board", Msg.of("board.storeDown"));
        }
        return switch (result) {
            case JOINED, REJOINED -> {
                Member joined = new Member(board, name);
                joined.lastWrite = now;
                members.put(c, joined);
                classroom.signal.changed(board, joined.nameKey);
                yield null;
            }
            case BOARD_NOT_FOUND -> new FieldError(result.errorCode, "board", Msg.of("board.notFound"));
            case BOARD_FULL ->
                new FieldError(result.errorCode, "board", Msg.of("board.full", "max", Classroom.MAX_STUDENTS));
            case NAME_TAKEN -> new FieldError(result.errorCode, "name", Msg.of("board.nameTaken", "name", name));
        };
    }

    /**
     * After each frame of a session (its training thread): the frame that first shows the goal met
     * brings the look forward, so the board hears of it now rather than up to {@link #LOOK_EVERY} later.
     */
    void framed(Connection c) {
        Member m = members.get(c);
        if (m == null || m.nudged || m.reachedWritten || c.training.boardView().reached() == null) return;
        m.nudged = true;
        looker.execute(() -> {
            if (members.get(c) == m) look(c, m);
        });
    }

    /** The session closed or left its board: its row says so. */
    void leave(Connection c) {
        synchronized (c.joins) {
            leaveLocked(c);
        }
    }

    private void leaveLocked(Connection c) {
        Member m = members.remove(c);
        if (m == null) return;
        try {
            classroom.store.leave(m.boardId, m.nameKey, classroom.clock.instant());
            classroom.signal.changed(m.boardId, m.nameKey);
        } catch (StoreException e) {
            LOG.warn(
                    "a leave was not recorded (the row goes offline after {} unseen): {}",
                    Classroom.HELD,
                    e.getMessage());
        }
    }

    private void lookAll() {
        for (Map.Entry<Connection, Member> e : List.copyOf(members.entrySet())) {
            try {
                look(e.getKey(), e.getValue());
            } catch (RuntimeException ex) {
                // one student's failed write must not stop the others' reports
                LOG.debug("a board report failed: {}", String.valueOf(ex));
            }
        }
    }

    /**
     * Whether a student's row is written at this look: the goal just met, and new settings (what a
     * teacher watches for: at most one a look, 4 a second while a slider moves), at once; progress
     * alone at most once a {@link #WRITE_EVERY}; a quiet student every {@link #HEARTBEAT}.
     */
    static boolean due(boolean newlyReached, boolean newSettings, boolean moved, long nanosSinceWrite) {
        return newlyReached
                || newSettings
                || moved && nanosSinceWrite >= WRITE_EVERY_NANOS
                || nanosSinceWrite >= HEARTBEAT_NANOS;
    }

    private void look(Connection c, Member m) {
        long now = System.nanoTime();
        BoardView v = c.training.boardView();
        GoalView g = v.goal();
        Double best = g == null ? null : g.best();
        boolean newlyReached = v.reached() != null && !m.reachedWritten;
        boolean moved = v.epoch() != m.epoch
                || !Objects.equals(best, m.best)
                || !v.state().equals(m.state);
        boolean newSettings = m.state != null && !v.state().equals(m.state);
        boolean due = due(newlyReached, newSettings, moved, now - m.lastWrite);
        if (!due) return;
        m.lastWrite = now; // a failed write is tried again at the next due time, not at every look
        Progress p;
        try {
            p = new Progress(
                    v.epoch(),
                    g == null ? null : g.goal().metric().key,
                    best,
                    stateText(v.state()),
                    thumbnail(c.training.mapView()),
                    m.reachedWritten ? null : reached(m.boardId, v.reached()));
            classroom.store.report(m.boardId, m.nameKey, p, classroom.clock.instant());
        } catch (StoreException ex) {
            LOG.debug("a board report was not written: {}", ex.getMessage());
            return;
        }
        classroom.signal.changed(m.boardId, m.nameKey);
        if (members.get(c) != m) return; // it left meanwhile
        m.epoch = v.epoch();
        m.best = best;
        m.state = v.state();
        m.reachedWritten |= p.reached() != null;
    }

    /** Weights' characters a run's link carries itself (a 2-D 4,2 network's 25 are ~500); more are a stored run. */
    static final int RUN_LINK_CHARS = 2000;

    /** The goal met as the board keeps it: its state with the weights then, in the link or, when many, as a stored run's id. */
    private Reached reached(String boardId, GoalReached r) {
        if (r == null) return null;
        List<Double> weights = new ArrayList<>(r.weights().length);
        for (double w : r.weights()) weights.add(w);
        PlaygroundState run = r.state().asRun(weights);
        String numbers = StateCodec.weightsValue(run);
        if (numbers.length() > RUN_LINK_CHARS)
            run = run.withRun(classroom.store.createRun(boardId, numbers, classroom.clock.instant()));
        return new Reached(r.epoch(), r.seconds(), codec.write(run), weights);
    }

    private static String thumbnail(MapView v) {
        byte[] bytes = Thumbnail.of(v);
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    /** A student's settings as a board keeps them: off the board, so opening them joins nothing. */
    private String stateText(PlaygroundState s) {
        return codec.write(s.offBoard());
    }

    @Override
    public void close() {
        looker.shutdownNow();
    }
}
