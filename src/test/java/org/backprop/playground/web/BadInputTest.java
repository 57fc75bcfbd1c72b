package org.backprop.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input answers 4xx with {"code","message","field"} and the offending field. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class BadInputTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private ObjectNode backpropBody() {
        return (ObjectNode) parse(Seed000.BODY);
    }

    private ObjectNode trainBody() {
        ObjectNode body = server.mapper.createObjectNode();
        body.set("model", parse(Seed000.MODEL));
        body.set("train", parse("[[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]"));
        body.put("learningRate", 0.1);
        body.put("batchSize", 2);
        body.put("epochs", 5);
        return body;
    }

    private JsonNode parse(String json) {
        try {
            return server.mapper.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode at(ObjectNode body, String pointer) {
        return (ObjectNode) body.at(pointer);
    }

    private static ArrayNode zeros(int n) {
        ArrayNode a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < n; i++) a.add(0);
        return a;
    }

    /** A layer of {@code out} neurons over {@code in} inputs, all zeros. */
    private static ObjectNode layer(String activation, int out, int in) {
        ObjectNode l = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        l.put("activation", activation);
        ArrayNode w = l.putArray("weights");
        for (int o = 0; o < out; o++) w.add(zeros(in));
        l.set("biases", zeros(out));
        return l;
    }

    private static Arguments bp(String name, Consumer<ObjectNode> change, int status, String code, String field) {
        return Arguments.of(name, "/api/backprop", change, status, code, field);
    }

    private static Arguments tr(String name, Consumer<ObjectNode> change, int status, String code, String field) {
        return Arguments.of(name, "/api/train", change, status, code, field);
    }

    Stream<Arguments> bodyCases() {
        return Stream.of(
                bp("model missing", b -> b.remove("model"), 400, "missing_field", "model"),
                bp("model null", b -> b.putNull("model"), 400, "missing_field", "model"),
                bp("model not an object", b -> b.put("model", "m"), 400, "wrong_type", "model"),
                bp("format missing", b -> at(b, "/model").remove("format"), 400, "missing_field", "model.format"),
                bp("format wrong", b -> at(b, "/model").put("format", "keras"), 422, "invalid_value", "model.format"),
                bp("version 2", b -> at(b, "/model").put("version", 2), 422, "unsupported_version", "model.version"),
                bp(
                        "inputs not an array",
                        b -> at(b, "/model").put("inputs", "x1,x2"),
                        400,
                        "wrong_type",
                        "model.inputs"),
                bp(
                        "input name a number",
                        b -> ((ArrayNode) b.at("/model/inputs")).set(0, 7),
                        400,
                        "wrong_type",
                        "model.inputs[0]"),
                bp(
                        "input names repeat",
                        b -> ((ArrayNode) b.at("/model/inputs")).set(1, "x1"),
                        422,
                        "invalid_value",
                        "model.inputs[1]"),
                bp("no layers", b -> at(b, "/model").putArray("layers"), 422, "invalid_value", "model.layers"),
                bp(
                        "layer not an object",
                        b -> ((ArrayNode) b.at("/model/layers")).set(0, 1),
                        400,
                        "wrong_type",
                        "model.layers[0]"),
                bp(
                        "weights missing",
                        b -> at(b, "/model/layers/1").remove("weights"),
                        400,
                        "missing_field",
                        "model.layers[1].weights"),
                bp(
                        "weights row too long",
                        b -> ((ArrayNode) b.at("/model/layers/1/weights/0")).add(0.1),
                        422,
                        "shape_mismatch",
                        "model.layers[1].weights[0]"),
                bp(
                        "first layer row does not match inputs",
                        b -> ((ArrayNode) b.at("/model/layers/0/weights/1")).remove(1),
                        422,
                        "shape_mismatch",
                        "model.layers[0].weights[1]"),
                bp(
                        "weights row not an array",
                        b -> ((ArrayNode) b.at("/model/layers/0/weights")).set(0, 0.5),
                        400,
                        "wrong_type",
                        "model.layers[0].weights[0]"),
                bp(
                        "biases wrong length",
                        b -> ((ArrayNode) b.at("/model/layers/0/biases")).add(0),
                        422,
                        "shape_mismatch",
                        "model.layers[0].biases"),
                bp(
                        "biases missing",
                        b -> at(b, "/model/layers/0").remove("biases"),
                        400,
                        "missing_field",
                        "model.layers[0].biases"),
                bp(
                        "weight a string",
                        b -> ((ArrayNode) b.at("/model/layers/0/weights/0")).set(0, "0.5"),
                        400,
                        "wrong_type",
                        "model.layers[0].weights[0][0]"),
                bp(
                        "weight 1e400",
                        b -> ((ArrayNode) b.at("/model/layers/0/weights/0")).set(1, new java.math.BigDecimal("1e400")),
                        400,
                        "not_finite",
                        "model.layers[0].weights[0][1]"),
                bp(
                        "weight \"NaN\"",
                        b -> ((ArrayNode) b.at("/model/layers/1/biases")).set(0, "NaN"),
                        400,
                        "wrong_type",
                        "model.layers[1].biases[0]"),
                bp(
                        "activation unknown",
                        b -> at(b, "/model/layers/0").put("activation", "swish"),
                        422,
                        "unknown_name",
                        "model.layers[0].activation"),
                bp(
                        "activation not a string",
                        b -> at(b, "/model/layers/0").put("activation", 3),
                        400,
                        "wrong_type",
                        "model.layers[0].activation"),
                bp(
                        "softmax in a hidden layer",
                        b -> at(b, "/model/layers/0").put("activation", "softmax"),
                        422,
                        "invalid_value",
                        "model.layers[0].activation"),
                bp("loss unknown", b -> at(b, "/model").put("loss", "hinge"), 422, "unknown_name", "model.loss"),
                bp("loss missing", b -> at(b, "/model").remove("loss"), 400, "missing_field", "model.loss"),
                bp(
                        "bce without sigmoid",
                        b -> at(b, "/model/layers/1").put("activation", "tanh"),
                        422,
                        "invalid_value",
                        "model.loss"),
                bp(
                        "softmax with mse",
                        b -> {
                            at(b, "/model/layers/1").put("activation", "softmax");
                            at(b, "/model").put("loss", "mse");
                        },
                        422,
                        "invalid_value",
                        "model.loss"),
                bp(
                        "17 layers",
                        b -> {
                            ArrayNode layers = at(b, "/model").putArray("layers");
                            layers.add(layer("relu", 2, 2));
                            for (int l = 1; l < 16; l++) layers.add(layer("relu", 2, 2));
                            layers.add(layer("sigmoid", 1, 2));
                        },
                        413,
                        "too_large",
                        "model.layers"),
                bp(
                        "257 neurons",
                        b -> ((ArrayNode) b.at("/model/layers")).set(0, layer("relu", 257, 2)),
                        413,
                        "too_large",
                        "model.layers[0].weights"),
                bp(
                        "1025 inputs",
                        b -> {
                            ArrayNode names = at(b, "/model").putArray("inputs");
                            for (int i = 0; i < 1025; i++) names.add("f" + i);
                        },
                        413,
                        "too_large",
                        "model.inputs"),
                bp(
                        "over 200 000 parameters",
                        b -> {
                            ArrayNode names = at(b, "/model").putArray("inputs");
                            for (int i = 0; i < 1000; i++) names.add("f" + i);
                            ((ArrayNode) b.at("/model/layers")).set(0, layer("relu", 201, 1000));
                        },
                        413,
                        "too_large",
                        "model.layers[0].weights"),
                bp("inputs missing", b -> b.remove("inputs"), 400, "missing_field", "inputs"),
                bp("inputs empty", b -> b.putArray("inputs"), 422, "invalid_value", "inputs"),
                bp("input row too short", b -> b.set("inputs", parse("[[1]]")), 422, "shape_mismatch", "inputs[0]"),
                bp(
                        "input NaN as a string",
                        b -> b.set("inputs", parse("[[\"NaN\", 2]]")),
                        400,
                        "wrong_type",
                        "inputs[0][0]"),
                bp(
                        "input 1e400",
                        b -> ((ArrayNode) b.at("/inputs/0")).set(0, new java.math.BigDecimal("1e400")),
                        400,
                        "not_finite",
                        "inputs[0][0]"),
                bp(
                        "targets rows do not match inputs",
                        b -> b.set("targets", parse("[[1], [0]]")),
                        422,
                        "shape_mismatch",
                        "targets"),
                bp(
                        "target row too wide",
                        b -> b.set("targets", parse("[[1, 0]]")),
                        422,
                        "shape_mismatch",
                        "targets[0]"),
                bp("bce target -1", b -> b.set("targets", parse("[[-1]]")), 422, "invalid_value", "targets[0][0]"),
                bp(
                        "ce target row not one-hot",
                        b -> {
                            at(b, "/model/layers/1").put("activation", "softmax");
                            at(b, "/model/layers/1").set("weights", parse("[[0.6, 0.7], [0.1, 0.2]]"));
                            at(b, "/model/layers/1").set("biases", parse("[0.15, 0]"));
                            at(b, "/model").put("loss", "ce");
                            b.set("targets", parse("[[1, 1]]"));
                        },
                        422,
                        "invalid_value",
                        "targets[0]"),
                bp(
                        "1001 samples",
                        b -> {
                            ArrayNode in = b.putArray("inputs"), t = b.putArray("targets");
                            for (int i = 0; i < 1001; i++) {
                                in.addArray().add(1).add(2);
                                t.addArray().add(1);
                            }
                        },
                        413,
                        "too_large",
                        "inputs"),
                bp("regularization unknown", b -> b.put("regularization", "L3"), 422, "unknown_name", "regularization"),
                bp(
                        "regularizationRate negative",
                        b -> b.put("regularizationRate", -0.1),
                        422,
                        "invalid_value",
                        "regularizationRate"),
                bp("gradcheck not a boolean", b -> b.put("gradcheck", "yes"), 400, "wrong_type", "gradcheck"),
                bp(
                        "gradcheck too expensive",
                        b -> {
                            ((ArrayNode) b.at("/model/layers")).set(0, layer("relu", 150, 2));
                            ((ArrayNode) b.at("/model/layers")).insert(1, layer("relu", 150, 150));
                            ((ArrayNode) b.at("/model/layers")).set(2, layer("sigmoid", 1, 150));
                            b.put("gradcheck", true);
                        },
                        413,
                        "too_large",
                        "gradcheck"),
                bp(
                        "overflow to infinity",
                        b -> {
                            at(b, "/model/layers/1").put("activation", "linear");
                            at(b, "/model").put("loss", "mse");
                            b.set("inputs", parse("[[1e300, 1e300]]"));
                        },
                        422,
                        "not_finite",
                        "model"),
                tr("train missing", b -> b.remove("train"), 400, "missing_field", "train"),
                tr(
                        "train row too short",
                        b -> ((ArrayNode) b.get("train")).set(2, parse("[1, 0]")),
                        422,
                        "shape_mismatch",
                        "train[2]"),
                tr("train empty", b -> b.putArray("train"), 422, "invalid_value", "train"),
                tr(
                        "train label out of range for bce",
                        b -> ((ArrayNode) b.get("train")).set(1, parse("[0, 1, -1]")),
                        422,
                        "invalid_value",
                        "train[1][2]"),
                tr("test row too long", b -> b.set("test", parse("[[0, 0, 0, 0]]")), 422, "shape_mismatch", "test[0]"),
                tr("learningRate missing", b -> b.remove("learningRate"), 400, "missing_field", "learningRate"),
                tr("learningRate a string", b -> b.put("learningRate", "0.1"), 400, "wrong_type", "learningRate"),
                tr("learningRate negative", b -> b.put("learningRate", -1), 422, "invalid_value", "learningRate"),
                tr("batchSize 0", b -> b.put("batchSize", 0), 422, "invalid_value", "batchSize"),
                tr("batchSize fractional", b -> b.put("batchSize", 2.5), 400, "wrong_type", "batchSize"),
                tr("epochs missing", b -> b.remove("epochs"), 400, "missing_field", "epochs"),
                tr("epochs 0", b -> b.put("epochs", 0), 422, "invalid_value", "epochs"),
                tr("epochs 10 001", b -> b.put("epochs", 10_001), 413, "too_large", "epochs"),
                tr(
                        "batch too large for the model",
                        b -> {
                            ((ArrayNode) b.at("/model/layers")).set(0, layer("relu", 256, 2));
                            ((ArrayNode) b.at("/model/layers")).set(1, layer("sigmoid", 1, 256));
                            b.put("batchSize", 4000);
                        },
                        413,
                        "too_large",
                        "batchSize"),
                tr("optimizer unknown", b -> b.put("optimizer", "lbfgs"), 422, "unknown_name", "optimizer"),
                tr(
                        "regularization unknown",
                        b -> b.put("regularization", "dropout"),
                        422,
                        "unknown_name",
                        "regularization"),
                tr("shuffle a string", b -> b.put("shuffle", "true"), 400, "wrong_type", "shuffle"),
                tr("seed a number", b -> b.put("seed", 5), 400, "wrong_type", "seed"),
                tr(
                        "100 001 rows",
                        b -> {
                            ArrayNode rows = b.putArray("train");
                            for (int i = 0; i < 100_001; i++)
                                rows.addArray().add(0).add(0).add(0);
                            b.put("epochs", 1);
                        },
                        413,
                        "too_large",
                        "train"),
                tr(
                        "too much work",
                        b -> {
                            ArrayNode rows = b.putArray("train");
                            for (int i = 0; i < 20_000; i++)
                                rows.addArray().add(0).add(0).add(0);
                            b.put("epochs", 10_000);
                        },
                        413,
                        "too_large",
                        "epochs"),
                tr(
                        "diverges",
                        b -> {
                            at(b, "/model/layers/1").put("activation", "linear");
                            at(b, "/model").put("loss", "mse");
                            b.put("learningRate", 1e10);
                            b.put("epochs", 100);
                        },
                        422,
                        "diverged",
                        "learningRate"),
                tr(
                        "layers do not chain",
                        b -> {
                            ((ArrayNode) b.at("/model/layers/0/weights")).remove(1);
                            ((ArrayNode) b.at("/model/layers/0/biases")).remove(1);
                        },
                        422,
                        "shape_mismatch",
                        "model.layers[1].weights[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyCases")
    void bad_bodies_answer_the_error_shape(
            String name, String path, Consumer<ObjectNode> change, int status, String code, String field) {
        ObjectNode body = path.equals("/api/train") ? trainBody() : backpropBody();
        // the unchanged body is good: each case breaks exactly one thing
        server.ok(server.post(path, body));
        change.accept(body);
        server.assertError(server.post(path, body), status, code, field);
    }

    Stream<Arguments> rawCases() {
        return Stream.of(
                Arguments.of("empty body", "", 400, "malformed_json", ""),
                Arguments.of("truncated", "{\"model\": {", 400, "malformed_json", ""),
                Arguments.of("NaN token", "{\"inputs\": [[NaN, 1]]}", 400, "malformed_json", ""),
                Arguments.of("Infinity token", "{\"inputs\": [[Infinity, 1]]}", 400, "malformed_json", ""),
                Arguments.of("duplicate key", "{\"model\": 1, \"model\": 2}", 400, "malformed_json", ""),
                Arguments.of("trailing garbage", "{} {}", 400, "malformed_json", ""),
                Arguments.of("an array", "[1, 2]", 400, "wrong_type", ""),
                Arguments.of("a string", "\"hello\"", 400, "wrong_type", ""),
                Arguments.of("deep nesting", "[".repeat(5000), 400, "malformed_json", ""),
                Arguments.of("over 4 MiB", " ".repeat(Limits.MAX_BODY_BYTES + 1), 413, "too_large", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawCases")
    void malformed_bodies_answer_the_error_shape(String name, String body, int status, String code, String field) {
        for (String path : new String[] {"/api/backprop", "/api/train"}) {
            server.assertError(server.post(path, body), status, code, field);
        }
    }

    @Test
    void a_chunked_body_over_4_mib_is_refused_like_any_other() {
        byte[] chunk = " ".repeat(64 * 1024).getBytes();
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
            private long left = Limits.MAX_BODY_BYTES + 2L * chunk.length;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(Math.min(len, chunk.length), left);
                left -= n;
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                return n;
            }
        });
        HttpResponse<String> r = server.send(
                HttpRequest.newBuilder(URI.create(serverUrl("/api/backprop"))).POST(chunked));
        server.assertError(r, 413, "too_large", "");
    }

    @Test
    void a_malformed_url_that_jetty_refuses_still_answers_json() throws Exception {
        // java.net.URI will not even build this URL, so speak HTTP by hand
        try (java.net.Socket socket = new java.net.Socket(
                "localhost", java.net.URI.create(server.url("/")).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /api/datasets/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response =
                    new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(response.startsWith("HTTP/1.1 400"), response);
            org.junit.jupiter.api.Assertions.assertTrue(response.contains("Content-Type: application/json"), response);
            JsonNode body = parse(response.substring(response.indexOf("\r\n\r\n") + 4));
            org.junit.jupiter.api.Assertions.assertEquals(
                    "bad_request", body.get("code").asText());
            org.junit.jupiter.api.Assertions.assertEquals("", body.get("field").asText());
        }
    }

    private String serverUrl(String path) {
        return server.url(path);
    }

    Stream<Arguments> queryCases() {
        return Stream.of(
                Arguments.of("/api/datasets/nope", 404, "unknown_dataset", "name"),
                Arguments.of("/api/datasets/xor?noise=70", 422, "invalid_value", "noise"),
                Arguments.of("/api/datasets/xor?noise=abc", 400, "wrong_type", "noise"),
                Arguments.of("/api/datasets/xor?noise=NaN", 400, "wrong_type", "noise"),
                Arguments.of("/api/datasets/xor?noise=Infinity", 400, "wrong_type", "noise"),
                Arguments.of("/api/datasets/xor?percTrainData=5", 422, "invalid_value", "percTrainData"),
                Arguments.of("/api/datasets/xor?percTrainData=50.5", 400, "wrong_type", "percTrainData"),
                Arguments.of("/api/datasets/blobs?numClasses=9", 422, "invalid_value", "numClasses"),
                Arguments.of("/api/datasets/xor?numSamples=100000", 422, "invalid_value", "numSamples"),
                Arguments.of("/api/datasets/xor?format=xml", 422, "invalid_value", "format"),
                Arguments.of("/api/datasets/xor?seed=" + "s".repeat(300), 422, "invalid_value", "seed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryCases")
    void bad_queries_answer_the_error_shape(String url, int status, String code, String field) {
        server.assertError(server.get(url), status, code, field);
    }
}
