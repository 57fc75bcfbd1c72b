package org.backprop.playground.engine;

/**
 * Float approximations for what is only drawn (grids quantized to bytes), written branch-free
 * so the JIT can vectorize the loops that call them. Training never uses these.
 */
public final class DisplayMath {
    private DisplayMath() {}

    /** Beyond this tanh rounds to ±1 in float. */
    private static final float TANH_CLAMP = 7.90531110763549805f;

    /**
     * tanh as a [13/6] rational function on a clamped argument (the minimax fit Eigen uses for
     * float); absolute error below 1e-6 everywhere.
     */
    public static float tanh(float x) {
        x = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, x));
        float x2 = x * x;
        float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = x2 * p + -8.60467152213735e-11f;
        p = x2 * p + 5.12229709037114e-08f;
        p = x2 * p + 1.48572235717979e-05f;
        p = x2 * p + 6.37261928875436e-04f;
        p = x2 * p + 4.89352455891786e-03f;
        p = x * p;
        float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = x2 * q + 2.26843463243900e-03f;
        q = x2 * q + 4.89352518554385e-03f;
        return p / q;
    }

    /** σ(x) = ½ + ½ tanh(x / 2). */
    public static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }
}
