package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.backprop.playground.protocol.Envelope;
import org.backprop.playground.state.Msg;
import org.backprop.playground.state.PlaygroundState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@Tag("slow")
class SchedulerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Scheduler scheduler;

    /** Collects frames (computing each when sent, as a socket would) with the time they came. */
    static class ListSink implements FrameSink {
        final ConcurrentLinkedQueue<JsonNode> headers = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> pauses = new ConcurrentLinkedQueue<>();
        final AtomicInteger asked = new AtomicInteger();
        volatile boolean ready = true;

        @Override
        public boolean ready() {
            asked.incrementAndGet();
            return ready;
        }

        @Override
        public void send(Supplier<ByteBuffer> frame) {
            ByteBuffer bytes = frame.get();
            times.add(System.nanoTime());
            try {
                headers.add(JSON.readTree(Envelope.header(bytes)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void paused(PauseNotice notice) {
            pauses.add(notice.message());
        }

        long lastEpoch() {
            JsonNode last = null;
            for (JsonNode h : headers) last = h;
            return last == null ? -1 : last.get("epoch").asLong();
        }
    }

    private Scheduler start(int threads) {
        scheduler = new Scheduler(SchedulerConfig.defaults().withThreads(threads));
        return scheduler;
    }

    @AfterEach
    void stop() {
        if (scheduler != null) scheduler.close();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void the_first_frame_goes_out_at_once_and_an_idle_session_costs_nothing() throws Exception {
        ListSink sink = new ListSink();
        start(2).add(TrainingSessionTest.session(""), sink);
        await(() -> sink.headers.size() == 1, "the first frame");
        int asked = sink.asked.get();
        Thread.sleep(300);
        assertEquals(1, sink.headers.size());
        assertEquals(asked, sink.asked.get(), "a paused session with its frame sent is not polled");
    }

    @Test
    void a_network_that_shows_nothing_new_sends_a_keep_alive_not_30_frames_a_second() throws Exception {
        Scheduler s = start(2);
        // a rate this small moves no weight, loss or grid value visibly in seconds; the default one does every frame
        TrainingSession still = TrainingSessionTest.session("learningRate=0.00001");
        TrainingSession learning = TrainingSessionTest.session("");
        ListSink quiet = new ListSink(), busy = new ListSink();
        Scheduler.Handle h = s.add(still, quiet);
        s.add(learning, busy);
        still.play();
        learning.play();
        Thread.sleep(2000);
        int quietFrames = quiet.headers.size(), busyFrames = busy.headers.size();
        long epochs = still.epoch();
        System.out.printf(
                "in 2 s: %d frames of a still network (%d epochs, last frame at epoch %d), %d of a learning one%n",
                quietFrames, epochs, quiet.lastEpoch(), busyFrames);
        assertTrue(h.quiet(), "the still network's frames go at the keep-alive's pace");
        assertTrue(quietFrames <= 2 + 2000_000_000L / Scheduler.KEEP_ALIVE_NANOS + 2, quietFrames + " frames");
        assertTrue(quiet.lastEpoch() > 1, "keep-alive frames still bring the epoch: " + quiet.lastEpoch());
        assertTrue(busyFrames > 3 * quietFrames, busyFrames + " against " + quietFrames);

        still.pause(); // a command: its change (playing) goes at once, not at the keep-alive's pace
        await(() -> quiet.headers.stream().anyMatch(f -> !f.get("playing").asBoolean()), "the paused frame");
        assertFalse(h.quiet() && quiet.headers.size() == quietFrames, "the pause was sent");
        learning.pause();
    }

    @Test
    void a_scheduler_short_of_time_sends_every_other_frame_without_evaluating_its_grids() throws Exception {
        // one thread, 1,000 frames a second asked of each of 40 sessions: behind on any machine
        scheduler = new Scheduler(SchedulerConfig.defaults().withThreads(1).withFramesPerSecond(1000));
        List<ListSink> sinks = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            TrainingSession t = TrainingSessionTest.session("");
            ListSink sink = new ListSink();
            sinks.add(sink);
            scheduler.add(t, sink);
            t.play();
        }
        Thread.sleep(1500);
        long frames = 0, withoutGrids = 0;
        for (ListSink sink : sinks) {
            for (JsonNode h : sink.headers) {
                frames++;
                boolean allSame = h.get("blocks").size() > 0;
                for (JsonNode b : h.get("blocks")) allSame &= b.path("same").asBoolean();
                if (allSame) withoutGrids++;
            }
        }
        System.out.printf(
                "40 sessions on one thread at 1,000 fps asked: %d frames, %d of them with every grid as it was%n",
                frames, withoutGrids);
        assertTrue(withoutGrids > frames / 4, withoutGrids + " of " + frames);
    }

    @Test
    void two_sessions_on_one_thread_both_progress_fairly() throws Exception {
        Scheduler s = start(1);
        // unpaced, so the two really compete for the one thread
        TrainingSession a = TrainingSessionTest.session("networkShape=8,8,8,8&dataset=spiral&speed=max");
        TrainingSession b = TrainingSessionTest.session("networkShape=8,8,8,8&dataset=spiral&speed=max");
        s.add(a, new ListSink());
        s.add(b, new ListSink());
        a.play();
        b.play();
        Thread.sleep(800);
        a.pause();
        b.pause();
        long ea = a.epoch(), eb = b.epoch();
        assertTrue(ea > 10 && eb > 10, ea + " and " + eb);
        assertTrue(ea < 3 * eb && eb < 3 * ea, "a fair share each: " + ea + " vs " + eb);
    }

    @Test
    void frames_are_paced_to_at_most_30_a_second_with_many_epochs_each() throws Exception {
        ListSink sink = new ListSink();
        TrainingSession session = TrainingSessionTest.session("speed=max");
        start(2).add(session, sink);
        await(() -> sink.headers.size() == 1, "the first frame");
        session.play();
        Thread.sleep(1500);
        session.pause();
        List<Long> times = List.copyOf(sink.times);
        long period = 1_000_000_000L / SchedulerConfig.DEFAULT_FRAMES_PER_SECOND;
        for (int i = 1; i < times.size(); i++) {
            assertTrue(
                    times.get(i) - times.get(i - 1) >= period - 2_000_000,
                    "gap " + (times.get(i) - times.get(i - 1)) / 1e6 + " ms");
        }
        long last = times.get(times.size() - 1),
                inLastSecond =
                        times.stream().filter(t -> t > last - 1_000_000_000L).count();
        assertTrue(inLastSecond <= 31, inLastSecond + " frames in a second");
        assertTrue(times.size() >= 20, "and it keeps up: " + times.size() + " frames in 1.5 s");
        assertTrue(session.epoch() > 3L * times.size(), "several epochs per frame: " + session.epoch());
    }

    @Test
    void a_sink_that_never_takes_gets_nothing_queued_and_training_goes_on() throws Exception {
        ListSink sink = new ListSink();
        sink.ready = false;
        TrainingSession session = TrainingSessionTest.session("");
        long started = System.nanoTime();
        Scheduler.Handle h = start(2).add(session, sink);
        session.play();
        Thread.sleep(500);
        long skipped = h.framesSkipped(), chances = (System.nanoTime() - started) / (1_000_000_000L / 30) + 2;
        assertEquals(0, sink.headers.size(), "nothing sent");
        assertTrue(session.epoch() > 0, "training goes on");
        assertTrue(skipped > 0);
        assertTrue(
                skipped <= chances,
                "one chance per frame period, not a spin: " + skipped + " in " + chances + " periods");
        session.pause();
        long epoch = session.epoch();
        sink.ready = true;
        h.sinkReady();
        await(() -> sink.headers.size() == 1, "the latest frame");
        assertEquals(epoch, sink.lastEpoch(), "the newest state, not an old frame");
    }

    @Test
    void a_step_runs_exactly_its_epochs_and_sends_the_result() throws Exception {
        ListSink sink = new ListSink();
        TrainingSession session = TrainingSessionTest.session("");
        start(2).add(session, sink);
        session.step(25);
        await(() -> sink.lastEpoch() == 25, "epoch 25");
        Thread.sleep(100);
        assertEquals(25, session.epoch());
        assertFalse(session.status().playing());
        assertEquals(0, session.status().pendingEpochs());
    }

    @Test
    void step_sequences_through_the_scheduler_reproduce_bit_for_bit() throws Exception {
        Scheduler s = start(2);
        TrainingSession a = TrainingSessionTest.session("dataset=xor&seed=0.9"),
                b = TrainingSessionTest.session("dataset=xor&seed=0.9");
        ListSink sa = new ListSink(), sb = new ListSink();
        s.add(a, sa);
        s.add(b, sb);
        for (int round = 1; round <= 3; round++) {
            a.step(7);
            b.step(7);
            long target = 7L * round;
            await(
                    () -> a.epoch() == target && b.epoch() == target && !a.wantsTraining() && !b.wantsTraining(),
                    "step " + target);
            assertArrayEqualsExact(a.network().params, b.network().params);
        }
    }

    private static void assertArrayEqualsExact(double[] x, double[] y) {
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++)
            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]), "param " + i);
    }

    @Test
    void a_command_while_paused_sends_a_fresh_frame() throws Exception {
        ListSink sink = new ListSink();
        TrainingSession session = TrainingSessionTest.session("");
        start(2).add(session, sink);
        await(() -> sink.headers.size() == 1, "the first frame");
        session.setWeight(0, 0, 0, 1.5);
        await(() -> sink.headers.size() == 2, "a frame after setWeight");
        JsonNode last = null;
        for (JsonNode h : sink.headers) last = h;
        assertEquals(1.5, last.get("layers").get(0).get("weights").get(0).get(0).asDouble());
    }

    @Test
    void divergence_reaches_the_sink() throws Exception {
        ListSink sink = new ListSink();
        TrainingSession session =
                TrainingSessionTest.session("problem=regression&activation=linear&learningRate=10&networkShape=8,8,8");
        start(2).add(session, sink);
        session.play();
        await(() -> !sink.pauses.isEmpty(), "the pause notice");
        assertTrue(sink.pauses.peek().contains("diverged"));
        await(
                () -> {
                    JsonNode last = null;
                    for (JsonNode h : sink.headers) last = h;
                    return last != null && !last.get("diverged").isNull();
                },
                "a frame that says so");
    }

    @Test
    void removing_a_session_frees_it_at_once() throws Exception {
        ListSink sink = new ListSink();
        TrainingSession session = TrainingSessionTest.session("");
        Scheduler s = start(2);
        Scheduler.Handle h = s.add(session, sink);
        session.play();
        await(() -> sink.headers.size() >= 2, "frames");
        h.remove();
        assertEquals(0, s.size());
        assertNull(h.session());
        assertTrue(h.isRemoved());
        Thread.sleep(100); // a turn running at remove() may finish its frame
        int frames = sink.headers.size();
        long epoch = session.epoch();
        Thread.sleep(300);
        assertEquals(frames, sink.headers.size(), "no frame after removal");
        assertEquals(epoch, session.epoch(), "no training after removal");
        session.setWeight(0, 0, 0, 1); // the session no longer wakes anything
    }

    @Test
    void a_failing_sink_pauses_its_session_and_spares_the_others() throws Exception {
        Scheduler s = start(1);
        AtomicInteger attempts = new AtomicInteger();
        FrameSink broken = new FrameSink() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public void send(Supplier<ByteBuffer> frame) {
                attempts.incrementAndGet();
                throw new IllegalStateException("socket gone");
            }
        };
        TrainingSession bad = TrainingSessionTest.session(""), good = TrainingSessionTest.session("");
        ListSink sink = new ListSink();
        s.add(bad, broken);
        s.add(good, sink);
        bad.play();
        good.play();
        Thread.sleep(300);
        assertFalse(bad.status().playing());
        assertTrue(attempts.get() <= 3, "no retry storm: " + attempts.get());
        assertTrue(good.status().playing());
        assertTrue(sink.headers.size() > 3);
        good.pause();
    }

    /** An Error (the heap ran out while its frame was made) pauses that session with a notice; the one thread goes on for the others. */
    @Test
    void an_out_of_memory_error_in_a_turn_pauses_that_session_with_a_notice_and_the_thread_goes_on() throws Exception {
        Scheduler s = start(1); // one thread: if the error took it, nothing would train any more
        AtomicInteger sends = new AtomicInteger();
        ConcurrentLinkedQueue<Msg> notices = new ConcurrentLinkedQueue<>();
        ListSink failing = new ListSink() {
            @Override
            public void send(Supplier<ByteBuffer> frame) {
                // the second frame, one made while playing (the first goes out when the session is added)
                if (sends.incrementAndGet() == 2) throw new OutOfMemoryError("Java heap space (from the test)");
                super.send(frame);
            }

            @Override
            public void paused(PauseNotice notice) {
                pauses.add(notice.message());
                notices.add(notice.detail());
            }
        };
        TrainingSession bad = TrainingSessionTest.session("speed=max"), good = TrainingSessionTest.session("speed=max");
        ListSink sink = new ListSink();
        s.add(bad, failing);
        s.add(good, sink);
        bad.play();
        good.play();
        await(() -> !failing.pauses.isEmpty(), "the notice");
        assertEquals(Scheduler.OUT_OF_MEMORY.message(), failing.pauses.peek());
        assertEquals("session.outOfMemory", notices.peek().id());
        await(() -> !bad.status().playing(), "the failed session to pause");
        long goodEpoch = good.epoch();
        await(() -> good.epoch() > goodEpoch + 10 && sink.headers.size() > 3, "the other session to go on training");
        assertTrue(good.status().playing());
        // the failed session is whole: play trains it again and its frames come
        bad.play();
        int before = failing.headers.size();
        await(() -> failing.headers.size() > before + 1, "the failed session's frames after play");
        good.pause();
        bad.pause();
    }

    @Test
    void submitted_work_runs_once_on_a_training_thread_and_one_at_a_time() throws Exception {
        Scheduler.Handle h = start(1).add(new TrainingSession(PlaygroundState.defaults()), new ListSink());
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
        assertTrue(h.submit(() -> {
            ran.add(Thread.currentThread().getName());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        await(() -> !ran.isEmpty(), "the work starts");
        assertFalse(h.submit(() -> ran.add("second")), "one at a time: refused while the first runs");
        release.countDown();
        await(() -> h.submit(() -> ran.add("third")), "a place once the first is done");
        await(() -> ran.size() == 2, "the third runs");
        assertTrue(ran.peek().startsWith("training-"), ran.toString());
        assertFalse(ran.contains("second"), ran.toString());
        h.remove();
        assertFalse(h.submit(() -> ran.add("after")), "a removed session takes no work");
    }
}
