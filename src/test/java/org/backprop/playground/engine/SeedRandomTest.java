package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SeedRandomTest {
    /**
     * seedrandom("0.11111")'s first draws, as TF Playground's oracle recorded them through its
     * circle generator: r = U(0, 2.5), angle = U(0, 2π) … (exact data checks live in the data tests).
     */
    @Test
    void same_seed_same_sequence_other_seed_other_sequence() {
        SeedRandom a = new SeedRandom("0.5"), b = new SeedRandom("0.5"), c = new SeedRandom("0.50");
        for (int i = 0; i < 1000; i++) assertEquals(a.nextDouble(), b.nextDouble());
        assertNotEquals(new SeedRandom("0.5").nextDouble(), c.nextDouble());
    }

    @Test
    void draws_stay_in_the_unit_interval_with_a_sane_mean() {
        SeedRandom r = new SeedRandom("range");
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            double x = r.nextDouble();
            if (x < 0 || x >= 1) throw new AssertionError(x);
            sum += x;
        }
        assertEquals(0.5, sum / 100_000, 0.01);
    }

    @Test
    void empty_seed_is_allowed() {
        assertEquals(new SeedRandom("").nextDouble(), new SeedRandom("").nextDouble());
    }
}
