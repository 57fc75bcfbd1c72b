package org.backprop.playground.web.page;

import static j2html.TagCreator.button;
import static j2html.TagCreator.details;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.summary;

import j2html.tags.DomContent;
import org.backprop.playground.state.Presets;

/**
 * The open tutorial's card, above the network: its title, then what it builds, what to look at, what
 * to try and the numbers to check. Every text carries its strings key ({@code preset.<id>.<part>}), so
 * the language switch changes it in place; a {@code <details>}, open at first, so a reader can fold it
 * away; a worked example's numbers part has a button that opens the step-through on its sample's
 * prediction. Nothing at all when the link asks for no text ({@code hideText=true}) or is not a preset.
 */
final class PresetCard {
    private PresetCard() {}

    static DomContent render(PageContext c, Presets.Preset preset) {
        if (preset == null || c.state().hideText()) return null;
        return details(
                        summary(h2(
                                        span(c.m().t("preset.card.label"))
                                                .attr("data-i18n", "preset.card.label")
                                                .withClass("preset-card-label"),
                                        span(c.m().t(preset.key("title")))
                                                .attr("data-i18n", preset.key("title"))
                                                .withClass("preset-card-title"))
                                .withClass("preset-card-heading")),
                        div(each(
                                        Presets.TEXTS,
                                        part -> section(
                                                        h3(c.m().t("preset.card." + part))
                                                                .attr("data-i18n", "preset.card." + part),
                                                        p(c.m().t(preset.key(part)))
                                                                .attr("data-i18n", preset.key(part)),
                                                        // a worked example: its numbers, one click away in the
                                                        // step-through (presets.js)
                                                        "numbers".equals(part) && preset.sample() != null
                                                                ? button(c.m().t("preset.card.showNumbers"))
                                                                        .withType("button")
                                                                        .withId("preset-numbers-button")
                                                                        .withClass("basic-button small primary")
                                                                        .attr("data-i18n", "preset.card.showNumbers")
                                                                : null)
                                                .withClass("preset-card-part preset-card-" + part)))
                                .withClass("preset-card-body"))
                .withId("preset-card")
                .withClass("preset-card")
                .attr("open", "open")
                .attr("data-preset", preset.id());
    }
}
