package org.backprop.playground.session;

import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.data.Features;
import org.backprop.playground.data.Point;

/**
 * What the network's inputs are: TF's features of a 2-D point (x, y, xSquared, ...), or the raw
 * coordinates of a set that is not 2-D (the tutorials' 16-pixel digits), named c0, c1, .... The
 * names identify an input across a change, so toggling a feature keeps the others' weights.
 *
 * @param features the enabled features for a 2-D set, or null when the coordinates are fed as they are
 */
record InputMap(List<String> names, Features features, int dimension) {
    static InputMap of(Features features) {
        return new InputMap(features.names(), features, 2);
    }

    static InputMap raw(int dimension) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < dimension; i++) names.add("c" + i);
        return new InputMap(List.copyOf(names), null, dimension);
    }

    int size() {
        return names.size();
    }

    /** The inputs of point p into out at offset. */
    void vectorInto(double[] out, int offset, Point p) {
        if (features != null) features.vectorInto(out, offset, p.x(), p.y());
        else for (int i = 0; i < dimension; i++) out[offset + i] = p.coord(i);
    }

    /** For each of this map's inputs, its index among {@code before}'s, or −1 when it is new. */
    int[] sourcesIn(InputMap before) {
        int[] source = new int[names.size()];
        for (int i = 0; i < source.length; i++) source[i] = before.names.indexOf(names.get(i));
        return source;
    }
}
