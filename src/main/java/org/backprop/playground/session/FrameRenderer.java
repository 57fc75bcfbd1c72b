package org.backprop.playground.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.data.Domain;
import org.backprop.playground.data.Features;
import org.backprop.playground.data.InputFeature;
import org.backprop.playground.engine.GridEvaluator;
import org.backprop.playground.engine.Network;

/**
 * Turns a snapshot into a frame: the output over a 100×100 grid of the input domain and every
 * hidden neuron over a 20×20 grid (twice TF Playground's thumbnail resolution), quantized to
 * bytes. One per session: it keeps its evaluators and the grids' inputs between frames, and runs
 * only when a frame is really sent. It also keeps the blocks its client last got: a block that
 * looks the same as then ({@link Block#looksLike}) goes as a descriptor marked {@code same},
 * without bytes, so a network that moves slowly costs its grids' bytes (and their deflate) only
 * when they change.
 */
public final class FrameRenderer {
    public static final int OUTPUT_SIZE = 100;
    public static final int NEURON_SIZE = 20;

    private final GridEvaluator outputGrid = new GridEvaluator(OUTPUT_SIZE * OUTPUT_SIZE);
    private final GridEvaluator neuronGrid = new GridEvaluator(NEURON_SIZE * NEURON_SIZE);
    private Features features;
    private Domain domain;
    private float[] outputInputs, neuronInputs;
    /** The blocks the client has, in frame order: what a {@code same} block stands for. */
    private List<Block> sent = List.of();
    /** The header the client was last shown something new in. */
    private VisibleState shown;
    private boolean showedChange;

    /** The encoded frame (see {@link FrameEncoder}); grids only when the snapshot's set is 2-D. */
    public synchronized ByteBuffer render(FrameSnapshot s) {
        int changedBefore = changedBlocks;
        ByteBuffer frame = FrameEncoder.encode(s, unchangedAsSame(s.hasGrids() ? blocks(s) : List.of()));
        VisibleState now = VisibleState.of(s);
        boolean header = now.differsFrom(shown);
        if (header) shown = now;
        showedChange = header || changedBlocks != changedBefore;
        return frame;
    }

    /** Whether the last frame rendered showed anything new beyond its epoch: a block with bytes or a header that moved. */
    public synchronized boolean showedChange() {
        return showedChange;
    }

    /** Blocks rendered with their bytes, ever: it grows when a frame has one. */
    private int changedBlocks;

    /** Each block that looks like the one the client has at its place goes as {@code same}; the others replace theirs. */
    private List<Block> unchangedAsSame(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size()), kept = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i), before = i < sent.size() ? sent.get(i) : null;
            boolean same = before != null && b.looksLike(before);
            out.add(same ? b.asSame() : b);
            if (!same) changedBlocks++;
            kept.add(same ? before : b);
        }
        sent = kept;
        return out;
    }

    private List<Block> blocks(FrameSnapshot s) {
        if (!s.features().equals(features) || !s.domain().equals(domain)) {
            features = s.features();
            domain = s.domain();
            outputInputs = gridInputs(features, domain, OUTPUT_SIZE);
            neuronInputs = gridInputs(features, domain, NEURON_SIZE);
        }
        Network net = s.network();
        int last = net.layout.layers() - 1, K = net.layout.outputs(), P = OUTPUT_SIZE * OUTPUT_SIZE;
        List<Block> blocks = new ArrayList<>();
        float[][] out = outputGrid.evaluate(net, outputInputs)[last];
        if (K == 1) {
            blocks.add(Block.quantize("output", last, 0, out[0], 0, OUTPUT_SIZE, OUTPUT_SIZE));
        } else {
            // K classes: the winning class's probability, and which class wins
            float[] best = new float[P];
            byte[] cls = new byte[P];
            for (int p = 0; p < P; p++) {
                int arg = 0;
                for (int k = 1; k < K; k++) if (out[k][p] > out[arg][p]) arg = k;
                best[p] = out[arg][p];
                cls[p] = (byte) arg;
            }
            blocks.add(Block.quantize("output", last, -1, best, 0, OUTPUT_SIZE, OUTPUT_SIZE));
            blocks.add(new Block("outputClass", last, -1, OUTPUT_SIZE, OUTPUT_SIZE, Block.UINT8, 0, 255, cls));
        }
        float[][][] small = neuronGrid.evaluate(net, neuronInputs);
        for (int l = 0; l < last; l++) {
            for (int k = 0; k < net.layout.out(l); k++) {
                blocks.add(Block.quantize("neuron", l, k, small[l][k], 0, NEURON_SIZE, NEURON_SIZE));
            }
        }
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
                for (int i = 0; i < enabled.size(); i++) in[i * P + r * size + c] = (float) enabled.get(i).apply(x, y);
            }
        }
        return in;
    }
}
