package org.backprop.playground.web.page;

import static j2html.TagCreator.button;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.label;
import static j2html.TagCreator.option;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;

import j2html.tags.specialized.ButtonTag;
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.SelectTag;
import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.Speed;

/** TF Playground's top bar: reset, play/pause, step (and +10, +100), the epoch, the speed, then the training menus, and ours. */
final class TopBar {
    private TopBar() {}

    static DivTag render(PageContext c) {
        PlaygroundState s = c.state();
        return div(div(
                                div(
                                                iconButton(
                                                        c,
                                                        "reset-button",
                                                        "resetButton",
                                                        "top.reset",
                                                        Ui.RESET,
                                                        "icon-button"),
                                                iconButton(
                                                                c,
                                                                "play-pause-button",
                                                                "playButton",
                                                                "top.play",
                                                                Ui.PLAY,
                                                                "play-button")
                                                        .with(Ui.icon(Ui.PAUSE))
                                                        .attr("aria-pressed", "false"),
                                                iconButton(
                                                        c,
                                                        "step-button",
                                                        "stepButton",
                                                        "top.step",
                                                        Ui.STEP,
                                                        "icon-button"),
                                                stepMore(c))
                                        .withClass("timeline"),
                                // the speed under the epoch it paces: the row has no room for another column at 1400px
                                div(
                                                Ui.words(c, "top.epoch").withClass("label"),
                                                span("000,000").withId("epoch").withClass("value"),
                                                speedMenu(c, s))
                                        .withClass("control epoch"),
                                Ui.menu(
                                        c,
                                        "learningRate",
                                        "top.learningRate",
                                        "top.learningRateTitle",
                                        numbers(Choices.LEARNING_RATES, s.learningRate()),
                                        Choices.plain(s.learningRate())),
                                Ui.menu(
                                        c,
                                        "activation",
                                        "top.activation",
                                        "top.activationTitle",
                                        keyed("opt.activation.", Choices.ACTIVATIONS, List.of()),
                                        s.activation().key),
                                Ui.menu(
                                        c,
                                        "outputActivation",
                                        "top.outputActivation",
                                        "top.outputActivationTitle",
                                        outputActivations(c),
                                        s.outputActivation() == null ? Choices.AUTO : s.outputActivation().key),
                                Ui.menu(
                                        c,
                                        "regularization",
                                        "top.regularization",
                                        "top.regularizationTitle",
                                        keyed("opt.regularization.", Choices.REGULARIZATIONS, List.of()),
                                        s.regularization().key),
                                Ui.menu(
                                        c,
                                        "regularizationRate",
                                        "top.regularizationRate",
                                        "top.regularizationRateTitle",
                                        numbers(Choices.REGULARIZATION_RATES, s.regularizationRate()),
                                        Choices.plain(s.regularizationRate())),
                                Ui.menu(
                                        c,
                                        "problem",
                                        "top.problem",
                                        "top.problemTitle",
                                        keyed("opt.problem.", Choices.PROBLEMS, List.of()),
                                        s.problem().key),
                                Ui.menu(
                                        c,
                                        "loss",
                                        "top.loss",
                                        "top.lossTitle",
                                        keyed(
                                                "opt.loss.",
                                                Choices.LOSSES,
                                                s.allowedLosses().stream()
                                                        .map(l -> l.key)
                                                        .toList()),
                                        s.loss().key),
                                Ui.menu(
                                        c,
                                        "optimizer",
                                        "top.optimizer",
                                        "top.optimizerTitle",
                                        keyed("opt.optimizer.", Choices.OPTIMIZERS, List.of()),
                                        s.optimizer().key))
                        .withClass("top-inner"))
                .withId("top-controls")
                .withClass("top-bar");
    }

    /** "+10" and "+100": a step of that many epochs (the protocol's step takes epochs), beside step. */
    private static DivTag stepMore(PageContext c) {
        return div(each(STEP_MORE, n -> {
                    String title = c.m().format("top.stepN", "n", n);
                    return button("+" + n)
                            .withType("button")
                            .withClass("step-more-button")
                            .attr("data-epochs", n)
                            .withTitle(title)
                            .attr("aria-label", title)
                            .attr("data-i18n-title", "top.stepN")
                            .attr("data-i18n-params", "{\"n\":" + n + "}");
                }))
                .withClass("step-more " + Ui.hiddenClass(c, "stepButton"))
                .attr("role", "group");
    }

    private static final List<Integer> STEP_MORE = List.of(10, 100);

    /**
     * The speed: Speed.CHOICES, slowest first, as "60 epochs/s" … "max"; each option names its
     * words with data-i18n-params so a change of language rewrites it.
     */
    static DivTag speedMenu(PageContext c, PlaygroundState s) {
        SelectTag select = select().withId("speed").attr("data-key", "speed");
        for (Speed speed : Speed.CHOICES) {
            String rate = String.format(java.util.Locale.ROOT, "%,d", speed.epochsPerSecond());
            var opt = speed.paced()
                    ? option(c.m().format("top.speedRate", "n", rate))
                            .attr("data-i18n", "top.speedRate")
                            .attr("data-i18n-params", "{\"n\":\"" + rate + "\"}")
                    : option(c.m().t("top.speedMax")).attr("data-i18n", "top.speedMax");
            opt.withValue(speed.key());
            if (speed.equals(s.speed())) opt.isSelected();
            select.with(opt);
        }
        // its label is for screen readers; the options say "epochs/s" themselves
        return Ui.control(
                        c,
                        "speed",
                        label(c.m().t("top.speed"))
                                .attr("for", "speed")
                                .attr("data-i18n", "top.speed")
                                .withClass("visually-hidden"),
                        div(select).withClass("select"))
                .withClass("control speed " + Ui.hiddenClass(c, "speed"))
                .withTitle(c.m().t("top.speedTitle"))
                .attr("data-i18n-title", "top.speedTitle");
    }

    private static ButtonTag iconButton(
            PageContext c, String id, String control, String titleKey, String icon, String kind) {
        String title = c.m().t(titleKey);
        return button(Ui.icon(icon))
                .withId(id)
                .withType("button")
                .withClass(kind + " " + Ui.hiddenClass(c, control))
                .withTitle(title)
                .attr("aria-label", title)
                .attr("data-i18n-title", titleKey);
    }

    /** A numeric menu; the state's value joins it when it is not one of TF's. */
    static List<String[]> numbers(List<String> menu, double value) {
        List<String> values = new ArrayList<>(menu);
        String own = Choices.plain(value);
        if (!values.contains(own)) {
            values.add(own);
            values.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        return values.stream().map(v -> new String[] {v, "=" + v}).toList();
    }

    /**
     * The output activation's menu: "auto (sigmoid)" names what auto resolves to here; the values
     * this task and loss cannot train with are disabled, as the server would refuse them.
     */
    static List<String[]> outputActivations(PageContext c) {
        PlaygroundState s = c.state();
        String resolved = c.m().t("opt.activation." + s.autoOutputActivation().key);
        List<String[]> options = new ArrayList<>();
        options.add(new String[] {Choices.AUTO, "=" + c.m().format("opt.outputActivation.auto", "output", resolved)});
        for (String v : Choices.OUTPUT_ACTIVATIONS) {
            options.add(
                    s.allowsOutputActivation(Activation.parse(v))
                            ? new String[] {v, "opt.activation." + v}
                            : new String[] {v, "opt.activation." + v, "disabled"});
        }
        return options;
    }

    /** Named options; those not in {@code allowed} (when it is not empty) are disabled. */
    static List<String[]> keyed(String prefix, List<String> values, List<String> allowed) {
        return values.stream()
                .map(v -> allowed.isEmpty() || allowed.contains(v)
                        ? new String[] {v, prefix + v}
                        : new String[] {v, prefix + v, "disabled"})
                .toList();
    }
}
