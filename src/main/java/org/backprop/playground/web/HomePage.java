package org.backprop.playground.web;

import static j2html.TagCreator.a;
import static j2html.TagCreator.body;
import static j2html.TagCreator.code;
import static j2html.TagCreator.document;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.head;
import static j2html.TagCreator.html;
import static j2html.TagCreator.li;
import static j2html.TagCreator.link;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.p;
import static j2html.TagCreator.text;
import static j2html.TagCreator.title;
import static j2html.TagCreator.ul;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /about}: a plain server-rendered page that says what the server offers (the
 * playground at {@code /} and the HTTP API). It renders nothing from the request, and j2html
 * escapes every text node, so no query string can inject markup.
 */
final class HomePage implements Handler {
    @Override
    public void handle(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(render());
    }

    static String render() {
        return document(html(
                head(
                        meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        title("Backprop Playground"),
                        link().withRel("stylesheet").withHref("/css/base.css")),
                body(
                        h1("Backprop Playground"),
                        p("A small neural network engine that shows its backward pass: every z, activation, "
                                + "delta and gradient of a forward and backward pass, and training runs you can "
                                + "reproduce from a seed."),
                        p(a("Open the playground").withHref("/"),
                                text(": the data, the decision regions and the network drawn live while it trains. "
                                        + "Its whole state is in the address bar, so a link is an experiment.")),
                        p("The HTTP API below is documented in docs/api.md and docs/model.md; the WebSocket "
                                + "protocol the page speaks is in docs/protocol.md."),
                        ul(
                                li(a("GET /api/health").withHref("/api/health"), text(" — status, version and limits")),
                                li(a("GET /api/datasets/xor").withHref("/api/datasets/xor"),
                                        text(" — a data set's points as JSON (also "),
                                        a("as CSV").withHref("/api/datasets/xor?format=csv"), text(")")),
                                li(code("POST /api/backprop"), text(" — one forward and backward pass: z, a, δ, dW, db")),
                                li(code("POST /api/train"), text(" — train a model on rows; losses per epoch and the trained model"))))
        ));
    }
}
