package org.backprop.playground.web.page;

import java.util.List;
import org.backprop.playground.data.Dataset;

/** What the page's menus offer, in TF Playground's order where TF has the menu. */
final class Choices {
    private Choices() {}

    /** TF's learning-rate menu (index.html). A URL's other rate is added to the menu as it is. */
    static final List<String> LEARNING_RATES =
            List.of("0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10");

    static final List<String> REGULARIZATION_RATES =
            List.of("0", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10");
    static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "linear", "leakyRelu");
    /** The output layer's menu after "auto": the values a URL's outputActivation takes (softmax comes with loss ce). */
    static final String AUTO = "auto";

    static final List<String> OUTPUT_ACTIVATIONS = List.of("linear", "tanh", "sigmoid", "relu");
    static final List<String> REGULARIZATIONS = List.of("none", "L1", "L2");
    static final List<String> PROBLEMS = List.of("classification", "regression");
    static final List<String> LOSSES = List.of("square", "mse", "bce", "ce");
    static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam", "rmsprop");

    /** The thumbnails: TF's four, then ours that have a 2-D picture. */
    static final List<Dataset> CLASSIFICATION_SETS = List.of(
            Dataset.CIRCLE,
            Dataset.XOR,
            Dataset.GAUSS,
            Dataset.SPIRAL,
            Dataset.MOONS,
            Dataset.SPIRAL_MULTI,
            Dataset.BLOBS,
            Dataset.SEED_BLOBS,
            Dataset.SEED_XOR);

    static final List<Dataset> REGRESSION_SETS = List.of(Dataset.REG_PLANE, Dataset.REG_GAUSS);

    /** Sliders (TF's ranges; a URL's larger batch widens the slider to reach it). */
    static final int BATCH_SLIDER_MAX = 30;

    /**
     * Controls a URL may hide with {@code <name>_hide=true}: TF Playground's HIDABLE_CONTROLS, in
     * its order, then ours. Each is an element with the class {@code ui-<name>}.
     */
    static final List<String> HIDABLE = List.of(
            "showTestData",
            "discretize",
            "playButton",
            "stepButton",
            "resetButton",
            "learningRate",
            "activation",
            "regularization",
            "regularizationRate",
            "problem",
            "dataset",
            "percTrainData",
            "noise",
            "batchSize",
            "numHiddenLayers",
            "loss",
            "outputActivation",
            "optimizer",
            "numClasses",
            "regenerate",
            "features",
            "speed");

    /** A number as menus and URLs write it: 0.00001, 0.03, 1 (never 1.0E-5 or 1.0). */
    static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
