package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Evaluation;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Init;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Optimizer;
import org.backprop.playground.engine.Regularization;
import org.backprop.playground.engine.Samples;
import org.backprop.playground.engine.SeedRandom;
import org.backprop.playground.engine.Trainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class TrainApiTest {
    private static final double[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] XOR_T = {{0}, {1}, {1}, {0}};

    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    /** Tutorial 003's XOR net: 2-8-1, tanh hidden, sigmoid + bce. */
    private static Network xorNet() {
        return Network.create(
                new int[] {2, 8, 1}, Activation.TANH, Activation.SIGMOID, Loss.BCE, Init.XAVIER, new SeedRandom("1"));
    }

    private ObjectNode request(Network net, int epochs) {
        ObjectNode body = server.mapper.createObjectNode();
        body.set("model", ModelJson.write(ModelJson.Model.unnamed(net), server.mapper));
        ArrayNode rows = body.putArray("train");
        for (int r = 0; r < XOR_X.length; r++)
            rows.addArray().add(XOR_X[r][0]).add(XOR_X[r][1]).add(XOR_T[r][0]);
        body.put("learningRate", 0.5);
        body.put("batchSize", 4);
        body.put("epochs", epochs);
        return body;
    }

    private static double[] losses(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asDouble();
        return v;
    }

    @Test
    void train_returns_falling_losses_on_xor() {
        JsonNode r = server.ok(server.post("/api/train", request(xorNet(), 1000)));
        double[] loss = losses(r.get("trainLoss"));
        assertEquals(1000, loss.length);
        assertTrue(loss[0] > 0.5, "starts near ln 2: " + loss[0]);
        assertTrue(loss[999] < 0.05, "learns XOR: " + loss[999]);
        assertTrue(loss[99] < loss[0] && loss[499] < loss[99] && loss[999] < loss[499], "falls");
        assertTrue(r.get("testLoss") == null, "no test rows, no test loss");
    }

    @Test
    void trained_model_reloads_and_reproduces_its_last_loss() {
        JsonNode r = server.ok(server.post("/api/train", request(xorNet(), 300)));
        double last = r.get("trainLoss").get(299).asDouble();
        ModelJson.Model model = ModelJson.read(r.get("model"), "model");
        assertEquals(java.util.List.of("x1", "x2"), model.inputs());
        assertEquals(last, Evaluation.meanLoss(model.network(), Samples.of(XOR_X, XOR_T)), 1e-15);
        // and the server reads it back too
        ObjectNode again = server.mapper.createObjectNode();
        again.set("model", r.get("model"));
        again.set("inputs", server.mapper.valueToTree(XOR_X));
        again.set("targets", server.mapper.valueToTree(XOR_T));
        assertEquals(
                last, server.ok(server.post("/api/backprop", again)).get("loss").asDouble(), 1e-15);
    }

    /** The session's rule: 4 rows at batchSize 10 train as batch 4 (TF's rule alone would never update). */
    @Test
    void a_batch_larger_than_the_rows_trains_as_all_the_rows() {
        ObjectNode ten = request(xorNet(), 20);
        ten.put("batchSize", 10);
        JsonNode capped = server.ok(server.post("/api/train", ten));
        JsonNode four = server.ok(server.post("/api/train", request(xorNet(), 20)));
        assertArrayEquals(losses(four.get("trainLoss")), losses(capped.get("trainLoss")), 0);
        assertEquals(four.get("model"), capped.get("model"));
        double[] trained = losses(capped.get("trainLoss"));
        assertTrue(trained[19] < trained[0], "it learns: " + trained[0] + " -> " + trained[19]);
    }

    @Test
    void train_matches_the_engine_trainer_bit_for_bit() {
        ObjectNode body = request(xorNet(), 50);
        body.put("batchSize", 3); // leftover rows carry into the next epoch, as in TF Playground
        body.put("optimizer", "adam");
        body.put("learningRate", 0.05);
        body.put("regularization", "L2");
        body.put("regularizationRate", 0.001);
        JsonNode r = server.ok(server.post("/api/train", body));

        Network net = xorNet();
        Trainer trainer = new Trainer(net, new Hyperparameters(0.05, 3, Optimizer.Kind.ADAM, Regularization.L2, 0.001));
        Samples data = Samples.of(XOR_X, XOR_T);
        double[] expected = new double[50];
        for (int e = 0; e < 50; e++) {
            trainer.trainEpoch(data);
            expected[e] = trainer.meanLoss(data);
        }
        assertArrayEquals(expected, losses(r.get("trainLoss")), 0);
        assertArrayEquals(net.params, ModelJson.read(r.get("model"), "model").network().params, 0);
    }

    @Test
    void shuffle_is_tf_playgrounds_shuffle_seeded_per_request() {
        ObjectNode body = request(xorNet(), 20);
        body.put("shuffle", true);
        body.put("seed", "7");
        body.put("batchSize", 1);
        double[] first = losses(server.ok(server.post("/api/train", body)).get("trainLoss"));
        double[] second = losses(server.ok(server.post("/api/train", body)).get("trainLoss"));
        assertArrayEquals(first, second, 0, "same request, same run");

        // the same run by hand: one generator, the order reshuffled before every epoch
        Network net = xorNet();
        Trainer trainer = new Trainer(net, new Hyperparameters(0.5, 1, Optimizer.Kind.SGD, Regularization.NONE, 0));
        Samples data = Samples.of(XOR_X, XOR_T);
        SeedRandom random = new SeedRandom("7");
        int[] order = {0, 1, 2, 3};
        double[] expected = new double[20];
        for (int e = 0; e < 20; e++) {
            for (int counter = order.length; counter > 0; ) {
                int index = (int) Math.floor(random.nextDouble() * counter);
                counter--;
                int t = order[counter];
                order[counter] = order[index];
                order[index] = t;
            }
            trainer.trainEpoch(data.permuted(order));
            expected[e] = trainer.meanLoss(data);
        }
        assertArrayEquals(expected, first, 0);

        body.put("seed", "8");
        assertNotEquals(
                first[19], losses(server.ok(server.post("/api/train", body)).get("trainLoss"))[19]);
    }

    @Test
    void test_rows_get_a_test_loss_per_epoch() {
        ObjectNode body = request(xorNet(), 30);
        ArrayNode test = body.putArray("test");
        test.addArray().add(0.1).add(0.9).add(1);
        test.addArray().add(0.9).add(0.9).add(0);
        JsonNode r = server.ok(server.post("/api/train", body));
        assertEquals(30, r.get("testLoss").size());
        Network trained = ModelJson.read(r.get("model"), "model").network();
        double expected = Evaluation.meanLoss(
                trained, Samples.of(new double[][] {{0.1, 0.9}, {0.9, 0.9}}, new double[][] {{1}, {0}}));
        assertEquals(expected, r.get("testLoss").get(29).asDouble(), 0);
    }
}
