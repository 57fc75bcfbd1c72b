package org.backprop.playground.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.backprop.playground.state.Presets;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Warning;

/**
 * {@code GET /api/presets}: the tutorials' networks (state.Presets) as
 * {@code [{"id","titleEn","titleKo","query","warnings"}]}; the page's Tutorials menu opens
 * {@code /?query}. {@code warnings} are what this server's limits make of the query, empty when it
 * runs as written: e.g. more hidden layers than allowed, or a layer wider than its data set allows
 * ({@code --max-neurons} on a 2-D set, at least 32 on a set without a map, as 001's 16-32-16-2 digits).
 */
final class PresetsApi implements Handler {
    private final JsonBody json;
    private final StateCodec codec;

    PresetsApi(JsonBody json, StateCodec codec) {
        this.json = json;
        this.codec = codec;
    }

    @Override
    public void handle(Context ctx) {
        ArrayNode list = json.mapper().createArrayNode();
        for (Presets.Preset p : Presets.ALL) {
            ObjectNode o = list.addObject();
            o.put("id", p.id());
            o.put("titleEn", p.titleEn());
            o.put("titleKo", p.titleKo());
            o.put("query", p.query());
            ArrayNode w = o.putArray("warnings");
            for (Warning warning : codec.parse(p.query()).warnings()) w.add(warning.message());
        }
        json.respond(ctx, 200, list);
    }
}
