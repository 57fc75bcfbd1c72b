package org.backprop.playground.state;

import java.util.List;

/**
 * The values TF Playground's drop-downs and sliders offer. The codec accepts any number in range,
 * so a link may carry 0.05; a page shows these as the menu and keeps an off-menu value as its own
 * entry.
 */
public final class TfChoices {
    private TfChoices() {}

    public static final List<Double> LEARNING_RATES =
            List.of(0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0);
    public static final List<Double> REGULARIZATION_RATES =
            List.of(0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0);
    /** Batch slider 1..30, noise slider 0..50 in steps of 5, training ratio 10..90 in steps of 10. */
    public static final int MAX_TF_BATCH_SIZE = 30;

    public static final int NOISE_STEP = 5;
    public static final int PERC_TRAIN_STEP = 10;

    /** Whether {@code value} is one of TF Playground's learning rates. */
    public static boolean isTfLearningRate(double value) {
        return LEARNING_RATES.contains(value);
    }

    public static boolean isTfRegularizationRate(double value) {
        return REGULARIZATION_RATES.contains(value);
    }
}
