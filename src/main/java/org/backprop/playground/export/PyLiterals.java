package org.backprop.playground.export;

import java.util.List;

/** Python literals for the values a script embeds: every double written so Python reads back the very same bits. */
final class PyLiterals {
    /** Numbers per line in an embedded array: short enough to read, long arrays still a few hundred lines. */
    static final int PER_LINE = 6;

    private PyLiterals() {}

    /** Java's shortest-that-round-trips form, which Python's correctly rounded parser reads to the same double. */
    static String number(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        return Double.toString(v);
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) out.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        return out.append(']').toString();
    }

    /** A flat list, wrapped {@link #PER_LINE} numbers a line under {@code indent}. */
    static String list(double[] values, String indent) {
        return list(values, 0, values.length, 1, indent);
    }

    /** {@code values[first + i·step]} for i in [0, count), wrapped as {@link #list(double[], String)}. */
    static String list(double[] values, int first, int count, int step, String indent) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) out.append(i % PER_LINE == 0 ? ",\n" + indent + " " : ", ");
            out.append(number(values[first + i * step]));
        }
        return out.append(']').toString();
    }

    /**
     * A (rows, columns) matrix as a nested list, entry (r, c) at {@code offset + r·rowStep + c·columnStep}:
     * so a row-major (N, IN) array goes out feature by feature, and a layer's weights from the flat parameters.
     */
    static String matrix(double[] values, int rows, int columns, int rowStep, int columnStep, String indent) {
        return matrix(values, rows, columns, rowStep, columnStep, indent, 0);
    }

    static String matrix(
            double[] values, int rows, int columns, int rowStep, int columnStep, String indent, int offset) {
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            if (r > 0) out.append(",\n").append(indent).append(' ');
            out.append(list(values, offset + r * rowStep, columns, columnStep, indent + " "));
        }
        return out.append(']').toString();
    }
}
