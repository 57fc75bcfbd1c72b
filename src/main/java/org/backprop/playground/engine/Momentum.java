package org.backprop.playground.engine;

/** Heavy-ball momentum (Polyak 1964; Sutskever et al. 2013): v ← μv + g, w ← w − lr·v. */
public final class Momentum implements Optimizer {
    private final double mu;
    private double[] velocity;

    public Momentum(int numParams, double mu) {
        this.mu = mu;
        this.velocity = new double[numParams];
    }

    @Override
    public void step(double[] params, double[] gradSum, int count, double learningRate, boolean[] frozen) {
        for (int i = 0; i < params.length; i++) {
            if (frozen != null && frozen[i]) continue;
            velocity[i] = mu * velocity[i] + gradSum[i] / count;
            params[i] -= learningRate * velocity[i];
        }
    }

    @Override
    public Kind kind() {
        return Kind.MOMENTUM;
    }
}
