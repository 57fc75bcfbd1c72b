package org.backprop.playground.web.page;

import static j2html.TagCreator.a;
import static j2html.TagCreator.aside;
import static j2html.TagCreator.body;
import static j2html.TagCreator.button;
import static j2html.TagCreator.div;
import static j2html.TagCreator.document;
import static j2html.TagCreator.each;
import static j2html.TagCreator.fieldset;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.head;
import static j2html.TagCreator.header;
import static j2html.TagCreator.html;
import static j2html.TagCreator.iframe;
import static j2html.TagCreator.img;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.legend;
import static j2html.TagCreator.link;
import static j2html.TagCreator.main;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.option;
import static j2html.TagCreator.output;
import static j2html.TagCreator.p;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.script;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.textarea;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.title;
import static j2html.TagCreator.tr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import j2html.tags.DomContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.playground.state.Goal;
import org.backprop.playground.state.Parsed;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Update;

/**
 * {@code GET /build?<state>}: the exercise builder, started from the teacher's experiment (the
 * playground's "Use it in class" link passes its state, and its weights when asked). It sets the
 * exercise keys (title, task, goal and budget, each control shown / locked / hidden, the students'
 * language); builder.js writes the link from them, previews it, draws its QR code and starts a class
 * board. Every value from the URL reaches the page as an escaped text node, attribute or inside the
 * escaped JSON of {@code #builder-boot}.
 */
public final class BuilderPage implements Handler {
    /** Bytes of URL-encoded task text a link carries itself; a longer task is stored (POST /api/exercises). */
    static final int TASK_LINK_BYTES = 1500;

    private final StateCodec codec;
    private final I18n i18n;
    private final ObjectMapper mapper;

    public BuilderPage(StateCodec codec, I18n i18n, ObjectMapper mapper) {
        this.codec = codec;
        this.i18n = i18n;
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(render(ctx.queryString(), ctx.header("Accept-Language")));
    }

    /** The builder for a state query (null for none) in the teacher's language. */
    public String render(String query, String acceptLanguage) {
        Parsed parsed = codec.parse(query);
        PlaygroundState state = parsed.state();
        if (!PlaygroundPage.namesLanguage(query, parsed)) {
            String wanted = I18n.fromAcceptLanguage(acceptLanguage, PlaygroundState.LANGUAGES);
            if (wanted != null && !wanted.equals(state.lang())) {
                Update u = codec.apply(state, Map.of("lang", wanted));
                if (u.accepted()) state = u.state();
            }
        }
        Messages m = i18n.of(state.lang());
        String back = "/?" + codec.write(state);
        return document(html(
                        head(
                                meta().withCharset("utf-8"),
                                meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                                title(m.t("build.title") + " · " + m.t("app.title")),
                                link().withRel("icon").withHref(PlaygroundPage.FAVICON),
                                link().withRel("stylesheet").withHref("/css/playground.css"),
                                link().withRel("stylesheet").withHref("/css/builder.css")),
                        body(
                                header(
                                                div(
                                                                h1(a(m.t("app.title"))
                                                                        .withHref(back)),
                                                                p(m.t("build.title"))
                                                                        .withClass("tagline"))
                                                        .withClass("brand"),
                                                div(a(m.t("build.back"))
                                                                .withHref(back)
                                                                .withClass("header-link"))
                                                        .withClass("header-actions"))
                                        .withClass("app-header"),
                                main(form(m, state), aside(result(m)).withClass("builder-result"))
                                        .withClass("builder"),
                                script(rawHtml(PlaygroundPage.scriptJson(mapper, boot(state, m))))
                                        .withType("application/json")
                                        .withId("builder-boot"),
                                script().withType("module").withSrc("/js/builder.js")))
                .withLang(m.lang()));
    }

    private static DomContent form(Messages m, PlaygroundState s) {
        Goal goal = s.goal();
        return section(
                        p(m.t("build.intro")).withClass("prose builder-intro"),
                        fieldset(
                                legend(m.t("build.exerciseHeading")),
                                label(
                                                span(m.t("build.titleLabel")),
                                                input().withId("b-title")
                                                        .withType("text")
                                                        .attr("maxlength", PlaygroundState.MAX_TITLE_CHARS)
                                                        .withValue(s.title()))
                                        .withClass("field"),
                                label(
                                                span(m.t("build.taskLabel")),
                                                textarea(s.taskText())
                                                        .withId("b-task")
                                                        .attr("rows", 7)
                                                        .attr("maxlength", PlaygroundState.MAX_TASK_CHARS)
                                                        .attr("aria-describedby", "b-task-hint b-task-count"))
                                        .withClass("field"),
                                p(
                                                span(m.t("build.taskHint")).withId("b-task-hint"),
                                                output(m.format(
                                                                "build.taskCount",
                                                                "n",
                                                                s.taskText().length(),
                                                                "max",
                                                                "2,000"))
                                                        .withId("b-task-count")
                                                        .attr("for", "b-task")
                                                        .attr("aria-live", "polite"))
                                        .withClass("field-hint task-hint")),
                        fieldset(
                                legend(m.t("build.goalHeading")),
                                div(
                                                label(
                                                                span(m.t("build.metric")),
                                                                select(
                                                                                option(m.t("build.noGoal"))
                                                                                        .withValue("")
                                                                                        .withCondSelected(goal == null),
                                                                                each(
                                                                                        List.of(Goal.Metric.values()),
                                                                                        g -> option(
                                                                                                        m.t(
                                                                                                                "msg.goal.metric."
                                                                                                                        + g.key))
                                                                                                .withValue(g.key)
                                                                                                .withCondSelected(goal
                                                                                                                != null
                                                                                                        && goal.metric()
                                                                                                                == g)))
                                                                        .withId("b-metric"))
                                                        .withClass("field"),
                                                label(
                                                                span(m.t("build.comparison")),
                                                                select(each(
                                                                                List.of(
                                                                                        Goal.Comparison.BELOW,
                                                                                        Goal.Comparison.AT_MOST,
                                                                                        Goal.Comparison.ABOVE,
                                                                                        Goal.Comparison.AT_LEAST),
                                                                                c -> option(
                                                                                                c.symbol + "  "
                                                                                                        + m.t(
                                                                                                                "msg.goal.comparison."
                                                                                                                        + comparisonWord(
                                                                                                                                c)))
                                                                                        .withValue(c.symbol)
                                                                                        .withCondSelected(goal != null
                                                                                                && goal.comparison()
                                                                                                        == c)))
                                                                        .withId("b-comparison"))
                                                        .withClass("field"),
                                                label(
                                                                span(m.t("build.value")),
                                                                input().withId("b-value")
                                                                        .withType("number")
                                                                        .attr("step", "any")
                                                                        .attr("inputmode", "decimal")
                                                                        .withValue(
                                                                                goal == null
                                                                                        ? "0.1"
                                                                                        : Choices.plain(goal.value())))
                                                        .withClass("field"),
                                                label(
                                                                span(m.t("build.budget")),
                                                                input().withId("b-budget")
                                                                        .withType("number")
                                                                        .attr("min", 0)
                                                                        .attr("max", PlaygroundState.MAX_GOAL_EPOCHS)
                                                                        .attr("step", 1)
                                                                        .withValue(String.valueOf(s.goalEpochs())))
                                                        .withClass("field"))
                                        .withClass("goal-fields"),
                                p(m.t("build.goalHint")).withClass("field-hint")),
                        fieldset(
                                legend(m.t("build.controlsHeading")),
                                p(m.t("build.controlsHint")).withClass("field-hint"),
                                table(
                                                thead(tr(
                                                        th(m.t("build.control")),
                                                        th(m.t("build.shown")),
                                                        th(m.t("build.locked")),
                                                        th(m.t("build.hidden")))),
                                                tbody(each(ExerciseControls.ALL, c -> controlRow(m, s, c))))
                                        .withClass("control-table")),
                        fieldset(
                                legend(m.t("build.studentsHeading")),
                                label(
                                                span(m.t("build.langLabel")),
                                                select(each(
                                                                PlaygroundState.LANGUAGES,
                                                                lang -> option(m.t("lang." + lang))
                                                                        .withValue(lang)
                                                                        .withCondSelected(lang.equals(s.lang()))))
                                                        .withId("b-lang"))
                                        .withClass("field"),
                                label(
                                                input().withType("checkbox")
                                                        .withId("b-weights")
                                                        .withCondChecked(
                                                                !s.weights().isEmpty())
                                                        .withCondDisabled(
                                                                s.weights().isEmpty()),
                                                span(m.t(s.weights().isEmpty() ? "build.noWeights" : "build.weights")))
                                        .withClass("check")))
                .withId("builder-form")
                .withClass("builder-form");
    }

    private static String comparisonWord(Goal.Comparison c) {
        return switch (c) {
            case BELOW -> "below";
            case AT_MOST -> "atMost";
            case ABOVE -> "above";
            case AT_LEAST -> "atLeast";
        };
    }

    private static DomContent controlRow(Messages m, PlaygroundState s, ExerciseControls.Control c) {
        String choice = c.choice(s);
        String name = ExerciseControls.FEATURE_KEYS.contains(c.name())
                ? m.format("build.control.feature", "name", featureLabel(c.name()))
                : m.t(c.hide() == null ? "build.control." + c.name() : "hide." + c.name());
        return tr(
                        th(name).attr("scope", "row").withId("ctl-" + c.name()),
                        each(List.of("shown", "locked", "hidden"), option -> {
                            boolean offered = option.equals("shown")
                                    || option.equals("locked") && !c.lock().isEmpty()
                                    || option.equals("hidden") && c.hide() != null;
                            return td(
                                    offered
                                            ? input().withType("radio")
                                                    .withName("ctl-" + c.name())
                                                    .withValue(option)
                                                    .attr("aria-label", name + ": " + m.t("build." + option))
                                                    .withCondChecked(option.equals(choice))
                                            : span("—").attr("aria-hidden", "true"));
                        }))
                .attr("data-control", c.name());
    }

    /** A feature's node label as the page writes it: X_1^2 as X₁² (network-view.js's featureLabel). */
    private static String featureLabel(String urlName) {
        String label =
                org.backprop.playground.data.InputFeature.fromName(urlName).label();
        return label.replace("_1", "\u2081").replace("_2", "\u2082").replace("^2", "\u00b2");
    }

    private static DomContent result(Messages m) {
        return div(
                section(
                                h2(m.t("build.linkHeading")),
                                div(
                                                input().withId("b-link")
                                                        .withType("text")
                                                        .isReadonly()
                                                        .attr("aria-label", m.t("build.linkHeading")),
                                                button(m.t("build.copy"))
                                                        .withType("button")
                                                        .withId("b-copy")
                                                        .withClass("basic-button"),
                                                a(m.t("build.open"))
                                                        .withId("b-open")
                                                        .withHref("/")
                                                        .attr("target", "_blank")
                                                        .attr("rel", "noopener")
                                                        .withClass("basic-button"))
                                        .withClass("link-row"),
                                p(m.t("build.longTask"))
                                        .withId("b-long")
                                        .withClass("field-hint long-task")
                                        .withCondHidden(true),
                                button(m.t("build.store"))
                                        .withType("button")
                                        .withId("b-store")
                                        .withClass("basic-button primary")
                                        .withCondHidden(true),
                                p().withId("b-link-error")
                                        .withClass("builder-error")
                                        .attr("role", "alert")
                                        .withCondHidden(true),
                                button(m.t("build.shorten"))
                                        .withType("button")
                                        .withId("b-shorten")
                                        .withClass("basic-button")
                                        .withCondHidden(true),
                                label(span(m.t("build.shortLink")), copyRow(m, "b-short-link"))
                                        .withId("b-short-row")
                                        .withClass("field")
                                        .withCondHidden(true),
                                img().withId("b-qr")
                                        .withClass("qr")
                                        .withAlt(m.t("build.qrAlt"))
                                        .withCondHidden(true))
                        .withClass("link-box"),
                section(
                                h2(m.t("build.previewHeading")),
                                div(iframe().withId("b-preview").withTitle(m.t("build.previewHeading")))
                                        .withClass("preview-frame"))
                        .withClass("preview-box"),
                section(
                                h2(m.t("build.boardHeading")),
                                p(m.t("build.boardIntro")).withClass("field-hint"),
                                button(m.t("build.startBoard"))
                                        .withType("button")
                                        .withId("b-board")
                                        .withClass("basic-button primary"),
                                p().withId("b-board-error")
                                        .withClass("builder-error")
                                        .attr("role", "alert")
                                        .withCondHidden(true),
                                div(
                                                label(span(m.t("build.studentLink")), copyRow(m, "b-student-link"))
                                                        .withClass("field"),
                                                img().withId("b-board-qr")
                                                        .withClass("qr")
                                                        .withAlt(m.t("build.qrAlt")),
                                                label(
                                                                span(m.t("build.teacherLink"))
                                                                        .withClass("secret-label"),
                                                                copyRow(m, "b-teacher-link"))
                                                        .withClass("field secret"),
                                                p(m.t("build.teacherSecret")).withClass("field-hint"),
                                                a(m.t("build.openBoard"))
                                                        .withId("b-open-board")
                                                        .withHref("/")
                                                        .withClass("basic-button primary"))
                                        .withId("b-board-links")
                                        .withClass("board-links")
                                        .withCondHidden(true))
                        .withClass("board-box"));
    }

    /** A link to copy: read-only, with the copy button builder.js wires to it by {@code data-copy}. */
    private static DomContent copyRow(Messages m, String inputId) {
        return div(
                        input().withId(inputId).withType("text").isReadonly(),
                        button(m.t("build.copy"))
                                .withType("button")
                                .withClass("basic-button")
                                .attr("data-copy", inputId))
                .withClass("link-row");
    }

    /** What builder.js starts from: the teacher's state query, the controls, the limits, the words. */
    private Map<String, Object> boot(PlaygroundState state, Messages m) {
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("base", codec.write(state));
        boot.put(
                "controls",
                ExerciseControls.ALL.stream()
                        .map(c -> {
                            Map<String, Object> o = new LinkedHashMap<>();
                            o.put("name", c.name());
                            o.put("hide", c.hide());
                            o.put("lock", c.lock());
                            o.put("hiddenLock", c.hiddenLock());
                            return o;
                        })
                        .toList());
        boot.put("maxTask", PlaygroundState.MAX_TASK_CHARS);
        boot.put("taskLinkBytes", TASK_LINK_BYTES);
        boot.put("lang", m.lang());
        boot.put("strings", m.table());
        return boot;
    }
}
