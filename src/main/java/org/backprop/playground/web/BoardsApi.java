package org.backprop.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.store.Board;
import org.backprop.playground.store.Exercise;
import org.backprop.playground.store.NewBoard;

/**
 * The class API (docs/api.md "Exercises and class boards"): stored exercises, and boards whose
 * results only the teacher key reads. A state is stored as the codec writes it (normalized, the
 * class keys dropped), so a stored exercise opens as the same experiment as its link did.
 * Creations and reads are rate-limited per client address; bodies are capped below the API's own limit.
 */
final class BoardsApi {
    /** A state query stored with an exercise, at most (a link with initial weights is a few KB). */
    static final int MAX_STATE_CHARS = 64 * 1024;

    static final String RATE_LIMITED = "rate_limited";
    static final String EXERCISE_NOT_FOUND = "exercise_not_found";

    private final JsonBody json;
    private final Classroom classroom;
    private final StateCodec codec;
    private final BoardJson rows;
    private final SocketAccess access;
    /** Creations (exercises and boards) and reads of boards, per client address. */
    private final AddressRates creations = new AddressRates(1, 30), reads = new AddressRates(10, 60);

    BoardsApi(JsonBody json, Classroom classroom, StateCodec codec, SocketAccess access) {
        this.json = json;
        this.classroom = classroom;
        this.codec = codec;
        this.rows = new BoardJson(json.mapper());
        this.access = access;
    }

    void register(JavalinConfig config) {
        config.routes.post("/api/exercises", this::createExercise);
        config.routes.get("/api/exercises/{id}", this::getExercise);
        config.routes.post("/api/boards", this::createBoard);
        config.routes.get("/api/boards/{id}", this::getBoard);
        config.routes.get("/api/boards/{id}/results.csv", this::getCsv);
        config.routes.delete("/api/boards/{id}", this::deleteBoard);
    }

    private void createExercise(Context ctx) {
        limit(ctx, creations);
        Body b = body(ctx);
        Exercise e = Classroom.guarded(
                () -> classroom.store.createExercise(b.state, b.task, b.title, classroom.clock.instant()));
        ObjectNode n = exercise(e);
        n.put("url", exerciseUrl(e));
        n.put("shortUrl", ShortLinks.exerciseLink(e));
        json.respond(ctx, 201, n);
    }

    /** {@code /?exercise=<id>&<state>}: the stored exercise's link. */
    static String exerciseUrl(Exercise e) {
        return "/?exercise=" + e.id() + (e.state().isEmpty() ? "" : "&" + e.state());
    }

    private void getExercise(Context ctx) {
        limit(ctx, reads);
        String id = ctx.pathParam("id");
        Exercise e = Classroom.guarded(() -> classroom.store.exercise(id))
                .orElseThrow(() -> new ApiException(
                        404, EXERCISE_NOT_FOUND, "", "no stored exercise '" + ClientMessage.shorten(id) + "'"));
        json.respond(ctx, 200, exercise(e));
    }

    private ObjectNode exercise(Exercise e) {
        ObjectNode n = json.mapper().createObjectNode();
        n.put("id", e.id());
        n.put("state", e.state());
        n.put("task", e.task());
        n.put("title", e.title());
        return n;
    }

    private void createBoard(Context ctx) {
        limit(ctx, creations);
        Body b = body(ctx);
        Instant now = classroom.clock.instant();
        NewBoard made = Classroom.guarded(
                () -> classroom.store.createBoard(b.state, b.task, b.title, now, now.plus(classroom.boardLifetime)));
        Board board = made.board();
        ObjectNode n = json.mapper().createObjectNode();
        n.put("id", board.id());
        n.put("exercise", board.exercise().id());
        n.put("studentUrl", BoardJson.studentUrl(board));
        n.put("shortStudentUrl", ShortLinks.boardLink(board));
        n.put("teacherUrl", BoardJson.teacherUrl(board, made.teacherKey()));
        n.put("teacherKey", made.teacherKey());
        n.put("expiresAt", board.expiresAt().toString());
        ctx.header("Cache-Control", "no-store");
        json.respond(ctx, 201, n);
    }

    private void getBoard(Context ctx) {
        limit(ctx, reads);
        Board b = classroom.teachersBoard(ctx.pathParam("id"), key(ctx));
        Instant now = classroom.clock.instant();
        ctx.header("Cache-Control", "no-store");
        json.respond(ctx, 200, rows.board(b, Classroom.guarded(() -> classroom.store.students(b.id())), now));
    }

    private void getCsv(Context ctx) {
        limit(ctx, reads);
        Board b = classroom.teachersBoard(ctx.pathParam("id"), key(ctx));
        String csv = BoardJson.csv(Classroom.guarded(() -> classroom.store.students(b.id())));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"board-" + b.id() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv.getBytes(StandardCharsets.UTF_8));
    }

    private void deleteBoard(Context ctx) {
        limit(ctx, creations);
        Board b = classroom.teachersBoard(ctx.pathParam("id"), key(ctx));
        Classroom.guarded(() -> classroom.store.deleteBoard(b.id()));
        ctx.status(204);
    }

    /** The teacher key: {@code Authorization: Bearer <key>}, else {@code ?key=}. */
    static String key(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7))
            return auth.substring(7).trim();
        return ctx.queryParam("key");
    }

    private void limit(Context ctx, AddressRates rates) {
        String address =
                access.clientAddress(ctx.req().getRemoteAddr(), ctx.req().getHeaders("X-Forwarded-For"));
        if (!rates.allow(address, System.nanoTime())) {
            throw new ApiException(
                            429,
                            RATE_LIMITED,
                            "",
                            "more than " + rates.perSecond() + " of these requests a second from your address"
                                    + " (bursts of " + rates.burst() + "); try again in a moment")
                    .retryAfter(1);
        }
    }

    /** An exercise's body: {@code {"state": "<query>", "task": "..."}}, both optional, normalized and checked. */
    private record Body(String state, String task, String title) {}

    private Body body(Context ctx) {
        JsonNode root = json.readObject(ctx);
        JsonNode s = Fields.optional(root, "state"), t = Fields.optional(root, "task");
        String rawState = s == null ? "" : Fields.string(s, "state");
        if (rawState.length() > MAX_STATE_CHARS) {
            throw ApiException.tooLarge(
                    "state", "the state is " + rawState.length() + " characters; at most " + MAX_STATE_CHARS);
        }
        if (rawState.startsWith("?")) rawState = rawState.substring(1);
        PlaygroundState state = codec.parse(rawState).state().withoutClassKeys();
        String task = TaskText.check(t == null ? "" : Fields.string(t, "task"), "task");
        return new Body(codec.write(state), task, state.title());
    }
}
