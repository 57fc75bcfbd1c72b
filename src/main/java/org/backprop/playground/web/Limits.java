package org.backprop.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every size the HTTP API accepts, in one place; docs/api.md and docs/model.md quote these
 * numbers and /api/health reports them. Each keeps one request within a few MiB of memory on a
 * small server; {@link ApiCost} holds its CPU to about 2 s.
 */
public final class Limits {
    /** Request bodies, in bytes (4 MiB: about 200 000 numbers as JSON text). */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** How much of a refused body is still read and dropped, so the client gets its 413 (see JsonBody). */
    public static final long MAX_DRAIN_BYTES = 4L * MAX_BODY_BYTES;

    /** Model JSON: weight layers, neurons per layer, input features, total parameters. */
    public static final int MAX_LAYERS = 16;

    public static final int MAX_NEURONS = 256;
    public static final int MAX_INPUTS = 1024;
    public static final int MAX_PARAMS = 200_000;
    /** Characters in one input feature name. */
    public static final int MAX_INPUT_NAME = 64;

    /** /api/backprop: samples, and samples × (neurons over all layers) — z, a and δ are all echoed. */
    public static final int MAX_BACKPROP_SAMPLES = 1_000;

    public static final long MAX_BACKPROP_ACTIVATIONS = 100_000;

    /** /api/train: epochs and rows per set; what they cost together is {@link ApiCost}'s. */
    public static final int MAX_EPOCHS = 10_000;

    public static final int MAX_ROWS = 100_000;
    /** batchSize × (neurons over all layers): the trainer keeps z, a and δ for a whole batch (~24 MB at the limit). */
    public static final long MAX_BATCH_ACTIVATIONS = 1_000_000;

    private Limits() {}

    /** The limits as /api/health reports them. */
    static ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("maxBodyBytes", MAX_BODY_BYTES);
        n.put("maxLayers", MAX_LAYERS);
        n.put("maxNeurons", MAX_NEURONS);
        n.put("maxInputs", MAX_INPUTS);
        n.put("maxParams", MAX_PARAMS);
        n.put("maxBackpropSamples", MAX_BACKPROP_SAMPLES);
        n.put("maxBackpropActivations", MAX_BACKPROP_ACTIVATIONS);
        n.put("maxEpochs", MAX_EPOCHS);
        n.put("maxRows", MAX_ROWS);
        n.put("maxWorkUnits", ApiCost.MAX_UNITS);
        n.put("maxBatchActivations", MAX_BATCH_ACTIVATIONS);
        return n;
    }
}
