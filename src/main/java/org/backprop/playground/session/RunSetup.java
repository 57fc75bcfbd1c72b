package org.backprop.playground.session;

import java.util.List;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Samples;
import org.backprop.playground.state.PlaygroundState;

/**
 * What rebuilds a session's run elsewhere (a NumPy script, say): its state, a copy of the network
 * as it stands, the rows it trains and tests on as the engine encodes them (inputs by feature,
 * targets as the loss sees them), the inputs' names and the hyperparameters in effect (the batch
 * already capped at the training set). The rows are the session's own: read them, never write.
 */
public record RunSetup(
        PlaygroundState state,
        Network network,
        List<String> inputNames,
        Samples train,
        Samples test,
        Hyperparameters hyperparameters) {}
