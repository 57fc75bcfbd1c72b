package org.backprop.playground.web.page;

import static j2html.TagCreator.a;
import static j2html.TagCreator.div;

import j2html.tags.specialized.DivTag;
import org.backprop.playground.web.ExportApi;

/**
 * "Export as NumPy": the run on screen as a script or a notebook from {@code /api/export/numpy}.
 * Drawn for the page's state and {@link #MIN_EPOCHS} epochs; numpy-export.js keeps the links on
 * the state on screen and, at the click, on the epochs it has run (up to {@code data-max-epochs}),
 * and turns them off while the run has diverged.
 */
final class ExportLinks {
    /** A fresh page's file (epoch 0) still trains a few epochs, so it prints losses to compare with. */
    static final int MIN_EPOCHS = 20;

    private ExportLinks() {}

    static DivTag render(PageContext c, String query) {
        Messages m = c.m();
        String href = "/api/export/numpy?" + query + "&epochs=" + MIN_EPOCHS;
        return div(
                        Ui.words(c, "export.numpyLabel").withClass("numpy-export-label"),
                        a(m.t("export.numpyScript"))
                                .withId("numpy-script-link")
                                .withHref(href)
                                .attr("download", "")
                                .withClass("basic-button small")
                                .attr("data-i18n", "export.numpyScript")
                                .withTitle(m.t("export.numpyTitle"))
                                .attr("data-i18n-title", "export.numpyTitle"),
                        a(m.t("export.numpyNotebook"))
                                .withId("numpy-notebook-link")
                                .withHref(href + "&format=ipynb")
                                .attr("download", "")
                                .withClass("basic-button small")
                                .attr("data-i18n", "export.numpyNotebook")
                                .withTitle(m.t("export.numpyTitle"))
                                .attr("data-i18n-title", "export.numpyTitle"))
                .withId("numpy-export")
                .withClass("numpy-export")
                .attr("data-max-epochs", ExportApi.MAX_EPOCHS)
                .attr("data-min-epochs", MIN_EPOCHS);
    }
}
