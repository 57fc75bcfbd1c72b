package org.backprop.playground.web;

import java.time.Duration;

/**
 * What one {@code /ws} connection may do, and how many there may be. The defaults are the
 * design's (200 live sessions, 64 KiB per message); {@code hello} reports them all.
 *
 * @param maxSessions        live sessions on the server; the next connection is refused (close 1013)
 * @param maxMessageBytes    the largest client message, in bytes of UTF-8; a larger one closes with 1009
 * @param messagesPerSecond  the sustained rate of client messages; faster ones are dropped ({@code rate_limited})
 * @param messageBurst       how many messages may come at once before the rate applies
 * @param maxDroppedMessages dropped messages (beyond the same refill rate) before the connection is closed with 1008
 * @param maxQueuedMessages  text replies the client has not taken yet; one more closes it with 1008
 * @param maxQueuedBytes     bytes of those replies; over this closes it with 1008
 * @param idleTimeout        a connection with no client message for this long is closed (1001); the server's
 *                           pings and the client's pongs do not count, so a page sends {@code ping} messages
 * @param pingInterval       the server pings this often, so proxies and NATs keep the connection open
 */
public record SocketLimits(
        int maxSessions,
        int maxMessageBytes,
        int messagesPerSecond,
        int messageBurst,
        int maxDroppedMessages,
        int maxQueuedMessages,
        int maxQueuedBytes,
        Duration idleTimeout,
        Duration pingInterval) {
    public static final int DEFAULT_MAX_SESSIONS = 200;
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    public SocketLimits {
        positive("maxSessions", maxSessions);
        positive("maxMessageBytes", maxMessageBytes);
        positive("messagesPerSecond", messagesPerSecond);
        positive("messageBurst", messageBurst);
        positive("maxDroppedMessages", maxDroppedMessages);
        positive("maxQueuedMessages", maxQueuedMessages);
        positive("maxQueuedBytes", maxQueuedBytes);
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (pingInterval == null
                || pingInterval.compareTo(idleTimeout) >= 0
                || pingInterval.isNegative()
                || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive and shorter than idleTimeout");
        }
    }

    public static SocketLimits defaults() {
        return new SocketLimits(
                DEFAULT_MAX_SESSIONS,
                MAX_MESSAGE_BYTES,
                50,
                100,
                1000,
                256,
                1024 * 1024,
                Duration.ofSeconds(60),
                Duration.ofSeconds(20));
    }

    public SocketLimits withMaxSessions(int n) {
        return new SocketLimits(
                n,
                maxMessageBytes,
                messagesPerSecond,
                messageBurst,
                maxDroppedMessages,
                maxQueuedMessages,
                maxQueuedBytes,
                idleTimeout,
                pingInterval);
    }

    /** The same limits with another idle timeout and ping interval (tests use short ones). */
    public SocketLimits withIdle(Duration idle, Duration ping) {
        return new SocketLimits(
                maxSessions,
                maxMessageBytes,
                messagesPerSecond,
                messageBurst,
                maxDroppedMessages,
                maxQueuedMessages,
                maxQueuedBytes,
                idle,
                ping);
    }

    private static void positive(String name, int value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
}
