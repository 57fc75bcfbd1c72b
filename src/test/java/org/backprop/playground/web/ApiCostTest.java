package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Init;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Optimizer;
import org.backprop.playground.engine.Regularization;
import org.backprop.playground.engine.SeedRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What /api/train and /api/backprop's gradcheck cost (ApiCost) and how many run at once
 * (HeavyGate). CPU is printed, not asserted: the cost model decides, the figures show it holds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class ApiCostTest {
    private final TestServer server = new TestServer(AppConfig.defaults().withMaxHeavyRequests(1));
    private final ObjectMapper mapper = server.mapper;

    @AfterAll
    void stop() {
        server.close();
    }

    /** The issue's request: a bias-only 256-way softmax + CE, Adam, batch 1. */
    private static Network softmax256() {
        return Network.create(
                new int[] {0, 256}, Activation.TANH, Activation.SOFTMAX, Loss.CE, Init.XAVIER, new SeedRandom("s"));
    }

    private static Network xor() {
        return Network.create(
                new int[] {2, 8, 8, 1},
                Activation.TANH,
                Activation.SIGMOID,
                Loss.BCE,
                Init.XAVIER,
                new SeedRandom("x"));
    }

    /** A training request of {@code rows} random rows the network's loss accepts. */
    private ObjectNode trainRequest(Network net, int rows, int batchSize, Optimizer.Kind optimizer, int epochs) {
        ObjectNode body = mapper.createObjectNode();
        body.set("model", ModelJson.write(ModelJson.Model.unnamed(net), mapper));
        ArrayNode train = body.putArray("train");
        SeedRandom rng = new SeedRandom("rows");
        int in = net.layout.inputs(), k = net.layout.outputs();
        for (int r = 0; r < rows; r++) {
            ArrayNode row = train.addArray();
            for (int i = 0; i < in; i++) row.add(rng.uniform(-1, 1));
            int hot = rng.nextInt(k);
            for (int j = 0; j < k; j++) row.add(k == 1 ? rng.nextInt(2) : j == hot ? 1 : 0);
        }
        body.put("learningRate", 0.01);
        body.put("batchSize", batchSize);
        body.put("optimizer", optimizer.key);
        body.put("epochs", epochs);
        return body;
    }

    private static double predicted(Network net, int rows, int batchSize, Optimizer.Kind optimizer, int epochs) {
        Hyperparameters h =
                new Hyperparameters(0.01, batchSize, optimizer, Regularization.NONE, 0).forTrainingSet(rows);
        return TrainApi.cost(net, rows, 0, h, epochs).units();
    }

    /** The most epochs ApiCost accepts for this request. */
    private static int maxEpochs(Network net, int rows, int batchSize, Optimizer.Kind optimizer) {
        double perEpoch = predicted(net, rows, batchSize, optimizer, 1);
        int epochs =
                (int) Math.min(org.backprop.playground.web.Limits.MAX_EPOCHS, Math.floor(ApiCost.MAX_UNITS / perEpoch));
        while (predicted(net, rows, batchSize, optimizer, epochs) > ApiCost.MAX_UNITS) epochs--;
        return epochs;
    }

    /** The server process's CPU seconds spent on one request (every thread: the handler's and Jetty's). */
    private HttpResponse<String> timed(String label, String path, JsonNode body, double predictedUnits) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        HttpResponse<String> r = server.post(path, body);
        double seconds = (os.getProcessCpuTime() - before) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-44s predicted %5.2f s  measured %5.2f s CPU  -> %d%n",
                label,
                predictedUnits / 1e9,
                seconds,
                r.statusCode());
        return r;
    }

    @Test
    void the_issues_75_s_request_is_refused_naming_what_to_reduce() {
        Network net = softmax256();
        double units = predicted(net, 2000, 1, Optimizer.Kind.ADAM, 1562);
        HttpResponse<String> r = timed(
                "issue 13's request (1562 epochs)",
                "/api/train",
                trainRequest(net, 2000, 1, Optimizer.Kind.ADAM, 1562),
                units);
        String message =
                server.assertError(r, 413, "too_large", "epochs").get("message").asText();
        System.out.println(message);
        assertTrue(
                message.contains("optimizer updates")
                        && message.contains("batchSize")
                        && message.contains("fewer epochs"),
                message);
    }

    @Test
    void a_spread_at_the_limit_is_accepted_and_one_epoch_more_is_refused() {
        Object[][] spread = {
            {softmax256(), 2000, 1, Optimizer.Kind.ADAM},
            {softmax256(), 2000, 2000, Optimizer.Kind.SGD},
            {xor(), 200, 1, Optimizer.Kind.RMSPROP},
        };
        for (Object[] c : spread) {
            Network net = (Network) c[0];
            int rows = (int) c[1], batch = (int) c[2];
            Optimizer.Kind opt = (Optimizer.Kind) c[3];
            int epochs = maxEpochs(net, rows, batch, opt);
            String label = net.layout.inputs() + "→" + net.layout.outputs() + " " + rows + " rows batch " + batch + " "
                    + opt.key;
            if (epochs < Limits.MAX_EPOCHS) {
                HttpResponse<String> over = server.post("/api/train", trainRequest(net, rows, batch, opt, epochs + 1));
                server.assertError(over, 413, "too_large", "epochs");
            }
            HttpResponse<String> r = timed(
                    label + " × " + epochs,
                    "/api/train",
                    trainRequest(net, rows, batch, opt, epochs),
                    predicted(net, rows, batch, opt, epochs));
            assertEquals(200, r.statusCode(), r::body);
        }
    }

    @Test
    void a_gradcheck_at_the_limit_is_accepted_and_a_larger_one_refused() {
        Network net = Network.create(
                new int[] {16, 64, 64, 4},
                Activation.RELU,
                Activation.SOFTMAX,
                Loss.CE,
                Init.XAVIER,
                new SeedRandom("g"));
        int samples = 1;
        while (ApiCost.gradcheck(net, samples + 1, false).units() <= ApiCost.MAX_UNITS) samples++;
        HttpResponse<String> r = timed(
                "gradcheck 16-64-64-4 × " + samples + " samples",
                "/api/backprop",
                backpropRequest(net, samples),
                ApiCost.gradcheck(net, samples, false).units());
        assertEquals(200, r.statusCode(), r::body);
        server.assertError(
                server.post("/api/backprop", backpropRequest(net, samples + 1)), 413, "too_large", "gradcheck");
    }

    private ObjectNode backpropRequest(Network net, int samples) {
        ObjectNode body = mapper.createObjectNode();
        body.set("model", ModelJson.write(ModelJson.Model.unnamed(net), mapper));
        ArrayNode inputs = body.putArray("inputs"), targets = body.putArray("targets");
        SeedRandom rng = new SeedRandom("bp");
        for (int s = 0; s < samples; s++) {
            ArrayNode x = inputs.addArray(), t = targets.addArray();
            for (int i = 0; i < net.layout.inputs(); i++) x.add(rng.uniform(-1, 1));
            for (int j = 0; j < net.layout.outputs(); j++) t.add(j == s % net.layout.outputs() ? 1 : 0);
        }
        body.put("gradcheck", true);
        return body;
    }

    @Test
    void a_heavy_request_past_the_gate_gets_429_with_retry_after_and_gets_in_once_the_first_is_done() throws Exception {
        Network net = softmax256();
        int epochs = maxEpochs(net, 2000, 1, Optimizer.Kind.ADAM) / 2;
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> server.post("/api/train", trainRequest(net, 2000, 1, Optimizer.Kind.ADAM, epochs)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.heavyRunning() == 0 && !first.isDone() && System.nanoTime() < deadline) Thread.sleep(2);
        assertEquals(1, server.heavyRunning(), "the first request is computing");
        ObjectNode small = trainRequest(xor(), 4, 4, Optimizer.Kind.SGD, 10);
        HttpResponse<String> refused = server.post("/api/train", small);
        JsonNode e = server.assertError(refused, 429, "busy", "");
        System.out.println(
                "429 Retry-After " + refused.headers().firstValue("Retry-After").orElse("none") + ": "
                        + e.get("message").asText());
        assertEquals(
                String.valueOf(HeavyGate.RETRY_AFTER_SECONDS),
                refused.headers().firstValue("Retry-After").orElse(""));
        // the gradient check is heavy too
        server.assertError(server.post("/api/backprop", backpropRequest(xor(), 4)), 429, "busy", "");
        assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(0, server.heavyRunning());
        assertEquals(200, server.post("/api/train", small).statusCode(), "a place is free again");
    }
}
