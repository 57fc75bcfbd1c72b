package org.backprop.playground.web.page;

import static j2html.TagCreator.canvas;
import static j2html.TagCreator.div;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;

import j2html.tags.specialized.ButtonTag;
import j2html.tags.specialized.SectionTag;

/**
 * The backward pass in view, under the three columns: the gradient check, the update : parameter
 * ratio chart, and the step-through of one sample (forward → loss → backward → update, one layer
 * at a time). The server writes the empty frame; {@code stepper.js} and {@code ratio-chart.js} fill
 * it from the {@code inspection}, {@code gradcheck} and frame messages.
 */
final class BackpropPanel {
    private BackpropPanel() {}

    static SectionTag render(PageContext c) {
        return section(
                        h2(Ui.words(c, "bp.heading")),
                        div(
                                        div(
                                                        h3(Ui.words(c, "bp.stepHeading")),
                                                        p(Ui.words(c, "bp.stepHelp"))
                                                                .withClass("prose"),
                                                        div(
                                                                        label(
                                                                                        Ui.words(c, "bp.sampleIndex"),
                                                                                        input().withType("number")
                                                                                                .withId("sample-index")
                                                                                                .attr("min", 0)
                                                                                                .withValue("0"))
                                                                                .withClass("inline-label"),
                                                                        button(c, "inspect-button", "bp.inspect", null))
                                                                .withClass("bp-row"),
                                                        div(
                                                                        label(
                                                                                        Ui.words(c, "bp.ownInput"),
                                                                                        input().withType("text")
                                                                                                .withId("own-input")
                                                                                                .attr(
                                                                                                        "inputmode",
                                                                                                        "decimal")
                                                                                                .attr("size", 10)
                                                                                                .attr(
                                                                                                        "placeholder",
                                                                                                        "1, 2")
                                                                                                .withTitle(
                                                                                                        c.m().t(
                                                                                                                        "bp.ownInputTitle"))
                                                                                                .attr(
                                                                                                        "data-i18n-title",
                                                                                                        "bp.ownInputTitle"))
                                                                                .withClass("inline-label"),
                                                                        label(
                                                                                        Ui.words(c, "bp.ownTarget"),
                                                                                        input().withType("text")
                                                                                                .withId("own-target")
                                                                                                .attr(
                                                                                                        "inputmode",
                                                                                                        "decimal")
                                                                                                .attr("size", 4)
                                                                                                .attr(
                                                                                                        "placeholder",
                                                                                                        "1"))
                                                                                .withClass("inline-label"),
                                                                        button(
                                                                                c,
                                                                                "own-inspect-button",
                                                                                "bp.ownInspect",
                                                                                null))
                                                                .withClass("bp-row"),
                                                        div(
                                                                        div(
                                                                                        span().withId("step-epoch")
                                                                                                .withClass(
                                                                                                        "step-epoch"),
                                                                                        button(
                                                                                                c,
                                                                                                "step-refresh",
                                                                                                "bp.refresh",
                                                                                                "bp.refreshTitle"))
                                                                                .withClass("bp-row step-taken"),
                                                                        // a compact copy of the network, the stage's
                                                                        // layer lit, kept in view beside the numbers
                                                                        div().withId("step-net")
                                                                                .withClass("step-net")
                                                                                .attr("aria-hidden", "true"),
                                                                        div(
                                                                                        button(
                                                                                                c,
                                                                                                "step-prev",
                                                                                                "bp.prev",
                                                                                                null),
                                                                                        span().withId("step-count")
                                                                                                .withClass(
                                                                                                        "step-count"),
                                                                                        button(
                                                                                                        c,
                                                                                                        "step-next",
                                                                                                        "bp.next",
                                                                                                        null)
                                                                                                .withClass(
                                                                                                        "basic-button small primary"),
                                                                                        button(
                                                                                                c,
                                                                                                "step-close",
                                                                                                "bp.close",
                                                                                                null))
                                                                                .withClass("bp-row step-nav"),
                                                                        p().withId("step-sample")
                                                                                .withClass("bp-note"),
                                                                        div().withId("step-body")
                                                                                .withClass("step-body")
                                                                                .attr("aria-live", "polite"))
                                                                .withId("stepper")
                                                                .withClass("stepper")
                                                                .isHidden())
                                                .withClass("bp-card step-card"),
                                        div(
                                                        div(
                                                                        h3(Ui.words(c, "bp.gradcheck")),
                                                                        button(
                                                                                c,
                                                                                "gradcheck-button",
                                                                                "bp.gradcheckRun",
                                                                                "bp.gradcheckTitle"))
                                                                .withClass("bp-row bp-head"),
                                                        div(p(Ui.words(c, "bp.gradcheckMarks"))
                                                                        .withClass("bp-note"))
                                                                .withId("gradcheck-result")
                                                                .withClass("gradcheck-result")
                                                                .attr("aria-live", "polite"),
                                                        h3(Ui.words(c, "bp.ratioHeading")),
                                                        div(canvas().withId("ratio-chart"))
                                                                .withClass("ratio-box"),
                                                        p(Ui.words(c, "bp.ratioHelp"))
                                                                .withClass("prose bp-note"))
                                                .withClass("bp-card"))
                                .withClass("bp-grid"))
                .withId("backprop")
                .withClass("backprop");
    }

    private static ButtonTag button(PageContext c, String id, String key, String titleKey) {
        ButtonTag b = j2html.TagCreator.button(Ui.words(c, key))
                .withType("button")
                .withId(id)
                .withClass("basic-button small");
        if (titleKey != null) b.withTitle(c.m().t(titleKey)).attr("data-i18n-title", titleKey);
        return b;
    }
}
