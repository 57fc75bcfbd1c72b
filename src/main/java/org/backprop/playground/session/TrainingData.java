package org.backprop.playground.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.backprop.playground.data.DataSplit;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.Point;
import org.backprop.playground.engine.Samples;
import org.backprop.playground.engine.SeedRandom;
import org.backprop.playground.state.CustomPoints;
import org.backprop.playground.state.PlaygroundState;

/**
 * A state's data, made in TF Playground's order from the generator the caller passes: generate,
 * shuffle, split. TF Playground then builds the network from the same generator, so the caller
 * keeps drawing from it and a TF link gets TF's initial weights. (data.Datasets makes the same
 * points from a generator of its own; a test holds the two together.)
 */
final class TrainingData {
    private TrainingData() {}

    static DataSplit generate(PlaygroundState s, SeedRandom random) {
        Dataset set = s.activeDataset();
        int classes = s.classes();
        List<Point> points = new ArrayList<>(set.generate(random, set.defaultSamples(), s.noise() / 100, classes));
        if (!set.isFixed()) shuffle(points, random);
        // a person's own points replace the set's, which are still drawn: the initial weights are the set's
        CustomPoints own = s.points();
        if (own != null) {
            return new DataSplit(
                    set, classes, own.train(set.domain(), set.problem()), own.test(set.domain(), set.problem()));
        }
        if (set.isFixed()) return new DataSplit(set, classes, points, points);
        int split = (int) Math.floor(points.size() * (double) s.percTrainData() / 100);
        return new DataSplit(set, classes, points.subList(0, split), points.subList(split, points.size()));
    }

    /** TF's shuffle (Fisher-Yates from the top, one draw per point). */
    private static void shuffle(List<Point> points, SeedRandom random) {
        for (int counter = points.size(); counter > 0; ) {
            int index = random.nextInt(counter);
            counter--;
            Collections.swap(points, counter, index);
        }
    }

    /** Points -> rows: inputs (N, IN) by the input map, targets (N, K) by the encoding. */
    static Samples encode(List<Point> points, NetworkSpec spec) {
        int n = points.size(), IN = spec.inputs().size(), K = spec.outputs();
        double[] x = new double[n * IN], t = new double[n * K];
        for (int r = 0; r < n; r++) {
            Point p = points.get(r);
            spec.inputs().vectorInto(x, r * IN, p);
            spec.encoding().encode(p.label(), t, r * K, K);
        }
        return new Samples(x, t, n, IN, K);
    }
}
