package org.backprop.playground.web;

import org.backprop.playground.engine.SeedRandom;

/**
 * The row order of each training epoch when "shuffle" is on: one seeded generator for the run,
 * and before every epoch the previous order is shuffled again with TF Playground's shuffle
 * (walk a counter down from n, swapping its slot with a random one below it).
 */
final class EpochOrder {
    private final int[] order;
    private final SeedRandom random;

    EpochOrder(int rows, SeedRandom random) {
        this.order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        this.random = random;
    }

    /** The next epoch's order (the array is reused; read it before the next call). */
    int[] next() {
        random.shuffle(order);
        return order;
    }
}
