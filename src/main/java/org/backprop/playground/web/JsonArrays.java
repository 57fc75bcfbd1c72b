package org.backprop.playground.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Flat row-major engine arrays as nested JSON arrays. */
final class JsonArrays {
    private JsonArrays() {}

    /** flat (rows, cols) from {@code offset} -> [[...] × rows]. */
    static ArrayNode matrix(double[] flat, int offset, int rows, int cols) {
        ArrayNode m = JsonNodeFactory.instance.arrayNode(rows);
        for (int r = 0; r < rows; r++) m.add(vector(flat, offset + r * cols, cols));
        return m;
    }

    static ArrayNode vector(double[] flat, int offset, int length) {
        ArrayNode v = JsonNodeFactory.instance.arrayNode(length);
        for (int i = 0; i < length; i++) v.add(flat[offset + i]);
        return v;
    }

    static ArrayNode of(java.util.List<Double> values) {
        ArrayNode v = JsonNodeFactory.instance.arrayNode(values.size());
        values.forEach(v::add);
        return v;
    }

    /** True when the first {@code length} values are all finite. */
    static boolean finite(double[] values, int length) {
        for (int i = 0; i < length; i++) if (!Double.isFinite(values[i])) return false;
        return true;
    }
}
