package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The teacher's live board socket: the board on connect, students as they change, the key, deletion. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class BoardSocketTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private record Made(String id, String key) {}

    private Made board() {
        JsonNode b = server.json(server.post("/api/boards", "{\"state\":\"\",\"task\":\"Go\"}"));
        return new Made(b.get("id").asText(), b.get("teacherKey").asText());
    }

    private String boardUrl(String id, String key) {
        return server.wsUrl() + "/board/" + id + (key == null ? "" : "?key=" + key);
    }

    @Test
    void a_wrong_key_or_an_unknown_board_gets_its_error_and_close_1008() {
        Made b = board();
        try (WsClient none = WsClient.connect(boardUrl(b.id(), null));
                WsClient wrong = WsClient.connect(boardUrl(b.id(), "x" + b.key()));
                WsClient unknown = WsClient.connect(boardUrl("zzzzzzzzzz", b.key()))) {
            assertEquals(
                    "board_key",
                    none.await(m -> m.type().equals("error"), "error")
                            .json()
                            .get("code")
                            .asText());
            assertEquals(
                    "board_key",
                    wrong.await(m -> m.type().equals("error"), "error")
                            .json()
                            .get("code")
                            .asText());
            assertEquals(
                    "board_not_found",
                    unknown.await(m -> m.type().equals("error"), "error")
                            .json()
                            .get("code")
                            .asText());
            assertEquals(1008, none.awaitClose());
            assertEquals(1008, wrong.awaitClose());
            assertEquals(1008, unknown.awaitClose());
        }
    }

    @Test
    void a_students_goal_reached_shows_on_the_board_socket_within_a_look_a_poll_and_a_rows_pace() {
        TrainingSession probe = new TrainingSession(
                new StateCodec(PlaygroundLimits.defaults()).parse("").state());
        double[] losses = new double[41];
        for (int e = 0; e <= 40; e++) {
            if (e > 0) probe.runEpochs(1);
            losses[e] = probe.snapshot().trainLoss();
        }
        double target = losses[30];
        Made b = board();
        try (WsClient teacher = WsClient.connect(boardUrl(b.id(), b.key()));
                WsClient ada = WsClient.greeted(server.wsUrl())) {
            JsonNode first =
                    teacher.await(m -> m.type().equals("board"), "the board").json();
            assertEquals(b.id(), first.get("id").asText());
            assertEquals(0, first.get("students").size());
            assertTrue(first.toString().indexOf(b.key()) < 0, "the board message does not repeat the key");

            ada.send(
                    "c",
                    "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"board\":\"" + b.id()
                            + "\",\"name\":\"Ada\",\"goal\":\"trainLoss<" + target + "\"}}");
            JsonNode joined = teacher.await(m -> m.type().equals("student"), "Ada's row")
                    .json()
                    .get("student");
            assertEquals("Ada", joined.get("name").asText());
            assertTrue(joined.get("online").asBoolean());

            long since = ada.mark(), boardSince = teacher.mark();
            ada.send("{\"type\":\"step\",\"epochs\":40}");
            long metAt = 0, shownAt = 0;
            long deadline = System.nanoTime() + WsClient.DEADLINE.toNanos();
            while ((metAt == 0 || shownAt == 0) && System.nanoTime() < deadline) {
                if (metAt == 0)
                    for (WsClient.Message m : ada.received) {
                        if (m.seq() > since
                                && m.binary()
                                && m.json().path("goal").path("met").asBoolean()) metAt = System.nanoTime();
                    }
                if (shownAt == 0)
                    for (WsClient.Message m : teacher.received) {
                        if (m.seq() > boardSince
                                && m.type().equals("student")
                                && !m.json().at("/student/reached").isNull()) shownAt = System.nanoTime();
                    }
                WsClient.sleep(2);
            }
            assertTrue(metAt > 0, "the student's frames never showed the goal met");
            assertTrue(shownAt > 0, "the board never showed the goal reached");
            double delay = (shownAt - metAt) / 1e9;
            // a figure, not a check (a shared machine's timing is noise); what is checked is the design's
            // budget: the reports' look and a row's pace, one after the other, within a second (a row written
            // on this server is sent at once; the poll is for students on other servers)
            System.out.printf("board socket: goal reached shown %.3f s after the student's frame showed it%n", delay);
            long worstMs = BoardMembers.LOOK_EVERY_MS + BoardSocket.ROW_EVERY_NANOS / 1_000_000;
            assertTrue(worstMs <= 1000, "a goal reached waits at most a look and a row's pace: " + worstMs + " ms");
            JsonNode row = teacher.await(
                            boardSince,
                            m -> m.type().equals("student")
                                    && !m.json().at("/student/reached").isNull(),
                            "reached")
                    .json();
            int firstBelow = 0;
            while (!(losses[firstBelow] < target)) firstBelow++;
            assertEquals(firstBelow, row.at("/student/reached/epoch").asLong());

            teacher.send("{\"type\":\"ping\"}");
            teacher.send("{\"type\":\"play\"}");
            assertEquals(
                    "unknown_type",
                    teacher.await(m -> m.type().equals("error"), "the refusal")
                            .json()
                            .get("code")
                            .asText());
        }
    }

    @Test
    void a_student_on_this_server_shows_without_waiting_for_a_poll() {
        // the poll a minute apart: whatever arrives within the test's deadline came by the server's own signal
        AppConfig config = AppConfig.defaults()
                .withStore(org.backprop.playground.store.StoreConfig.inMemory()
                        .withBoardPoll(java.time.Duration.ofSeconds(60)));
        TrainingSession probe = new TrainingSession(
                new StateCodec(PlaygroundLimits.defaults()).parse("").state());
        double[] losses = new double[21];
        for (int e = 0; e <= 20; e++) {
            if (e > 0) probe.runEpochs(1);
            losses[e] = probe.snapshot().trainLoss();
        }
        double target = losses[20];
        int firstMet = 0;
        while (!(losses[firstMet] <= target)) firstMet++;
        try (TestServer own = new TestServer(config)) {
            JsonNode made = own.json(own.post("/api/boards", "{\"state\":\"\",\"task\":\"Go\"}"));
            String id = made.get("id").asText(), key = made.get("teacherKey").asText();
            try (WsClient teacher = WsClient.connect(own.wsUrl() + "/board/" + id + "?key=" + key)) {
                teacher.await(m -> m.type().equals("board"), "the board");
                long since = teacher.mark();
                long startedAt = System.nanoTime(), joinedAt, reachedAt, leftAt;
                try (WsClient ada = WsClient.greeted(own.wsUrl())) {
                    ada.send(
                            "c",
                            "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"board\":\"" + id
                                    + "\",\"name\":\"Ada\",\"goal\":\"trainLoss<=" + target + "\"}}");
                    teacher.await(
                            since,
                            m -> m.type().equals("student")
                                    && m.json().at("/student/name").asText().equals("Ada"),
                            "Ada joined");
                    joinedAt = System.nanoTime();
                    ada.send("{\"type\":\"step\",\"epochs\":40}");
                    JsonNode reached = teacher.await(
                                    since,
                                    m -> m.type().equals("student")
                                            && !m.json().at("/student/reached").isNull(),
                                    "Ada's goal reached")
                            .json();
                    reachedAt = System.nanoTime();
                    assertEquals(firstMet, reached.at("/student/reached/epoch").asLong(), reached::toString);
                }
                teacher.await(
                        since,
                        m -> m.type().equals("student")
                                && !m.json().at("/student/leftAt").isNull(),
                        "Ada left");
                leftAt = System.nanoTime();
                long rows = teacher.received.stream()
                        .filter(m -> m.seq() > since && m.type().equals("student"))
                        .count();
                System.out.printf(
                        "board socket, poll 60 s: join %.3f s, goal reached %.3f s after the step, left %.3f s after; %d student messages%n",
                        (joinedAt - startedAt) / 1e9, (reachedAt - joinedAt) / 1e9, (leftAt - reachedAt) / 1e9, rows);
                assertTrue(rows >= 3, "joined, reached and left each came: " + rows);
            }
        }
    }

    @Test
    void the_frame_that_first_shows_the_goal_met_sends_it_to_the_board_without_waiting_for_a_look() {
        // the sessions' look and the board's poll a minute apart: a goal reached that arrives came by the frame's own
        // nudge
        AppConfig config = AppConfig.defaults()
                .withStore(org.backprop.playground.store.StoreConfig.inMemory()
                        .withBoardPoll(java.time.Duration.ofSeconds(60))
                        .withReportLook(java.time.Duration.ofSeconds(60)));
        TrainingSession probe = new TrainingSession(
                new StateCodec(PlaygroundLimits.defaults()).parse("").state());
        probe.runEpochs(5);
        double target = probe.snapshot().trainLoss();
        try (TestServer own = new TestServer(config)) {
            JsonNode made = own.json(own.post("/api/boards", "{\"state\":\"\",\"task\":\"Go\"}"));
            String id = made.get("id").asText(), key = made.get("teacherKey").asText();
            try (WsClient teacher = WsClient.connect(own.wsUrl() + "/board/" + id + "?key=" + key);
                    WsClient ada = WsClient.greeted(own.wsUrl())) {
                teacher.await(m -> m.type().equals("board"), "the board");
                long since = teacher.mark();
                ada.send(
                        "c",
                        "{\"type\":\"config\",\"id\":\"c\",\"state\":{\"board\":\"" + id
                                + "\",\"name\":\"Ada\",\"goal\":\"trainLoss<=" + target + "\"}}");
                teacher.await(since, m -> m.type().equals("student"), "Ada joined");
                ada.send("{\"type\":\"step\",\"epochs\":10}");
                JsonNode reached = teacher.await(
                                since,
                                m -> m.type().equals("student")
                                        && !m.json().at("/student/reached").isNull(),
                                "Ada's goal reached")
                        .json();
                assertTrue(reached.at("/student/reached/epoch").asLong() <= 5, reached::toString);
            }
        }
    }

    @Test
    void a_deleted_board_tells_its_screens_and_closes_them() {
        Made b = board();
        try (WsClient teacher = WsClient.connect(boardUrl(b.id(), b.key()))) {
            teacher.await(m -> m.type().equals("board"), "the board");
            assertEquals(204, server.delete("/api/boards/" + b.id(), b.key()).statusCode());
            teacher.await(m -> m.type().equals("deleted"), "deleted");
            assertEquals(1000, teacher.awaitClose());
        }
    }

    @Test
    void a_flood_of_board_connections_from_one_address_is_refused_with_rate_limited() throws Exception {
        // eight at a time, as many as it takes: on a busy machine connections open slower and the bucket refills
        // meanwhile
        try (TestServer own = new TestServer()) {
            long start = System.nanoTime(), deadline = start + WsClient.DEADLINE.toNanos();
            java.util.concurrent.atomic.AtomicInteger lookedUp = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean limited = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    while (!limited.get() && System.nanoTime() < deadline) {
                        try (WsClient c = WsClient.connect(own.wsUrl() + "/board/zzzzzzzzzz?key=nope")) {
                            String code = c.await(m -> m.type().equals("error"), "the refusal")
                                    .json()
                                    .get("code")
                                    .asText();
                            if (code.equals("rate_limited")) limited.set(true);
                            else if (code.equals("board_not_found")) lookedUp.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(limited.get(), lookedUp + " connections in " + seconds + " s were all let through to the store");
            assertTrue(
                    lookedUp.get() >= 60 && lookedUp.get() <= 60 + 10 * seconds + 8,
                    lookedUp + " looked up in " + seconds + " s (bursts of 60, then 10 a second)");
        }
    }

    @Test
    void a_student_whose_server_died_goes_offline_on_the_board_by_time_alone() {
        Made b = board();
        // a row last seen just under the hold ago, as a server that died leaves it: no leave will come
        java.time.Instant seen =
                server.classroom().clock.instant().minus(Classroom.HELD).plusMillis(1500);
        server.classroom().store.join(b.id(), "Ghost", "s", Classroom.MAX_STUDENTS, seen, Classroom.HELD);
        try (WsClient teacher = WsClient.connect(boardUrl(b.id(), b.key()))) {
            JsonNode first =
                    teacher.await(m -> m.type().equals("board"), "the board").json();
            assertTrue(first.at("/students/0/online").asBoolean(), first.toString());
            JsonNode gone = teacher.await(m -> m.type().equals("student"), "Ghost going offline")
                    .json()
                    .get("student");
            assertEquals("Ghost", gone.get("name").asText());
            assertTrue(!gone.get("online").asBoolean() && gone.get("leftAt").isNull(), gone.toString());
        }
    }
}
