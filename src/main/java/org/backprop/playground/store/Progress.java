package org.backprop.playground.store;

/**
 * What a student's session reports between joins and leaving.
 *
 * @param metric    the goal's metric name ({@code testLoss}), or null without a goal
 * @param best      the best value of that metric so far, or null
 * @param state     the session's state now, as a query string
 * @param thumbnail the output map, base64 of 20×20 bytes over [-1, 1], or null for a set without a map
 * @param reached   the goal met, or null while it is not
 */
public record Progress(long epoch, String metric, Double best, String state, String thumbnail, Reached reached) {}
