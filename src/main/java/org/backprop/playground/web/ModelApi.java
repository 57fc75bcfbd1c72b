package org.backprop.playground.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Handler;
import java.util.Map;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Update;

/**
 * The page's "Download model" and "Import model" (docs/api.md "Model files"):
 * {@code POST /api/model/export} {state, epoch, weights} → the model file of that network, with
 * the state it was trained under and its epoch; {@code POST /api/model/import} {state, model} →
 * the state that model needs, its parameters and epoch, and the keys it changes, for the page to
 * send as a {@code config} with a {@code resume} (the socket's one way of taking weights). A model
 * is read by {@link ModelJson} alone; one that does not fit the playground is refused whole.
 */
final class ModelApi {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JsonBody body;
    private final StateCodec codec;

    ModelApi(JsonBody body, StateCodec codec) {
        this.body = body;
        this.codec = codec;
    }

    Handler export() {
        return ctx -> {
            JsonNode request = body.readObject(ctx);
            PlaygroundState state = state(request);
            int epoch = epoch(Fields.required(request, "", "epoch"), "epoch");
            JsonNode weights = Fields.array(Fields.required(request, "", "weights"), "weights");
            double[] params = Fields.vector(weights, "weights", weights.size());
            ObjectNode model = ModelJson.write(ModelState.of(state, codec, params), body.mapper());
            model.put("epoch", epoch);
            model.set("state", body.mapper().valueToTree(codec.toMap(state)));
            String name = "backprop-playground-" + state.activeDataset().urlName() + "-epoch-" + epoch + ".json";
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
            body.respond(ctx, 200, model);
        };
    }

    Handler importer() {
        return ctx -> {
            JsonNode request = body.readObject(ctx);
            PlaygroundState current = state(request);
            JsonNode file = Fields.required(request, "", "model");
            ModelJson.Model model = ModelJson.read(file, "model");
            JsonNode trainedUnder = Fields.optional(file, "state");
            if (trainedUnder != null) Fields.object(trainedUnder, "model.state");
            JsonNode epochNode = Fields.optional(file, "epoch");
            int epoch = epochNode == null ? 0 : epoch(epochNode, "model.epoch");
            Update update = ModelState.fit(
                    current,
                    codec,
                    model,
                    trainedUnder == null ? null : body.mapper().convertValue(trainedUnder, MAP));
            ObjectNode response = body.mapper().createObjectNode();
            response.set("state", body.mapper().valueToTree(codec.toMap(update.state())));
            response.put("query", codec.write(update.state()));
            response.put("epoch", epoch);
            response.set("weights", JsonArrays.vector(model.network().params, 0, model.network().params.length));
            ArrayNode changed = response.putArray("changed");
            update.changed().forEach(changed::add);
            response.set("shape", shape(model));
            body.respond(ctx, 200, response);
        };
    }

    /** The request's {@code state}, read as a {@code config}'s is (leniently: a bad value becomes its default). */
    private PlaygroundState state(JsonNode request) {
        JsonNode node = Fields.object(Fields.required(request, "", "state"), "state");
        return codec.parse(body.mapper().convertValue(node, MAP)).state();
    }

    private static int epoch(JsonNode node, String path) {
        return Fields.integer(node, path, 0, Integer.MAX_VALUE, false);
    }

    /** The model's network in words the page can say: inputs, hidden sizes, outputs, activations, loss. */
    private ObjectNode shape(ModelJson.Model model) {
        Layout layout = model.network().layout;
        ObjectNode s = body.mapper().createObjectNode();
        ArrayNode inputs = s.putArray("inputs");
        model.inputs().forEach(inputs::add);
        ArrayNode hidden = s.putArray("hidden");
        for (int l = 0; l + 1 < layout.layers(); l++) hidden.add(layout.out(l));
        s.put("outputs", layout.outputs());
        return s;
    }
}
