package org.backprop.playground.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.backprop.playground.session.FrameSink;
import org.backprop.playground.session.Scheduler;
import org.backprop.playground.session.SchedulerConfig;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.PlaygroundState;
import org.backprop.playground.state.StateCodec;

/**
 * `bench memory [--sessions N]`: the heap one live session holds, on the heaviest networks the
 * default limits allow. N sessions are built, stepped and rendered through the real scheduler and
 * frame renderer (each sends frames until it is idle, as a paused page's session is), then the
 * heap used after {@link System#gc()} (repeated until it settles) less the same figure before
 * them, over N. Twice: N sessions of one link (a class on one exercise, sharing its data set) and
 * N of their own data (each its own seed: the most a session holds). The WebSocket's own buffers
 * are not in it: those are Jetty's, per connection.
 */
public final class MemoryBench {
    /** The heaviest allowed networks: six hidden layers of the widest each set allows, every input. */
    static final List<String[]> NETWORKS = List.of(
            new String[] {
                "spiral 8x6, 7 features",
                "dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true"
            },
            new String[] {"seed-digits 32x6", "dataset=seed-digits&networkShape=32,32,32,32,32,32"});

    private static final int FRAMES = 3;

    private MemoryBench() {}

    public static void run(String[] args, PrintStream out) {
        int sessions = 100;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].equals("--sessions") || i + 1 >= args.length) {
                throw new IllegalArgumentException("bench memory takes --sessions N, not " + String.join(" ", args));
            }
            sessions = Integer.parseInt(args[++i]);
        }
        if (sessions < 1) throw new IllegalArgumentException("--sessions must be >= 1, got " + sessions);
        out.printf(
                "Backprop Playground memory per session: Java %s, heap max %d MB, %d sessions each, %d+ frames rendered each, heap used after GC%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, sessions, FRAMES);
        for (String[] network : NETWORKS) {
            long shared = perSession(network[1], sessions, false), own = perSession(network[1], sessions, true);
            out.printf(
                    "%-26s %8.1f KB per session (%.2f MB); of its own data %8.1f KB (%.2f MB)%n",
                    network[0], shared / 1024.0, shared / (1024.0 * 1024.0), own / 1024.0, own / (1024.0 * 1024.0));
        }
    }

    /**
     * Heap held per live session of the state {@code query}, in bytes: all of one data set (a
     * class's), or with {@code ownData} each of its own (the query's seed and the session's number).
     */
    static long perSession(String query, int count, boolean ownData) {
        PlaygroundLimits limits = PlaygroundLimits.defaults();
        StateCodec codec = new StateCodec(limits);
        IntFunction<PlaygroundState> state =
                i -> codec.parse(ownData ? query + "&seed=own" + i : query).state();
        try (Scheduler scheduler = new Scheduler(SchedulerConfig.defaults())) {
            // the scheduler's threads render a while first: their scratch rows (FrameRenderer) and the
            // passes they lend (Passes) are the server's, not a session's, and belong in the baseline
            for (Scheduler.Handle h : rendered(
                    scheduler,
                    i -> state.apply(-1 - i),
                    limits,
                    2 * SchedulerConfig.defaults().threads())) h.remove();
            long before = usedAfterGc();
            List<Scheduler.Handle> handles = rendered(scheduler, state, limits, count);
            sleep(200); // the last turns finish
            long after = usedAfterGc();
            long each = (after - before) / count;
            for (Scheduler.Handle h : handles) h.remove();
            return each;
        }
    }

    /** {@code count} new sessions of the state on the scheduler, each idle once it has sent {@link #FRAMES} frames or more. */
    private static List<Scheduler.Handle> rendered(
            Scheduler scheduler, IntFunction<PlaygroundState> state, PlaygroundLimits limits, int count) {
        List<Scheduler.Handle> handles = new ArrayList<>();
        List<CountingSink> sinks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TrainingSession session = new TrainingSession(state.apply(i), limits);
            CountingSink sink = new CountingSink();
            handles.add(scheduler.add(session, sink));
            sinks.add(sink);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (boolean done = false; !done; sleep(10)) {
            if (System.nanoTime() > deadline)
                throw new IllegalStateException("sessions did not render " + FRAMES + " frames in 120 s");
            done = true;
            for (int i = 0; i < count; i++) {
                boolean idle = handles.get(i).session().status().pendingEpochs() == 0;
                if (idle && sinks.get(i).frames.get() >= FRAMES) continue;
                done = false;
                if (idle) handles.get(i).session().step(1); // each new version brings a frame
            }
        }
        return handles;
    }

    /** Heap used once collections stop freeing anything (a few full GCs). */
    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            sleep(50);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (i >= 2 && Math.abs(last - used) < 64 * 1024) return used;
            last = used;
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Renders every frame offered, as a socket does, and keeps nothing of it. */
    private static final class CountingSink implements FrameSink {
        final AtomicInteger frames = new AtomicInteger();

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void send(Supplier<ByteBuffer> frame) {
            frame.get();
            frames.incrementAndGet();
        }
    }
}
