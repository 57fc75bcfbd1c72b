package org.backprop.playground.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.backprop.playground.state.Presets;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Warning;
import org.backprop.playground.web.page.I18n;
import org.backprop.playground.web.page.Messages;

/**
 * {@code GET /api/presets}: the tutorials' networks (state.Presets) with their words in every
 * language, as {@code [{"id","query","title":{lang: text},"text":{lang: {"builds","look","try","numbers"}},
 * "sample","warnings","titleEn","titleKo"}]} (docs/api.md). The words come from strings.json under
 * {@code preset.<id>.<part>}, where the page's i18n also reads them. {@code warnings} are what this
 * server's limits make of the query, empty when it runs as written: e.g. more hidden layers than
 * allowed, or a layer wider than its data set allows ({@code --max-neurons} on a 2-D set, at least 32
 * on a set without a map, as 001's 16-32-16-2 digits).
 */
final class PresetsApi implements Handler {
    private final JsonBody json;
    private final StateCodec codec;
    private final I18n i18n;

    PresetsApi(JsonBody json, StateCodec codec, I18n i18n) {
        this.json = json;
        this.codec = codec;
        this.i18n = i18n;
    }

    @Override
    public void handle(Context ctx) {
        ArrayNode list = json.mapper().createArrayNode();
        for (Presets.Preset p : Presets.ALL) {
            ObjectNode o = list.addObject();
            o.put("id", p.id());
            o.put("query", p.query());
            ObjectNode title = o.putObject("title");
            ObjectNode text = o.putObject("text");
            for (String lang : i18n.languages()) {
                Messages m = i18n.of(lang);
                title.put(lang, m.t(p.key("title")));
                ObjectNode parts = text.putObject(lang);
                for (String part : Presets.TEXTS) parts.put(part, m.t(p.key(part)));
            }
            if (p.sample() == null) {
                o.putNull("sample");
            } else {
                ObjectNode sample = o.putObject("sample");
                p.sample().input().forEach(sample.putArray("input")::add);
                p.sample().target().forEach(sample.putArray("target")::add);
            }
            ArrayNode w = o.putArray("warnings");
            for (Warning warning : codec.parse(p.query()).warnings()) w.add(warning.message());
            // the menu's former fields, kept until every client reads title.<lang>
            o.put("titleEn", i18n.of("en").t(p.key("title")));
            o.put("titleKo", i18n.of("ko").t(p.key("title")));
        }
        json.respond(ctx, 200, list);
    }
}
