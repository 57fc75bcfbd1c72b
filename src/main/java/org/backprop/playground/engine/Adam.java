package org.backprop.playground.engine;

/**
 * Adam (Kingma &amp; Ba 2015): bias-corrected first and second moments,
 * w ← w − lr · m̂ / (√v̂ + ε). Its first step is ≈ −lr · sign(g).
 */
public final class Adam implements Optimizer {
    private final double beta1, beta2, eps;
    private double[] m, v;
    private int t;

    public Adam(int numParams, double beta1, double beta2, double eps) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[numParams];
        this.v = new double[numParams];
    }

    @Override
    public void step(double[] params, double[] gradSum, int count, double learningRate, boolean[] frozen) {
        t++;
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < params.length; i++) {
            if (frozen != null && frozen[i]) continue;
            double g = gradSum[i] / count;
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            params[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
    }

    @Override
    public Kind kind() {
        return Kind.ADAM;
    }
}
