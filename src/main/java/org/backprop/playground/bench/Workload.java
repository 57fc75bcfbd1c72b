package org.backprop.playground.bench;

import java.util.List;
import org.backprop.playground.data.DataSplit;
import org.backprop.playground.data.DatasetRequest;
import org.backprop.playground.data.Datasets;
import org.backprop.playground.data.Point;
import org.backprop.playground.engine.Samples;

/**
 * The speed workloads of shared/oracle/README.md: TF Playground's data sets of the oracle's sizes
 * and seeds (our generators reproduce those points exactly), tanh throughout, square loss,
 * lr 0.03, batch 10. W3 is W2 plus every neuron over a 100 × 100 grid after each epoch. The
 * targets are issue 2's: about 20 times TF Playground's engine on the same machine kind.
 */
record Workload(
        String name,
        int[] shape,
        Samples train,
        Samples test,
        boolean grid,
        double tfPlaygroundEpochsPerSecond,
        double targetEpochsPerSecond) {

    static List<Workload> all() {
        DataSplit circle =
                Datasets.generate(DatasetRequest.of("circle", "0.11111").withPercTrainData(50));
        DataSplit spiral = Datasets.generate(
                DatasetRequest.of("spiral", "0.22222").withPercTrainData(50).withNumSamples(1000));
        int[] deep = {2, 8, 8, 8, 8, 8, 8, 1};
        return List.of(
                new Workload(
                        "W1",
                        new int[] {2, 4, 2, 1},
                        samples(circle.train()),
                        samples(circle.test()),
                        false,
                        4512,
                        90_000),
                new Workload("W2", deep, samples(spiral.train()), samples(spiral.test()), false, 226, 4_500),
                new Workload("W3", deep, samples(spiral.train()), samples(spiral.test()), true, 19.7, 400));
    }

    /** x, y as the two inputs and the ±1 label as the target. */
    static Samples samples(List<Point> points) {
        double[][] x = new double[points.size()][], t = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            x[i] = new double[] {points.get(i).x(), points.get(i).y()};
            t[i] = new double[] {points.get(i).label()};
        }
        return Samples.of(x, t);
    }

    String shapeText() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shape.length; i++) s.append(i == 0 ? "" : "-").append(shape[i]);
        return s.toString();
    }
}
