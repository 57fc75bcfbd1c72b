package org.backprop.playground.session;

/**
 * One payload block and its descriptor: a width × height grid, row-major, row 0 at the top.
 * For dtype uint8 a byte q stands for {@code min + q * (max - min) / 255}; for float32 the values
 * are as they are (big-endian) and min/max are not used.
 *
 * @param name   "output", "outputClass", "neuron", "train" or "test"
 * @param layer  the weight layer whose neuron this is (−1 when not a neuron's)
 * @param neuron the neuron within that layer (−1 when not a neuron's)
 * @param coding what {@code data} holds (docs/protocol.md §6): the bytes, none, or the change to the client's bytes
 */
record Block(
        String name,
        int layer,
        int neuron,
        int width,
        int height,
        String dtype,
        float min,
        float max,
        byte[] data,
        Coding coding) {
    /** How a frame carries a block. */
    enum Coding {
        /** The bytes themselves. */
        BYTES,
        /** No bytes: the client draws the block it got last under this name, layer and neuron. */
        SAME,
        /** Each byte's change (mod 256) to the bytes the client has for this block, over the same min and max. */
        DELTA
    }

    static final String UINT8 = "uint8";
    static final String FLOAT32 = "float32";
    /**
     * The most a grid value may have moved, since the client last got its block, for the block to
     * count as unchanged: one step of a byte over [−1, 1], the range the page colours; the
     * output's 30 shades are 0.067 apart and the neurons' thumbnails are 20 pixels wide.
     */
    static final float UNSEEN_CHANGE = 2f / 255;

    /** The most a value may move unseen against a client's block of this range: {@link #UNSEEN_CHANGE}, or one of its byte steps if wider. */
    static float unseenChange(float min, float max) {
        return Math.max(UNSEEN_CHANGE, (max - min) / 255);
    }

    Block(String name, int layer, int neuron, int width, int height, String dtype, float min, float max, byte[] data) {
        this(name, layer, neuron, width, height, dtype, min, max, data, Coding.BYTES);
    }

    private static final byte[] NO_BYTES = new byte[0];

    /** This block's descriptor with no bytes: "draw what you have". */
    Block asSame() {
        return new Block(name, layer, neuron, width, height, dtype, min, max, NO_BYTES, Coding.SAME);
    }

    /** Whether this block stands at that place of a frame with that size. */
    boolean isAt(String name, int layer, int neuron, int width, int height) {
        return this.name.equals(name)
                && this.layer == layer
                && this.neuron == neuron
                && this.width == width
                && this.height == height;
    }

    /**
     * Whether a client that drew {@code before} would see no change in this one: the same place
     * and size, class bytes equal, and no value moved by more than {@link #unseenChange} of before's range.
     */
    boolean looksLike(Block before) {
        if (before == null
                || before.coding != Coding.BYTES
                || coding != Coding.BYTES
                || !before.isAt(name, layer, neuron, width, height)
                || !dtype.equals(UINT8)
                || !before.dtype.equals(UINT8)) {
            return false;
        }
        if (name.equals("outputClass")) return java.util.Arrays.equals(data, before.data);
        float step = (max - min) / 255,
                stepBefore = (before.max - before.min) / 255,
                unseen = unseenChange(before.min, before.max);
        for (int i = 0; i < data.length; i++) {
            float v = min + (data[i] & 0xff) * step, u = before.min + (before.data[i] & 0xff) * stepBefore;
            if (Math.abs(v - u) > unseen) return false;
        }
        return true;
    }

    /** values[off, off + width·height) quantized to bytes over the range of the finite ones; ±∞ clamp to the ends, NaN is 0. */
    static Block quantize(String name, int layer, int neuron, float[] values, int off, int width, int height) {
        return quantize(name, layer, neuron, values, off, width, height, 0);
    }

    /**
     * As {@link #quantize(String, int, int, float[], int, int, int)}, over the finite values' range
     * widened by {@code margin} of its span at each end (room for the next frames' values to move).
     */
    static Block quantize(
            String name, int layer, int neuron, float[] values, int off, int width, int height, float margin) {
        int n = width * height;
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (!(min <= max)) { // nothing finite
            min = 0;
            max = 0;
        }
        float room = (max - min) * margin;
        min -= room;
        max += room;
        byte[] data = new byte[n];
        float span = max - min;
        if (span > 0) {
            float scale = 255f / span;
            // No clamp needed: a finite value lies in [min, max], so q < 255.5 (two roundings of at
            // most 2^-24 each); the (int) cast sends +∞ to 0x7fffffff (byte 255), −∞ and NaN to
            // 0x80000000 and 0 (byte 0). Without Math.min/max this loop is float arithmetic and casts only.
            for (int i = 0; i < n; i++) {
                float q = (values[off + i] - min) * scale + 0.5f;
                data[i] = (byte) (int) q;
            }
        }
        return new Block(name, layer, neuron, width, height, UINT8, min, max, data);
    }

    /** The value byte i stands for. */
    double value(int i) {
        return min + (data[i] & 0xff) * (double) (max - min) / 255;
    }
}
