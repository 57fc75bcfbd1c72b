package org.backprop.playground.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Regularization;
import org.backprop.playground.engine.Samples;
import org.backprop.playground.session.RunSetup;
import org.backprop.playground.state.PlaygroundState;

/**
 * A run as a NumPy program in the tutorials' style: the session's rows and starting weights
 * embedded to the bit, the network, loss, optimizer, regularization and TF Playground's batch rule
 * written out as the engine applies them, N epochs of training that print each epoch's losses, and
 * the playground's own losses for those epochs to compare with. Prose and comments in the state's
 * language. {@link PythonFile} and {@link Notebook} lay the same cells out as a script or a notebook.
 */
public final class NumpyProgram {
    private static final String INDENT = "    ";

    private NumpyProgram() {}

    /**
     * The cells for {@code setup} (a session not yet trained: its network is the start), trained for
     * {@code epochs}; {@code playground} holds the engine's losses for those epochs; {@code query}
     * is the state's canonical query string, quoted in the file.
     */
    public static List<Cell> cells(RunSetup setup, int epochs, PlaygroundLosses playground, String query) {
        PlaygroundState state = setup.state();
        Network net = setup.network();
        Hyperparameters hyper = setup.hyperparameters();
        String lang = state.lang();
        Map<String, String> v = new HashMap<>();
        v.put("query", oneLine(query));
        v.put("seed", oneLine(state.seed()));
        v.put("features", PyLiterals.strings(setup.inputNames()));
        v.put("xTrain", inputs(setup.train()));
        v.put("yTrain", targets(setup.train()));
        v.put("xTest", inputs(setup.test()));
        v.put("yTest", targets(setup.test()));
        // the shapes spelled out: a set with no inputs (tutorial 004's guess) would read as (0,) without them
        v.put("xTrainShape", shape(setup.train().inputWidth(), setup.train().count()));
        v.put("yTrainShape", shape(setup.train().targetWidth(), setup.train().count()));
        v.put("xTestShape", shape(setup.test().inputWidth(), setup.test().count()));
        v.put("yTestShape", shape(setup.test().targetWidth(), setup.test().count()));
        v.put("weights", weights(net));
        StringBuilder w = new StringBuilder("["), b = new StringBuilder("[");
        for (int l = 1; l <= net.layout.layers(); l++) {
            w.append(l == 1 ? "" : ", ").append("W").append(l);
            b.append(l == 1 ? "" : ", ").append("b").append(l);
        }
        v.put("wList", w.append(']').toString());
        v.put("bList", b.append(']').toString());
        StringBuilder acts = new StringBuilder("[");
        for (int l = 0; l < net.layout.layers(); l++)
            acts.append(l == 0 ? "" : ", ").append(PyLiterals.string(net.activation(l).key));
        v.put("activations", acts.append(']').toString());
        v.put("loss", PyLiterals.string(net.loss.key));
        v.put("learningRate", PyLiterals.number(hyper.learningRate()));
        v.put("batchSize", Integer.toString(hyper.batchSize()));
        v.put("optimizer", PyLiterals.string(hyper.optimizer().key));
        v.put("optimizerName", hyper.optimizer().key);
        v.put("regularization", PyLiterals.string(hyper.regularization().key));
        v.put("regularizationRate", PyLiterals.number(hyper.regularizationRate()));
        v.put("regularizationKey", hyper.regularization().key);
        v.put("epochs", Integer.toString(epochs));
        v.put("sizes", sizes(net.layout));
        boolean fromLink = state.weights().size() == net.layout.numParams();
        v.put("weightsEpoch", Integer.toString(state.weightsEpoch()));
        String source =
                !fromLink ? "weightsFromSeed" : state.weightsEpoch() > 0 ? "weightsFromTrained" : "weightsFromLink";
        v.put("weightsSource", ScriptWords.get(lang, source));
        boolean regularized = hyper.regularization() != Regularization.NONE && hyper.regularizationRate() != 0;
        v.put("regularizationName", ScriptWords.get(lang, regularized ? "withRegularization" : "noRegularization"));
        // the page's output map: the set's square, for sets whose inputs are the 2-D features
        v.put(
                "mapDomain",
                !state.isTwoDimensional()
                        ? "None"
                        : "(" + PyLiterals.number(state.activeDataset().domain().min()) + ", "
                                + PyLiterals.number(
                                        state.activeDataset().domain().max()) + ")");
        v.put("playgroundTrain", PyLiterals.list(playground.train(), INDENT));
        v.put("playgroundTest", PyLiterals.list(playground.test(), INDENT));
        // these two are words that hold values themselves (a seed, a rate)
        v.put("weightsSource", ScriptTemplate.fill(v.get("weightsSource"), v));
        v.put("regularizationName", ScriptTemplate.fill(v.get("regularizationName"), v));
        return ScriptTemplate.render(lang, v);
    }

    /** X (features, samples): the rows are row-major (samples, features), so feature i is every IN-th value from i. */
    private static String inputs(Samples s) {
        return PyLiterals.matrix(s.inputs(), s.inputWidth(), s.count(), 1, s.inputWidth(), INDENT);
    }

    private static String targets(Samples s) {
        return PyLiterals.matrix(s.targets(), s.targetWidth(), s.count(), 1, s.targetWidth(), INDENT);
    }

    /** W1 = …, b1 = … per layer, numbered from 1 as in the tutorials, each with its shape. */
    private static String weights(Network net) {
        Layout layout = net.layout;
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < layout.layers(); l++) {
            int in = layout.in(l), o = layout.out(l);
            if (l > 0) out.append('\n');
            out.append("W")
                    .append(l + 1)
                    .append(" = np.array(")
                    .append(PyLiterals.matrix(net.params, o, in, in, 1, INDENT, layout.weightOffset(l)))
                    .append(")  # (")
                    .append(o)
                    .append(", ")
                    .append(in)
                    .append(")\n");
            out.append("b")
                    .append(l + 1)
                    .append(" = np.array(")
                    .append(PyLiterals.matrix(net.params, o, 1, 1, 1, INDENT, layout.biasOffset(l)))
                    .append(")  # (")
                    .append(o)
                    .append(", 1)");
        }
        return out.toString();
    }

    private static String shape(int rows, int columns) {
        return rows + ", " + columns;
    }

    private static String sizes(Layout layout) {
        StringBuilder out = new StringBuilder().append(layout.inputs());
        for (int l = 0; l < layout.layers(); l++) out.append('-').append(layout.out(l));
        return out.toString();
    }

    /** A value quoted in a comment or prose: control characters (a line break would end the comment) become spaces. */
    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }
}
