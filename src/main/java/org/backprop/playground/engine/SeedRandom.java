package org.backprop.playground.engine;

/**
 * The random generator TensorFlow Playground installs with {@code Math.seedrandom(seed)}:
 * David Bau's seedrandom (ARC4, RC4-drop[256], 52-bit doubles), ported number for number.
 * Seeding with the same string as a TF Playground link gives the very same sequence, so its
 * data sets and initial weights come out identical here.
 */
public final class SeedRandom {
    private static final int WIDTH = 256;
    private static final int MASK = WIDTH - 1;
    private static final int CHUNKS = 6;
    private static final double START_DENOM = Math.pow(WIDTH, CHUNKS);
    private static final double SIGNIFICANCE = Math.pow(2, 52);
    private static final double OVERFLOW = SIGNIFICANCE * 2;

    private final int[] s = new int[WIDTH];
    private int i;
    private int j;
    private final String seed;

    public SeedRandom(String seed) {
        this.seed = seed;
        int[] key = mixKey(seed);
        int keyLength = key.length;
        if (keyLength == 0) { // seedrandom treats the empty key as [0]
            key = new int[] {0};
            keyLength = 1;
        }
        for (int n = 0; n < WIDTH; n++) s[n] = n;
        int jj = 0;
        for (int n = 0; n < WIDTH; n++) {
            int t = s[n];
            jj = MASK & (jj + key[n % keyLength] + t);
            s[n] = s[jj];
            s[jj] = t;
        }
        next(WIDTH); // RC4-drop[256]: discard the first bytes, as seedrandom does
    }

    /** A generator at the same point of the same stream: it draws what this one would draw next. */
    public SeedRandom copy() {
        return new SeedRandom(this);
    }

    private SeedRandom(SeedRandom from) {
        this.seed = from.seed;
        System.arraycopy(from.s, 0, s, 0, WIDTH);
        this.i = from.i;
        this.j = from.j;
    }

    /** The seed string this generator was built from. */
    public String seed() {
        return seed;
    }

    /** seedrandom's mixkey: for seeds under 256 chars the key is each char code's low byte. */
    private static int[] mixKey(String seed) {
        int[] key = new int[Math.min(seed.length(), WIDTH)];
        boolean[] set = new boolean[WIDTH];
        int smear = 0;
        for (int n = 0; n < seed.length(); n++) {
            int slot = MASK & n;
            // JS: smear ^= key[slot] * 19, where an unset slot is undefined -> NaN -> 0
            smear ^= set[slot] ? key[slot] * 19 : 0;
            key[slot] = MASK & (smear + seed.charAt(n));
            set[slot] = true;
        }
        return key;
    }

    /** The next {@code count} ARC4 output bytes as one big-endian number (count ≤ 6). */
    private double next(int count) {
        double r = 0;
        int ii = i, jj = j;
        while (count-- > 0) {
            ii = MASK & (ii + 1);
            int t = s[ii];
            jj = MASK & (jj + t);
            s[ii] = s[jj];
            s[jj] = t;
            r = r * WIDTH + s[MASK & (s[ii] + t)];
        }
        i = ii;
        j = jj;
        return r;
    }

    /** A double in [0, 1), the same as seedrandom's {@code Math.random()} after the same calls. */
    public double nextDouble() {
        double n = next(CHUNKS);
        double d = START_DENOM;
        double x = 0;
        while (n < SIGNIFICANCE) {
            n = (n + x) * WIDTH;
            d *= WIDTH;
            x = next(1);
        }
        while (n >= OVERFLOW) {
            n /= 2;
            d /= 2;
            x = (double) (((long) x) >>> 1);
        }
        return (n + x) / d;
    }

    /** Uniform in [a, b), TF Playground's randUniform. */
    public double uniform(double a, double b) {
        return nextDouble() * (b - a) + a;
    }

    /** TF Playground's normalRandom: Marsaglia's polar method; {@code variance}, not sd. */
    public double normal(double mean, double variance) {
        double v1, v2, s2;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s2 = v1 * v1 + v2 * v2;
        } while (s2 > 1);
        double result = StrictMath.sqrt(-2 * StrictMath.log(s2) / s2) * v1; // StrictMath: V8's log, bit for bit
        return mean + StrictMath.sqrt(variance) * result;
    }

    /**
     * TF Playground's in-place shuffle: walk a counter down from n, swapping its slot with a
     * random one below it. Same seed, same length, same order.
     */
    public <T> void shuffle(java.util.List<T> items) {
        int counter = items.size();
        while (counter > 0) {
            int index = nextInt(counter);
            counter--;
            java.util.Collections.swap(items, counter, index);
        }
    }

    /** {@link #shuffle(java.util.List)} for an index array. */
    public void shuffle(int[] items) {
        int counter = items.length;
        while (counter > 0) {
            int index = nextInt(counter);
            counter--;
            int t = items[counter];
            items[counter] = items[index];
            items[index] = t;
        }
    }

    /** An int in [0, n), as {@code Math.floor(Math.random() * n)}. */
    public int nextInt(int n) {
        return (int) Math.floor(nextDouble() * n);
    }
}
