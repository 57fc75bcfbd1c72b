package org.backprop.playground.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.playground.data.InputFeature;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;
import org.backprop.playground.session.RunSetup;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.FieldError;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Update;

/**
 * A model file (docs/model.md) and the playground's state, both ways: the network a state builds,
 * with given parameters, as a {@link ModelJson.Model}; and the state a model asks for, as the
 * current state changed by the model's own {@code state} (the one it was trained under) and by
 * the keys its layers fix (networkShape, activation, outputActivation, loss, the feature keys). The model
 * fits only when the state then builds exactly its network; else nothing changes.
 */
final class ModelState {
    /** Keys of a model's state that are the link's or the class's, not the training's: never carried over. */
    static final Set<String> NOT_CARRIED = Set.of(
            "weights",
            "weightsEpoch",
            "lang",
            "run",
            "lock",
            "board",
            "exercise",
            "name",
            "title",
            "task",
            "goal",
            "goalEpochs");

    private ModelState() {}

    /** The state's network holding {@code params} (the engine's flat layout), with its inputs' names. */
    static ModelJson.Model of(PlaygroundState state, StateCodec codec, double[] params) {
        RunSetup setup = new TrainingSession(state, codec.limits()).runSetup();
        Network net = setup.network();
        if (params.length != net.params.length) {
            throw ApiException.shape(
                    "weights",
                    "'weights' must have " + net.params.length + " values for this state's network " + net.layout
                            + ", got " + params.length);
        }
        System.arraycopy(params, 0, net.params, 0, params.length);
        return new ModelJson.Model(setup.inputNames(), net);
    }

    /** The current state changed to fit the model, refused (422) when the model cannot be this playground's network. */
    static Update fit(
            PlaygroundState current, StateCodec codec, ModelJson.Model model, Map<String, Object> trainedUnder) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (trainedUnder != null) {
            trainedUnder.forEach((k, v) -> {
                if (!NOT_CARRIED.contains(k) && v != null) changes.put(k, v);
            });
        }
        changes.putAll(networkKeys(model));
        Update update = apply(current, codec, changes);
        // "auto" stays when it already gives the model's output activation (a file of this page's run)
        Activation out = model.network().activation(model.network().layout.layers() - 1);
        Network built =
                new TrainingSession(update.state(), codec.limits()).runSetup().network();
        if (built.activation(built.layout.layers() - 1) != out && out != Activation.SOFTMAX) {
            changes.put("outputActivation", out.key);
            update = apply(current, codec, changes);
        }
        checkBuilds(update.state(), codec, model);
        return update;
    }

    private static Update apply(PlaygroundState current, StateCodec codec, Map<String, Object> changes) {
        Update update = codec.apply(current, changes);
        if (!update.errors().isEmpty()) {
            FieldError e = update.errors().get(0);
            String code = FieldError.LOCKED.equals(e.code()) ? "locked" : "model_mismatch";
            throw new ApiException(
                    422, code, "state." + e.field(), "this model does not fit the playground: " + e.message());
        }
        return update;
    }

    /** What the model's layers fix: the hidden layers' sizes and activation, the output's, the loss, the inputs. */
    private static Map<String, Object> networkKeys(ModelJson.Model model) {
        Network net = model.network();
        Layout layout = net.layout;
        int hidden = layout.layers() - 1;
        Map<String, Object> keys = new LinkedHashMap<>();
        List<Integer> shape = new ArrayList<>();
        for (int l = 0; l < hidden; l++) shape.add(layout.out(l));
        keys.put("networkShape", shape);
        for (int l = 1; l < hidden; l++) {
            if (net.activation(l) != net.activation(0)) {
                throw ApiException.invalid(
                        "model.layers[" + l + "].activation",
                        "the playground gives every hidden layer one activation; this model's layer 0 has "
                                + net.activation(0).key + " and layer " + l + " has " + net.activation(l).key);
            }
        }
        if (hidden > 0) keys.put("activation", net.activation(0).key);
        // the output's activation: "auto" first (fit() names it when auto gives another); softmax comes with ce
        keys.put("outputActivation", "auto");
        keys.put("loss", net.loss.key);
        if (!model.inputs().isEmpty() && InputFeature.names().containsAll(model.inputs())) {
            // a feature is its own key, as in TF's links (x=true&y=true&xSquared=false...)
            for (String f : InputFeature.names()) keys.put(f, model.inputs().contains(f));
        }
        return keys;
    }

    private static void checkBuilds(PlaygroundState state, StateCodec codec, ModelJson.Model model) {
        RunSetup setup = new TrainingSession(state, codec.limits()).runSetup();
        Network built = setup.network(), wanted = model.network();
        if (!setup.inputNames().equals(model.inputs())) {
            throw ApiException.shape(
                    "model.inputs",
                    "this model's inputs are " + model.inputs() + "; the data set "
                            + state.activeDataset().urlName() + " gives " + setup.inputNames()
                            + " (the features in TF's order: x, y, xSquared, ySquared, xTimesY, sinX, sinY)");
        }
        if (!built.layout.equals(wanted.layout)) {
            throw ApiException.shape(
                    "model.layers",
                    "this model's network is " + wanted.layout + "; with the data set "
                            + state.activeDataset().urlName() + " the playground's is " + built.layout
                            + " (the output layer has one neuron per class, or one for two classes and regression)");
        }
        for (int l = 0; l < built.layout.layers(); l++) {
            if (built.activation(l) != wanted.activation(l)) {
                throw ApiException.invalid(
                        "model.layers[" + l + "].activation",
                        "layer " + l + " has " + wanted.activation(l).key + "; the playground would use "
                                + built.activation(l).key + " there with this task and loss");
            }
        }
    }
}
