package org.backprop.playground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.Parsed;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exported NumPy program, run with the machine's {@code python3}, prints the losses the
 * engine's {@link TrainingSession} computes for the same state, epoch by epoch, to 1e-9. CI installs
 * Debian's python3-numpy ({@code .ci/run}); without python3 and NumPy this fails and says so.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("socket")
class NumpyExportTest {
    static final int EPOCHS = 20;
    static final double TOLERANCE = 1e-9;
    private static final StateCodec CODEC = new StateCodec(PlaygroundLimits.defaults());
    private static final Pattern EPOCH_LINE = Pattern.compile("epoch (\\d+)  train loss (\\S+)  test loss (\\S+)");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                // the default network: circle, 2-4-2-1 tanh, square loss, SGD, batch 10
                "",
                // ReLU hidden layers, sigmoid output with BCE; batch 7 leaves 5 of 250 over each epoch (the carry)
                "activation=relu&loss=bce&dataset=xor&networkShape=5,3&learningRate=0.1&batchSize=7",
                // softmax and cross-entropy over 3 classes
                "dataset=spiral-multi&numClasses=3&loss=ce&activation=tanh&networkShape=6,4&learningRate=0.1",
                "optimizer=adam&learningRate=0.01&dataset=gauss&batchSize=16",
                "optimizer=momentum&learningRate=0.01&dataset=moons&batchSize=12",
                // L1 at a rate that pins some weights at 0 within 20 epochs
                "regularization=L1&regularizationRate=0.03&learningRate=0.1&networkShape=6,4",
                "regularization=L2&regularizationRate=0.03&learningRate=0.1&dataset=spiral",
                "optimizer=rmsprop&learningRate=0.003&regDataset=reg-plane&problem=regression&lang=ko",
                "loss=mse&outputActivation=sigmoid&activation=sigmoid&xSquared=true&ySquared=true&sinX=true&batchSize=30",
                // a link's own starting weights (2-2-1: W1, b1, W2, b2) instead of the seed's
                "dataset=xor&networkShape=2&learningRate=0.3&weights=0.5,-0.4,0.3,0.2,0.1,0.1,0.6,-0.7,0.05",
                // the tutorials' presets that are not 2-D: 16-input digits with softmax, and one parameter with no
                // input at all
                "activation=relu&batchSize=32&dataset=seed-digits&learningRate=0.1&networkShape=32,16&loss=ce",
                "batchSize=1&regDataset=seed-guess&learningRate=0.1&networkShape=&problem=regression&loss=square&outputActivation=linear&weights=-0.7580416795667336"
            })
    void script_reproduces_the_sessions_losses(String query) throws Exception {
        PlaygroundState state = parse(query);
        double[][] expected = engineLosses(state);
        String script = PythonFile.render(cells(state));
        if (state.weights().size() == 9)
            assertTrue(script.contains("W1 = np.array([[0.5, -0.4],"), "starts from the link's weights");
        double[][] printed = epochLosses(run(write("run.py", script)));
        report(query, expected, printed);
    }

    @Test
    void notebooks_code_cells_reproduce_the_same_losses() throws Exception {
        PlaygroundState state =
                parse("optimizer=adam&learningRate=0.01&batchSize=7&regularization=L2&regularizationRate=0.01");
        JsonNode notebook = Notebook.render(cells(state), new ObjectMapper());
        assertEquals(4, notebook.get("nbformat").asInt());
        StringBuilder code = new StringBuilder();
        int codeCells = 0;
        for (JsonNode cell : notebook.get("cells")) {
            if (!cell.get("cell_type").asText().equals("code")) continue;
            codeCells++;
            for (JsonNode line : cell.get("source")) code.append(line.asText());
            code.append("\n\n");
        }
        assertTrue(codeCells >= 6, "the notebook has its code in cells, got " + codeCells);
        double[][] printed = epochLosses(run(write("notebook.py", code.toString())));
        report("notebook", engineLosses(state), printed);
    }

    @Test
    void ones_own_points_with_no_test_points_train_alike_and_print_no_test_loss() throws Exception {
        // two points of one's own (addPoint puts them in training): x = 1.25, y = -2.5, label 1; x = -3.75, y = 4.5, -1
        PlaygroundState state = parse("dataset=xor&networkShape=3&learningRate=0.3&points=AZqqSqoBMADf_wA");
        assertEquals(2, state.points().size());
        double[][] expected = engineLosses(state);
        String script = PythonFile.render(cells(state));
        assertTrue(
                script.contains("X_train = np.array([[1.2499885557335775, -3.7499656672007324]"),
                "the points, not xor's");
        double[][] printed = epochLosses(run(write("own.py", script)));
        for (int e = 0; e < EPOCHS; e++) {
            assertEquals(expected[0][e], printed[0][e], TOLERANCE, "epoch " + (e + 1) + "'s train loss");
            assertTrue(Double.isNaN(printed[1][e]), "no test points, no test loss: " + printed[1][e]);
        }
        assertTrue(expected[0][EPOCHS - 1] != expected[0][0], "the loss changes over the run");
    }

    static PlaygroundState parse(String query) {
        Parsed parsed = CODEC.parse(query);
        assertEquals(List.of(), parsed.warnings(), "the test's state reads cleanly");
        return parsed.state();
    }

    static List<Cell> cells(PlaygroundState state) {
        TrainingSession session = new TrainingSession(state);
        return NumpyProgram.cells(
                session.runSetup(),
                EPOCHS,
                PlaygroundLosses.of(new TrainingSession(state), EPOCHS),
                CODEC.write(state));
    }

    /** The session's own figures after each epoch: what the page shows. */
    static double[][] engineLosses(PlaygroundState state) {
        TrainingSession session = new TrainingSession(state);
        double[][] losses = new double[2][EPOCHS];
        for (int e = 0; e < EPOCHS; e++) {
            assertEquals(1, session.runEpochs(1), "the engine trains epoch " + (e + 1));
            losses[0][e] = session.snapshot().trainLoss();
            losses[1][e] = session.snapshot().testLoss();
        }
        return losses;
    }

    private static void report(String what, double[][] expected, double[][] printed) {
        double train = 0, test = 0;
        for (int e = 0; e < EPOCHS; e++) {
            train = Math.max(train, Math.abs(printed[0][e] - expected[0][e]));
            test = Math.max(test, Math.abs(printed[1][e] - expected[1][e]));
        }
        System.out.printf(
                "numpy export [%s]: epoch 1 train %.17g, epoch %d train %.17g; max |diff| train %.3g, test %.3g%n",
                what, expected[0][0], EPOCHS, expected[0][EPOCHS - 1], train, test);
        for (int e = 0; e < EPOCHS; e++) {
            double d = Math.abs(printed[0][e] - expected[0][e]);
            assertTrue(
                    d <= TOLERANCE,
                    "[" + what + "] epoch " + (e + 1) + ": the script's train loss " + printed[0][e] + " is " + d
                            + " from the engine's " + expected[0][e]);
        }
        assertTrue(test <= TOLERANCE, "[" + what + "] the test losses are " + test + " apart");
        // the run must move, or matching losses would prove nothing
        assertTrue(expected[0][EPOCHS - 1] != expected[0][0], "[" + what + "] the loss changes over the run");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The script's standard output; python3 or NumPy missing is a failure that says what to install. */
    static String run(Path script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true);
        pb.environment().put("MPLBACKEND", "Agg"); // a plot, if matplotlib is there, must not wait for a window
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail(
                    "python3 is not installed, so the exported NumPy script cannot be checked: install Debian's python3-numpy"
                            + " (apt-get install python3-numpy; .ci/run does it on CI). " + e.getMessage());
            return null;
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), "python3 finished");
        String text = new String(out, StandardCharsets.UTF_8);
        if (text.contains("No module named 'numpy'")) {
            fail("python3 has no NumPy, so the exported script cannot be checked: install Debian's python3-numpy"
                    + " (apt-get install python3-numpy; .ci/run does it on CI)");
        }
        assertEquals(0, p.exitValue(), "python3 ran the script without an error:\n" + text);
        return text;
    }

    /** A printed loss: Python writes a set without points' loss as nan. */
    private static double number(String printed) {
        return printed.equals("nan") ? Double.NaN : Double.parseDouble(printed);
    }

    static double[][] epochLosses(String output) {
        List<double[]> rows = new ArrayList<>();
        Matcher m = EPOCH_LINE.matcher(output);
        while (m.find()) {
            assertEquals(rows.size() + 1, Integer.parseInt(m.group(1)), "epochs print in order");
            rows.add(new double[] {number(m.group(2)), number(m.group(3))});
        }
        assertEquals(EPOCHS, rows.size(), "one line per epoch in:\n" + output);
        double[][] losses = new double[2][EPOCHS];
        for (int e = 0; e < EPOCHS; e++) {
            losses[0][e] = rows.get(e)[0];
            losses[1][e] = rows.get(e)[1];
        }
        return losses;
    }
}
