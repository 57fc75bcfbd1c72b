package org.backprop.playground.web;

/**
 * Counters of the {@code /ws} layer since the server started, for operators and tests.
 *
 * @param liveSessions     connections with a training session now (what /api/health reports)
 * @param opened           connections that got a session
 * @param refusedFull      connections refused because the server had its maximum of live sessions
 * @param closedFlooding   connections closed (1008) for flooding on after being rate-limited
 * @param closedNotReading connections closed (1008) for leaving too many replies unread
 * @param dropped          client messages dropped by the rate limit
 * @param framesSent       {@code frame} messages handed to the network
 * @param dataSent         {@code data} messages handed to the network
 * @param queuedBytesNow   bytes handed to Jetty and not yet written, over all connections now
 * @param queuedHighWater  the most bytes one connection has ever had handed to Jetty and not yet written
 * @param closedIdle       connections closed (1001) for sending no message for the idle timeout
 * @param refusedAddress   connections refused because their address had its maximum of live sessions
 */
public record SocketStats(
        int liveSessions,
        long opened,
        long refusedFull,
        long closedFlooding,
        long closedNotReading,
        long dropped,
        long framesSent,
        long dataSent,
        long queuedBytesNow,
        long queuedHighWater,
        long closedIdle,
        long refusedAddress) {}
