package org.backprop.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import org.backprop.playground.export.Cell;
import org.backprop.playground.export.Notebook;
import org.backprop.playground.export.NumpyProgram;
import org.backprop.playground.export.PlaygroundLosses;
import org.backprop.playground.export.PythonFile;
import org.backprop.playground.session.RunSetup;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.Parsed;
import org.backprop.playground.state.StateCodec;
import org.backprop.playground.state.Warning;

/**
 * {@code GET /api/export/numpy?<state>&epochs=N[&format=ipynb]}: the state's run as a NumPy script
 * (or notebook) that trains N epochs from the seed's initial weights (or the {@code weights} key's)
 * and prints each epoch's losses, with the playground's own losses for those epochs to compare.
 * The state must read cleanly: a value the page would replace with its default is a 400 here,
 * since a file that silently ran another experiment would be worse than none. Computing the
 * playground's losses trains N epochs, so it is costed and gated as {@code /api/train} is.
 */
public final class ExportApi implements Handler {
    /** The most epochs a file trains: a notebook's worth (a NumPy epoch is some milliseconds, the engine's microseconds). */
    public static final int MAX_EPOCHS = 1000;

    private final StateCodec codec;
    private final HeavyGate gate;
    private final ObjectMapper mapper;

    ExportApi(StateCodec codec, HeavyGate gate, ObjectMapper mapper) {
        this.codec = codec;
        this.gate = gate;
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        String format = ctx.queryParam("format") == null ? "py" : ctx.queryParam("format");
        if (!format.equals("py") && !format.equals("ipynb")) {
            throw new ApiException(400, "invalid_value", "format", "format must be py or ipynb, got '" + format + "'");
        }
        int epochs = epochs(ctx.queryParam("epochs"));
        Parsed parsed = codec.parse(ctx.queryString());
        if (!parsed.warnings().isEmpty()) {
            Warning w = parsed.warnings().get(0);
            throw new ApiException(
                    400,
                    "invalid_state",
                    w.key() == null ? "" : w.key(),
                    "the state does not read cleanly (the page would fix this value and warn; an export refuses instead): "
                            + w.message()
                            + (parsed.warnings().size() > 1
                                    ? " (and " + (parsed.warnings().size() - 1) + " more)"
                                    : ""));
        }
        TrainingSession session = new TrainingSession(parsed.state(), codec.limits());
        RunSetup setup = session.runSetup();
        ApiCost.check(
                TrainApi.cost(
                        setup.network(), setup.train().count(), setup.test().count(), setup.hyperparameters(), epochs),
                "epochs",
                "exporting " + epochs + " epochs of " + setup.train().count() + " rows",
                "ask for fewer epochs or a smaller network");
        PlaygroundLosses losses;
        try (HeavyGate.Permit permit = gate.enter()) {
            losses = PlaygroundLosses.of(session, epochs);
        }
        if (losses.train().length < epochs) {
            throw new ApiException(
                    422,
                    "diverged",
                    "learningRate",
                    "the run diverges in epoch " + (losses.train().length + 1)
                            + " (a weight or the loss becomes NaN or infinite), so there are no losses to reproduce; lower the learning rate");
        }
        List<Cell> cells = NumpyProgram.cells(setup, epochs, losses, codec.write(parsed.state()));
        String name = "backprop-playground-" + parsed.state().activeDataset().urlName() + "." + format;
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (format.equals("py")) {
            ctx.contentType("text/x-python; charset=utf-8").result(PythonFile.render(cells));
        } else {
            ctx.contentType("application/x-ipynb+json; charset=utf-8")
                    .result(Notebook.render(cells, mapper).toPrettyString());
        }
    }

    private static int epochs(String text) {
        if (text == null) throw ApiException.missing("epochs");
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= MAX_EPOCHS) return n;
        } catch (NumberFormatException e) {
            // refused below with the range
        }
        throw new ApiException(
                400,
                "invalid_value",
                "epochs",
                "epochs must be a whole number from 1 to " + MAX_EPOCHS + ", got '" + text + "'");
    }
}
