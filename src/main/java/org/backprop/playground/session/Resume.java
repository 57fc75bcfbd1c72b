package org.backprop.playground.session;

/**
 * What a page that reconnects after a restart sends with its {@code config} to go on where it was:
 * the epoch it had reached and the network's parameters then, in the engine's flat layout (per
 * weight layer W row-major, then b). The session checks that they fit the state's network.
 */
public record Resume(int epoch, double[] weights) {}
