package org.backprop.playground.session;

import java.util.List;
import java.util.Map;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.state.Msg;
import org.backprop.playground.state.Warning;

/**
 * What a session made of its state, so a page shows it and never re-implements the rule: the batch
 * in effect ({@link org.backprop.playground.engine.Hyperparameters#effectiveBatchSize}), the
 * training points it is taken over, the output layer's activation, and what the page may offer:
 * the losses and output activations the task trains with, the layers and neurons the limits allow
 * on this data set, and the controls that change nothing here ({@link org.backprop.playground.state.NotApplying}).
 *
 * @param requestedBatchSize   the state's {@code batchSize}
 * @param batchSize            the batch an epoch trains with
 * @param trainPoints          the training points
 * @param testPoints           the test points
 * @param ownPoints            whether they are a person's own ({@code points}) rather than the data set's
 * @param outputActivation     the output layer's activation in effect
 * @param autoOutputActivation what {@code outputActivation=auto} gives here (the menu's "auto (sigmoid)")
 * @param losses               the losses this task trains with
 * @param outputActivations    the output activations a {@code set} may name here (auto always fits)
 * @param maxNeurons           neurons a hidden layer may have on this data set
 * @param maxHiddenLayers      hidden layers the network may have
 * @param notApplying          state key → id of the words saying why it changes nothing here
 * @param locked               the keys a {@code set} may not change here ({@link org.backprop.playground.state.Locks#effective})
 */
public record Derived(
        int requestedBatchSize,
        int batchSize,
        int trainPoints,
        int testPoints,
        boolean ownPoints,
        Activation outputActivation,
        Activation autoOutputActivation,
        List<Loss> losses,
        List<Activation> outputActivations,
        int maxNeurons,
        int maxHiddenLayers,
        Map<String, String> notApplying,
        List<String> locked) {

    /** Whether the batch is capped or there is nothing to train on: worth a word to the person. */
    public boolean needsWarning() {
        return batchSize < requestedBatchSize || trainPoints == 0;
    }

    /**
     * The warnings these values bring after {@code before} (null for a new state): said once, when
     * the cap or the empty set first applies to this batch and these points, not with every state.
     */
    public List<Warning> warningsSince(Derived before) {
        if (!needsWarning() || sameBatchAs(before)) return List.of();
        if (trainPoints == 0) {
            return List.of(new Warning("batchSize", null, Msg.of("session.noTrainingPoints")));
        }
        return List.of(new Warning(
                "batchSize",
                String.valueOf(requestedBatchSize),
                Msg.of("session.batchAboveTrainingSet", "batchSize", requestedBatchSize, "points", trainPoints)));
    }

    private boolean sameBatchAs(Derived before) {
        return before != null
                && before.requestedBatchSize == requestedBatchSize
                && before.batchSize == batchSize
                && before.trainPoints == trainPoints;
    }
}
