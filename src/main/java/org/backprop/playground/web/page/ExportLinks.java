package org.backprop.playground.web.page;

import static j2html.TagCreator.a;
import static j2html.TagCreator.button;
import static j2html.TagCreator.dialog;
import static j2html.TagCreator.div;
import static j2html.TagCreator.form;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.input;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;

import j2html.tags.DomContent;
import j2html.tags.specialized.ButtonTag;
import j2html.tags.specialized.SectionTag;
import org.backprop.playground.web.ExportApi;

/**
 * "Take it home": everything the page hands out as a file, in one group under the output map. The
 * NumPy links (a script or a notebook from {@code /api/export/numpy}, drawn for the page's state
 * and {@link #MIN_EPOCHS} epochs; numpy-export.js keeps them on the state and the epochs run),
 * the model file out and in (model-file.js, with the dialog that says what a model of another
 * shape changes), pictures of the output map and of the network (picture-export.js) and the loss
 * history as CSV (loss-csv.js). Each button starts off, with a tooltip saying why, until its
 * module has what it exports.
 */
final class ExportLinks {
    /** A fresh page's file (epoch 0) still trains a few epochs, so it prints losses to compare with. */
    static final int MIN_EPOCHS = 20;

    private ExportLinks() {}

    static SectionTag render(PageContext c, String query) {
        String href = "/api/export/numpy?" + query + "&epochs=" + MIN_EPOCHS;
        return section(
                        h3(Ui.words(c, "export.heading"))
                                .withId("take-home-heading")
                                .withClass("take-home-heading"),
                        div(
                                        Ui.words(c, "export.numpyLabel")
                                                .withClass("take-home-label numpy-export-label"),
                                        link(c, "numpy-script-link", "export.numpyScript", href),
                                        link(c, "numpy-notebook-link", "export.numpyNotebook", href + "&format=ipynb"))
                                .withId("numpy-export")
                                .withClass("take-home-row numpy-export")
                                .attr("data-max-epochs", ExportApi.MAX_EPOCHS)
                                .attr("data-min-epochs", MIN_EPOCHS),
                        div(
                                        Ui.words(c, "export.modelLabel").withClass("take-home-label"),
                                        off(c, "model-download-button", "export.modelDownload"),
                                        off(c, "model-import-button", "export.modelImport"),
                                        input().withType("file")
                                                .withId("model-file")
                                                .attr("accept", ".json,application/json")
                                                .withClass("visually-hidden")
                                                .attr("tabindex", "-1")
                                                .attr("aria-hidden", "true"))
                                .withClass("take-home-row"),
                        div(
                                        Ui.words(c, "export.pictureLabel").withClass("take-home-label"),
                                        off(c, "map-png-button", "export.mapPng"),
                                        off(c, "network-png-button", "export.networkPng"))
                                .withClass("take-home-row"),
                        div(
                                        Ui.words(c, "export.historyLabel").withClass("take-home-label"),
                                        off(c, "loss-csv-button", "export.lossCsv"))
                                .withClass("take-home-row"),
                        modelDialog(c))
                .withId("take-home")
                .withClass("take-home")
                .attr("aria-labelledby", "take-home-heading");
    }

    private static DomContent link(PageContext c, String id, String words, String href) {
        Messages m = c.m();
        return a(m.t(words))
                .withId(id)
                .withHref(href)
                .attr("download", "")
                .withClass("basic-button small")
                .attr("data-i18n", words)
                .withTitle(m.t("export.numpyTitle"))
                .attr("data-i18n-title", "export.numpyTitle");
    }

    /** A button that starts off until its module has something to export ("waiting for the first frame"). */
    private static ButtonTag off(PageContext c, String id, String words) {
        Messages m = c.m();
        return button(m.t(words))
                .withType("button")
                .withId(id)
                .withClass("basic-button small")
                .attr("data-i18n", words)
                .withTitle(m.t("export.waiting"))
                .attr("data-i18n-title", "export.waiting")
                .attr("disabled", "disabled");
    }

    /** Asked before a model of another shape replaces the network (model-file.js fills the text). */
    private static DomContent modelDialog(PageContext c) {
        Messages m = c.m();
        return dialog(form(
                                h2(m.t("export.modelDialogTitle"))
                                        .withId("model-dialog-title")
                                        .attr("data-i18n", "export.modelDialogTitle"),
                                p().withId("model-dialog-text"),
                                div(
                                                button(m.t("export.modelCancel"))
                                                        .withType("submit")
                                                        .withValue("cancel")
                                                        .withId("model-dialog-cancel")
                                                        .withClass("basic-button")
                                                        .attr("data-i18n", "export.modelCancel"),
                                                button(m.t("export.modelApply"))
                                                        .withType("submit")
                                                        .withValue("apply")
                                                        .withId("model-dialog-apply")
                                                        .withClass("basic-button primary")
                                                        .attr("data-i18n", "export.modelApply"))
                                        .withClass("dialog-buttons"))
                        .attr("method", "dialog"))
                .withId("model-dialog")
                .withClass("nickname-dialog model-dialog")
                .attr("aria-labelledby", "model-dialog-title");
    }
}
