package org.backprop.playground.data;

/**
 * What to generate, in TF Playground's URL terms. Validated when built, each error naming its
 * field.
 *
 * @param name          a {@link Dataset} URL name ({@code circle}, {@code reg-plane}, ...)
 * @param seed          the seed string, TF style (e.g. {@code "0.12345"})
 * @param noise         URL noise, 0..50 (percent; generators get noise / 100)
 * @param percTrainData percent of the shuffled points that go to training, 10..90
 * @param numClasses    2..4 for the K-class sets, null for the set's default; ignored by fixed sets
 * @param numSamples    1..10000 to override the set's default count, or null
 */
public record DatasetRequest(
        String name, String seed, double noise, int percTrainData, Integer numClasses, Integer numSamples) {
    public static final double MAX_NOISE = 50;
    public static final int MIN_PERC_TRAIN = 10;
    public static final int MAX_PERC_TRAIN = 90;
    public static final int MAX_SAMPLES = 10_000;

    public DatasetRequest {
        Dataset.fromName(name);
        if (seed == null) {
            throw new IllegalArgumentException("seed: must not be null");
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise: must be in 0..50, got " + noise);
        }
        if (percTrainData < MIN_PERC_TRAIN || percTrainData > MAX_PERC_TRAIN) {
            throw new IllegalArgumentException("percTrainData: must be in 10..90, got " + percTrainData);
        }
        if (numClasses != null && (numClasses < Dataset.MIN_CLASSES || numClasses > Dataset.MAX_CLASSES)) {
            throw new IllegalArgumentException("numClasses: must be in 2..4, got " + numClasses);
        }
        if (numSamples != null && (numSamples < 1 || numSamples > MAX_SAMPLES)) {
            throw new IllegalArgumentException("numSamples: must be in 1..10000, got " + numSamples);
        }
    }

    /** TF Playground's defaults: noise 0, half the data for training, default classes and count. */
    public static DatasetRequest of(String name, String seed) {
        return new DatasetRequest(name, seed, 0, 50, null, null);
    }

    public DatasetRequest withNoise(double noise) {
        return new DatasetRequest(name, seed, noise, percTrainData, numClasses, numSamples);
    }

    public DatasetRequest withPercTrainData(int percTrainData) {
        return new DatasetRequest(name, seed, noise, percTrainData, numClasses, numSamples);
    }

    public DatasetRequest withNumClasses(Integer numClasses) {
        return new DatasetRequest(name, seed, noise, percTrainData, numClasses, numSamples);
    }

    public DatasetRequest withNumSamples(Integer numSamples) {
        return new DatasetRequest(name, seed, noise, percTrainData, numClasses, numSamples);
    }

    /** The data set this request names. */
    public Dataset dataset() {
        return Dataset.fromName(name);
    }
}
