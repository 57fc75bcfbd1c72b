package org.backprop.playground.engine;

/**
 * How a network is trained. The defaults are TF Playground's (lr 0.03, batch 10, SGD, no
 * regularization) and live only here.
 */
public record Hyperparameters(
        double learningRate,
        int batchSize,
        Optimizer.Kind optimizer,
        Regularization regularization,
        double regularizationRate) {
    public static final double DEFAULT_LEARNING_RATE = 0.03;
    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final int MAX_BATCH_SIZE = 100_000;

    public Hyperparameters {
        if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number ≥ 0, got " + learningRate);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "batchSize must be between 1 and " + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        if (!(regularizationRate >= 0) || !Double.isFinite(regularizationRate)) {
            throw new IllegalArgumentException(
                    "regularizationRate must be a finite number ≥ 0, got " + regularizationRate);
        }
        if (optimizer == null) optimizer = Optimizer.Kind.SGD;
        if (regularization == null) regularization = Regularization.NONE;
    }

    /**
     * The batch an epoch trains with on {@code points} training examples: min(batchSize, points).
     * TF's rule updates after every batchSize-th example of an epoch, so a batch larger than the
     * whole training set would never update at all (seed-xor's 4 points at TF's batch 10); capped,
     * each epoch is one update of all the points. With no points there is nothing to update, and
     * batchSize stays as asked (never 0: the trainer divides by it).
     */
    public static int effectiveBatchSize(int batchSize, int points) {
        return points > 0 && points < batchSize ? points : batchSize;
    }

    /** These hyperparameters with the batch {@link #effectiveBatchSize} gives; this very object when it is unchanged. */
    public Hyperparameters forTrainingSet(int points) {
        int b = effectiveBatchSize(batchSize, points);
        return b == batchSize ? this : withBatchSize(b);
    }

    public static Hyperparameters defaults() {
        return new Hyperparameters(
                DEFAULT_LEARNING_RATE, DEFAULT_BATCH_SIZE, Optimizer.Kind.SGD, Regularization.NONE, 0);
    }

    public Hyperparameters withLearningRate(double lr) {
        return new Hyperparameters(lr, batchSize, optimizer, regularization, regularizationRate);
    }

    public Hyperparameters withBatchSize(int b) {
        return new Hyperparameters(learningRate, b, optimizer, regularization, regularizationRate);
    }

    public Hyperparameters withOptimizer(Optimizer.Kind o) {
        return new Hyperparameters(learningRate, batchSize, o, regularization, regularizationRate);
    }

    public Hyperparameters withRegularization(Regularization r, double rate) {
        return new Hyperparameters(learningRate, batchSize, optimizer, r, rate);
    }
}
