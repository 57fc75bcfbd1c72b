package org.backprop.playground.session;

/**
 * One payload block and its descriptor: a width × height grid, row-major, row 0 at the top.
 * For dtype uint8 a byte q stands for {@code min + q * (max - min) / 255}; for float32 the values
 * are as they are (big-endian) and min/max are not used.
 *
 * @param name   "output", "outputClass", "neuron", "train" or "test"
 * @param layer  the weight layer whose neuron this is (−1 when not a neuron's)
 * @param neuron the neuron within that layer (−1 when not a neuron's)
 */
record Block(String name, int layer, int neuron, int width, int height, String dtype, float min, float max, byte[] data) {
    static final String UINT8 = "uint8";
    static final String FLOAT32 = "float32";

    /** values[off, off + width·height) quantized to bytes over the range of the finite ones; ±∞ clamp to the ends, NaN is 0. */
    static Block quantize(String name, int layer, int neuron, float[] values, int off, int width, int height) {
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
        byte[] data = new byte[n];
        float span = max - min;
        if (span > 0) {
            float scale = 255 / span;
            for (int i = 0; i < n; i++) {
                float q = (values[off + i] - min) * scale + 0.5f;
                data[i] = (byte) (int) Math.max(0, Math.min(255, q)); // NaN -> 0
            }
        }
        return new Block(name, layer, neuron, width, height, UINT8, min, max, data);
    }

    /** The value byte i stands for. */
    double value(int i) {
        return min + (data[i] & 0xff) * (double) (max - min) / 255;
    }
}
