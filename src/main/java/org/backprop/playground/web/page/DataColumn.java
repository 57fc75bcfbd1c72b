package org.backprop.playground.web.page;

import static j2html.TagCreator.button;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.img;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.option;
import static j2html.TagCreator.output;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.text;

import j2html.tags.specialized.ButtonTag;
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.SectionTag;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.ProblemKind;
import org.backprop.playground.state.PlaygroundState;

/** The data column: the data set thumbnails, classes, the train/test ratio, noise, batch size, regenerate. */
final class DataColumn {
    private DataColumn() {}

    static SectionTag render(PageContext c) {
        PlaygroundState s = c.state();
        boolean regression = s.task() == ProblemKind.REGRESSION;
        int batchMax = Math.max(Choices.BATCH_SLIDER_MAX, s.batchSize());
        return section(
                        h2(Ui.words(c, "data.heading")),
                        div(
                                        p(Ui.words(c, "data.which")).withClass("prose"),
                                        div(
                                                        each(
                                                                Choices.CLASSIFICATION_SETS,
                                                                d -> thumbnail(
                                                                        c,
                                                                        d,
                                                                        "dataset",
                                                                        !regression && s.dataset() == d,
                                                                        regression)),
                                                        each(
                                                                Choices.REGRESSION_SETS,
                                                                d -> thumbnail(
                                                                        c,
                                                                        d,
                                                                        "regDataset",
                                                                        regression && s.regDataset() == d,
                                                                        !regression)))
                                                .withClass("dataset-list")
                                                .attr("role", "group"),
                                        p().withId("active-set")
                                                .withClass("active-set")
                                                .isHidden())
                                .withClass(Ui.hiddenClass(c, "dataset")),
                        numClasses(c),
                        slider(c, "percTrainData", "data.ratio", 10, 90, 10, s.percTrainData(), "%"),
                        slider(c, "noise", "data.noise", 0, 50, s.noise() % 5 == 0 ? 5 : 1, s.noise(), ""),
                        slider(c, "batchSize", "data.batchSize", 1, batchMax, 1, s.batchSize(), "")
                                .with(span().withId("batch-in-effect")
                                        .withClass("batch-in-effect")
                                        .isHidden()),
                        button(Ui.icon(Ui.REFRESH), Ui.words(c, "data.regenerate"))
                                .withType("button")
                                .withId("regenerate-button")
                                .withClass("basic-button " + Ui.hiddenClass(c, "regenerate"))
                                .withTitle(c.m().t("data.regenerateTitle"))
                                .attr("data-i18n-title", "data.regenerateTitle"))
                .withClass("column data-column")
                .attr("aria-labelledby", "data-heading");
    }

    private static ButtonTag thumbnail(PageContext c, Dataset d, String key, boolean selected, boolean otherProblem) {
        String name = "dataset." + d.urlName();
        // an img, not a canvas: drawn once by static/js/thumbnails.js (static/js/still.js says why);
        // no alt text: the button's aria-label names the set
        return button(img().withClass("data-thumbnail")
                        .attr("width", 80)
                        .attr("height", 80)
                        .withAlt(""))
                .withType("button")
                .withClass("dataset" + (selected ? " selected" : "") + (otherProblem ? " is-na" : ""))
                .attr("data-key", key)
                .attr("data-value", d.urlName())
                .attr("aria-pressed", String.valueOf(selected))
                .withTitle(c.m().t(name))
                .attr("aria-label", c.m().t(name))
                .attr("data-i18n-title", name);
    }

    private static DivTag numClasses(PageContext c) {
        PlaygroundState s = c.state();
        Dataset active = s.activeDataset();
        var select = select(
                        option(c.m().t("data.numClassesDefault"))
                                .withValue("0")
                                .attr("data-i18n", "data.numClassesDefault")
                                .withCondSelected(s.numClasses() == 0),
                        each(
                                java.util.List.of(2, 3, 4),
                                k -> option(String.valueOf(k))
                                        .withValue(String.valueOf(k))
                                        .withCondSelected(s.numClasses() == k)))
                .withId("numClasses")
                .attr("data-key", "numClasses");
        return Ui.control(
                        c,
                        "numClasses",
                        label(Ui.words(c, "data.numClasses")).attr("for", "numClasses"),
                        div(select).withClass("select"))
                .withClass("control inline-control ui-numClasses" + (c.isHidden("numClasses") ? " is-hidden" : "")
                        + (active.takesNumClasses() ? "" : " is-na"))
                .withTitle(c.m().t("data.numClassesTitle"))
                .attr("data-i18n-title", "data.numClassesTitle");
    }

    private static DivTag slider(
            PageContext c, String key, String labelKey, int min, int max, int step, double value, String unit) {
        String shown = Choices.plain(value);
        return div(
                        label(
                                        Ui.words(c, labelKey),
                                        text(": "),
                                        output(shown).withId(key + "-value").attr("for", key),
                                        text(unit))
                                .attr("for", key),
                        input().withType("range")
                                .withId(key)
                                .attr("data-key", key)
                                .attr("min", min)
                                .attr("max", max)
                                .attr("step", step)
                                .withValue(shown))
                .withClass("slider-control " + Ui.hiddenClass(c, key));
    }
}
