package org.backprop.playground.session;

import java.util.Arrays;
import org.backprop.playground.data.ProblemKind;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Init;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.state.PlaygroundState;

/**
 * The network a state asks for: sizes [inputs, networkShape..., outputs], the hidden activation
 * on every hidden layer and the output activation the state resolves
 * ({@link PlaygroundState#resolvedOutputActivation}), the loss, TF's initialization, and how labels become targets.
 */
record NetworkSpec(
        InputMap inputs, int[] sizes, Activation[] activations, Loss loss, Init init, TargetEncoding encoding) {

    static NetworkSpec of(PlaygroundState s) {
        InputMap inputs = s.isTwoDimensional()
                ? InputMap.of(s.enabledFeatures())
                : InputMap.raw(s.activeDataset().inputDim());
        ProblemKind task = s.task();
        Activation output = s.resolvedOutputActivation();
        int outputs = task == ProblemKind.MULTICLASS ? s.classes() : 1;
        TargetEncoding encoding = switch (task) {
            case REGRESSION -> TargetEncoding.VALUE;
            case MULTICLASS -> TargetEncoding.ONE_HOT;
            // outputs in [0, 1) or [0, ∞) learn 0/1; tanh and linear learn TF's ±1
            case BINARY ->
                output == Activation.SIGMOID || output == Activation.RELU
                        ? TargetEncoding.ZERO_ONE
                        : TargetEncoding.SIGN;
        };
        int hidden = s.networkShape().size();
        int[] sizes = new int[hidden + 2];
        sizes[0] = inputs.size();
        for (int h = 0; h < hidden; h++) sizes[h + 1] = s.networkShape().get(h);
        sizes[hidden + 1] = outputs;
        Activation[] activations = new Activation[hidden + 1];
        Arrays.fill(activations, s.activation());
        activations[hidden] = output;
        return new NetworkSpec(inputs, sizes, activations, s.loss(), s.initZero() ? Init.ZERO : Init.TF, encoding);
    }

    int outputs() {
        return sizes[sizes.length - 1];
    }

    /** Whether a network of this spec has the same layout, activations and loss as {@code other}'s. */
    boolean sameNetwork(NetworkSpec other) {
        return Arrays.equals(sizes, other.sizes)
                && inputs.names().equals(other.inputs.names())
                && Arrays.equals(activations, other.activations)
                && loss == other.loss;
    }
}
