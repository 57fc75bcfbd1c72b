package org.backprop.playground.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.ProblemKind;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Loss;

/**
 * Combinations of valid values that cannot be trained, each with the fix a URL gets (a warning
 * says what was changed) and the sentence a refused {@code set} carries. The output layer follows
 * from the task and the loss: regression trains a linear output (square or mse), two classes a
 * tanh output (square or mse, targets ±1 as TF) or a sigmoid one (bce, targets 0/1), K classes a
 * softmax output (ce, one-hot targets). A hidden layer may be wider on a set without a 2-D map than
 * on one with a map (see {@link PlaygroundLimits#maxNeuronsFor}).
 */
final class Compatibility {
    private Compatibility() {}

    /** A conflict on {@code key}: what is wrong and what to pick, and the change that resolves it. */
    record Conflict(String key, Msg msg, Consumer<StateBuilder> fix) {}

    static List<Conflict> find(PlaygroundState s, PlaygroundLimits limits) {
        List<Conflict> found = new ArrayList<>();
        Dataset set = s.activeDataset();
        ProblemKind task = s.task();
        Loss loss = s.loss();
        if (task == ProblemKind.REGRESSION && (loss == Loss.BCE || loss == Loss.CE)) {
            found.add(new Conflict(
                    "loss",
                    Msg.of("state.lossRegression", "loss", loss.key, "dataset", set.urlName()),
                    b -> b.loss = Loss.SQUARE));
        } else if (task == ProblemKind.MULTICLASS && loss != Loss.CE) {
            found.add(new Conflict(
                    "loss",
                    Msg.of("state.lossMulticlass", "dataset", set.urlName(), "classes", s.classes(), "loss", loss.key),
                    b -> b.loss = Loss.CE));
        } else if (task == ProblemKind.BINARY && loss == Loss.CE) {
            found.add(new Conflict(
                    "loss", Msg.of("state.lossCeBinary", "dataset", set.urlName()), b -> b.loss = Loss.SQUARE));
        }
        Conflict output = outputConflict(s);
        if (output != null) found.add(output);
        if (!s.weights().isEmpty() && s.weights().size() != s.parameterCount()) {
            found.add(new Conflict(
                    "weights",
                    Msg.of("state.weightsCount", "count", s.weights().size(), "expected", s.parameterCount()),
                    b -> {
                        b.weights = List.of();
                        b.weightsEpoch = 0;
                    }));
        } else if (s.weightsEpoch() > 0 && s.weights().isEmpty()) {
            found.add(new Conflict(
                    "weightsEpoch",
                    Msg.of("state.weightsEpochNoWeights", "epoch", s.weightsEpoch()),
                    b -> b.weightsEpoch = 0));
        }
        if (s.goal() != null && s.goal().metric().isAccuracy() && task == ProblemKind.REGRESSION) {
            found.add(new Conflict("goal", Msg.of("state.goalRegression"), b -> b.goal = null));
        }
        if (s.goalEpochs() > 0 && s.goal() == null) {
            found.add(new Conflict(
                    "goalEpochs", Msg.of("state.goalEpochsNoGoal", "epochs", s.goalEpochs()), b -> b.goalEpochs = 0));
        }
        Conflict points = pointsConflict(s);
        if (points != null) found.add(points);
        Conflict wide = tooWide(s, limits);
        if (wide != null) found.add(wide);
        return found;
    }

    /** A person's own points that do not fit the data set: not 2-D, another kind (classes, values), or a class it has not. */
    private static Conflict pointsConflict(PlaygroundState s) {
        CustomPoints p = s.points();
        if (p == null) return null;
        Msg why = null;
        if (!s.isTwoDimensional()) {
            why = Msg.of("state.pointsNoMap", "dataset", s.activeDataset().urlName());
        } else if (p.kind() != CustomPoints.Kind.of(s.task())) {
            why = Msg.of(
                    p.kind() == CustomPoints.Kind.VALUES ? "state.pointsValues" : "state.pointsClassesOnRegression");
        } else if (p.highestClass() >= s.classes()) {
            why = Msg.of(
                    "state.pointsClasses", "classes", s.classes(), "last", s.classes() - 1, "value", p.highestClass());
        }
        if (why == null) return null;
        return new Conflict("points", why, b -> {
            b.points = null;
            b.data = "";
        });
    }

    /** The losses a task trains with: regression square or mse, two classes square, mse or bce, K classes ce. */
    static List<Loss> lossesFor(ProblemKind task) {
        return switch (task) {
            case BINARY -> List.of(Loss.SQUARE, Loss.MSE, Loss.BCE);
            case MULTICLASS -> List.of(Loss.CE);
            case REGRESSION -> List.of(Loss.SQUARE, Loss.MSE);
        };
    }

    /** {@code outputActivation} against the task and the loss: softmax is K classes' own, bce needs sigmoid; null when it fits. */
    static Conflict outputConflict(PlaygroundState s) {
        Activation output = s.outputActivation();
        if (output == null) return null;
        String dataset = s.activeDataset().urlName();
        if (s.task() == ProblemKind.MULTICLASS) {
            return new Conflict(
                    "outputActivation",
                    Msg.of("state.outputMulticlass", "dataset", dataset, "classes", s.classes()),
                    b -> b.outputActivation = null);
        }
        if (output != Activation.SIGMOID && s.loss() == Loss.BCE) {
            return new Conflict(
                    "outputActivation",
                    Msg.of("state.outputBce", "output", output.key),
                    b -> b.outputActivation = null);
        }
        return null;
    }

    /**
     * The output layer's activation: {@code outputActivation} when the state names one, else the one
     * the task and loss imply: linear for regression, softmax for K classes, sigmoid for bce, tanh
     * (TF's) for two classes otherwise.
     */
    static Activation outputActivation(PlaygroundState s) {
        return switch (s.task()) {
            case MULTICLASS -> Activation.SOFTMAX;
            case REGRESSION -> s.outputActivation() == null ? Activation.LINEAR : s.outputActivation();
            case BINARY ->
                s.outputActivation() != null
                        ? s.outputActivation()
                        : s.loss() == Loss.BCE ? Activation.SIGMOID : Activation.TANH;
        };
    }

    /**
     * A hidden layer wider than this data set allows: a 2-D set draws a map of every hidden neuron in
     * every frame, so it keeps {@code maxNeurons}; a set without a map allows more (the shape reader
     * lets those through, as it reads before the data set is known). Names the first such layer;
     * the fix narrows every one.
     */
    private static Conflict tooWide(PlaygroundState s, PlaygroundLimits limits) {
        int max = limits.maxNeuronsFor(s);
        List<Integer> shape = s.networkShape();
        for (int i = 0; i < shape.size(); i++) {
            if (shape.get(i) <= max) continue;
            String dataset = s.activeDataset().urlName();
            return new Conflict(
                    "networkShape",
                    Msg.of(
                            "state.layerMapLimit",
                            "layer",
                            i + 1,
                            "size",
                            shape.get(i),
                            "max",
                            max,
                            "dataset",
                            dataset,
                            "mapless",
                            limits.maxNeuronsWithoutMap()),
                    b -> b.networkShape = new ArrayList<>(
                            b.networkShape.stream().map(n -> Math.min(n, max)).toList()));
        }
        return null;
    }
}
