package org.backprop.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.backprop.playground.engine.GradientCheck;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Pass;
import org.backprop.playground.engine.Samples;

/**
 * {@code POST /api/backprop}: one forward and backward pass, stateless. A model and samples in;
 * per layer z, a and δ for every sample, and dW, db as the mean over samples (the tutorials'
 * 1/m), plus the mean loss. Optional: a regularization penalty's gradient, and a gradient check.
 */
final class BackpropApi implements Handler {
    private final JsonBody body;
    private final HeavyGate gate;

    BackpropApi(JsonBody body, HeavyGate gate) {
        this.body = body;
        this.gate = gate;
    }

    @Override
    public void handle(Context ctx) {
        JsonNode request = body.readObject(ctx);
        Network net =
                ModelJson.read(Fields.required(request, "", "model"), "model").network();
        Samples data = SampleReader.pairs(request, net, Limits.MAX_BACKPROP_SAMPLES);
        Penalty penalty = Penalty.read(request);
        boolean gradcheck =
                Fields.optional(request, "gradcheck") != null && Fields.bool(request.get("gradcheck"), "gradcheck");
        checkActivations(net.layout, data.count());
        if (gradcheck) {
            ApiCost.check(
                    ApiCost.gradcheck(net, data.count(), penalty.active()),
                    "gradcheck",
                    "a gradient check of " + net.layout.numParams() + " parameters on " + data.count() + " samples",
                    "check fewer samples or a smaller model");
        }

        ObjectMapper mapper = body.mapper();
        ObjectNode response = compute(net, data, penalty, mapper);
        if (gradcheck) {
            try (HeavyGate.Permit permit = gate.enter()) {
                response.set("gradcheck", gradcheck(net, data, penalty, mapper));
            }
        }
        body.respond(ctx, 200, response);
    }

    private static void checkActivations(Layout layout, int samples) {
        long neurons = 0;
        for (int l = 0; l < layout.layers(); l++) neurons += layout.out(l);
        if (samples * neurons > Limits.MAX_BACKPROP_ACTIVATIONS) {
            throw ApiException.tooLarge(
                    "inputs",
                    samples + " samples × " + neurons + " neurons is past the limit of "
                            + Limits.MAX_BACKPROP_ACTIVATIONS + " (every z, a and δ is returned); send fewer samples");
        }
    }

    private static ObjectNode compute(Network net, Samples data, Penalty penalty, ObjectMapper mapper) {
        Layout layout = net.layout;
        int n = data.count();
        Pass pass = new Pass(layout, n);
        pass.forward(net, data.inputs(), 0, n);
        double loss = pass.lossSum(net, data.targets(), 0) / n;
        double[] grads = new double[layout.numParams()];
        pass.backward(net, data.targets(), 0, grads);
        for (int i = 0; i < grads.length; i++) grads[i] /= n;
        penalty.addGradient(net, grads);

        boolean finite = Double.isFinite(loss) && JsonArrays.finite(grads, grads.length);
        ObjectNode response = mapper.createObjectNode();
        response.put("loss", loss);
        if (penalty.active()) {
            double objective = GradientCheck.objective(net, data, penalty.kind(), penalty.rate());
            finite &= Double.isFinite(objective);
            response.put("objective", objective);
        }
        ArrayNode layers = response.putArray("layers");
        for (int l = 0; l < layout.layers(); l++) {
            int in = layout.in(l), out = layout.out(l);
            finite &= JsonArrays.finite(pass.z(l), n * out)
                    && JsonArrays.finite(pass.a(l), n * out)
                    && JsonArrays.finite(pass.delta(l), n * out);
            ObjectNode layer = layers.addObject();
            layer.set("z", JsonArrays.matrix(pass.z(l), 0, n, out));
            layer.set("a", JsonArrays.matrix(pass.a(l), 0, n, out));
            layer.set("delta", JsonArrays.matrix(pass.delta(l), 0, n, out));
            layer.set("dW", JsonArrays.matrix(grads, layout.weightOffset(l), out, in));
            layer.set("db", JsonArrays.vector(grads, layout.biasOffset(l), out));
        }
        if (!finite) {
            throw new ApiException(
                    422,
                    "not_finite",
                    "model",
                    "the pass overflowed to NaN or infinity; "
                            + "the weights or inputs are too large for double precision");
        }
        return response;
    }

    private static ObjectNode gradcheck(Network net, Samples data, Penalty penalty, ObjectMapper mapper) {
        GradientCheck.Result result =
                GradientCheck.run(net, data, penalty.kind(), penalty.rate(), GradientCheck.DEFAULT_EPSILON);
        ObjectNode node = mapper.createObjectNode();
        node.put("epsilon", GradientCheck.DEFAULT_EPSILON);
        ArrayNode layers = node.putArray("layers");
        for (GradientCheck.LayerResult r : result.layers()) {
            ObjectNode layer = layers.addObject();
            layer.put("layer", r.layer());
            layer.put("relativeError", finiteOrNull(r.relativeError()));
            layer.put("maxElementError", finiteOrNull(r.maxElementError()));
            layer.put("verdict", r.verdict());
        }
        return node;
    }

    /** A relative error is NaN only when both gradients are; JSON has no NaN, so it is null. */
    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
