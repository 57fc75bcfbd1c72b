package org.backprop.playground.load;

/** Gaps between frames in 1 ms buckets up to 10 s: percentiles without keeping every sample. */
final class GapHistogram {
    private static final int BUCKETS = 10_000;
    private final long[] counts = new long[BUCKETS + 1];
    private long total;

    void add(long nanos) {
        int ms = (int) Math.min(BUCKETS, nanos / 1_000_000);
        counts[ms]++;
        total++;
    }

    void addAll(GapHistogram other) {
        for (int i = 0; i <= BUCKETS; i++) counts[i] += other.counts[i];
        total += other.total;
    }

    /** The gap in ms below which the fraction q of gaps fall (the bucket's upper edge). */
    double percentileMillis(double q) {
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(q * total), seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) return i + 1;
        }
        return BUCKETS;
    }

    long total() {
        return total;
    }
}
