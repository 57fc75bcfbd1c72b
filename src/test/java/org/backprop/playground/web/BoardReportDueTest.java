package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When a student's row is written: news at once, progress at most once a second, a heartbeat when quiet. */
@Tag("unit")
class BoardReportDueTest {
    private static final long MS = 1_000_000;

    @Test
    void new_settings_and_the_goal_go_at_once_progress_waits_for_its_second() {
        assertTrue(BoardMembers.due(false, true, true, 100 * MS), "a settings change 100 ms after the last write");
        assertTrue(BoardMembers.due(true, false, true, 100 * MS), "the goal just met");
        assertFalse(BoardMembers.due(false, false, true, 100 * MS), "progress alone, 100 ms after the last write");
        assertTrue(BoardMembers.due(false, false, true, BoardMembers.WRITE_EVERY_NANOS), "progress a second on");
        assertFalse(BoardMembers.due(false, false, false, 5_000 * MS), "nothing moved, 5 s on");
        assertTrue(BoardMembers.due(false, false, false, BoardMembers.HEARTBEAT_NANOS), "the heartbeat");
    }
}
