package org.backprop.playground.web.page;

import static j2html.TagCreator.a;
import static j2html.TagCreator.article;
import static j2html.TagCreator.body;
import static j2html.TagCreator.button;
import static j2html.TagCreator.code;
import static j2html.TagCreator.dialog;
import static j2html.TagCreator.div;
import static j2html.TagCreator.document;
import static j2html.TagCreator.each;
import static j2html.TagCreator.footer;
import static j2html.TagCreator.form;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.head;
import static j2html.TagCreator.header;
import static j2html.TagCreator.html;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.li;
import static j2html.TagCreator.link;
import static j2html.TagCreator.main;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.option;
import static j2html.TagCreator.p;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.script;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.strong;
import static j2html.TagCreator.text;
import static j2html.TagCreator.title;
import static j2html.TagCreator.ul;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import j2html.tags.DomContent;
import j2html.tags.specialized.SelectTag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.InputFeature;
import org.backprop.playground.session.GoalView;
import org.backprop.playground.session.GoalWords;
import org.backprop.playground.state.Parsed;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.Presets;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Update;
import org.backprop.playground.state.Warning;

/**
 * {@code GET /}: the playground, rendered with j2html from the URL's state, so the first paint
 * already shows the link's data set, network and settings (no flash of defaults), with the link's
 * warnings in view. The browser modules then connect to {@code /ws}, send the same state as a
 * {@code config} and draw the frames. Every value from the URL reaches the page as an escaped text
 * node or inside the escaped JSON of {@code #boot}; none is markup.
 */
public final class PlaygroundPage implements Handler {
    /** Chart.js from its webjar, as a classic script: its ES build imports a bare module name. */
    static final String CHART_JS = "/webjars/chart.js/4.5.1/dist/chart.umd.js";

    /** The playground's icon, two dots in TF's colours; /about links it too. */
    public static final String FAVICON =
            "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
                    + "%3Ccircle cx='5' cy='8' r='4' fill='%23f59322'/%3E%3Ccircle cx='11' cy='8' r='4' fill='%230877bd'/%3E%3C/svg%3E";

    private final StateCodec codec;
    private final I18n i18n;
    private final ObjectMapper mapper;
    /** What the query gains before it is read: a stored exercise's task and title (web.ExerciseFill). */
    private final java.util.function.Function<String, Filled<String>> fill;

    public PlaygroundPage(StateCodec codec, I18n i18n, ObjectMapper mapper) {
        this(codec, i18n, mapper, Filled::as);
    }

    public PlaygroundPage(
            StateCodec codec,
            I18n i18n,
            ObjectMapper mapper,
            java.util.function.Function<String, Filled<String>> fill) {
        this.codec = codec;
        this.i18n = i18n;
        this.mapper = mapper;
        this.fill = fill;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Filled<String> filled = fill.apply(ctx.queryString());
        ctx.contentType("text/html; charset=utf-8")
                .result(render(filled.value(), filled.warnings(), ctx.header("Accept-Language")));
    }

    /** The page for a query string (null for none) and an Accept-Language header (null for none). */
    public String render(String query, String acceptLanguage) {
        return render(query, List.of(), acceptLanguage);
    }

    /** The same, with the warnings of what filled the query (web.ExerciseFill) shown first. */
    public String render(String query, List<Warning> fillWarnings, String acceptLanguage) {
        Parsed read = codec.parse(query);
        Parsed parsed = fillWarnings.isEmpty()
                ? read
                : new Parsed(
                        read.state(),
                        java.util.stream.Stream.concat(fillWarnings.stream(), read.warnings().stream())
                                .toList());
        PlaygroundState state = parsed.state();
        String langSource = "url";
        if (!namesLanguage(query, parsed)) {
            String wanted = I18n.fromAcceptLanguage(acceptLanguage, PlaygroundState.LANGUAGES);
            langSource = wanted == null ? "default" : "header";
            if (wanted != null && !wanted.equals(state.lang())) {
                Update u = codec.apply(state, Map.of("lang", wanted));
                if (u.accepted()) state = u.state();
            }
        }
        Messages m = i18n.of(state.lang());
        PageContext c = new PageContext(m, state, state.hiddenControls());
        Presets.Preset preset = Presets.match(codec, state).orElse(null);
        return document(html(
                        head(
                                meta().withCharset("utf-8"),
                                meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                                title(
                                        state.title().isEmpty()
                                                ? m.t("app.title")
                                                : state.title() + " · " + m.t("app.title")),
                                link().withRel("icon").withHref(FAVICON),
                                link().withRel("stylesheet").withHref("/css/playground.css")),
                        body(
                                        pageHeader(c, preset),
                                        // everything between the header and the footer is the page's main landmark
                                        main(
                                                div().withId("status")
                                                        .withClass("status-area")
                                                        .attr("aria-live", "polite"),
                                                warnings(c, parsed.warnings()),
                                                exercise(c),
                                                nicknameDialog(c),
                                                TopBar.render(c),
                                                PresetCard.render(c, preset),
                                                div(
                                                                DataColumn.render(c),
                                                                NetworkColumn.render(c),
                                                                OutputColumn.render(c)
                                                                        .with(ExportLinks.render(
                                                                                c, codec.write(state))))
                                                        .withId("main-part")
                                                        .withClass("main"),
                                                BackpropPanel.render(c),
                                                prose(c, codec.write(state))),
                                        footer(
                                                        span(m.t("keys.help")).attr("data-i18n", "keys.help"),
                                                        a(m.t("app.about"))
                                                                .withHref("/about")
                                                                .attr("data-i18n", "app.about"))
                                                .withClass("page-footer"),
                                        script(rawHtml(scriptJson(
                                                        mapper, boot(state, parsed.warnings(), m, langSource, preset))))
                                                .withType("application/json")
                                                .withId("boot"),
                                        script().withSrc(CHART_JS),
                                        script().withType("module").withSrc("/js/app.js"))
                                .withClass(state.hideText() ? "hide-text" : ""))
                .withLang(m.lang()));
    }

    /** Whether the URL itself chose the language (a valid {@code lang}); else the browser's preference may. */
    static boolean namesLanguage(String query, Parsed parsed) {
        if (query == null) return false;
        boolean present = false;
        for (String pair : query.split("&")) if (pair.equals("lang") || pair.startsWith("lang=")) present = true;
        return present && parsed.warnings().stream().noneMatch(w -> "lang".equals(w.key()));
    }

    private static DomContent pageHeader(PageContext c, Presets.Preset current) {
        Messages m = c.m();
        return header(
                        div(
                                        h1(a(m.t("app.title")).withHref("/").attr("data-i18n", "app.title")),
                                        p(Ui.words(c, "app.tagline")).withClass("tagline prose"))
                                .withClass("brand"),
                        div(
                                        div(tutorials(c, current)
                                                        .withId("tutorials")
                                                        .attr("aria-label", m.t("tutorials.label"))
                                                        .attr("data-i18n-aria", "tutorials.label"))
                                                .withClass("select tutorials-select")
                                                .withTitle(m.t("tutorials.title"))
                                                .attr("data-i18n-title", "tutorials.title"),
                                        button(Ui.icon(Ui.SHARE), Ui.words(c, "share.button"))
                                                .withType("button")
                                                .withId("share-button")
                                                .withClass("header-button")
                                                .withTitle(m.t("share.title"))
                                                .attr("data-i18n-title", "share.title"),
                                        // share-trained.js turns it on once there are trained weights to share
                                        button(Ui.words(c, "shareTrained.button"))
                                                .withType("button")
                                                .withId("share-trained-button")
                                                .withClass("header-button")
                                                .withTitle(m.t("shareTrained.untrained"))
                                                .attr("data-i18n-title", "shareTrained.untrained")
                                                .attr("disabled", "disabled"),
                                        a(m.t("app.about"))
                                                .withHref("/about")
                                                .withClass("header-link")
                                                .attr("data-i18n", "app.about")
                                                .withTitle(m.t("app.aboutTitle"))
                                                .attr("data-i18n-title", "app.aboutTitle"),
                                        div(each(
                                                        PlaygroundState.LANGUAGES,
                                                        lang -> button(m.t("lang." + lang))
                                                                .withType("button")
                                                                .withClass("lang-button"
                                                                        + (lang.equals(m.lang()) ? " selected" : ""))
                                                                .attr("data-lang", lang)
                                                                .attr("lang", lang)
                                                                .attr(
                                                                        "aria-pressed",
                                                                        String.valueOf(lang.equals(m.lang())))))
                                                .withClass("lang-switch")
                                                .attr("role", "group")
                                                .attr("aria-label", m.t("lang.label"))
                                                .attr("data-i18n-aria", "lang.label"))
                                .withClass("header-actions"))
                .withClass("app-header")
                .withId("page-header");
    }

    /**
     * The Tutorials menu, one option per preset with its full title (also as the option's tooltip, for a
     * title wider than the menu), the preset this page is selected; the value is the preset's id, and
     * {@code data-query} its link's query, where picking it goes (presets.js).
     */
    private static SelectTag tutorials(PageContext c, Presets.Preset current) {
        SelectTag select =
                select(option(c.m().t("tutorials.pick")).withValue("").attr("data-i18n", "tutorials.pick"));
        for (Presets.Preset p : Presets.ALL) {
            String key = p.key("title");
            select.with(option(c.m().t(key))
                    .withValue(p.id())
                    .attr("data-query", p.query())
                    .attr("data-i18n", key)
                    .withTitle(c.m().t(key))
                    .attr("data-i18n-title", key)
                    .withCondSelected(p == current));
        }
        return select;
    }

    /** What the codec did not take as given, in view: the key, the raw value (as text) and why. */
    private static DomContent warnings(PageContext c, List<Warning> warnings) {
        return section(
                        strong(c.m().t("warnings.heading")).attr("data-i18n", "warnings.heading"),
                        ul(each(
                                        warnings,
                                        w -> li(
                                                w.key() == null
                                                        ? text("")
                                                        : code(w.key() + (w.value() == null ? "" : "=" + w.value())),
                                                text(w.key() == null ? "" : " "),
                                                span(c.m().say(w.detail(), w.message())))))
                                .withId("warning-list"),
                        button(Ui.icon(Ui.CLOSE))
                                .withType("button")
                                .withId("warnings-close")
                                .withClass("close-button")
                                .withTitle(c.m().t("status.dismiss"))
                                .attr("aria-label", c.m().t("status.dismiss"))
                                .attr("data-i18n-title", "status.dismiss"))
                .withId("warnings")
                .withClass("warnings")
                .withCondHidden(warnings.isEmpty())
                .attr("role", "status");
    }

    /**
     * An exercise's title and goal in words (GoalWords, the formatter frames use too); the server
     * checks the goal, and every frame's {@code goal} brings the status the page shows next.
     */
    private static DomContent exercise(PageContext c) {
        PlaygroundState s = c.state();
        boolean any = !s.title().isEmpty() || !s.taskText().isEmpty() || s.goal() != null;
        GoalWords.Status status = s.goal() == null ? null : GoalWords.status(GoalView.fresh(s.goal(), s.goalEpochs()));
        return section(
                        h2(s.title())
                                .withId("exercise-title")
                                .withCondHidden(s.title().isEmpty()),
                        // as text; task-text.js shows its *emphasis* (the one place that rule lives)
                        div(s.taskText())
                                .withId("exercise-task")
                                .withClass("task-text")
                                .withCondHidden(s.taskText().isEmpty()),
                        p(
                                        span(c.m().t("exercise.goal"))
                                                .attr("data-i18n", "exercise.goal")
                                                .withClass("goal-label"),
                                        span(s.goal() == null
                                                        ? ""
                                                        : c.m().say(
                                                                        GoalWords.words(s.goal()),
                                                                        s.goal().toString()))
                                                .withId("exercise-goal")
                                                .withClass("goal-words"),
                                        span(status == null ? "" : c.m().say(status.msg(), ""))
                                                .withId("goal-status")
                                                .withClass("goal-status " + (status == null ? "" : status.kind())),
                                        // when this page's run met the goal before a reset or a reconnect (exercise.js
                                        // remembers)
                                        span().withId("goal-before")
                                                .withClass("goal-status met before")
                                                .withCondHidden(true),
                                        // shown when the budget ran out: the one way to try again
                                        button(c.m().t("exercise.reset"))
                                                .withType("button")
                                                .withId("goal-reset")
                                                .withClass("goal-reset")
                                                .attr("data-i18n", "exercise.reset")
                                                .withCondHidden(status == null || !"spent".equals(status.kind())))
                                .withClass("goal")
                                .withCondHidden(s.goal() == null),
                        // "On the class board as …" (board-join.js)
                        p().withId("board-as").withClass("board-as").withCondHidden(true))
                .withId("exercise")
                .withClass("exercise")
                .withCondHidden(!any);
    }

    /** The nickname a class board's link asks for before the page connects (board-join.js opens it). */
    private static DomContent nicknameDialog(PageContext c) {
        Messages m = c.m();
        return dialog(form(
                                h2(m.t("board.joinTitle"))
                                        .withId("nickname-title")
                                        .attr("data-i18n", "board.joinTitle"),
                                p(m.t("board.joinText")).attr("data-i18n", "board.joinText"),
                                label(
                                                span(m.t("board.nickname")).attr("data-i18n", "board.nickname"),
                                                input().withId("nickname")
                                                        .withType("text")
                                                        .attr("maxlength", 24)
                                                        .attr("autocomplete", "off")
                                                        .attr("spellcheck", "false")
                                                        .isRequired()
                                                        .attr("aria-describedby", "nickname-hint nickname-error"))
                                        .withClass("nickname-field"),
                                p(m.t("board.nicknameHint"))
                                        .withId("nickname-hint")
                                        .withClass("nickname-hint")
                                        .attr("data-i18n", "board.nicknameHint"),
                                p().withId("nickname-error")
                                        .withClass("nickname-error")
                                        .attr("role", "alert")
                                        .withCondHidden(true),
                                button(m.t("board.join"))
                                        .withType("submit")
                                        .withClass("basic-button primary")
                                        .attr("data-i18n", "board.join"))
                        .withId("nickname-form")
                        .attr("method", "dialog"))
                .withId("nickname-dialog")
                .withClass("nickname-dialog")
                .attr("aria-labelledby", "nickname-title");
    }

    private static DomContent prose(PageContext c, String query) {
        Messages m = c.m();
        return article(
                        div(
                                        section(h2(Ui.words(c, "article.whatHeading")), p(Ui.words(c, "article.what"))),
                                        section(
                                                h2(Ui.words(c, "article.colorsHeading")),
                                                p(Ui.words(c, "article.colors"))),
                                        section(
                                                h2(Ui.words(c, "article.shareHeading")),
                                                p(Ui.words(c, "article.share"))))
                                .withClass("article-grid"),
                        section(
                                        h2(Ui.words(c, "article.classHeading")),
                                        p(Ui.words(c, "article.class")),
                                        // share.js keeps the link on the state on screen (and its weights, when ticked)
                                        p(
                                                        a(m.t("article.buildLink"))
                                                                .withId("build-link")
                                                                .withHref("/build?" + query)
                                                                .withClass("basic-button primary build-link")
                                                                .attr("data-i18n", "article.buildLink"),
                                                        label(
                                                                        input().withType("checkbox")
                                                                                .withId("build-weights"),
                                                                        Ui.words(c, "article.buildWeights"))
                                                                .withClass("check build-weights"))
                                                .withClass("build-row"))
                                .withClass("classroom"))
                .withId("article-text")
                .withClass("article prose");
    }

    /** What the modules start from: the state and its link, the warnings, the words, the sets' facts. */
    private Map<String, Object> boot(
            PlaygroundState state, List<Warning> warnings, Messages m, String langSource, Presets.Preset preset) {
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("state", codec.toMap(state));
        boot.put("query", codec.write(state));
        boot.put(
                "warnings",
                warnings.stream()
                        .map(w -> {
                            Map<String, Object> o = new LinkedHashMap<>();
                            o.put("key", w.key());
                            o.put("value", w.value());
                            o.put("message", w.message());
                            o.put("detail", w.detail());
                            return o;
                        })
                        .toList());
        boot.put("lang", m.lang());
        boot.put("langSource", langSource);
        boot.put("languages", PlaygroundState.LANGUAGES);
        boot.put("strings", m.table());
        Map<String, Object> sets = new LinkedHashMap<>();
        for (Dataset d : Dataset.values()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put(
                    "kind",
                    switch (d.problem()) {
                        case BINARY -> "binary";
                        case MULTICLASS -> "multiclass";
                        case REGRESSION -> "regression";
                    });
            o.put("dim", d.inputDim());
            o.put("classes", d.defaultNumClasses());
            o.put("takesNumClasses", d.takesNumClasses());
            o.put("domain", List.of(d.domain().min(), d.domain().max()));
            sets.put(d.urlName(), o);
        }
        boot.put("datasets", sets);
        // the input neurons of a 2-D set, in TF's order; their thumbnails come in the data message
        boot.put(
                "features",
                java.util.Arrays.stream(InputFeature.values())
                        .map(f -> Map.of("name", f.urlName(), "label", f.label()))
                        .toList());
        boot.put("hidable", Choices.HIDABLE);
        // the speed control's choices, slowest first: what + and - step through
        boot.put(
                "speeds",
                org.backprop.playground.state.Speed.CHOICES.stream()
                        .map(org.backprop.playground.state.Speed::key)
                        .toList());
        // the tutorial this link is (Presets.match), and the sample its step-through opens on
        Map<String, Object> open = null;
        if (preset != null) {
            open = new LinkedHashMap<>();
            open.put("id", preset.id());
            open.put(
                    "sample",
                    preset.sample() == null
                            ? null
                            : Map.of(
                                    "input",
                                    preset.sample().input(),
                                    "target",
                                    preset.sample().target()));
        }
        boot.put("preset", open);
        boot.put(
                "limits",
                Map.of(
                        "maxHiddenLayers",
                        codec.limits().maxHiddenLayers(),
                        "maxNeurons",
                        codec.limits().maxNeurons(),
                        "maxNeuronsWithoutMap",
                        codec.limits().maxNeuronsWithoutMap(),
                        "maxBatchSize",
                        codec.limits().maxBatchSize()));
        return boot;
    }

    /** JSON that is safe inside a script element: no "<", ">" or "&" (so no "</script>"), no line separators. */
    static String scriptJson(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the page's boot data could not be written", e);
        }
    }
}
