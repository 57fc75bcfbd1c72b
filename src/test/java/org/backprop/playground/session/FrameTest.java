package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import org.backprop.playground.data.Features;
import org.backprop.playground.engine.GridEvaluator;
import org.backprop.playground.engine.Network;
import org.backprop.playground.protocol.Envelope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FrameTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode header(ByteBuffer frame) throws Exception {
        return JSON.readTree(Envelope.header(frame));
    }

    @Test
    void the_default_networks_frame_stays_under_16_kb() throws Exception {
        TrainingSession s = TrainingSessionTest.session("");
        s.runEpochs(200); // trained weights print with all their digits
        ByteBuffer frame = new FrameRenderer().render(s.snapshot());
        assertTrue(frame.remaining() < 16 * 1024, frame.remaining() + " bytes");
        JsonNode h = header(frame);
        assertEquals("frame", h.get("type").asText());
        assertEquals(200, h.get("epoch").asLong());
        assertEquals(3, h.get("layers").size());
        assertEquals(4, h.get("layers").get(0).get("weights").size());
        assertEquals(2, h.get("layers").get(0).get("weights").get(0).size());
        assertEquals(1 + 4 + 2, h.get("blocks").size(), "the output, then each hidden neuron");
    }

    @Test
    void blocks_that_look_as_the_client_has_them_go_without_bytes() throws Exception {
        TrainingSession s = TrainingSessionTest.session("");
        s.runEpochs(300);
        FrameRenderer renderer = new FrameRenderer();
        ByteBuffer first = renderer.render(s.snapshot());
        ByteBuffer again = renderer.render(s.snapshot()); // nothing moved: every block as the client has it
        JsonNode blocks = header(again).get("blocks");
        System.out.printf(
                "first frame %d bytes, the same network again %d bytes%n", first.remaining(), again.remaining());
        assertEquals(7, blocks.size(), "every block keeps its place");
        for (JsonNode b : blocks) {
            assertTrue(b.path("same").asBoolean(), b.toString());
            assertEquals(0, b.get("length").asInt());
        }
        assertEquals(again.remaining(), Envelope.payloadOffset(again), "a header alone");
        assertTrue(
                header(first).get("blocks").get(0).path("same").isMissingNode(),
                "the first frame has every block's bytes");

        s.reset(); // the untrained network looks different everywhere
        JsonNode changed = header(renderer.render(s.snapshot())).get("blocks");
        for (JsonNode b : changed)
            assertTrue(b.path("same").isMissingNode() && b.get("length").asInt() > 0, b.toString());
    }

    @Test
    void a_block_counts_as_the_same_within_one_step_over_minus_one_to_one() {
        float[] values = new float[400];
        for (int i = 0; i < values.length; i++) values[i] = (float) Math.sin(i * 0.1);
        Block sent = Block.quantize("neuron", 0, 0, values, 0, 20, 20);
        float[] moved = values.clone();
        moved[123] += 0.5f * Block.UNSEEN_CHANGE;
        assertTrue(Block.quantize("neuron", 0, 0, moved, 0, 20, 20).looksLike(sent));
        moved[123] += 2 * Block.UNSEEN_CHANGE;
        assertTrue(!Block.quantize("neuron", 0, 0, moved, 0, 20, 20).looksLike(sent), "one value moved past the step");
        assertTrue(!Block.quantize("neuron", 0, 1, values, 0, 20, 20).looksLike(sent), "another neuron's block");
    }

    @Test
    void block_descriptors_tile_the_payload() throws Exception {
        ByteBuffer frame = new FrameRenderer()
                .render(TrainingSessionTest.session("networkShape=8,8,3").snapshot());
        JsonNode blocks = header(frame).get("blocks");
        int payload = frame.remaining() - Envelope.payloadOffset(frame), expected = 0;
        for (JsonNode b : blocks) {
            assertEquals(expected, b.get("offset").asInt());
            assertEquals(
                    b.get("width").asInt() * b.get("height").asInt(),
                    b.get("length").asInt());
            assertEquals("uint8", b.get("dtype").asText());
            assertTrue(b.get("min").asDouble() <= b.get("max").asDouble());
            expected += b.get("length").asInt();
        }
        assertEquals(payload, expected);
        assertEquals(1 + 8 + 8 + 3, blocks.size());
        assertEquals(100, blocks.get(0).get("width").asInt());
        assertEquals(FrameRenderer.NEURON_SIZE, blocks.get(1).get("width").asInt());
    }

    @Test
    void the_output_grid_dequantizes_to_the_network_output_within_a_step() throws Exception {
        TrainingSession s = TrainingSessionTest.session("dataset=xor&xTimesY=true");
        s.runEpochs(50);
        FrameSnapshot snap = s.snapshot();
        ByteBuffer frame = new FrameRenderer().render(snap);
        JsonNode out = header(frame).get("blocks").get(0);
        double min = out.get("min").asDouble(), max = out.get("max").asDouble();
        int base = Envelope.payloadOffset(frame) + out.get("offset").asInt();

        Network net = s.network();
        int n = FrameRenderer.OUTPUT_SIZE;
        float[] inputs = FrameRenderer.gridInputs(snap.features(), snap.domain(), n);
        float[] expected = new GridEvaluator(n * n).evaluate(net, inputs)[net.layout.layers() - 1][0];
        double step = (max - min) / 255;
        for (int p = 0; p < n * n; p++) {
            double got = min + (frame.get(base + p) & 0xff) * step;
            assertEquals(expected[p], got, step / 2 + 1e-6, "point " + p);
        }
    }

    @Test
    void row_zero_is_the_top_of_the_domain() {
        float[] in = FrameRenderer.gridInputs(Features.defaults(), new org.backprop.playground.data.Domain(-6, 6), 100);
        int P = 100 * 100;
        assertEquals(-6, in[0], 0); // x at column 0
        assertEquals(6, in[99], 1e-6); // x at the last column
        assertEquals(6, in[P], 0); // y at row 0
        assertEquals(-6, in[P + 99 * 100], 1e-6); // y at the last row
    }

    @Test
    void a_multi_class_frame_carries_the_winning_class() throws Exception {
        TrainingSession s = TrainingSessionTest.session("dataset=blobs&loss=ce");
        s.runEpochs(10);
        JsonNode h = header(new FrameRenderer().render(s.snapshot()));
        assertEquals("output", h.get("blocks").get(0).get("name").asText());
        assertEquals("outputClass", h.get("blocks").get(1).get("name").asText());
        assertTrue(h.get("trainAccuracy").isNumber());
    }

    @Test
    void regression_has_no_accuracy_and_a_set_that_is_not_2d_has_no_grids() throws Exception {
        JsonNode reg = header(new FrameRenderer()
                .render(TrainingSessionTest.session("problem=regression").snapshot()));
        assertTrue(reg.get("trainAccuracy").isNull());
        assertTrue(reg.get("trainLoss").isNumber());
        ByteBuffer digits = new FrameRenderer()
                .render(TrainingSessionTest.session("dataset=seed-digits&loss=ce")
                        .snapshot());
        JsonNode h = header(digits);
        assertEquals(0, h.get("blocks").size());
        assertEquals(16, h.get("layers").get(0).get("weights").get(0).size());
        assertEquals(digits.remaining(), Envelope.payloadOffset(digits));
    }

    @Test
    void the_data_message_carries_every_point() throws Exception {
        TrainingSession s = TrainingSessionTest.session("dataset=xor");
        ByteBuffer data = FrameEncoder.encodeData(s.data(), s.status().dataVersion());
        JsonNode h = header(data);
        assertEquals("data", h.get("type").asText());
        JsonNode train = h.get("blocks").get(0);
        assertEquals(250, train.get("height").asInt());
        assertEquals(3, train.get("width").asInt());
        int base = Envelope.payloadOffset(data) + train.get("offset").asInt();
        assertEquals((float) s.data().train().get(7).y(), data.getFloat(base + (7 * 3 + 1) * 4));
        assertEquals((float) s.data().train().get(7).label(), data.getFloat(base + (7 * 3 + 2) * 4));
    }

    @Test
    void the_data_message_of_a_2d_set_carries_each_features_grid() throws Exception {
        TrainingSession s = TrainingSessionTest.session("dataset=xor");
        ByteBuffer data = FrameEncoder.encodeData(s.data(), s.status().dataVersion());
        JsonNode h = header(data);
        assertEquals(
                "[\"x\",\"y\",\"xSquared\",\"ySquared\",\"xTimesY\",\"sinX\",\"sinY\"]",
                h.get("features").toString());
        JsonNode xTimesY = h.get("blocks").get(2 + 4);
        assertEquals("feature", xTimesY.get("name").asText());
        assertEquals(20, xTimesY.get("width").asInt());
        // x·y over [−6, 6]²: −36 at the top-left (−6, 6) to 36 at the top-right (6, 6)
        assertEquals(-36, xTimesY.get("min").asDouble(), 1e-4);
        assertEquals(36, xTimesY.get("max").asDouble(), 1e-4);
        int base = Envelope.payloadOffset(data) + xTimesY.get("offset").asInt();
        assertEquals(0, data.get(base) & 0xff, "the top-left corner is the minimum");
        assertEquals(255, data.get(base + 19) & 0xff, "the top-right corner is the maximum");
        // x grows to the right along row 0, y is largest on row 0 (the top of the domain)
        int x = Envelope.payloadOffset(data)
                + h.get("blocks").get(2).get("offset").asInt();
        int y = Envelope.payloadOffset(data)
                + h.get("blocks").get(3).get("offset").asInt();
        assertEquals(
                List.of(0, 255, 255, 255),
                List.of(data.get(x) & 0xff, data.get(x + 19) & 0xff, data.get(y) & 0xff, data.get(y + 19) & 0xff));
        ByteBuffer digits = FrameEncoder.encodeData(
                TrainingSessionTest.session("dataset=seed-digits&loss=ce").data(), 1);
        assertEquals(0, header(digits).get("features").size());
        assertEquals(2, header(digits).get("blocks").size());
    }
}
