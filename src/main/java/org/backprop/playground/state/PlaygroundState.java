package org.backprop.playground.state;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.Features;
import org.backprop.playground.data.InputFeature;
import org.backprop.playground.data.ProblemKind;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Optimizer;
import org.backprop.playground.engine.Regularization;

/**
 * Everything a playground URL holds: TF Playground's keys with TF's defaults, then ours. One value
 * of this record is one experiment; {@link StateCodec} is the only way in from text and back.
 * Values here are already valid and within limits; combinations the engine cannot train have
 * been fixed or refused by the codec.
 *
 * @param networkShape   hidden layer sizes; empty means inputs wired straight to the output
 * @param seed           seeds the data, the initial weights and every later draw of a session
 * @param features       the enabled input toggles (x y xSquared ySquared xTimesY sinX sinY)
 * @param hiddenControls controls hidden with {@code <control>_hide=true}, sorted
 * @param numClasses     classes for the K-class sets (2..4), or 0 for the data set's own default
 * @param taskText       the {@code task} key: an exercise's task text: plain text, line breaks kept, {@code *word*} shown emphasized; empty for none
 * @param goal           an exercise's target, or null for none
 * @param goalEpochs     the goal's budget: met only if reached within this many epochs; 0 for none
 * @param lock           state keys a student may not change (the {@code set} message refuses them)
 * @param speed          epochs per second while playing (a live key: the next turn trains at the new rate)
 * @param outputActivation the output layer's activation, or null for the one the task and loss imply
 * @param weights        initial parameters in the engine's flat layout (per layer W row-major, then b),
 *                       used at build and reset instead of the seed's draw; empty for none
 * @param weightsEpoch   the epoch those weights were trained to (a "share as trained" link), said on the page; 0 for none
 * @param exercise       a stored exercise's id (its task and title come from the store), or empty
 * @param board          a class board's id the session reports to (with {@code name}), or empty
 * @param name           the student's nickname on that board, or empty (checked when joining, not here)
 * @param run            a stored run's id: where {@code weights} came from (the web layer reads them from the
 *                       store), written in their place, so a run of any size has a short link; or empty
 * @param points         the person's own points, trained on instead of the data set's (kept on a 2-D set of
 *                       the same kind only); null for the data set's own
 * @param data           a stored data set's id: where {@code points} came from (the web layer reads them from
 *                       the store), written in their place when they are too many for a link; or empty
 */
public record PlaygroundState(
        Activation activation,
        int batchSize,
        Dataset dataset,
        Dataset regDataset,
        double learningRate,
        Regularization regularization,
        double regularizationRate,
        double noise,
        List<Integer> networkShape,
        String seed,
        boolean showTestData,
        boolean discretize,
        int percTrainData,
        Set<InputFeature> features,
        Problem problem,
        boolean initZero,
        boolean hideText,
        SortedSet<String> hiddenControls,
        Loss loss,
        Optimizer.Kind optimizer,
        int numClasses,
        String lang,
        Speed speed,
        String title,
        String taskText,
        Goal goal,
        int goalEpochs,
        List<String> lock,
        Activation outputActivation,
        List<Double> weights,
        int weightsEpoch,
        String exercise,
        String board,
        String name,
        String run,
        CustomPoints points,
        String data) {

    /**
     * The seed of a URL that names none. TF Playground draws a fresh one per visit; here a link
     * without a seed is still one reproducible experiment, and the normalized state (and so the
     * share link) always names its seed.
     */
    public static final String DEFAULT_SEED = "0.50000";

    public static final List<String> LANGUAGES = List.of("en", "ko");
    public static final int MAX_TITLE_CHARS = 200;
    /** A task text's characters: a few paragraphs, as much as a student reads before starting. */
    public static final int MAX_TASK_CHARS = 2000;
    /** The largest goal budget: ten million epochs, far past any exercise (a TF-paced minute is 3,600). */
    public static final int MAX_GOAL_EPOCHS = 10_000_000;
    /** The largest weightsEpoch a link may say (far past any session's run, short of overflow). */
    public static final int MAX_WEIGHTS_EPOCH = 1_000_000_000;

    public PlaygroundState {
        networkShape = List.copyOf(networkShape);
        features = Collections.unmodifiableSet(
                features.isEmpty() ? EnumSet.noneOf(InputFeature.class) : EnumSet.copyOf(features));
        hiddenControls = Collections.unmodifiableSortedSet(new TreeSet<>(hiddenControls));
        lock = List.copyOf(lock);
        weights = weights == null ? List.of() : List.copyOf(weights);
        if (exercise == null) exercise = "";
        if (board == null) board = "";
        if (name == null) name = "";
        if (run == null) run = "";
        if (data == null) data = "";
        if (activation == null
                || dataset == null
                || regDataset == null
                || regularization == null
                || seed == null
                || problem == null
                || loss == null
                || optimizer == null
                || lang == null
                || speed == null
                || title == null
                || taskText == null) {
            throw new IllegalArgumentException("a playground state needs every key but goal");
        }
    }

    /** TF Playground's defaults (state.ts), plus ours: square loss and SGD as TF trains, English, TF's pace. */
    public static PlaygroundState defaults() {
        return new PlaygroundState(
                Activation.TANH,
                Hyperparameters.DEFAULT_BATCH_SIZE,
                Dataset.CIRCLE,
                Dataset.REG_PLANE,
                Hyperparameters.DEFAULT_LEARNING_RATE,
                Regularization.NONE,
                0,
                0,
                List.of(4, 2),
                DEFAULT_SEED,
                false,
                false,
                50,
                EnumSet.of(InputFeature.X, InputFeature.Y),
                Problem.CLASSIFICATION,
                false,
                false,
                new TreeSet<>(),
                Loss.SQUARE,
                Optimizer.Kind.SGD,
                0,
                "en",
                Speed.DEFAULT,
                "",
                "",
                null,
                0,
                List.of(),
                null,
                List.of(),
                0,
                "",
                "",
                "",
                "",
                null,
                "");
    }

    /** Whether the points trained on are a person's own ({@code points}) rather than the data set's. */
    public boolean hasCustomPoints() {
        return points != null;
    }

    /** The same state with its points named by a stored data set (written as {@code data=<id>} instead of them). */
    public PlaygroundState withData(String id) {
        StateBuilder b = toBuilder();
        b.data = id;
        return b.build();
    }

    /** The set being trained: {@code regDataset} for regression, {@code dataset} otherwise. */
    public Dataset activeDataset() {
        return problem == Problem.REGRESSION ? regDataset : dataset;
    }

    /** Classes in effect: 0 for regression, 2 for binary sets, K for the K-class sets. */
    public int classes() {
        return activeDataset().numClasses(numClasses == 0 ? null : numClasses);
    }

    /** Binary, K-class or regression: what the output layer must be. */
    public ProblemKind task() {
        return activeDataset().problem();
    }

    /** Whether inputs are TF's features of a 2-D point (and the page can draw a heatmap). */
    public boolean isTwoDimensional() {
        return activeDataset().inputDim() == 2;
    }

    public Features enabledFeatures() {
        return Features.of(features.stream().map(InputFeature::urlName).toList());
    }

    public Hyperparameters hyperparameters() {
        return new Hyperparameters(learningRate, batchSize, optimizer, regularization, regularizationRate);
    }

    /** Inputs the network has: the enabled features of a 2-D set, else the set's coordinates. */
    public int inputCount() {
        return isTwoDimensional() ? enabledFeatures().size() : activeDataset().inputDim();
    }

    /** Outputs the network has: one per class for K classes, else one. */
    public int outputCount() {
        return task() == ProblemKind.MULTICLASS ? classes() : 1;
    }

    /** Parameters of the network this state asks for: Σ over weight layers of (in + 1) · out. */
    public int parameterCount() {
        int count = 0, in = inputCount();
        for (int h : networkShape) {
            count += (in + 1) * h;
            in = h;
        }
        return count + (in + 1) * outputCount();
    }

    /** The output layer's activation: {@code outputActivation}, or for auto the one the task and loss imply. */
    public Activation resolvedOutputActivation() {
        return Compatibility.outputActivation(this);
    }

    /** What {@code outputActivation=auto} gives with this task and loss (the menu says "auto (sigmoid)"). */
    public Activation autoOutputActivation() {
        StateBuilder b = toBuilder();
        b.outputActivation = null;
        return Compatibility.outputActivation(b.build());
    }

    /** Whether {@code outputActivation=output} (null for auto) trains with this state's task and loss. */
    public boolean allowsOutputActivation(Activation output) {
        StateBuilder b = toBuilder();
        b.outputActivation = output;
        return Compatibility.outputConflict(b.build()) == null;
    }

    /** The losses this state's task trains with (any other is a conflict). */
    public List<Loss> allowedLosses() {
        return Compatibility.lossesFor(task());
    }

    /** The output activations a URL may name with this task and loss (auto always fits). */
    public List<Activation> allowedOutputActivations() {
        return StateKeys.OUTPUT_ACTIVATIONS.stream()
                .filter(this::allowsOutputActivation)
                .toList();
    }

    StateBuilder toBuilder() {
        return new StateBuilder(this);
    }

    /**
     * This state as a run to open elsewhere: these initial weights, and off any board, so opening it
     * (a teacher showing a student's run) joins nothing.
     */
    public PlaygroundState asRun(List<Double> initialWeights) {
        StateBuilder b = offBoard().toBuilder();
        b.weights = List.copyOf(initialWeights);
        b.run = ""; // these numbers, not a stored run's
        return b.build();
    }

    /** The same state with its weights named by a stored run (written as {@code run=<id>} instead of the numbers). */
    public PlaygroundState withRun(String id) {
        StateBuilder b = toBuilder();
        b.run = id;
        return b.build();
    }

    /** This state without {@code board} and {@code name}: what a board keeps of a student's settings. */
    public PlaygroundState offBoard() {
        StateBuilder b = toBuilder();
        b.board = "";
        b.name = "";
        return b.build();
    }

    /** This state as an exercise stores it: without the class keys (the exercise's id, a board, a nickname). */
    public PlaygroundState withoutClassKeys() {
        StateBuilder b = offBoard().toBuilder();
        b.exercise = "";
        return b.build();
    }

    /** The same state with another seed (what regenerate does, as TF's regenerate button does). */
    public PlaygroundState withSeed(String next) {
        StateBuilder b = toBuilder();
        b.seed = next;
        return b.build();
    }
}
