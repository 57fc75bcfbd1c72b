package org.backprop.playground.session;

import java.util.Collections;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.ProblemKind;
import org.backprop.playground.engine.Evaluation;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Passes;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;

/**
 * The heap one live session holds, estimated from its state: its points and their rows (counted
 * as its own, though sessions of one data set share them: {@link SharedData}), the network and
 * what its trainer keeps per parameter, and, on a 2-D set, the grids a frame draws
 * ({@link FrameRenderer}). A little above what {@code bench memory} measures for sessions of their
 * own data (a test holds the two together), so admission errs on the safe side. The passes'
 * scratch is lent per turn ({@link Passes}), so it is the server's: {@link #idlePasses}.
 */
public final class SessionCost {
    /** The session's objects besides its arrays (state, codec, maps, trainer, renderer), rounded up. */
    static final long FIXED = 48 * 1024;
    /**
     * Arrays of the size of the parameters: the network, grads, the epoch's sum and mean, the update's
     * before, the leftover, Adam's two moments, L1/L2's derivative, and the weights the client was last
     * shown ({@link VisibleState}, so a frame that moves nothing visible is not sent).
     */
    static final int PER_PARAMETER_ARRAYS = 10;
    /** The training pass's batch columns at most (Kernels' batches are at most 64 wide). */
    static final int TRAINING_COLUMNS = 64;
    /** An array's header, and a Point's object, its coordinate array's header, and its place in two lists. */
    private static final long ARRAY = 16, POINT = 16 + ARRAY + 8 + 8;

    private SessionCost() {}

    /** Bytes a session of {@code state} holds once it has trained and sent frames. */
    public static long bytes(PlaygroundState state) {
        NetworkSpec spec = NetworkSpec.of(state);
        Layout layout = new Layout(spec.sizes());
        Dataset set = state.activeDataset();
        long n = set.defaultSamples(), in = layout.inputs(), k = layout.outputs(), width = layout.maxWidth();
        long neurons = 0;
        for (int l = 0; l < layout.layers(); l++) neurons += layout.out(l);
        long data = n * (POINT + 8L * set.inputDim()) // the points
                + 8 * n * (2 * in + k)
                + 4 * ARRAY; // their rows, feature-major rows and targets
        long training = 8L * PER_PARAMETER_ARRAYS * layout.numParams();
        long grids = 0;
        if (state.isTwoDimensional()) {
            int big = FrameRenderer.OUTPUT_SIZE * FrameRenderer.OUTPUT_SIZE,
                    small = FrameRenderer.NEURON_SIZE * FrameRenderer.NEURON_SIZE;
            grids = 4L * big * (1 + in) // the output's values and its grid's inputs
                    + 4L * small * in
                    + ARRAY // the thumbnails' inputs (the neurons' values are the thread's scratch)
                    + 2L * big
                    + small * neurons
                    + 64 * (neurons + 2); // the blocks the client has (FrameRenderer's sent)
        }
        return FIXED + data + training + grids;
    }

    /** One pass's scratch at its largest for this layout: a batch of training columns, and evaluation's chunk of rows. */
    static long passBytes(Layout layout) {
        long in = layout.inputs(), k = layout.outputs(), width = layout.maxWidth(), neurons = 0;
        for (int l = 0; l < layout.layers(); l++) neurons += layout.out(l);
        long training = 8L * (3 * neurons + in + width) * (TRAINING_COLUMNS + 8);
        long chunk = Evaluation.chunk(layout) + 8;
        return training + 8 * chunk * (in + 3 * width + 2 * k) + ARRAY * (in + 3 * width);
    }

    /** The most the idle passes the server keeps ({@link Passes#MAX_IDLE}) may hold: each at the heaviest layout's size. */
    public static long idlePasses(PlaygroundLimits limits) {
        return Passes.MAX_IDLE
                * passBytes(new Layout(NetworkSpec.of(heaviestState(limits)).sizes()));
    }

    /**
     * The most a session may hold under {@code limits}: every data set at the widest and deepest
     * network it allows, every input, the most classes. Any session may become that with one
     * message, so admission counts each at this.
     */
    public static long heaviest(PlaygroundLimits limits) {
        return bytes(heaviestState(limits));
    }

    private static PlaygroundState heaviestState(PlaygroundLimits limits) {
        StateCodec codec = new StateCodec(limits);
        PlaygroundState most = null;
        long mostBytes = -1;
        for (Dataset set : Dataset.values()) {
            String base = set.problem() == ProblemKind.REGRESSION
                    ? "problem=regression&regDataset=" + set.urlName()
                    : "dataset=" + set.urlName();
            base += "&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&numClasses="
                    + Dataset.MAX_CLASSES;
            PlaygroundState s = codec.parse(base).state();
            if (s.activeDataset() != set) continue; // not reachable by a URL alone
            String width = String.valueOf(limits.maxNeuronsFor(s));
            String shape = String.join(",", Collections.nCopies(limits.maxHiddenLayers(), width));
            PlaygroundState heavy = codec.parse(base + "&networkShape=" + shape).state();
            long bytes = bytes(heavy);
            if (bytes > mostBytes) {
                most = heavy;
                mostBytes = bytes;
            }
        }
        return most;
    }
}
