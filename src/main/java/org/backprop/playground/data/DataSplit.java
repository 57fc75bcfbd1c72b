package org.backprop.playground.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated data, split as TF Playground splits it: the first {@code floor(n * percTrainData / 100)}
 * shuffled points train, the rest test. The lists are unmodifiable.
 *
 * @param dataset    which set it is (input dimension, problem kind, domain)
 * @param numClasses the class count in effect (2 for binary, K for multi-class, 0 for regression)
 */
public record DataSplit(Dataset dataset, int numClasses, List<Point> train, List<Point> test) {
    public DataSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** Train then test, in order: the whole shuffled set (seed-xor's four points once). */
    public List<Point> all() {
        if (dataset.isFixed()) return train;
        List<Point> all = new ArrayList<>(train.size() + test.size());
        all.addAll(train);
        all.addAll(test);
        return List.copyOf(all);
    }
}
