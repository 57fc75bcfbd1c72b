package org.backprop.playground.engine;

/** What the engine runs on in this JVM, for the server's start-up line and the benchmark's header. */
public final class EngineInfo {
    private EngineInfo() {}

    /** The JVM flag that gives the engine the Vector API: the README's commands start java with it. */
    public static final String VECTOR_FLAG = "--add-modules jdk.incubator.vector";

    /** Whether tanh runs through the Vector API here (see {@link VectorMath}). */
    public static boolean vectorized() {
        return FastMath.VECTORIZED;
    }

    /** One line on the tanh path, and how to get the faster one when it is missing. */
    public static String describe() {
        return vectorized()
                ? "tanh through the Vector API, " + VectorMath.LANES + " doubles a vector"
                : "tanh in scalar loops: start java with " + VECTOR_FLAG + " for the Vector API (faster training, the same results)";
    }
}
