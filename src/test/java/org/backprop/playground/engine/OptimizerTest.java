package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Steps 1–3 of each optimizer from w = 1 with gradients 0.5, −0.25, 1.0 and lr 0.1. */
@Tag("unit")
class OptimizerTest {
    private static final double[] GRADIENTS = {0.5, -0.25, 1.0};

    private static double[] threeSteps(Optimizer optimizer) {
        double[] w = {1};
        double[] out = new double[3];
        for (int t = 0; t < 3; t++) {
            optimizer.step(w, new double[] {GRADIENTS[t]}, 1, 0.1, null);
            out[t] = w[0];
        }
        return out;
    }

    private static void assertSteps(double[] expected, double[] actual) {
        for (int t = 0; t < 3; t++) assertEquals(expected[t], actual[t], 1e-15, "step " + (t + 1));
    }

    @Test
    void sgd_steps_are_pinned() {
        // 1 − 0.05 = 0.95; + 0.025 = 0.975; − 0.1 = 0.875
        assertSteps(new double[] {0.95, 0.975, 0.875}, threeSteps(new Sgd()));
    }

    @Test
    void momentum_steps_are_pinned() {
        // v = 0.5, 0.45 − 0.25 = 0.2, 0.18 + 1 = 1.18 → w = 0.95, 0.93, 0.812
        assertSteps(new double[] {0.95, 0.9299999999999999, 0.8119999999999999}, threeSteps(new Momentum(1, 0.9)));
    }

    @Test
    void adam_steps_are_pinned() {
        // step 1: m̂ = g, v̂ = g², so Δ = −lr·g/(|g| + ε) ≈ −lr·sign(g)
        assertSteps(
                new double[] {0.9000000019999999, 0.8733662987078462, 0.8075551396770897},
                threeSteps(new Adam(1, 0.9, 0.999, 1e-8)));
    }

    @Test
    void rmsprop_steps_are_pinned() {
        // s1 = 0.1·0.25 = 0.025, Δ1 = −0.1·0.5/√0.025 = −0.3162277…
        assertSteps(
                new double[] {0.6837722539831608, 0.8312142014424062, 0.5493562793036684},
                threeSteps(new RmsProp(1, 0.9, 1e-8)));
    }

    @Test
    void a_gradient_sum_is_divided_by_its_count() {
        double[] w = {1};
        new Sgd().step(w, new double[] {3}, 3, 0.1, null);
        assertEquals(0.9, w[0], 1e-15);
    }

    @Test
    void frozen_parameters_do_not_move() {
        double[] w = {1, 1};
        new Adam(2, 0.9, 0.999, 1e-8).step(w, new double[] {1, 1}, 1, 0.1, new boolean[] {true, false});
        assertEquals(1, w[0]);
        assertEquals(0.9000000010000001, w[1], 1e-12);
    }
}
