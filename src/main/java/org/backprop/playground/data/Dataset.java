package org.backprop.playground.data;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.backprop.playground.engine.SeedRandom;

/**
 * Every data set the playground knows, under the name it has in a URL ({@code dataset=} or
 * {@code regDataset=}). This enum is the one list of names: TF Playground's six first, then
 * ours, then the tutorials' (shared/seeds).
 */
public enum Dataset {
    CIRCLE(
            "circle",
            ProblemKind.BINARY,
            2,
            500,
            Domain.PLAYGROUND,
            (r, n, noise, k) -> TfGenerators.classifyCircleData(r, n, noise)),
    XOR(
            "xor",
            ProblemKind.BINARY,
            2,
            500,
            Domain.PLAYGROUND,
            (r, n, noise, k) -> TfGenerators.classifyXORData(r, n, noise)),
    GAUSS(
            "gauss",
            ProblemKind.BINARY,
            2,
            500,
            Domain.PLAYGROUND,
            (r, n, noise, k) -> TfGenerators.classifyTwoGaussData(r, n, noise)),
    SPIRAL(
            "spiral",
            ProblemKind.BINARY,
            2,
            500,
            Domain.PLAYGROUND,
            (r, n, noise, k) -> TfGenerators.classifySpiralData(r, n, noise)),
    REG_PLANE(
            "reg-plane",
            ProblemKind.REGRESSION,
            2,
            1200,
            Domain.PLAYGROUND,
            (r, n, noise, k) -> TfGenerators.regressPlane(r, n, noise)),
    REG_GAUSS(
            "reg-gauss",
            ProblemKind.REGRESSION,
            2,
            1200,
            Domain.PLAYGROUND,
            (r, n, noise, k) -> TfGenerators.regressGaussian(r, n, noise)),

    MOONS(
            "moons",
            ProblemKind.BINARY,
            2,
            500,
            Domain.PLAYGROUND,
            (r, n, noise, k) -> ExtraGenerators.classifyMoonsData(r, n, noise)),
    SPIRAL_MULTI(
            "spiral-multi",
            ProblemKind.MULTICLASS,
            2,
            500,
            Domain.PLAYGROUND,
            ExtraGenerators::classifyMultiSpiralData),
    BLOBS("blobs", ProblemKind.MULTICLASS, 2, 500, Domain.PLAYGROUND, ExtraGenerators::classifyBlobsData),

    SEED_BLOBS(
            "seed-blobs",
            ProblemKind.BINARY,
            2,
            100,
            new Domain(-3, 3),
            (r, n, noise, k) -> SeedGenerators.seedBlobs(r, n)),
    SEED_XOR("seed-xor", ProblemKind.BINARY, 2, 4, new Domain(-0.5, 1.5), (r, n, noise, k) -> SeedGenerators.seedXor()),
    SEED_DIGITS(
            "seed-digits",
            ProblemKind.MULTICLASS,
            16,
            1000,
            new Domain(0, 1),
            (r, n, noise, k) -> SeedGenerators.seedDigits(r, n)),
    SEED_REGRESSION(
            "seed-regression",
            ProblemKind.REGRESSION,
            3,
            100,
            new Domain(0, 1),
            (r, n, noise, k) -> SeedGenerators.seedRegression(r, n)),
    SEED_NEURON(
            "seed-neuron",
            ProblemKind.REGRESSION,
            1,
            1,
            new Domain(-3, 3),
            (r, n, noise, k) -> SeedGenerators.seedNeuron()),
    SEED_UPDATE(
            "seed-update",
            ProblemKind.REGRESSION,
            2,
            1,
            new Domain(0, 1),
            (r, n, noise, k) -> SeedGenerators.seedUpdate()),
    SEED_GUESS(
            "seed-guess",
            ProblemKind.REGRESSION,
            0,
            1,
            new Domain(0, 1),
            (r, n, noise, k) -> SeedGenerators.seedGuess());

    /** Class counts a multi-class set may be asked for (softmax output of 2 to 4 units). */
    public static final int MIN_CLASSES = 2;

    public static final int MAX_CLASSES = 4;

    private final String urlName;
    private final ProblemKind problem;
    private final int inputDim;
    private final int defaultSamples;
    private final Domain domain;
    private final Generator generator;

    Dataset(String urlName, ProblemKind problem, int inputDim, int defaultSamples, Domain domain, Generator generator) {
        this.urlName = urlName;
        this.problem = problem;
        this.inputDim = inputDim;
        this.defaultSamples = defaultSamples;
        this.domain = domain;
        this.generator = generator;
    }

    /** (random, numSamples, noise as a fraction, numClasses) -> points in generation order. */
    @FunctionalInterface
    interface Generator {
        List<Point> generate(SeedRandom random, int numSamples, double noise, int numClasses);
    }

    /** The set called {@code name} in a URL; an unknown name is rejected with the valid ones. */
    public static Dataset fromName(String name) {
        for (Dataset d : values()) {
            if (d.urlName.equals(name)) return d;
        }
        throw new IllegalArgumentException("dataset name: unknown '" + name + "', expected one of " + names());
    }

    /** All URL names, in this enum's order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Dataset::urlName).collect(Collectors.toUnmodifiableList());
    }

    public String urlName() {
        return urlName;
    }

    public ProblemKind problem() {
        return problem;
    }

    /** Coordinates per point: 2 for the playground sets, 16 for digits, 3 for seed regression. */
    public int inputDim() {
        return inputDim;
    }

    /** TF's NUM_SAMPLES_CLASSIFY (500) / NUM_SAMPLES_REGRESS (1200), or the tutorial's count. */
    public int defaultSamples() {
        return defaultSamples;
    }

    public Domain domain() {
        return domain;
    }

    /** Whether {@code numClasses} changes this set (the K-class sets do; the rest are fixed). */
    public boolean takesNumClasses() {
        return this == SPIRAL_MULTI || this == BLOBS;
    }

    /** The class count it has when none is asked for: 3 spiral arms, 4 blobs, 2 for binary, 0 for regression. */
    public int defaultNumClasses() {
        return switch (this) {
            case SPIRAL_MULTI -> 3;
            case BLOBS -> 4;
            default -> problem == ProblemKind.REGRESSION ? 0 : 2;
        };
    }

    /** The class count it will have for a request's {@code numClasses} (null = default). */
    public int numClasses(Integer requested) {
        return takesNumClasses() && requested != null ? requested : defaultNumClasses();
    }

    /**
     * Whether the set is too small to split: seed-xor's four points are the whole problem, so
     * train and test are both all four (a 50% split would leave two points, and XOR cannot be
     * learned, or judged, from half its truth table); the one-sample sets of tutorials 003 and 004 likewise.
     */
    public boolean isFixed() {
        return this == SEED_XOR || this == SEED_NEURON || this == SEED_UPDATE || this == SEED_GUESS;
    }

    /** Whether URL {@code noise} changes the points: TF's generators and ours do; the tutorials' sets are their own points. */
    public boolean takesNoise() {
        return switch (this) {
            case CIRCLE, XOR, GAUSS, SPIRAL, REG_PLANE, REG_GAUSS, MOONS, SPIRAL_MULTI, BLOBS -> true;
            default -> false;
        };
    }

    /** The points before shuffling, drawn from {@code random}; noise as a fraction (URL noise / 100). */
    public List<Point> generate(SeedRandom random, int numSamples, double noise, int numClasses) {
        return generator.generate(random, numSamples, noise, numClasses);
    }
}
