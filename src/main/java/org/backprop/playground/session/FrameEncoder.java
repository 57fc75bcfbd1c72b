package org.backprop.playground.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.data.DataSplit;
import org.backprop.playground.data.Domain;
import org.backprop.playground.data.InputFeature;
import org.backprop.playground.data.Point;
import org.backprop.playground.engine.Network;
import org.backprop.playground.protocol.Envelope;
import org.backprop.playground.protocol.ServerMessageType;

/**
 * Writes the protocol's binary messages (docs/protocol.md): a {@code frame} (numbers, weights and
 * grid descriptors in the JSON header, the grids as payload) and a {@code data} message (the points
 * as float32 rows). The header is written by hand: it is small, its fields are fixed, and thirty
 * of them a second per session should not go through a reflective mapper.
 */
public final class FrameEncoder {
    private FrameEncoder() {}

    static ByteBuffer encode(FrameSnapshot s, List<Block> blocks) {
        Network net = s.network();
        StringBuilder h = new StringBuilder(512 + 24 * net.params.length + 160 * blocks.size());
        h.append("{\"type\":\"")
                .append(ServerMessageType.FRAME.wire)
                .append("\",\"epoch\":")
                .append(s.epoch())
                .append(",\"version\":")
                .append(s.version())
                .append(",\"dataVersion\":")
                .append(s.dataVersion())
                .append(",\"playing\":")
                .append(s.playing())
                .append(",\"diverged\":");
        string(h, s.diverged());
        h.append(",\"trainLoss\":");
        number(h, s.trainLoss());
        h.append(",\"testLoss\":");
        number(h, s.testLoss());
        h.append(",\"trainAccuracy\":");
        number(h, s.trainAccuracy());
        h.append(",\"testAccuracy\":");
        number(h, s.testAccuracy());
        h.append(",\"goal\":");
        GoalJson.write(h, s.goal());
        h.append(",\"domain\":[");
        number(h, s.domain().min());
        h.append(',');
        number(h, s.domain().max());
        h.append("],\"layers\":[");
        for (int l = 0; l < net.layout.layers(); l++) {
            if (l > 0) h.append(',');
            h.append("{\"activation\":");
            string(h, net.activation(l).key);
            h.append(",\"weights\":[");
            int IN = net.layout.in(l);
            for (int o = 0; o < net.layout.out(l); o++) {
                if (o > 0) h.append(',');
                h.append('[');
                for (int i = 0; i < IN; i++) {
                    if (i > 0) h.append(',');
                    number(h, net.weight(l, o, i));
                }
                h.append(']');
            }
            h.append("],\"biases\":[");
            for (int o = 0; o < net.layout.out(l); o++) {
                if (o > 0) h.append(',');
                number(h, net.bias(l, o));
            }
            h.append("]}");
        }
        h.append(']');
        backprop(h, s);
        List<byte[]> payload = descriptors(h, blocks);
        h.append('}');
        return Envelope.wrap(h.toString(), payload);
    }

    /**
     * ,"gradients":[{"dW","db"}],"deltas":[[..]],"updateRatio":[..],"predictions":[[..]]|null, to 4
     * significant digits (they are drawn, not computed with): the last epoch's mean dL/dθ, its mean
     * δ per neuron (db itself), the last update's ‖Δθ‖/‖θ‖ per layer, and a non-2-D set's predictions.
     */
    private static void backprop(StringBuilder h, FrameSnapshot s) {
        Network net = s.network();
        double[] g = s.gradient();
        h.append(",\"gradients\":[");
        for (int l = 0; l < net.layout.layers(); l++) {
            if (l > 0) h.append(',');
            int IN = net.layout.in(l), OUT = net.layout.out(l), w = net.layout.weightOffset(l);
            h.append("{\"dW\":[");
            for (int o = 0; o < OUT; o++) {
                if (o > 0) h.append(',');
                h.append('[');
                for (int i = 0; i < IN; i++) {
                    if (i > 0) h.append(',');
                    short4(h, g[w + o * IN + i]);
                }
                h.append(']');
            }
            h.append("],\"db\":");
            vector(h, g, net.layout.biasOffset(l), OUT);
            h.append('}');
        }
        h.append("],\"deltas\":[");
        for (int l = 0; l < net.layout.layers(); l++) {
            if (l > 0) h.append(',');
            vector(h, g, net.layout.biasOffset(l), net.layout.out(l));
        }
        h.append("],\"updateRatio\":");
        vector(h, s.updateRatio(), 0, s.updateRatio().length);
        h.append(",\"predictions\":");
        if (s.predictions() == null) {
            h.append("null");
        } else {
            h.append('[');
            for (int r = 0; r < s.predictions().length; r++) {
                if (r > 0) h.append(',');
                vector(h, s.predictions()[r], 0, s.predictions()[r].length);
            }
            h.append(']');
        }
    }

    private static void vector(StringBuilder h, double[] v, int from, int count) {
        h.append('[');
        for (int i = 0; i < count; i++) {
            if (i > 0) h.append(',');
            short4(h, v[from + i]);
        }
        h.append(']');
    }

    private static final java.math.MathContext FOUR_DIGITS = new java.math.MathContext(4);

    /** 10^0 … 10^22, every one exact in a double. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++, p *= 10) POWERS_OF_TEN[k] = p;
    }

    /**
     * How far v·10^(3−e) must be from a rounding tie (n + ½) or from 1000 and 10000 for the fast
     * path to know its 4 digits: that scaled value is off by at most ½ ulp (one rounded operation
     * with an exact power of ten), and the decimal Double.toString(v) stands for by at most
     * ½ ulp of v, together under 3·10^-12 below 10^4.
     */
    private static final double TIE_MARGIN = 1e-9;

    /**
     * v to 4 significant digits as a JSON number (null when not finite): the text of
     * {@code BigDecimal.valueOf(v).round(4 digits, HALF_UP).stripTrailingZeros().toString()}, byte
     * for byte. Most values are rounded here from v itself; one near a tie or a power of ten (where
     * rounding v and rounding Double.toString(v) could differ), or out of the table's range, takes
     * that exact path (FrameEncoderShort4Test compares the two over many doubles).
     */
    static void short4(StringBuilder h, double v) {
        if (!Double.isFinite(v)) {
            h.append("null");
        } else if (v == 0) {
            h.append('0');
        } else if (!short4Fast(h, v)) {
            h.append(java.math.BigDecimal.valueOf(v)
                    .round(FOUR_DIGITS)
                    .stripTrailingZeros()
                    .toString());
        }
    }

    /** The fast path of {@link #short4}; false (having written nothing) when v needs the exact one. */
    private static boolean short4Fast(StringBuilder h, double v) {
        double a = Math.abs(v);
        int e = (int) Math.floor(Math.log10(a)); // a guess, checked below by x's range
        int k = 3 - e;
        if (k > 22 || k < -22) return false;
        double x = k >= 0 ? a * POWERS_OF_TEN[k] : a / POWERS_OF_TEN[-k];
        if (!(x > 1000 + TIE_MARGIN && x < 10000 - TIE_MARGIN)) return false;
        double floor = Math.floor(x);
        double frac = x - floor;
        if (Math.abs(frac - 0.5) < TIE_MARGIN) return false;
        int r = (int) floor + (frac > 0.5 ? 1 : 0);
        if (r == 10000) { // 9999.5 < x: one digit more
            r = 1000;
            e++;
        }
        // r·10^(e−3) with its trailing zeros stripped: unscaled u, scale sc, as BigDecimal.toString lays it out
        int u = r, sc = 3 - e;
        while (u % 10 == 0) {
            u /= 10;
            sc--;
        }
        String digits = Integer.toString(u);
        int nd = digits.length();
        int adjusted = -sc + nd - 1;
        if (v < 0) h.append('-');
        if (sc == 0) {
            h.append(digits);
        } else if (sc > 0 && adjusted >= -6) {
            if (sc >= nd) {
                h.append("0.");
                for (int i = nd; i < sc; i++) h.append('0');
                h.append(digits);
            } else {
                h.append(digits, 0, nd - sc).append('.').append(digits, nd - sc, nd);
            }
        } else {
            h.append(digits.charAt(0));
            if (nd > 1) h.append('.').append(digits, 1, nd);
            if (adjusted != 0) {
                h.append('E');
                if (adjusted > 0) h.append('+');
                h.append(adjusted);
            }
        }
        return true;
    }

    /**
     * The points: one float32 row per point, its coordinates then its label; "train" then "test".
     * A 2-D set adds a "feature" block per input feature (TF's order, named in "features"): its
     * values over the domain, the input neurons' thumbnails.
     */
    public static ByteBuffer encodeData(DataSplit split, long dataVersion) {
        List<Block> blocks = new ArrayList<>(List.of(points("train", split.train()), points("test", split.test())));
        boolean twoD = split.dataset().inputDim() == 2;
        if (twoD)
            for (InputFeature f : InputFeature.values())
                blocks.add(featureGrid(f, split.dataset().domain()));
        StringBuilder h = new StringBuilder(256);
        h.append("{\"type\":\"")
                .append(ServerMessageType.DATA.wire)
                .append("\",\"dataVersion\":")
                .append(dataVersion)
                .append(",\"dataset\":");
        string(h, split.dataset().urlName());
        h.append(",\"numClasses\":").append(split.numClasses()).append(",\"domain\":[");
        number(h, split.dataset().domain().min());
        h.append(',');
        number(h, split.dataset().domain().max());
        h.append("],\"features\":[");
        if (twoD) {
            for (InputFeature f : InputFeature.values()) {
                if (f.ordinal() > 0) h.append(',');
                string(h, f.urlName());
            }
        }
        h.append(']');
        List<byte[]> payload = descriptors(h, blocks);
        h.append('}');
        return Envelope.wrap(h.toString(), payload);
    }

    /** One feature over the domain, NEURON_SIZE², on the grid geometry of the neurons' blocks. */
    private static Block featureGrid(InputFeature f, Domain domain) {
        int n = FrameRenderer.NEURON_SIZE;
        double lo = domain.min(), hi = domain.max();
        float[] values = new float[n * n];
        for (int r = 0; r < n; r++) {
            double y = hi - r * (hi - lo) / (n - 1);
            for (int c = 0; c < n; c++) values[r * n + c] = (float) f.apply(lo + c * (hi - lo) / (n - 1), y);
        }
        return Block.quantize("feature", -1, -1, values, 0, n, n);
    }

    private static Block points(String name, List<Point> points) {
        int dim = points.isEmpty() ? 0 : points.get(0).dim(), width = dim + 1;
        ByteBuffer buf = ByteBuffer.allocate(4 * width * points.size());
        for (Point p : points) {
            for (int i = 0; i < dim; i++) buf.putFloat((float) p.coord(i));
            buf.putFloat((float) p.label());
        }
        return new Block(name, -1, -1, width, points.size(), Block.FLOAT32, 0, 0, buf.array());
    }

    /** Appends ,"blocks":[...] with running offsets and returns the payload in the same order. */
    private static List<byte[]> descriptors(StringBuilder h, List<Block> blocks) {
        h.append(",\"blocks\":[");
        List<byte[]> payload = new ArrayList<>(blocks.size());
        int offset = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i > 0) h.append(',');
            h.append("{\"name\":");
            string(h, b.name());
            if (b.layer() >= 0) h.append(",\"layer\":").append(b.layer());
            if (b.neuron() >= 0) h.append(",\"neuron\":").append(b.neuron());
            h.append(",\"offset\":")
                    .append(offset)
                    .append(",\"length\":")
                    .append(b.data().length)
                    .append(",\"width\":")
                    .append(b.width())
                    .append(",\"height\":")
                    .append(b.height())
                    .append(",\"dtype\":\"")
                    .append(b.dtype())
                    .append('"');
            if (b.coding() == Block.Coding.SAME) {
                h.append(",\"same\":true");
            } else if (b.dtype().equals(Block.UINT8)) {
                if (b.coding() == Block.Coding.DELTA) h.append(",\"delta\":true");
                h.append(",\"min\":")
                        .append(floatText(b.min()))
                        .append(",\"max\":")
                        .append(floatText(b.max()));
            }
            h.append('}');
            payload.add(b.data());
            offset += b.data().length;
        }
        h.append(']');
        return payload;
    }

    /** JSON has no NaN or ∞: those are null. */
    static void number(StringBuilder h, double v) {
        if (!Double.isFinite(v)) h.append("null");
        else if (v == Math.rint(v) && Math.abs(v) < 1e15) h.append((long) v);
        else h.append(v);
    }

    private static String floatText(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e7 ? Long.toString((long) v) : Float.toString(v);
    }

    static void string(StringBuilder h, String s) {
        if (s == null) {
            h.append("null");
            return;
        }
        h.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> h.append("\\\"");
                case '\\' -> h.append("\\\\");
                case '\n' -> h.append("\\n");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') h.append(String.format("\\u%04x", (int) c));
                    else h.append(c);
                }
            }
        }
        h.append('"');
    }
}
