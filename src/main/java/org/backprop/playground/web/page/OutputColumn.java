package org.backprop.playground.web.page;

import static j2html.TagCreator.button;
import static j2html.TagCreator.canvas;
import static j2html.TagCreator.div;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.ul;

import j2html.tags.specialized.ButtonTag;
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.LabelTag;
import j2html.tags.specialized.SectionTag;
import org.backprop.playground.data.Domain;
import org.backprop.playground.data.ProblemKind;
import org.backprop.playground.state.PlaygroundState;

/** The output column: loss numbers, the loss chart, the big map with the points, its legend and toggles. */
final class OutputColumn {
    private OutputColumn() {}

    static SectionTag render(PageContext c) {
        PlaygroundState s = c.state();
        boolean regression = s.task() == ProblemKind.REGRESSION;
        boolean multi = s.task() == ProblemKind.MULTICLASS;
        Domain d = s.activeDataset().domain();
        return section(
                        h2(Ui.words(c, "out.heading")),
                        div(
                                        stat(c, "loss-test", "out.testLoss", "test")
                                                .withClass("stat test " + Ui.hiddenClass(c, "percTrainData")),
                                        stat(c, "loss-train", "out.trainLoss", "train"),
                                        stat(c, "accuracy-test", "out.testAccuracy", "test")
                                                .withClass("stat test accuracy" + (regression ? " is-na" : "")),
                                        stat(c, "accuracy-train", "out.trainAccuracy", "train")
                                                .withClass("stat train accuracy" + (regression ? " is-na" : "")))
                                .withClass("metrics"),
                        div(
                                        // role img: describe.js writes what the chart shows into its label
                                        div(canvas().withId("loss-chart")
                                                        .attr("role", "img")
                                                        .attr("aria-label", c.m().t("out.heading")))
                                                .withClass("chart-canvas"),
                                        // no data-key: the axis is the viewer's, not the experiment's; loss-chart.js
                                        // binds it
                                        label(
                                                        input().withType("checkbox")
                                                                .attr("data-chart", "logX"),
                                                        Ui.words(c, "out.logX"))
                                                .withClass("check chart-option")
                                                .attr("data-i18n-title", "out.logXTitle")
                                                .withTitle(c.m().t("out.logXTitle")))
                                .withClass("chart-box"),
                        div(
                                        div(
                                                        canvas().withId("heatmap-grid")
                                                                .withClass("heatmap-grid")
                                                                .attr("width", 100)
                                                                .attr("height", 100)
                                                                .attr("role", "img")
                                                                .attr("aria-label", c.m().t("out.heading")),
                                                        canvas().withId("heatmap-points")
                                                                .withClass("heatmap-points"),
                                                        div(
                                                                        span().withId("heatmap-caption-text"),
                                                                        button(Ui.words(c, "out.back"))
                                                                                .withType("button")
                                                                                .withId("heatmap-back")
                                                                                .withClass("basic-button small"))
                                                                .withId("heatmap-caption")
                                                                .withClass("heatmap-caption")
                                                                .isHidden(),
                                                        p(Ui.words(c, "out.noMap"))
                                                                .withId("no-map")
                                                                .withClass("no-map")
                                                                .withCondHidden(s.isTwoDimensional()),
                                                        div().withId("sample-view")
                                                                .withClass("sample-view")
                                                                .isHidden())
                                                .withId("heatmap")
                                                .withClass("heatmap"),
                                        div(
                                                        span(Choices.plain(d.min()))
                                                                .withId("axis-min"),
                                                        span(Choices.plain((d.min() + d.max()) / 2))
                                                                .withId("axis-mid"),
                                                        span(Choices.plain(d.max()))
                                                                .withId("axis-max"))
                                                .withClass("axis x-axis"),
                                        div(
                                                        span(Choices.plain(d.max()))
                                                                .withId("axis-max-y"),
                                                        span(Choices.plain((d.min() + d.max()) / 2))
                                                                .withId("axis-mid-y"),
                                                        span(Choices.plain(d.min()))
                                                                .withId("axis-min-y"))
                                                .withClass("axis y-axis"))
                                .withClass("heatmap-frame"),
                        div(
                                        p(Ui.words(c, multi ? "out.classColors" : "out.colors"))
                                                .withId("legend-text")
                                                .withClass("legend-text"),
                                        div(
                                                        div().withId("legend-bar")
                                                                .withClass("legend-bar" + (multi ? " classes" : "")),
                                                        div(span("−1"), span("0"), span("1"))
                                                                .withId("legend-ticks")
                                                                .withClass("legend-ticks"))
                                                .withClass("legend-scale"))
                                .withClass("legend"),
                        div(
                                        check(c, "showTestData", "out.showTestData", s.showTestData()),
                                        check(c, "discretize", "out.discretize", s.discretize()))
                                .withClass("toggles"),
                        pointTools(c),
                        // a phone's copy of the map while the map is out of view (mini-map.js); hidden until then
                        button(canvas().withId("mini-map-canvas")
                                        .attr("width", 100)
                                        .attr("height", 100)
                                        .attr("aria-hidden", "true"))
                                .withType("button")
                                .withId("mini-map")
                                .withClass("mini-map")
                                .attr("aria-label", c.m().t("out.miniMap"))
                                .attr("data-i18n-aria", "out.miniMap")
                                .isHidden())
                .withClass("column output-column");
    }

    /**
     * "Your own data" (point-tools.js): a tool for the map (inspect, add, erase), the class or value
     * a new point gets, clear, CSV in and out, and the points' counts. The class buttons follow the
     * data set and are made by the page; a lock on the points locks the box.
     */
    private static DivTag pointTools(PageContext c) {
        boolean map = c.state().isTwoDimensional();
        return div(
                        p(
                                        Ui.words(c, "points.heading")
                                                .withId("point-tools-heading")
                                                .withClass("point-tools-heading"),
                                        span().withId("point-counts").withClass("point-counts"))
                                .withClass("point-tools-head"),
                        div(
                                        tool(c, "inspect", "points.inspect", true),
                                        tool(c, "add", "points.add", false),
                                        tool(c, "erase", "points.erase", false))
                                .withClass("point-modes")
                                .attr("role", "group")
                                .attr("aria-label", c.m().t("points.tool"))
                                .attr("data-i18n-aria", "points.tool"),
                        div().withId("point-class")
                                .withClass("point-class")
                                .attr("role", "radiogroup")
                                .attr("aria-label", c.m().t("points.class"))
                                .attr("data-i18n-aria", "points.class"),
                        label(
                                        Ui.words(c, "points.value"),
                                        input().withType("number")
                                                .withId("point-value")
                                                .attr("min", -2)
                                                .attr("max", 2)
                                                .attr("step", 0.1)
                                                .withValue("1"))
                                .withId("point-value-box")
                                .withClass("point-value")
                                .isHidden(),
                        div(
                                        button(Ui.words(c, "points.clear"))
                                                .withType("button")
                                                .withId("points-clear")
                                                .withClass("basic-button small"),
                                        button(Ui.words(c, "points.import"))
                                                .withType("button")
                                                .withId("points-import")
                                                .withClass("basic-button small"),
                                        input().withType("file")
                                                .withId("points-file")
                                                .attr("accept", ".csv,text/csv")
                                                .attr("tabindex", "-1")
                                                .attr("aria-hidden", "true")
                                                .isHidden(),
                                        button(Ui.words(c, "points.export"))
                                                .withType("button")
                                                .withId("points-export")
                                                .withClass("basic-button small"))
                                .withClass("point-files"),
                        p(Ui.words(c, "points.hintInspect"))
                                .withId("point-hint")
                                .withClass("point-hint"),
                        // a refused import's lines (point-tools.js)
                        ul().withId("point-errors")
                                .withClass("point-errors")
                                .attr("role", "alert")
                                .isHidden())
                .withId("point-tools")
                .withClass("point-tools" + (map ? "" : " is-na"))
                .attr("role", "group")
                .attr("aria-labelledby", "point-tools-heading");
    }

    private static ButtonTag tool(PageContext c, String name, String words, boolean pressed) {
        return button(Ui.words(c, words))
                .withType("button")
                .withClass("basic-button small point-tool")
                .attr("data-tool", name)
                .attr("aria-pressed", String.valueOf(pressed));
    }

    private static DivTag stat(PageContext c, String id, String labelKey, String kind) {
        return div(
                        Ui.words(c, labelKey).withClass("stat-label"),
                        span("–").withId(id).withClass("value"))
                .withClass("stat " + kind);
    }

    private static LabelTag check(PageContext c, String key, String labelKey, boolean checked) {
        return label(
                        input().withType("checkbox")
                                .withId(key)
                                .attr("data-key", key)
                                .withCondChecked(checked),
                        Ui.words(c, labelKey))
                .withClass("check " + Ui.hiddenClass(c, key));
    }
}
