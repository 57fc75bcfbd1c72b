package org.backprop.playground.web.page;

import static j2html.TagCreator.a;
import static j2html.TagCreator.body;
import static j2html.TagCreator.button;
import static j2html.TagCreator.div;
import static j2html.TagCreator.document;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.header;
import static j2html.TagCreator.html;
import static j2html.TagCreator.img;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.link;
import static j2html.TagCreator.main;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.ol;
import static j2html.TagCreator.option;
import static j2html.TagCreator.p;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.script;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.title;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import j2html.tags.DomContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.backprop.playground.session.GoalWords;
import org.backprop.playground.state.Goal;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.store.Board;
import org.backprop.playground.web.ApiException;

/**
 * {@code GET /board/{id}?key=<key>}: the teacher's live class board. The server checks the key and
 * renders the frame (title, goal in words, the student link for the projector, sorting, CSV,
 * delete); board-page.js fills one tile per student from {@code /ws/board/{id}} (docs/protocol.md
 * §11), every value as text. Without the key, or with another, a 403 page; an unknown or expired
 * board, 404. The page's language: {@code ?lang=}, else the browser's, else the exercise's.
 */
public final class BoardPage implements Handler {
    private final BiFunction<String, String, Board> teachersBoard;
    private final StateCodec codec;
    private final I18n i18n;
    private final ObjectMapper mapper;

    /** @param teachersBoard (id, key) → the board, or an ApiException (404 board_not_found, 403 board_key) */
    public BoardPage(
            BiFunction<String, String, Board> teachersBoard, StateCodec codec, I18n i18n, ObjectMapper mapper) {
        this.teachersBoard = teachersBoard;
        this.codec = codec;
        this.i18n = i18n;
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        // the key is in this page's address: no Referer carries it to another site
        ctx.header("Referrer-Policy", "no-referrer");
        String auth = ctx.header("Authorization");
        String key = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? auth.substring(7).trim()
                : ctx.queryParam("key");
        String wanted = ctx.queryParam("lang");
        Board board;
        try {
            board = teachersBoard.apply(ctx.pathParam("id"), key);
        } catch (ApiException e) {
            Messages m = i18n.of(language(wanted, ctx.header("Accept-Language"), null));
            ctx.status(e.status).contentType("text/html; charset=utf-8").result(refusal(m, e));
            return;
        }
        PlaygroundState exercise = codec.parse(board.exercise().state()).state();
        Messages m = i18n.of(language(wanted, ctx.header("Accept-Language"), exercise.lang()));
        ctx.contentType("text/html; charset=utf-8").result(render(m, board, exercise, key));
    }

    private static String language(String wanted, String acceptLanguage, String exerciseLang) {
        if (wanted != null && PlaygroundState.LANGUAGES.contains(wanted)) return wanted;
        String header = I18n.fromAcceptLanguage(acceptLanguage, PlaygroundState.LANGUAGES);
        if (header != null) return header;
        return exerciseLang != null ? exerciseLang : I18n.FALLBACK;
    }

    private static DomContent head(Messages m, String titleText) {
        return j2html.TagCreator.head(
                meta().withCharset("utf-8"),
                meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                meta().withName("referrer").withContent("no-referrer"),
                title(titleText),
                link().withRel("icon").withHref(PlaygroundPage.FAVICON),
                link().withRel("stylesheet").withHref("/css/playground.css"),
                link().withRel("stylesheet").withHref("/css/board.css"));
    }

    private static DomContent pageHeader(Messages m, DomContent actions) {
        return header(
                        div(
                                        h1(a(m.t("app.title")).withHref("/")),
                                        p(m.t("boardPage.heading")).withClass("tagline"))
                                .withClass("brand"),
                        div(actions).withClass("header-actions"))
                .withClass("app-header");
    }

    /** The 403 or 404 page: what is wrong and what to do, no board data. */
    private String refusal(Messages m, ApiException e) {
        String words = m.t(e.status == 403 ? "boardPage.needKey" : "boardPage.notFound");
        return document(html(
                        head(m, m.t("boardPage.heading") + " · " + m.t("app.title")),
                        body(
                                pageHeader(m, a(m.t("build.back")).withHref("/").withClass("header-link")),
                                main(section(
                                                h2(words),
                                                p(m.t("boardPage.refusalHint")).withClass("prose")))
                                        .withClass("board-page board-refused")))
                .withLang(m.lang()));
    }

    private String render(Messages m, Board board, PlaygroundState exercise, String key) {
        String title = board.exercise().title().isEmpty()
                ? exercise.title()
                : board.exercise().title();
        Goal goal = exercise.goal();
        return document(html(
                        head(
                                m,
                                (title.isEmpty() ? m.t("boardPage.heading") : title) + " · "
                                        + m.t("boardPage.heading")),
                        body(
                                pageHeader(
                                        m,
                                        div(each(
                                                        PlaygroundState.LANGUAGES,
                                                        lang -> a(m.t("lang." + lang))
                                                                .withClass("lang-button"
                                                                        + (lang.equals(m.lang()) ? " selected" : ""))
                                                                .attr("data-lang", lang)
                                                                .attr("lang", lang)
                                                                // the same board in that language: the key stays (it
                                                                // opened this page)
                                                                .withHref("?key="
                                                                        + java.net.URLEncoder.encode(
                                                                                key,
                                                                                java.nio.charset.StandardCharsets.UTF_8)
                                                                        + "&lang=" + lang)))
                                                .withClass("lang-switch board-lang")),
                                main(
                                                section(
                                                                div(
                                                                                h2(title)
                                                                                        .withId("board-title")
                                                                                        .withCondHidden(
                                                                                                title.isEmpty()),
                                                                                p(
                                                                                                span(m.t(
                                                                                                                "exercise.goal"))
                                                                                                        .withClass(
                                                                                                                "goal-label"),
                                                                                                span(goal == null
                                                                                                                ? m.t(
                                                                                                                        "boardPage.noGoal")
                                                                                                                : m.say(
                                                                                                                        GoalWords
                                                                                                                                .words(
                                                                                                                                        goal),
                                                                                                                        goal
                                                                                                                                .toString()))
                                                                                                        .withId(
                                                                                                                "board-goal"))
                                                                                        .withClass("board-goal"),
                                                                                // the task as text; board-page.js shows
                                                                                // its *emphasis* (task-text.js)
                                                                                div(board.exercise()
                                                                                                .task())
                                                                                        .withId("board-task")
                                                                                        .withClass(
                                                                                                "task-text board-task")
                                                                                        .withCondHidden(board.exercise()
                                                                                                .task()
                                                                                                .isEmpty()),
                                                                                p(m.format(
                                                                                                "boardPage.expires",
                                                                                                "date",
                                                                                                board.expiresAt()
                                                                                                        .toString()
                                                                                                        .substring(
                                                                                                                0, 10)))
                                                                                        .withClass("board-meta"))
                                                                        .withClass("board-about"),
                                                                div(
                                                                                p(m.t("boardPage.studentsOpen"))
                                                                                        .withClass("board-share-label"),
                                                                                div(
                                                                                                input().withId(
                                                                                                                "board-student-link")
                                                                                                        .withType(
                                                                                                                "text")
                                                                                                        .isReadonly()
                                                                                                        .attr(
                                                                                                                "aria-label",
                                                                                                                m.t(
                                                                                                                        "build.studentLink")),
                                                                                                button(
                                                                                                                m.t(
                                                                                                                        "build.copy"))
                                                                                                        .withType(
                                                                                                                "button")
                                                                                                        .withId(
                                                                                                                "board-copy")
                                                                                                        .withClass(
                                                                                                                "basic-button"))
                                                                                        .withClass("link-row"),
                                                                                img().withId("board-qr")
                                                                                        .withClass("board-qr")
                                                                                        .withAlt(m.t("build.qrAlt")),
                                                                                button(m.t("boardPage.projector"))
                                                                                        .withType("button")
                                                                                        .withId("board-projector")
                                                                                        .withClass("basic-button")
                                                                                        .attr("aria-pressed", "false"))
                                                                        .withId("board-share")
                                                                        .withClass("board-share"))
                                                        .withClass("board-head"),
                                                section(
                                                                label(
                                                                                span(m.t("boardPage.sort")),
                                                                                select(each(
                                                                                                List.of(
                                                                                                        "reached",
                                                                                                        "best", "name",
                                                                                                        "joined"),
                                                                                                k -> option(
                                                                                                                m.t(
                                                                                                                        "boardPage.sort."
                                                                                                                                + k))
                                                                                                        .withValue(k)))
                                                                                        .withId("board-sort"))
                                                                        .withClass("board-sort"),
                                                                span().withId("board-count")
                                                                        .withClass("board-count")
                                                                        .attr("aria-live", "polite"),
                                                                span().withId("board-connection")
                                                                        .withClass("board-connection")
                                                                        .attr("role", "status"),
                                                                a(m.t("boardPage.csv"))
                                                                        .withId("board-csv")
                                                                        .withHref("/")
                                                                        .withClass("basic-button")
                                                                        .attr("download", ""),
                                                                button(m.t("boardPage.delete"))
                                                                        .withType("button")
                                                                        .withId("board-delete")
                                                                        .withClass("basic-button danger"))
                                                        .withClass("board-tools"),
                                                p(m.t("boardPage.empty"))
                                                        .withId("board-empty")
                                                        .withClass("board-empty prose"),
                                                ol().withId("board-rows").withClass("board-rows"))
                                        .withClass("board-page"),
                                script(rawHtml(PlaygroundPage.scriptJson(mapper, boot(m, board, goal))))
                                        .withType("application/json")
                                        .withId("board-boot"),
                                script().withType("module").withSrc("/js/board-page.js")))
                .withLang(m.lang()));
    }

    /** What board-page.js starts from: the board's id, which way "best" points, the words (the rest comes on its socket). */
    private static Map<String, Object> boot(Messages m, Board board, Goal goal) {
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("id", board.id());
        // the goal's own direction: the lowest loss, or the highest accuracy, is the best
        boot.put(
                "better",
                goal == null
                                || goal.comparison() == Goal.Comparison.BELOW
                                || goal.comparison() == Goal.Comparison.AT_MOST
                        ? "lower"
                        : "higher");
        boot.put("accuracy", goal != null && goal.metric().isAccuracy());
        boot.put("lang", m.lang());
        boot.put("strings", m.table());
        return boot;
    }
}
