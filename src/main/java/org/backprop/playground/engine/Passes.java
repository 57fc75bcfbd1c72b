package org.backprop.playground.engine;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Scratch passes lent for one training epoch or one evaluation and given back, so a session holds
 * none between its turns (a pass of a batch of 64 on a wide network is ~0.4 MB; a class of 200
 * would otherwise keep 200 of them for a couple of scheduler threads to use). The most recently
 * returned are kept, {@link #MAX_IDLE} at most: a class mostly shares a few layouts.
 */
public final class Passes {
    /** Idle passes kept at most; what they may hold is in the server's fixed heap (HeapAdmission). */
    public static final int MAX_IDLE = 16;

    private static final ArrayDeque<Pass> IDLE = new ArrayDeque<>();

    private Passes() {}

    /** An idle pass of this layout, or a new one (training arrays at one sample; both kinds grow on use). */
    public static Pass borrow(Layout layout) {
        synchronized (IDLE) {
            for (Iterator<Pass> it = IDLE.iterator(); it.hasNext(); ) {
                Pass p = it.next();
                if (p.layout().equals(layout)) {
                    it.remove();
                    return p;
                }
            }
        }
        return new Pass(layout, 1);
    }

    /** Back to the idle ones, newest first; the oldest beyond {@link #MAX_IDLE} goes to the collector. */
    public static void giveBack(Pass pass) {
        synchronized (IDLE) {
            IDLE.addFirst(pass);
            if (IDLE.size() > MAX_IDLE) IDLE.removeLast();
        }
    }

    /** {@code work} on a lent pass of this layout, given back after (an evaluation's whole use of one). */
    public static <T> T lend(Layout layout, java.util.function.Function<Pass, T> work) {
        Pass pass = borrow(layout);
        try {
            return work.apply(pass);
        } finally {
            giveBack(pass);
        }
    }

    /** Idle passes now, for a test. */
    static int idle() {
        synchronized (IDLE) {
            return IDLE.size();
        }
    }
}
