package org.backprop.playground.store;

import java.util.ArrayList;
import java.util.List;

/** A weight list as the store keeps it: Java's shortest exact decimal of each, comma-separated (reads back bit for bit). */
final class Weights {
    private Weights() {}

    static String write(List<Double> weights) {
        StringBuilder b = new StringBuilder(weights.size() * 20);
        for (double w : weights) {
            if (b.length() > 0) b.append(',');
            b.append(w);
        }
        return b.toString();
    }

    static List<Double> read(String text) {
        List<Double> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        for (String part : text.split(",")) out.add(Double.parseDouble(part));
        return out;
    }
}
