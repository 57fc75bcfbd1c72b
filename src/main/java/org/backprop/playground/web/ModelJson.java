package org.backprop.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Network;

/**
 * The model JSON of docs/model.md, both ways:
 * {@code {"format":"backprop-playground/model","version":1,"inputs":[names],
 * "layers":[{"activation","weights" (out×in),"biases"}],"loss"}}. Reading checks everything a
 * {@link Network} needs and names the first offending field; unknown members are ignored so a
 * model may carry the state it was trained under. Doubles are written as Java prints them, so
 * write → read gives back every parameter bit for bit.
 */
public final class ModelJson {
    public static final String FORMAT = "backprop-playground/model";
    public static final int VERSION = 1;

    /** A network and the names of its input features, in input order. */
    public record Model(List<String> inputs, Network network) {
        public Model {
            inputs = List.copyOf(inputs);
            if (inputs.size() != network.layout.inputs()) {
                throw new IllegalArgumentException(
                        inputs.size() + " input names for " + network.layout.inputs() + " inputs");
            }
        }

        /** Names "x1".."xn" for a network that has none. */
        public static Model unnamed(Network network) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= network.layout.inputs(); i++) names.add("x" + i);
            return new Model(names, network);
        }
    }

    private ModelJson() {}

    public static ObjectNode write(Model model, ObjectMapper mapper) {
        Network net = model.network();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode inputs = root.putArray("inputs");
        model.inputs().forEach(inputs::add);
        ArrayNode layers = root.putArray("layers");
        for (int l = 0; l < net.layout.layers(); l++) {
            ObjectNode layer = layers.addObject();
            layer.put("activation", net.activation(l).key);
            ArrayNode weights = layer.putArray("weights");
            for (double[] row : net.weights(l)) {
                ArrayNode r = weights.addArray();
                for (double w : row) r.add(w);
            }
            ArrayNode biases = layer.putArray("biases");
            for (double b : net.biases(l)) biases.add(b);
        }
        root.put("loss", net.loss.key);
        return root;
    }

    /** Reads the model at JSON path {@code path} ("model" in a request body). */
    public static Model read(JsonNode node, String path) {
        Fields.object(node, path);
        checkHeader(node, path);
        List<String> inputs = readInputs(Fields.required(node, path, "inputs"), Fields.child(path, "inputs"));

        String layersPath = Fields.child(path, "layers");
        JsonNode layersNode = Fields.array(Fields.required(node, path, "layers"), layersPath);
        int count = layersNode.size();
        if (count == 0) throw ApiException.invalid(layersPath, "a model needs at least one layer (the output layer)");
        if (count > Limits.MAX_LAYERS) {
            throw ApiException.tooLarge(layersPath, "at most " + Limits.MAX_LAYERS + " layers, got " + count);
        }

        // shapes first, so no array is parsed past a limit
        int[] sizes = new int[count + 1];
        sizes[0] = inputs.size();
        long params = 0;
        for (int l = 0; l < count; l++) {
            String lp = Fields.index(layersPath, l);
            JsonNode layer = Fields.object(layersNode.get(l), lp);
            String wp = Fields.child(lp, "weights");
            JsonNode w = Fields.array(Fields.required(layer, lp, "weights"), wp);
            if (w.isEmpty()) throw ApiException.invalid(wp, "a layer needs at least one neuron (one row of weights)");
            if (w.size() > Limits.MAX_NEURONS) {
                throw ApiException.tooLarge(
                        wp, "at most " + Limits.MAX_NEURONS + " neurons per layer, got " + w.size());
            }
            sizes[l + 1] = w.size();
            params += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
            if (params > Limits.MAX_PARAMS) {
                throw ApiException.tooLarge(
                        wp,
                        "at most " + Limits.MAX_PARAMS + " parameters in a model; layers 0.." + l + " already have "
                                + params);
            }
        }

        Layout layout = new Layout(sizes);
        double[] p = new double[layout.numParams()];
        Activation[] activations = new Activation[count];
        for (int l = 0; l < count; l++) {
            String lp = Fields.index(layersPath, l);
            JsonNode layer = layersNode.get(l);
            activations[l] = readActivation(layer, lp, l == count - 1);
            int in = sizes[l], out = sizes[l + 1];
            String wp = Fields.child(lp, "weights");
            JsonNode w = layer.get("weights");
            for (int o = 0; o < out; o++) {
                String rp = Fields.index(wp, o);
                JsonNode row = Fields.array(w.get(o), rp);
                if (row.size() != in) {
                    String from =
                            l == 0 ? "the model has " + in + " inputs" : "layer " + (l - 1) + " has " + in + " neurons";
                    throw ApiException.shape(
                            rp, "'" + rp + "' must have " + in + " weights (" + from + "), got " + row.size());
                }
                System.arraycopy(Fields.vector(row, rp, in), 0, p, layout.weightOffset(l) + o * in, in);
            }
            String bp = Fields.child(lp, "biases");
            double[] b = Fields.vector(Fields.required(layer, lp, "biases"), bp, out);
            System.arraycopy(b, 0, p, layout.biasOffset(l), out);
        }

        String lossPath = Fields.child(path, "loss");
        Loss loss = readLoss(Fields.required(node, path, "loss"), lossPath);
        try {
            loss.checkOutput(activations[count - 1], sizes[count]);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(lossPath, e.getMessage());
        }
        return new Model(inputs, new Network(layout, activations, loss, p));
    }

    private static void checkHeader(JsonNode node, String path) {
        String fp = Fields.child(path, "format");
        String format = Fields.string(Fields.required(node, path, "format"), fp);
        if (!FORMAT.equals(format)) {
            throw ApiException.invalid(fp, "'" + fp + "' must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        String vp = Fields.child(path, "version");
        JsonNode version = Fields.required(node, path, "version");
        if (!version.isNumber() || version.doubleValue() != VERSION) {
            throw new ApiException(
                    422,
                    "unsupported_version",
                    vp,
                    "'" + vp + "' must be " + VERSION + " (the only model version this server reads), got " + version);
        }
    }

    private static List<String> readInputs(JsonNode node, String path) {
        Fields.array(node, path);
        if (node.size() > Limits.MAX_INPUTS) {
            throw ApiException.tooLarge(path, "at most " + Limits.MAX_INPUTS + " inputs, got " + node.size());
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String ip = Fields.index(path, i);
            String name = Fields.string(node.get(i), ip);
            if (name.isEmpty() || name.length() > Limits.MAX_INPUT_NAME) {
                throw ApiException.invalid(ip, "an input name has 1 to " + Limits.MAX_INPUT_NAME + " characters");
            }
            if (!seen.add(name)) throw ApiException.invalid(ip, "input name \"" + name + "\" appears twice");
            names.add(name);
        }
        return names;
    }

    private static Activation readActivation(JsonNode layer, String layerPath, boolean output) {
        String ap = Fields.child(layerPath, "activation");
        String name = Fields.string(Fields.required(layer, layerPath, "activation"), ap);
        Activation a;
        try {
            a = Activation.parse(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.unknownName(ap, e.getMessage());
        }
        if (a == Activation.SOFTMAX && !output) {
            throw ApiException.invalid(
                    ap,
                    "softmax is for the output layer only; use relu, tanh, sigmoid, leakyRelu or linear in hidden layers");
        }
        return a;
    }

    private static Loss readLoss(JsonNode node, String path) {
        String name = Fields.string(node, path);
        try {
            return Loss.parse(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.unknownName(path, e.getMessage());
        }
    }
}
