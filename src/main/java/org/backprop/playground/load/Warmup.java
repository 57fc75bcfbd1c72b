package org.backprop.playground.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.state.Speed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A just-started server's first minutes, played once by the server itself before a class arrives:
 * a few students on a class board of its own train, report and change a setting through the real
 * sockets, then leave, and the board is deleted. The JIT has then compiled what a class uses, so
 * the first class's joins reach the teacher's board as fast as later ones (docs/performance.md,
 * "A cold server"). Nothing is kept: the sessions close, the board goes.
 */
public final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    static final int STUDENTS = 20;
    static final Duration PLAY = Duration.ofSeconds(5);

    private Warmup() {}

    /** What a warm-up did: its board, how many of its students the board showed, whether the board went. */
    public record Result(String boardId, int studentsShown, boolean deleted, long millis) {}

    /** Plays the warm-up in the background, logging what it did; a refused warm-up only leaves the server colder. */
    public static void startInBackground(int port) {
        Thread warm = new Thread(
                () -> {
                    try {
                        Result r = run(port);
                        LOG.info(
                                "warmed up in {} ms: {} of {} students shown on a board of its own, {}",
                                r.millis(),
                                r.studentsShown(),
                                STUDENTS,
                                r.deleted() ? "deleted" : "not deleted (it expires)");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        // origins, per-address caps or a store down refuse it; the server still serves
                        LOG.warn("warm-up skipped: {}", e.toString());
                    }
                },
                "warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** Plays the warm-up against the server at {@code port} and waits for it. */
    public static Result run(int port) throws Exception {
        long start = System.nanoTime();
        URI ws = URI.create("ws://127.0.0.1:" + port + "/ws");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (BoardWatch board = BoardWatch.open(http, ws);
                Transport transport = new JdkTransport(http)) {
            List<ClientSession> students = new ArrayList<>();
            List<CompletableFuture<?>> opening = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                ClientSession s = new ClientSession(Speed.DEFAULT, board.studentState("warm-up " + i));
                students.add(s);
                opening.add(transport.connect(ws, s));
            }
            for (CompletableFuture<?> f : opening) f.get(15, TimeUnit.SECONDS);
            Thread.sleep(PLAY.toMillis() / 2);
            for (ClientSession s : students) s.send(BoardWatch.CHANGE);
            Thread.sleep(PLAY.toMillis() / 2);
            students.forEach(ClientSession::close);
            int shown = board.studentsShown();
            boolean deleted = board.delete(http, ws);
            return new Result(board.id, shown, deleted, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
