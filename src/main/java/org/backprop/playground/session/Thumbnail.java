package org.backprop.playground.session;

import org.backprop.playground.engine.GridEvaluator;

/**
 * A class board's small picture of a student's output map: the output on a {@link #SIZE}×{@link #SIZE}
 * grid of the input domain (row 0 at the top, as the page's heatmap), each value v in [-1, 1] as
 * the byte round((v + 1)·127.5). Null for a set without a map, or with K classes (no one value per point).
 */
public final class Thumbnail {
    public static final int SIZE = 20;

    private Thumbnail() {}

    public static byte[] of(MapView v) {
        if (v.features() == null || v.network().layout.outputs() != 1) return null;
        int P = SIZE * SIZE;
        float[] in = FrameRenderer.gridInputs(v.features(), v.domain(), SIZE);
        float[][][] values = new GridEvaluator(P).evaluate(v.network(), in);
        float[] out = values[v.network().layout.layers() - 1][0];
        byte[] bytes = new byte[P];
        for (int p = 0; p < P; p++) {
            float x = out[p];
            double c = Float.isNaN(x) ? 0 : Math.max(-1, Math.min(1, x));
            bytes[p] = (byte) Math.round((c + 1) * 127.5);
        }
        return bytes;
    }
}
