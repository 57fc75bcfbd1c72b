package org.backprop.playground.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.data.Domain;
import org.backprop.playground.data.Features;
import org.backprop.playground.data.InputFeature;
import org.backprop.playground.engine.GridEvaluator;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;

/**
 * Turns a snapshot into a frame: the output over a 100×100 grid of the input domain and every
 * hidden neuron over a 20×20 grid (twice TF Playground's thumbnail resolution), quantized to
 * bytes. One per session: it keeps the grids' inputs between frames, and runs only when a frame is
 * really sent. What it holds is what a frame draws: the output's 100×100 values and the grids'
 * inputs; the neurons' values are its thread's scratch (keeping every neuron at 100×100 for each
 * session cost 2 MB a session on the widest network).
 * Each grid goes to the client as {@link ClientBlocks} codes it against what the client has: the
 * same (no bytes), a delta, or its bytes; so a network that moves slowly costs its grids' bytes
 * (and their deflate) only when and where they change.
 */
public final class FrameRenderer {
    public static final int OUTPUT_SIZE = 100;
    public static final int NEURON_SIZE = 20;
    /**
     * The evaluators are the thread's, not the session's: their rows are scratch between frames.
     * A network of at most {@link #WHOLE_ROWS} inputs and neurons takes the output grid in one go
     * (a tile of 400 points took 74 µs where the whole took 55, as loops this short run their
     * vector preludes and tails 25 times); a larger one in tiles of 400, so that a thread's rows
     * stay within 2.6 MB.
     */
    private static final int TILE = NEURON_SIZE * NEURON_SIZE, WHOLE_ROWS = 64;

    private static final ThreadLocal<GridEvaluator> WHOLE =
            ThreadLocal.withInitial(() -> new GridEvaluator(OUTPUT_SIZE * OUTPUT_SIZE));
    private static final ThreadLocal<GridEvaluator> TILES = ThreadLocal.withInitial(() -> new GridEvaluator(TILE));

    private Features features;
    private Domain domain;
    private float[] outputInputs, neuronInputs;
    /** The output's value at each point of the 100×100 grid (for K classes, the winner's probability). */
    private float[] output;

    private Layout layout;
    /** The grids the client has, what a {@code same} or {@code delta} block is relative to. */
    private final ClientBlocks client = new ClientBlocks();
    /** The header the client was last shown something new in. */
    private VisibleState shown;

    private boolean showedChange, evaluatedGrids;

    /** The encoded frame (see {@link FrameEncoder}); grids only when the snapshot's set is 2-D. */
    public ByteBuffer render(FrameSnapshot s) {
        return render(s, true);
    }

    /**
     * The encoded frame; with {@code evaluateGrids} false and the client's grids still of this
     * network and domain, the grids are not evaluated and go as {@code same} (a server short of time
     * sheds that work on every other frame; the header's numbers go as ever). Such a frame counts
     * as showing a change: its grids may have moved.
     */
    public synchronized ByteBuffer render(FrameSnapshot s, boolean evaluateGrids) {
        int changedBefore = client.changed();
        boolean reuse = !evaluateGrids && s.hasGrids() && client.hasAny() && sameGridsAsClient(s);
        evaluatedGrids = s.hasGrids() && !reuse;
        ByteBuffer frame = FrameEncoder.encode(s, !s.hasGrids() ? List.of() : reuse ? client.unchanged() : blocks(s));
        VisibleState now = VisibleState.of(s);
        boolean header = now.differsFrom(shown);
        if (header) shown = now;
        showedChange = header || reuse || client.changed() != changedBefore;
        return frame;
    }

    /** Whether the last frame rendered evaluated its grids. */
    public synchronized boolean evaluatedGrids() {
        return evaluatedGrids;
    }

    /** The client's blocks are of this snapshot's grids: the same inputs, domain and network shape (else it gets every block's bytes). */
    private boolean sameGridsAsClient(FrameSnapshot s) {
        return s.features().equals(features)
                && s.domain().equals(domain)
                && s.network().layout.equals(layout);
    }

    /** Whether the last frame rendered showed anything new beyond its epoch: a block with bytes or a header that moved. */
    public synchronized boolean showedChange() {
        return showedChange;
    }

    private List<Block> blocks(FrameSnapshot s) {
        if (!sameGridsAsClient(s)) {
            if (!s.features().equals(features) || !s.domain().equals(domain)) {
                float[] big = gridInputs(s.features(), s.domain(), OUTPUT_SIZE),
                        small = gridInputs(s.features(), s.domain(), NEURON_SIZE);
                if (output == null) output = new float[OUTPUT_SIZE * OUTPUT_SIZE]; // a set with no map never needs it
                outputInputs = big;
                neuronInputs = small;
                features = s.features();
                domain = s.domain();
            }
            layout = s.network().layout;
            client.forget();
        }
        Network net = s.network();
        int last = net.layout.layers() - 1, K = net.layout.outputs(), P = OUTPUT_SIZE * OUTPUT_SIZE;
        List<Block> blocks = new ArrayList<>();
        client.beginFrame();
        // K classes: the winning class's probability, and which class wins
        byte[] cls = K == 1 ? null : new byte[P];
        int rows = net.layout.inputs();
        for (int l = 0; l < net.layout.layers(); l++) rows += net.layout.out(l);
        GridEvaluator grid = rows <= WHOLE_ROWS ? WHOLE.get() : TILES.get(), small = TILES.get();
        for (int start = 0; start < P; start += grid.points()) {
            int count = Math.min(grid.points(), P - start);
            float[][] out = grid.evaluate(net, outputInputs, P, start, count)[last];
            if (K == 1) {
                System.arraycopy(out[0], 0, output, start, count);
                continue;
            }
            for (int p = 0; p < count; p++) {
                int arg = 0;
                for (int k = 1; k < K; k++) if (out[k][p] > out[arg][p]) arg = k;
                output[start + p] = out[arg][p];
                cls[start + p] = (byte) arg;
            }
        }
        blocks.add(client.grid("output", last, K == 1 ? 0 : -1, output, 0, OUTPUT_SIZE, OUTPUT_SIZE));
        if (K > 1) blocks.add(client.classes("outputClass", last, cls, OUTPUT_SIZE, OUTPUT_SIZE));
        float[][][] thumbnails = small.evaluate(net, neuronInputs);
        for (int l = 0; l < last; l++) {
            for (int k = 0; k < net.layout.out(l); k++) {
                blocks.add(client.grid("neuron", l, k, thumbnails[l][k], 0, NEURON_SIZE, NEURON_SIZE));
            }
        }
        client.endFrame();
        return blocks;
    }

    /**
     * (IN, size²) feature-major, TF Playground's grid: column c at x = min + c·(max − min)/(size − 1),
     * row r at y = max − r·(max − min)/(size − 1), so row 0 is the top edge and both edges are sampled.
     */
    static float[] gridInputs(Features features, Domain domain, int size) {
        List<InputFeature> enabled = features.enabled();
        int P = size * size;
        float[] in = new float[enabled.size() * P];
        double step = (domain.max() - domain.min()) / (size - 1);
        for (int r = 0; r < size; r++) {
            double y = domain.max() - r * step;
            for (int c = 0; c < size; c++) {
                double x = domain.min() + c * step;
                for (int i = 0; i < enabled.size(); i++)
                    in[i * P + r * size + c] = (float) enabled.get(i).apply(x, y);
            }
        }
        return in;
    }
}
