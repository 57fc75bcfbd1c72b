package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.backprop.playground.engine.GridEvaluator;
import org.backprop.playground.engine.Network;
import org.backprop.playground.protocol.Envelope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Frames decoded as a page decodes them (static/js/messages.js) show the network's grids, whichever way each block came. */
@Tag("unit")
class ClientBlocksTest {

    /** A page's copy of the blocks: bytes, `same` (keep) or `delta` (add mod 256), with the range each was sent over. */
    private static final class Page {
        final Map<String, byte[]> bytes = new HashMap<>();
        final Map<String, double[]> range = new HashMap<>();
        final Map<String, Integer> codings = new HashMap<>(Map.of("bytes", 0, "same", 0, "delta", 0));

        void take(ByteBuffer frame) throws Exception {
            JsonNode h = FrameTest.header(frame);
            int base = Envelope.payloadOffset(frame);
            for (JsonNode b : h.get("blocks")) {
                String key = b.get("name").asText() + "/" + b.path("layer").asInt(-1) + "/"
                        + b.path("neuron").asInt(-1);
                byte[] got = new byte[b.get("length").asInt()];
                frame.get(base + b.get("offset").asInt(), got);
                if (b.path("same").asBoolean()) {
                    assertNotNull(bytes.get(key), "a same block stands on one before it: " + key);
                    codings.merge("same", 1, Integer::sum);
                    continue;
                }
                if (b.path("delta").asBoolean()) {
                    byte[] had = bytes.get(key);
                    assertNotNull(had, "a delta stands on a block before it: " + key);
                    for (int i = 0; i < had.length; i++) had[i] += got[i];
                    codings.merge("delta", 1, Integer::sum);
                } else {
                    bytes.put(key, got);
                    codings.merge("bytes", 1, Integer::sum);
                }
                range.put(
                        key, new double[] {b.get("min").asDouble(), b.get("max").asDouble()});
            }
        }

        /** The largest distance between the page's output map and the network's own output. */
        double outputError(TrainingSession s) {
            FrameSnapshot snap = s.snapshot();
            Network net = snap.network();
            int n = FrameRenderer.OUTPUT_SIZE;
            float[] truth = new GridEvaluator(n * n)
                    .evaluate(net, FrameRenderer.gridInputs(snap.features(), snap.domain(), n))[
                    net.layout.layers() - 1][0];
            String key = "output/" + (net.layout.layers() - 1) + "/0";
            byte[] q = bytes.get(key);
            double min = range.get(key)[0], step = (range.get(key)[1] - min) / 255, worst = 0;
            for (int p = 0; p < n * n; p++) worst = Math.max(worst, Math.abs(min + (q[p] & 0xff) * step - truth[p]));
            return worst;
        }
    }

    @Test
    void frames_of_a_learning_network_show_its_output_within_what_the_eye_cannot_tell() throws Exception {
        TrainingSession s = TrainingSessionTest.session("");
        FrameRenderer renderer = new FrameRenderer();
        Page page = new Page();
        double worst = 0;
        for (int frame = 0; frame < 300; frame++) {
            s.runEpochs(2); // the page's pace at the default speed
            page.take(renderer.render(s.snapshot()));
            worst = Math.max(worst, page.outputError(s));
        }
        System.out.printf(
                "300 frames: %s blocks; the page's output map at most %.5f from the network's%n", page.codings, worst);
        assertTrue(page.codings.get("delta") > 300, "a slowly moving network goes as deltas: " + page.codings);
        assertTrue(page.codings.get("same") > 0, page.codings.toString());
        // a same block may lag by the unseen change, one step of the range widened by 1/8 (the output spans at
        // most [-1, 1]), and a byte stands for its value within half a step
        double step = 2 * (1 + 2 * ClientBlocks.MARGIN) / 255;
        assertTrue(worst <= 1.5 * step + 1e-6, "worst " + worst);
    }

    @Test
    void a_frame_that_sheds_its_grids_sends_them_as_the_client_has_them_and_counts_as_a_change() throws Exception {
        TrainingSession s = TrainingSessionTest.session("");
        FrameRenderer renderer = new FrameRenderer();
        renderer.render(s.snapshot(), false); // nothing to reuse yet: evaluated
        assertTrue(renderer.evaluatedGrids());
        s.runEpochs(50);
        JsonNode shed = FrameTest.header(renderer.render(s.snapshot(), false));
        assertTrue(!renderer.evaluatedGrids() && renderer.showedChange());
        for (JsonNode b : shed.get("blocks")) assertTrue(b.path("same").asBoolean(), b.toString());
        JsonNode next = FrameTest.header(renderer.render(s.snapshot(), true));
        assertTrue(renderer.evaluatedGrids());
        JsonNode output = next.get("blocks").get(0);
        assertTrue(
                !output.path("same").asBoolean() && output.get("length").asInt() > 0,
                "the next evaluated frame catches up: " + output);
        TrainingSession wider = TrainingSessionTest.session("networkShape=5");
        renderer.render(wider.snapshot(), false); // another network: its grids are evaluated
        assertTrue(renderer.evaluatedGrids());
    }

    @Test
    void a_grid_that_leaves_the_clients_range_goes_with_its_own_bytes() {
        ClientBlocks client = new ClientBlocks();
        float[] v = new float[400];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(i * 0.1) * 0.5f;
        client.beginFrame();
        Block first = client.grid("neuron", 0, 0, v, 0, 20, 20);
        client.endFrame();
        assertEquals(Block.Coding.BYTES, first.coding());
        assertEquals(0.5f + 1f / 16, first.max(), 1e-4f, "its range widened by a sixteenth of its span");

        for (int i = 0; i < v.length; i++) v[i] *= 1.05f; // creeping outward, still within the widened range
        client.beginFrame();
        Block inRange = client.grid("neuron", 0, 0, v, 0, 20, 20);
        client.endFrame();
        assertEquals(Block.Coding.DELTA, inRange.coding());
        assertEquals(first.min(), inRange.min(), 0f, "over the range the client has");

        v[7] = 0.75f; // past the client's max
        client.beginFrame();
        Block out = client.grid("neuron", 0, 0, v, 0, 20, 20);
        client.endFrame();
        assertEquals(Block.Coding.BYTES, out.coding());
        assertTrue(out.max() > 0.75f, "its own range, widened: " + out.max());

        for (int i = 0; i < v.length; i++) v[i] *= 0.3f; // spans less than half the range: its own, finer range
        client.beginFrame();
        assertEquals(
                Block.Coding.BYTES, client.grid("neuron", 0, 0, v, 0, 20, 20).coding());
        client.endFrame();
    }

    @Test
    void within_steps_reads_eight_bytes_at_a_time_as_it_reads_one() {
        java.util.Random r = new java.util.Random(7);
        for (int t = 0; t < 200_000; t++) {
            byte[] change = new byte[1 + r.nextInt(40)];
            for (int i = 0; i < change.length; i++)
                change[i] = (byte) (r.nextInt(12) == 0 ? r.nextInt(256) : r.nextInt(3) - 1);
            int steps = 1 + r.nextInt(3);
            boolean want = true;
            for (byte b : change) want &= Math.abs(b) <= steps;
            assertEquals(
                    want,
                    ClientBlocks.withinSteps(change, steps),
                    java.util.Arrays.toString(change) + " within " + steps);
        }
    }

    @Test
    void class_indices_go_as_the_change_to_the_clients_bytes() {
        ClientBlocks client = new ClientBlocks();
        byte[] cls = new byte[100];
        cls[3] = 2;
        client.beginFrame();
        assertEquals(
                Block.Coding.BYTES,
                client.classes("outputClass", 1, cls.clone(), 10, 10).coding());
        client.endFrame();
        client.beginFrame();
        assertEquals(
                Block.Coding.SAME,
                client.classes("outputClass", 1, cls.clone(), 10, 10).coding());
        client.endFrame();
        cls[3] = 1;
        cls[4] = 3;
        client.beginFrame();
        Block d = client.classes("outputClass", 1, cls.clone(), 10, 10);
        client.endFrame();
        assertEquals(Block.Coding.DELTA, d.coding());
        assertEquals(-1, d.data()[3]);
        assertEquals(3, d.data()[4]);
        assertEquals(0, d.data()[5]);
    }
}
