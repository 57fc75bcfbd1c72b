package org.backprop.playground.session;

/**
 * What the {@code state} message reports besides the state itself.
 *
 * @param pendingEpochs epochs a {@code step} asked for that are still to run
 * @param diverged      why the session paused itself (weights became NaN or infinite), or null
 * @param dataVersion   changes whenever the points change (a page re-fetches them then)
 */
public record SessionStatus(boolean playing, long epoch, long pendingEpochs, String diverged, long dataVersion) {}
