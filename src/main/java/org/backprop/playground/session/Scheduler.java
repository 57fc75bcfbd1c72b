package org.backprop.playground.session;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.backprop.playground.state.Msg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every session on one small pool of threads. A session is an actor: at most one turn of it
 * is queued or running at a time, and a turn trains for one bounded slice, sends a frame if one is
 * due and the client can take it, then queues the session again at the tail (so all playing
 * sessions take turns, first come first served) or sets a timer for its next frame. Nothing spins:
 * an idle session has no task at all, a waiting one a single timer.
 *
 * <p>Pacing: at most {@link SchedulerConfig#framesPerSecond()} frames per session. Between frames a
 * session at speed {@code max} trains as many epochs as its turns allow; a paced one trains the
 * epochs its speed has made due (see {@code Pacer}) and then waits on a timer for the next ones. The turn shrinks as sessions multiply
 * so every session gets a turn each frame period while that is possible: a session's share of a
 * period (period × threads / sessions) less what a frame costs (measured, smoothed), within the
 * configured bounds. Frames come first: under load the training slices give way before the frame
 * rate does. A session's lock is held for its own slice only.
 *
 * <p>Nothing new, nothing sent: a frame that shows nothing new beyond its epoch (every block
 * {@code same}, the header's numbers and weights unmoved; see {@link FrameRenderer#showedChange()},
 * a converged network) is not sent, and the session goes quiet: it renders and sends one frame
 * each {@link #KEEP_ALIVE_NANOS} (so the epoch still moves) until a frame shows a change again or a
 * command comes. A paused session changes nothing and sends nothing.
 *
 * <p>Latest wins: when a frame is due and the sink is not ready, nothing is kept; the next chance,
 * one frame period later, sends the state as it is then. A sink that calls
 * {@link Handle#sinkReady()} when its last frame is out is offered the next one at once instead.
 *
 * <p>A turn that throws, an Error such as OutOfMemoryError included, pauses its session and tells
 * its sink why ({@link #OUT_OF_MEMORY}, {@link #INTERNAL_ERROR}); the thread and the other sessions go on.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    /** A quiet session's frame interval: half a second keeps the epoch moving at a glance. */
    static final long KEEP_ALIVE_NANOS = 500_000_000L;

    private final SchedulerConfig config;
    private final long period;
    private final ScheduledThreadPoolExecutor executor;
    private final Set<Handle> handles = ConcurrentHashMap.newKeySet();
    /** Smoothed wall time of one frame (snapshot, grids, encoding, hand-over to the sink); racy updates are fine. */
    private volatile long frameCost;

    public Scheduler(SchedulerConfig config) {
        this.config = config;
        this.period = config.framePeriodNanos();
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(config.threads(), task -> {
            Thread t = new Thread(task, "training-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // a removed session's timer goes at once, not when it would fire
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public SchedulerConfig config() {
        return config;
    }

    /** Starts scheduling {@code session}; its first frame goes out as soon as the sink is ready. */
    public Handle add(TrainingSession session, FrameSink sink) {
        Handle h = new Handle(session, sink);
        handles.add(h);
        session.setListener(h::commanded);
        h.wake();
        return h;
    }

    /** Sessions being scheduled. */
    public int size() {
        return handles.size();
    }

    @Override
    public void close() {
        for (Handle h : handles) h.remove();
        executor.shutdownNow();
    }

    /** One session's place in the scheduler: the handler keeps it to wake or remove the session. */
    public final class Handle {
        private volatile TrainingSession session;
        private volatile FrameSink sink;
        private volatile FrameRenderer renderer = new FrameRenderer();
        /** A turn is queued or running; whoever sets it submits the turn. */
        private final AtomicBoolean scheduled = new AtomicBoolean();

        private ScheduledFuture<?> timer; // guarded by this
        // written and read by turns only, which the scheduled flag orders one after another
        private long lastFrameAt = System.nanoTime() - period;
        private long sentVersion = -1;
        /** Not before this: the sink was busy at the last chance. The sink's {@link #sinkReady()} clears it. */
        private volatile long retryAt;

        private final AtomicLong framesSent = new AtomicLong();
        private final AtomicLong framesSkipped = new AtomicLong();
        /** A one-off piece of this session's work (a gradient check), waiting, pending or running; null when none. */
        private final AtomicReference<Runnable> job = new AtomicReference<>();
        /** When the job may run (System.nanoTime); set before the job is, read after it. */
        private volatile long jobAt;
        /** The last frame sent had its grids evaluated (written and read by turns only). */
        private boolean lastHadGrids;
        /** The last frame showed nothing new: frames go at the keep-alive's pace until one does or a command comes. */
        private volatile boolean quiet;

        private Handle(TrainingSession session, FrameSink sink) {
            this.session = session;
            this.sink = sink;
        }

        /** The session, or null once removed. */
        public TrainingSession session() {
            return session;
        }

        /** Something changed (commands call this through the session): give the session a turn soon. */
        public void wake() {
            if (session == null || !scheduled.compareAndSet(false, true)) return;
            try {
                executor.execute(() -> turn(this));
            } catch (RejectedExecutionException closed) {
                scheduled.set(false);
            } catch (Throwable e) {
                scheduled.set(false); // not queued (the heap ran out making the task): the next wake-up tries again
                throw e;
            }
        }

        /**
         * Runs {@code work} at this session's first turn from {@code notBefore} (System.nanoTime) on,
         * on a training thread, inside the session's share of the period (it shortens that turn's
         * training). At most one at a time: false, and nothing queued, while an earlier one waits or
         * runs. {@code work} reports its own result and failures; it must not throw.
         */
        public boolean submit(Runnable work, long notBefore) {
            if (session == null || job.get() != null) return false;
            jobAt = notBefore;
            if (!job.compareAndSet(null, work)) return false;
            wake();
            return true;
        }

        /** {@link #submit(Runnable, long)} now. */
        public boolean submit(Runnable work) {
            return submit(work, System.nanoTime());
        }

        /** Nanoseconds until the job may run: 0 when it may now, −1 with no job. */
        private long nanosUntilJob(long now) {
            return job.get() == null ? -1 : Math.max(0, jobAt - now);
        }

        /** A command changed the session: whatever it changed goes in the next frame period, not at the keep-alive's. */
        public void commanded() {
            quiet = false;
            wake();
        }

        /** Whether the session's frames go at the keep-alive's pace (its last frame showed nothing new). */
        public boolean quiet() {
            return quiet;
        }

        /** The sink has sent its last frame and can take the next one now (the frame pacing still holds). */
        public void sinkReady() {
            retryAt = 0;
            wake();
        }

        /** When the next frame may go: a period after the last, and not before a busy sink's retry time. */
        private long frameDueAt() {
            return Math.max(lastFrameAt + (quiet ? KEEP_ALIVE_NANOS : period), retryAt);
        }

        /** Stops scheduling the session and lets go of it and its buffers now; a queued turn finds nothing. */
        public void remove() {
            TrainingSession s = session;
            session = null;
            sink = null;
            renderer = null;
            if (s != null) s.setListener(null);
            synchronized (this) {
                if (timer != null) timer.cancel(false);
                timer = null;
            }
            handles.remove(this);
        }

        public boolean isRemoved() {
            return session == null;
        }

        public long framesSent() {
            return framesSent.get();
        }

        /** Frames that were due while the sink was not ready (each such chance counts once). */
        public long framesSkipped() {
            return framesSkipped.get();
        }

        private synchronized void wakeIn(long nanos) {
            if (session == null) return;
            if (timer != null) timer.cancel(false);
            try {
                timer = executor.schedule(this::wake, nanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                timer = null;
            }
        }
    }

    private void turn(Handle h) {
        TrainingSession s = h.session;
        FrameSink sink = h.sink;
        FrameRenderer renderer = h.renderer;
        if (s == null || sink == null || renderer == null) return; // removed: never queued again
        try {
            long now = System.nanoTime(), turnStart = now;
            // this turn came more than half a period after its frame was due: the threads are short of time
            boolean behind = turnStart - h.frameDueAt() > period / 2;
            Runnable work = h.nanosUntilJob(now) == 0 ? h.job.get() : null;
            if (work != null) {
                try {
                    work.run();
                } finally {
                    h.job.set(null);
                }
                now = System.nanoTime();
            }
            if (s.wantsTraining()) {
                long deadline = turnStart + slice(); // the work above spent part of this session's share
                long due = h.frameDueAt();
                if (due > now) deadline = Math.min(deadline, due); // be there when the frame is due
                s.runSlice(now, deadline);
                now = System.nanoTime();
            }
            PauseNotice notice = s.takePauseNotice();
            if (notice != null) sink.paused(notice);
            if (s.version() != h.sentVersion && now >= h.frameDueAt()) {
                if (sink.ready()) {
                    long start = System.nanoTime();
                    FrameSnapshot snap = s.snapshot();
                    h.sentVersion = snap.version();
                    // behind, every other frame goes without evaluating its grids (cheap), the header as ever
                    ByteBuffer frame = renderer.render(snap, !(behind && h.lastHadGrids));
                    h.lastHadGrids = renderer.evaluatedGrids();
                    boolean changed = renderer.showedChange();
                    if (!changed && !h.quiet) {
                        h.quiet = true; // nothing new: not sent; the next frame is a keep-alive on from the last one
                    } else {
                        h.quiet = !changed;
                        h.framesSent.incrementAndGet();
                        sink.send(() -> frame);
                        h.lastFrameAt =
                                System.nanoTime(); // from the hand-over: frames reach the sink a full period apart
                        long cost = frameCost;
                        frameCost = cost + (h.lastFrameAt - start - cost) / 16;
                    }
                } else {
                    // latest wins: nothing is kept; the next chance is a period on (or sinkReady)
                    h.retryAt = now + period;
                    h.framesSkipped.incrementAndGet();
                }
            }
        } catch (Throwable e) {
            // a broken sink or session, or a heap that ran out in this turn, must not take the
            // worker or the other sessions with it, nor retry on its own: the failed frame is
            // dropped, the session pauses, and the next command brings the next try
            failed(h, s, sink, e);
        } finally {
            finish(h, s);
        }
    }

    /** Pauses the session whose turn threw {@code e} and tells its page why; nothing here may throw in turn. */
    private void failed(Handle h, TrainingSession s, FrameSink sink, Throwable e) {
        try {
            h.retryAt = System.nanoTime() + period;
            s.pause();
            h.sentVersion = s.version();
            LOG.warn("session paused after an error in its turn", e);
        } catch (Throwable again) {
            // the heap is still short: the session is paused or will be by the next error, and its page
            // learns why from the next notice that can be sent
        }
        PauseNotice notice = e instanceof OutOfMemoryError ? OUT_OF_MEMORY : INTERNAL_ERROR;
        try {
            sink.paused(notice);
        } catch (Throwable ignored) {
            // the sink is what failed; the handler removes it when its connection closes
        }
    }

    /** What a page is told when its session's turn failed; made up front, since an out-of-memory error may be why. */
    static final PauseNotice INTERNAL_ERROR = new PauseNotice(Msg.of("session.internalError"));

    static final PauseNotice OUT_OF_MEMORY = new PauseNotice(Msg.of("session.outOfMemory"));

    /**
     * Queues the next turn (training due now), a timer (a frame waits, or a paced session's next
     * epochs), or nothing (idle); never loses a wake-up.
     */
    private void finish(Handle h, TrainingSession s) {
        long now = System.nanoTime();
        long seen = s.version();
        long training = s.nanosUntilTraining(now);
        boolean again = training == 0;
        long delay = training;
        if (!again && seen != h.sentVersion) {
            long frame = Math.max(0, h.frameDueAt() - now);
            delay = delay < 0 ? frame : Math.min(delay, frame);
        }
        long job = h.nanosUntilJob(now);
        if (job >= 0) delay = delay < 0 ? job : Math.min(delay, job);
        h.scheduled.set(false);
        // a command (or a job) that came during this turn found it scheduled and left the wake-up to us
        if (again || s.version() != seen || h.nanosUntilJob(now) == 0) h.wake();
        else if (delay >= 0) h.wakeIn(delay);
    }

    /**
     * A session's share of a frame period (period × threads / sessions) less what its frame costs:
     * long enough for work, short enough that every session gets a turn and a frame per period.
     */
    private long slice() {
        long share = period * config.threads() / Math.max(1, handles.size()) - frameCost;
        return Math.max(config.minSliceNanos(), Math.min(config.maxSliceNanos(), share));
    }
}
