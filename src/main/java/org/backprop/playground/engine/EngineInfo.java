package org.backprop.playground.engine;

/** What the engine runs on in this JVM, for the server's start-up line and the benchmark's header. */
public final class EngineInfo {
    private EngineInfo() {}

    /** The JVM flag that gives the engine the Vector API: the README's commands start java with it. */
    public static final String VECTOR_FLAG = "--add-modules jdk.incubator.vector";

    /** Whether the engine runs its Vector API kernels here (see {@link VectorMath}). */
    public static boolean vectorized() {
        return FastMath.VECTORIZED;
    }

    /** One line on the engine's path here, and how to get the faster one when it is missing. */
    public static String describe() {
        return vectorized()
                ? "Vector API on: tanh and the wide layers' kernels in vectors of " + VectorMath.LANES + " doubles"
                : "Vector API off: scalar loops (start java with " + VECTOR_FLAG
                        + " for faster training, the same results)";
    }
}
