package org.backprop.playground.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.backprop.playground.store.Board;
import org.backprop.playground.store.Exercise;
import org.backprop.playground.store.Ids;
import org.backprop.playground.store.StoreException;

/**
 * Short links a QR code on a projector can carry: {@code /b/{id}} opens a board's student link and
 * {@code /e/{id}} a stored exercise's link (docs/api.md). Each is a redirect to the full link, so
 * the page is the same as the long link's. One that names nothing the store has (or a store that
 * cannot be reached) still redirects, to the link naming only the id: the page says what is wrong
 * in the student's language (the join's {@code board_not_found}, the exercise's warning).
 */
final class ShortLinks {
    private final Classroom classroom;

    ShortLinks(Classroom classroom) {
        this.classroom = classroom;
    }

    void register(JavalinConfig config) {
        config.routes.get("/b/{id}", this::board);
        config.routes.get("/e/{id}", this::exercise);
    }

    static String boardLink(Board b) {
        return "/b/" + b.id();
    }

    static String exerciseLink(Exercise e) {
        return "/e/" + e.id();
    }

    private void board(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Board> b = Ids.wellFormed(id)
                ? lookup(() -> classroom.store.board(id, classroom.clock.instant()))
                : Optional.empty();
        redirect(ctx, b.map(BoardJson::studentUrl).orElse("/?board=" + safe(id)));
    }

    private void exercise(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Exercise> e = Ids.wellFormed(id) ? lookup(() -> classroom.store.exercise(id)) : Optional.empty();
        redirect(ctx, e.map(BoardsApi::exerciseUrl).orElse("/?exercise=" + safe(id)));
    }

    private static <T> Optional<T> lookup(java.util.function.Supplier<Optional<T>> call) {
        try {
            return call.get();
        } catch (StoreException unreachable) {
            return Optional.empty();
        }
    }

    /** An id as a query value: one the codec will refuse (with its warning) is still not markup or a second key. */
    private static String safe(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void redirect(Context ctx, String to) {
        // a board may be deleted and an id reused by nobody: never cached
        ctx.header("Cache-Control", "no-store");
        ctx.header("Location", to);
        ctx.status(303);
    }
}
