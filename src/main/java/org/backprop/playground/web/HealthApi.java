package org.backprop.playground.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.IntSupplier;

/** {@code GET /api/health}: liveness, the live session count, the version and the API limits. */
final class HealthApi implements Handler {
    private final JsonBody json;
    private final IntSupplier sessions;

    HealthApi(JsonBody json, IntSupplier sessions) {
        this.json = json;
        this.sessions = sessions;
    }

    @Override
    public void handle(Context ctx) {
        ObjectNode n = json.mapper().createObjectNode();
        n.put("status", "ok");
        n.put("sessions", sessions.getAsInt());
        n.put("version", AppConfig.VERSION);
        n.set("limits", Limits.toJson(json.mapper()));
        json.respond(ctx, 200, n);
    }
}
