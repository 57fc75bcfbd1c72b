package org.backprop.playground.engine;

/**
 * Transcendentals for the training loop. {@link #tanh} returns exactly what {@link StrictMath#tanh}
 * returns (fdlibm, which is also what V8 and so TF Playground use), so trajectories match TF
 * Playground's; it is plain Java so the JIT can inline it instead of calling into native code.
 */
final class FastMath {
    private FastMath() {}

    static double tanh(double x) {
        return StrictMath.tanh(x);
    }
}
