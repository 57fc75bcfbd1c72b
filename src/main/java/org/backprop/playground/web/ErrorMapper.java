package org.backprop.playground.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses: every refusal, ours or Javalin's (unknown route, wrong
 * method, too large), answers {@code {"code","message","field"}} with its 4xx status. Anything
 * else is a bug on our side: logged, and answered 500 in the same shape.
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final JsonBody json;

    ErrorMapper(JsonBody json) {
        this.json = json;
    }

    void register(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            write(ctx, e.status, e.code, e.getMessage(), e.field);
        });
        config.routes.exception(
                HttpResponseException.class,
                (e, ctx) -> write(ctx, e.getStatus(), codeFor(e.getStatus()), messageFor(e, ctx), ""));
        // an engine or data-package refusal we did not attribute to a field: still the client's input
        config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
            LOG.warn("unattributed refusal on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            write(ctx, 422, "invalid_value", e.getMessage(), "");
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal", "the server failed on this request; it is logged", "");
        });
        // a 404 that no exception produced (e.g. from a static file lookup) gets the same shape
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 404, "not_found", "no such path: " + ctx.path(), "");
            }
        });
    }

    /** Writes the error body; also used for errors found outside Javalin's handlers. */
    void write(Context ctx, int status, String code, String message, String field) {
        ObjectNode n = ErrorBody.of(code, message, field);
        // a refused body may be left unread on the socket: the connection must not be reused
        if (status == 413) ctx.header("Connection", "close");
        if (ctx.header("Sec-WebSocket-Version") != null) {
            refuseUpgrade(ctx, status, n);
            return;
        }
        json.respond(ctx, status, n);
    }

    /** Javalin writes no result for a WebSocket upgrade it did not make (SocketAccess refused it): the body goes out here. */
    private void refuseUpgrade(Context ctx, int status, ObjectNode body) {
        try {
            byte[] bytes = json.mapper().writeValueAsBytes(body);
            ctx.res().setStatus(status);
            ctx.res().setContentType("application/json");
            ctx.res().setContentLength(bytes.length);
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            LOG.debug("a refused upgrade's answer could not be written: {}", String.valueOf(e));
        }
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            default -> "http_" + status;
        };
    }

    private static String messageFor(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no such path: " + ctx.method() + " " + ctx.path();
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "request bodies are limited to " + Limits.MAX_BODY_BYTES + " bytes (4 MiB)";
            default -> e.getMessage();
        };
    }
}
