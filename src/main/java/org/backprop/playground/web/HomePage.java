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
import static j2html.TagCreator.main;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.p;
import static j2html.TagCreator.text;
import static j2html.TagCreator.title;
import static j2html.TagCreator.ul;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.web.page.I18n;
import org.backprop.playground.web.page.Messages;
import org.backprop.playground.web.page.PlaygroundPage;

/**
 * {@code GET /about}: a plain server-rendered page that says what the server offers (the
 * playground at {@code /} and the HTTP API), in the language of {@code lang} or else the
 * browser's {@code Accept-Language} (strings.json's {@code about.*}). Nothing else of the request
 * is rendered, and j2html escapes every text node, so no query string can inject markup.
 */
final class HomePage implements Handler {
    private final I18n i18n;

    HomePage(I18n i18n) {
        this.i18n = i18n;
    }

    @Override
    public void handle(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang == null || !PlaygroundState.LANGUAGES.contains(lang)) {
            lang = I18n.fromAcceptLanguage(ctx.header("Accept-Language"), PlaygroundState.LANGUAGES);
        }
        ctx.contentType("text/html; charset=utf-8").result(render(i18n.of(lang == null ? I18n.FALLBACK : lang)));
    }

    static String render(Messages m) {
        String playground = m.lang().equals(I18n.FALLBACK) ? "/" : "/?lang=" + m.lang();
        return document(html(
                        head(
                                meta().withCharset("utf-8"),
                                meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                                title(m.t("app.title")),
                                link().withRel("icon").withHref(PlaygroundPage.FAVICON),
                                link().withRel("stylesheet").withHref("/css/base.css")),
                        body(main(
                                h1(m.t("app.title")),
                                p(m.t("about.intro")),
                                p(a(m.t("about.open")).withHref(playground), text(m.t("about.openWhat"))),
                                p(m.t("about.docs")),
                                ul(
                                        li(a("GET /api/health").withHref("/api/health"), text(m.t("about.health"))),
                                        li(
                                                a("GET /api/datasets/xor").withHref("/api/datasets/xor"),
                                                text(m.t("about.datasets")),
                                                a(m.t("about.csv")).withHref("/api/datasets/xor?format=csv"),
                                                text(")")),
                                        li(code("POST /api/backprop"), text(m.t("about.backprop"))),
                                        li(code("POST /api/train"), text(m.t("about.train")))))))
                .withLang(m.lang()));
    }
}
