package org.backprop.playground.web.page;

import static j2html.TagCreator.div;
import static j2html.TagCreator.label;
import static j2html.TagCreator.option;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;

import j2html.tags.DomContent;
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.SelectTag;
import j2html.tags.specialized.SpanTag;
import java.util.List;

/**
 * Small pieces the page is made of. Every visible word carries its {@code data-i18n} key (and every
 * tooltip its {@code data-i18n-title} key) so that {@code i18n.js} can change the language in place;
 * every control carries {@code data-key}, the state key it edits, and the class {@code ui-<name>}
 * that {@code <name>_hide=true} hides.
 */
final class Ui {
    private Ui() {}

    /** A word or sentence in the page's language. */
    static SpanTag words(PageContext c, String key) {
        return span(c.m().t(key)).attr("data-i18n", key);
    }

    /** A labelled menu for a state key: a select whose options are (value, text key) pairs. */
    static DivTag menu(
            PageContext c, String key, String labelKey, String titleKey, List<String[]> options, String selected) {
        SelectTag select = select().withId(key).attr("data-key", key);
        for (String[] o : options) {
            var opt = option(o[1].startsWith("=") ? o[1].substring(1) : c.m().t(o[1]))
                    .withValue(o[0]);
            if (!o[1].startsWith("=")) opt.attr("data-i18n", o[1]);
            if (o[0].equals(selected)) opt.isSelected();
            if (o.length > 2 && "disabled".equals(o[2])) opt.isDisabled();
            select.with(opt);
        }
        return control(
                        c,
                        key,
                        label(c.m().t(labelKey)).attr("for", key).attr("data-i18n", labelKey),
                        div(select).withClass("select"))
                .withTitle(c.m().t(titleKey))
                .attr("data-i18n-title", titleKey);
    }

    /** A block of controls that {@code <name>_hide=true} hides. */
    static DivTag control(PageContext c, String name, DomContent... content) {
        return div(content).withClass("control ui-" + name + (c.isHidden(name) ? " is-hidden" : ""));
    }

    /** Markup written here, never from data: the icons. */
    static DomContent icon(String path) {
        return rawHtml("<svg class=\"icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\""
                + path + "\"/></svg>");
    }

    static String hiddenClass(PageContext c, String name) {
        return "ui-" + name + (c.isHidden(name) ? " is-hidden" : "");
    }

    // Material Design icons (Apache 2.0), as TF Playground uses them
    static final String PLAY = "M8 5v14l11-7z";
    static final String PAUSE = "M6 19h4V5H6v14zm8-14v14h4V5h-4z";
    static final String STEP = "M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z";
    static final String RESET =
            "M12 5V1L7 6l5 5V7c3.31 0 6 2.69 6 6s-2.69 6-6 6-6-2.69-6-6H4c0 4.42 3.58 8 8 8s8-3.58 8-8-3.58-8-8-8z";
    static final String ADD = "M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z";
    static final String REMOVE = "M19 13H5v-2h14v2z";
    static final String REFRESH =
            "M17.65 6.35A7.958 7.958 0 0 0 12 4c-4.42 0-7.99 3.58-7.99 8s3.57 8 7.99 8c3.73 0 6.84-2.55 7.73-6h-2.08A5.99 5.99 0 0 1 12 18c-3.31 0-6-2.69-6-6s2.69-6 6-6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z";
    static final String SHARE =
            "M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11A2.99 2.99 0 0 0 21 5c0-1.66-1.34-3-3-3s-3 1.34-3 3c0 .24.04.47.09.7L8.04 9.81A2.99 2.99 0 0 0 3 12a2.99 2.99 0 0 0 5.04 2.19l7.12 4.16c-.05.21-.08.43-.08.65 0 1.61 1.31 2.92 2.92 2.92s2.92-1.31 2.92-2.92-1.31-2.92-2.92-2.92z";
    static final String CLOSE =
            "M19 6.41L17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z";
}
