package org.backprop.playground.data;

import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.engine.SeedRandom;

/**
 * The one entry point: a request in, train and test points out, in the order of TF Playground's
 * {@code generateData()}: seed the generator, generate, shuffle, split. The same request always
 * gives the same points; with a TF set and a TF seed they are TF Playground's very points.
 */
public final class Datasets {
    private Datasets() {}

    public static DataSplit generate(DatasetRequest request) {
        Dataset dataset = request.dataset();
        int numClasses = dataset.numClasses(request.numClasses());
        int numSamples = request.numSamples() != null ? request.numSamples() : dataset.defaultSamples();
        SeedRandom random = new SeedRandom(request.seed());
        List<Point> data = new ArrayList<>(dataset.generate(random, numSamples, request.noise() / 100, numClasses));
        if (dataset.isFixed()) {
            return new DataSplit(dataset, numClasses, data, data);
        }
        random.shuffle(data);
        int splitIndex = (int) Math.floor(data.size() * (double) request.percTrainData() / 100);
        return new DataSplit(dataset, numClasses, data.subList(0, splitIndex), data.subList(splitIndex, data.size()));
    }
}
