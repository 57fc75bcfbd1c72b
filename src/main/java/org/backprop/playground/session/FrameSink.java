package org.backprop.playground.session;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * Where a session's frames go: the WebSocket handler implements it (a test, with a list). The
 * scheduler offers a frame only when {@link #ready()} says the client can take one, so a slow
 * client gets fewer frames (the newest at each chance), never a queue.
 */
public interface FrameSink {
    /** True when nothing of this session is still on its way to the client (at most one frame in flight). */
    boolean ready();

    /**
     * The next frame, called on a scheduler thread right after {@link #ready()} returned true.
     * {@code frame.get()} computes the grids and encodes (once; call it at most once).
     */
    void send(Supplier<ByteBuffer> frame);

    /** The session paused itself (it diverged, a goal's budget ran out, an error in its turn): why. */
    default void paused(PauseNotice notice) {}
}
