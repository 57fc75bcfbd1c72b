package org.backprop.playground.engine;

/**
 * Initial weights, drawn from the seeded generator in layer, out, in order — TF Playground's
 * order, so a TF seed gives TF's starting weights.
 */
public enum Init {
    /** TF Playground's: w ~ U(−0.5, 0.5), every bias 0.1. */
    TF("tf"),
    /** TF Playground's initZero: every weight 0, every bias 0.1 (a lesson in symmetry). */
    ZERO("zero"),
    /** Glorot &amp; Bengio 2010, uniform: w ~ U(±√(6/(in+out))), biases 0. Suits tanh and sigmoid. */
    XAVIER("xavier"),
    /** He et al. 2015: w ~ N(0, 2/in), biases 0. Suits ReLU (tutorials 000–002 use it). */
    HE("he");

    public final String key;

    Init(String key) {
        this.key = key;
    }

    public static Init parse(String name) {
        for (Init i : values()) if (i.key.equalsIgnoreCase(name)) return i;
        throw new IllegalArgumentException("unknown init '" + name + "'; use one of tf, zero, xavier, he");
    }

    void apply(Network net, SeedRandom rng) {
        Layout layout = net.layout;
        double[] p = net.params;
        for (int l = 0; l < layout.layers(); l++) {
            int in = layout.in(l), out = layout.out(l), w = layout.weightOffset(l), b = layout.biasOffset(l);
            for (int k = 0; k < in * out; k++) p[w + k] = draw(rng, in, out);
            for (int o = 0; o < out; o++) p[b + o] = (this == TF || this == ZERO) ? 0.1 : 0;
        }
    }

    /** One weight of a layer with the given fan-in and fan-out. */
    double draw(SeedRandom rng, int in, int out) {
        return switch (this) {
            case TF -> rng.nextDouble() - 0.5;
            case ZERO -> 0;
            case XAVIER -> rng.uniform(-1, 1) * Math.sqrt(6.0 / (in + out));
            case HE -> rng.normal(0, 2.0 / Math.max(in, 1));
        };
    }
}
