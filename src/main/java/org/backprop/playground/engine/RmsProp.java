package org.backprop.playground.engine;

/** RMSprop (Tieleman &amp; Hinton 2012, lecture 6e): s ← ρs + (1−ρ)g², w ← w − lr · g / (√s + ε). */
public final class RmsProp implements Optimizer {
    private final double rho, eps;
    private double[] s;

    public RmsProp(int numParams, double rho, double eps) {
        this.rho = rho;
        this.eps = eps;
        this.s = new double[numParams];
    }

    @Override
    public void step(double[] params, double[] gradSum, int count, double learningRate, boolean[] frozen) {
        for (int i = 0; i < params.length; i++) {
            if (frozen != null && frozen[i]) continue;
            double g = gradSum[i] / count;
            s[i] = rho * s[i] + (1 - rho) * g * g;
            params[i] -= learningRate * g / (Math.sqrt(s[i]) + eps);
        }
    }

    @Override
    public Kind kind() {
        return Kind.RMSPROP;
    }
}
