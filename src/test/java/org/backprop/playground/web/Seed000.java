package org.backprop.playground.web;

/** Tutorial 000's worked example as an /api/backprop body (docs/api.md prints the same one). */
final class Seed000 {
    static final String MODEL = """
            {"format": "backprop-playground/model", "version": 1, "inputs": ["x1", "x2"],
             "layers": [
               {"activation": "relu", "weights": [[0.5, 0.3], [0.2, 0.4]], "biases": [0.1, 0.2]},
               {"activation": "sigmoid", "weights": [[0.6, 0.7]], "biases": [0.15]}],
             "loss": "bce"}""";

    static final String BODY = "{\"model\": " + MODEL + ", \"inputs\": [[1, 2]], \"targets\": [[1]]}";

    private Seed000() {}
}
