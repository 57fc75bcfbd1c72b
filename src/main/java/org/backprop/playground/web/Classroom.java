package org.backprop.playground.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.backprop.playground.store.Board;
import org.backprop.playground.store.BoardStore;
import org.backprop.playground.store.ExpirySweep;
import org.backprop.playground.store.Ids;
import org.backprop.playground.store.StoreException;

/**
 * The class side of one app: the store, its clock and the board rules every part of the web layer
 * shares (the HTTP API, students' sessions, the teacher's board socket). Owns the store and its
 * expiry sweep; closed when the server stops.
 */
final class Classroom implements AutoCloseable {
    /** Students on one board, at most (contract: 200). */
    static final int MAX_STUDENTS = 200;
    /**
     * A row not seen for this long counts as gone even without a leave (its server died): the
     * nickname is free again. Sessions report at least every {@link BoardMember#HEARTBEAT}.
     */
    static final Duration HELD = Duration.ofSeconds(30);

    static final String BOARD_KEY = "board_key";
    static final String BOARD_NOT_FOUND = "board_not_found";
    static final String STORE_UNAVAILABLE = "store_unavailable";

    final BoardStore store;
    final Clock clock;
    /** Rows written on this server, told to this server's board sockets at once. */
    final BoardSignal signal = new BoardSignal();

    final Duration boardLifetime;
    private final ExpirySweep sweep;

    Classroom(BoardStore store, Clock clock, Duration boardLifetime) {
        this.store = store;
        this.clock = clock;
        this.boardLifetime = boardLifetime;
        this.sweep = new ExpirySweep(store, clock);
    }

    /** The board for its teacher: 404 when unknown or expired, 403 without its key (checked after, so ids are not probed by key). */
    Board teachersBoard(String id, String key) {
        Board b = live(id).orElseThrow(() -> new ApiException(
                404,
                BOARD_NOT_FOUND,
                "",
                "no class board '" + ClientMessage.shorten(id) + "': it never existed, was deleted, or has expired"));
        if (!b.keyMatches(key)) {
            throw new ApiException(
                    403,
                    BOARD_KEY,
                    "key",
                    key == null || key.isEmpty()
                            ? "this board's results need its teacher key: open the teacher link, or send Authorization: Bearer <key>"
                            : "that is not this board's teacher key");
        }
        return b;
    }

    /** A board that exists and has not expired. */
    Optional<Board> live(String id) {
        if (!Ids.wellFormed(id)) return Optional.empty();
        return guarded(() -> store.board(id, clock.instant()));
    }

    /** Runs a store call, a database failure becoming 503 {@code store_unavailable}. */
    static <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreException e) {
            throw new ApiException(
                            503, STORE_UNAVAILABLE, "", "the class store cannot be reached now; try again in a moment")
                    .retryAfter(5);
        }
    }

    @Override
    public void close() {
        sweep.close();
        store.close();
    }
}
