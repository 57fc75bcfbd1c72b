package org.backprop.playground.store;

import java.time.Instant;

/** A class board: its exercise, the SHA-256 of its teacher key, and when it expires. */
public record Board(String id, Exercise exercise, String keyHash, Instant createdAt, Instant expiresAt) {
    /** Whether {@code key} is this board's teacher key. */
    public boolean keyMatches(String key) {
        return Ids.keyMatches(key, keyHash);
    }
}
