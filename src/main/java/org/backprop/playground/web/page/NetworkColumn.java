package org.backprop.playground.web.page;

import static j2html.TagCreator.button;
import static j2html.TagCreator.div;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;

import j2html.tags.specialized.ButtonTag;
import j2html.tags.specialized.SectionTag;
import org.backprop.playground.state.Locks;
import org.backprop.playground.state.PlaygroundState;

/**
 * The middle: features, hidden layers and the links between them. The server writes the frame and
 * the header (with the layer count, so nothing jumps); {@code network-view.js} draws the nodes and
 * links into {@code #network} from the same state as soon as the script runs.
 */
final class NetworkColumn {
    private NetworkColumn() {}

    static SectionTag render(PageContext c) {
        int layers = c.state().networkShape().size();
        String layersText = layers == 1 ? c.m().t("net.layersOne") : c.m().format("net.layersMany", "n", layers);
        return section(
                        div(
                                        div(
                                                        h2(Ui.words(c, "net.features")),
                                                        p(Ui.words(c, "net.featuresWhich"))
                                                                .withClass("prose"))
                                                .withClass("features-header " + Ui.hiddenClass(c, "features")),
                                        div(
                                                        div(
                                                                        small(c, "add-layer", "net.addLayer", Ui.ADD),
                                                                        small(
                                                                                c,
                                                                                "remove-layer",
                                                                                "net.removeLayer",
                                                                                Ui.REMOVE))
                                                                .withClass("layer-buttons "
                                                                        + Ui.hiddenClass(c, "numHiddenLayers")),
                                                        h2(span(layersText).withId("layers-label")))
                                                .withClass("layers-header"))
                                .withClass("network-header"),
                        div(
                                        label(
                                                        input().withType("checkbox")
                                                                .withId("gradient-view"),
                                                        Ui.words(c, "bp.gradientView"))
                                                .withClass("check")
                                                .withTitle(c.m().t("bp.gradientViewTitle"))
                                                .attr("data-i18n-title", "bp.gradientViewTitle"),
                                        p(Ui.words(c, "bp.legendWeights"))
                                                .withId("gradient-legend")
                                                .withClass("gradient-legend"))
                                .withClass("view-toggle"),
                        div().withId("network")
                                .withClass("network")
                                .attr("role", "group")
                                .attr("aria-label", c.m().t(helpKey(c.state())))
                                .attr("aria-describedby", "network-summary"),
                        // how training goes, in words (describe.js), read with the network
                        p().withId("network-summary").withClass("visually-hidden"),
                        p(Ui.words(c, helpKey(c.state())).withId("net-help")).withClass("prose hint"))
                .withClass("column network-column");
    }

    /** The hint under the network: no "click a line to edit its weight" where the exercise locks the weights. */
    static String helpKey(PlaygroundState state) {
        return Locks.weightsLocked(state) ? "net.helpLocked" : "net.help";
    }

    private static ButtonTag small(PageContext c, String id, String titleKey, String icon) {
        String title = c.m().t(titleKey);
        return button(Ui.icon(icon))
                .withType("button")
                .withId(id)
                .withClass("round-button")
                .withTitle(title)
                .attr("aria-label", title)
                .attr("data-i18n-title", titleKey);
    }
}
