package org.backprop.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Regularization;

/** A request's optional "regularization" (none, L1, L2) and "regularizationRate" (≥ 0, default 0). */
record Penalty(Regularization kind, double rate) {
    static Penalty read(JsonNode request) {
        JsonNode kindNode = Fields.optional(request, "regularization");
        Regularization kind = Regularization.NONE;
        if (kindNode != null) {
            try {
                kind = Regularization.parse(Fields.string(kindNode, "regularization"));
            } catch (IllegalArgumentException e) {
                throw ApiException.unknownName("regularization", e.getMessage());
            }
        }
        JsonNode rateNode = Fields.optional(request, "regularizationRate");
        double rate = rateNode == null ? 0 : Fields.nonNegative(rateNode, "regularizationRate");
        return new Penalty(kind, rate);
    }

    boolean active() {
        return kind != Regularization.NONE && rate != 0;
    }

    /** grads += rate · penalty'(w) over the weights (biases are never penalized), as GradientCheck.gradient. */
    void addGradient(Network net, double[] grads) {
        kind.addGradient(net, grads, rate);
    }
}
