package org.backprop.playground.store;

import java.time.Instant;

/**
 * One student on a board, as the store holds it.
 *
 * @param leftAt  when the student's session ended, or null while it is on
 * @param seenAt  the last report; a row not seen for a while counts as gone (a server that died wrote no leave)
 * @param version grows with every change of the row
 */
public record StudentRow(
        String name,
        String nameKey,
        Instant joinedAt,
        Instant leftAt,
        Instant seenAt,
        Progress progress,
        long version) {
    /** Whether the student is on now: not left, and seen within {@code heldFor} of {@code now}. */
    public boolean online(Instant now, java.time.Duration heldFor) {
        return leftAt == null && seenAt.plus(heldFor).isAfter(now);
    }
}
