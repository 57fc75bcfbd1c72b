package org.backprop.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every size the HTTP API accepts, in one place; docs/api.md and docs/model.md quote these
 * numbers and /api/health reports them. Each keeps one request well under a few seconds of CPU
 * and a few MiB of memory on a small server.
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
    /** Gradient check: samples × parameters × (parameters + {@link #ROW_OVERHEAD}) work units. */
    public static final long MAX_GRADCHECK_WORK = 500_000_000L;

    /** /api/train: epochs, rows per set, and epochs × (train + test rows) × (parameters + {@link #ROW_OVERHEAD}) work units. */
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_ROWS = 100_000;
    public static final long MAX_TRAIN_WORK = 1_000_000_000L;
    /** batchSize × (neurons over all layers): the trainer keeps z, a and δ for a whole batch (~24 MB at the limit). */
    public static final long MAX_BATCH_ACTIVATIONS = 1_000_000;
    /**
     * One row through a pass costs about as much as this many parameters besides its
     * multiply-adds (measured: ~130 ns per row-epoch for a 5-parameter net, ~2.4 ns per
     * parameter-row for a 10 000-parameter one), so tiny nets cannot run 10⁹ rows.
     */
    public static final int ROW_OVERHEAD = 64;

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
        n.put("maxGradcheckWork", MAX_GRADCHECK_WORK);
        n.put("maxEpochs", MAX_EPOCHS);
        n.put("maxRows", MAX_ROWS);
        n.put("maxTrainWork", MAX_TRAIN_WORK);
        n.put("rowOverhead", ROW_OVERHEAD);
        n.put("maxBatchActivations", MAX_BATCH_ACTIVATIONS);
        return n;
    }
}
