package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.playground.engine.Activation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** outputActivation=auto resolved by the server, and which named outputs a task and loss train with. */
@Tag("unit")
class OutputActivationTest {
    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());

    private PlaygroundState state(String url) {
        return codec.parse(url).state();
    }

    @Test
    void auto_resolves_from_the_task_and_the_loss() {
        assertEquals(Activation.TANH, state("").resolvedOutputActivation(), "TF's two classes: tanh, targets ±1");
        assertEquals(Activation.SIGMOID, state("loss=bce").resolvedOutputActivation());
        assertEquals(Activation.LINEAR, state("problem=regression").resolvedOutputActivation());
        assertEquals(Activation.SOFTMAX, state("dataset=spiral-multi&loss=ce").resolvedOutputActivation());
        assertEquals(Activation.RELU, state("outputActivation=relu").resolvedOutputActivation(), "a named one is kept");
        assertEquals(
                Activation.SIGMOID,
                state("problem=regression&regDataset=seed-neuron&outputActivation=sigmoid")
                        .resolvedOutputActivation(),
                "tutorial 003's sigmoid neuron");
        assertEquals(
                Activation.LINEAR,
                state("problem=regression&outputActivation=sigmoid").autoOutputActivation(),
                "what auto would give");
        assertEquals(
                Activation.SIGMOID, state("loss=bce&outputActivation=sigmoid").autoOutputActivation());
    }

    @Test
    void the_outputs_a_task_and_loss_allow() {
        PlaygroundState bce = state("loss=bce");
        assertTrue(bce.allowsOutputActivation(null));
        assertTrue(bce.allowsOutputActivation(Activation.SIGMOID));
        assertFalse(bce.allowsOutputActivation(Activation.TANH));
        PlaygroundState multi = state("dataset=blobs&loss=ce");
        assertTrue(multi.allowsOutputActivation(null));
        for (Activation a : StateKeys.OUTPUT_ACTIVATIONS) assertFalse(multi.allowsOutputActivation(a), a.key);
        for (Activation a : StateKeys.OUTPUT_ACTIVATIONS) assertTrue(state("").allowsOutputActivation(a), a.key);
    }
}
