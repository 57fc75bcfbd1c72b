package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class BackpropApiTest {
    private static final double TOL = 1e-9;
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode backprop(String body) {
        return server.ok(server.post("/api/backprop", body));
    }

    private static void assertClose(double expected, JsonNode actual) {
        assertEquals(expected, actual.asDouble(), TOL, () -> "got " + actual);
    }

    /*
     * Tutorial 000, by hand: X = [1, 2], y = 1.
     *   Z1 = W1·X + b1 = [0.5·1 + 0.3·2 + 0.1, 0.2·1 + 0.4·2 + 0.2] = [1.2, 1.2];  A1 = relu(Z1) = [1.2, 1.2]
     *   Z2 = 0.6·1.2 + 0.7·1.2 + 0.15 = 1.71;  A2 = σ(1.71) = 1 / (1 + e^−1.71) = 0.8468362842…
     *   loss = −ln A2 = 0.166247892…
     *   δ2 = A2 − y = −0.1531637158…;  dW2 = δ2·A1 = [−0.1837964589, −0.1837964589];  db2 = δ2
     *   δ1 = (W2ᵀ δ2) ⊙ relu'(Z1) = [0.6·δ2, 0.7·δ2] = [−0.0918982295, −0.1072146010]
     *   dW1 = δ1 Xᵀ = [[δ1₀·1, δ1₀·2], [δ1₁·1, δ1₁·2]] = [[−0.0918982295, −0.1837964589], [−0.1072146010, −0.2144292021]]
     *   db1 = δ1
     */
    @Test
    void backprop_matches_seed_000_worked_example() {
        JsonNode r = backprop(Seed000.BODY);
        double a2 = 1 / (1 + Math.exp(-1.71)), d2 = a2 - 1;
        assertClose(0.8468362842, r.at("/layers/1/a/0/0"));
        assertClose(a2, r.at("/layers/1/a/0/0"));
        assertClose(0.166247892, r.get("loss"));
        assertClose(-Math.log(a2), r.get("loss"));
        assertClose(1.2, r.at("/layers/0/z/0/0"));
        assertClose(1.2, r.at("/layers/0/z/0/1"));
        assertClose(1.2, r.at("/layers/0/a/0/1"));
        assertClose(1.71, r.at("/layers/1/z/0/0"));
        assertClose(d2, r.at("/layers/1/delta/0/0"));
        assertClose(-0.1837964589, r.at("/layers/1/dW/0/0"));
        assertClose(-0.1837964589, r.at("/layers/1/dW/0/1"));
        assertClose(d2, r.at("/layers/1/db/0"));
        assertClose(-0.0918982295, r.at("/layers/0/db/0"));
        assertClose(-0.107214601, r.at("/layers/0/db/1"));
        assertClose(0.6 * d2, r.at("/layers/0/delta/0/0"));
        assertClose(0.7 * d2, r.at("/layers/0/delta/0/1"));
        assertClose(0.6 * d2, r.at("/layers/0/dW/0/0"));
        assertClose(0.6 * d2 * 2, r.at("/layers/0/dW/0/1"));
        assertClose(0.7 * d2, r.at("/layers/0/dW/1/0"));
        assertClose(0.7 * d2 * 2, r.at("/layers/0/dW/1/1"));
    }

    @Test
    void gradients_are_the_mean_over_samples() {
        // two samples: dW must be the average of the two single-sample gradients (the 1/m convention)
        String one = Seed000.BODY;
        String other = Seed000.BODY.replace(
                "\"inputs\": [[1, 2]], \"targets\": [[1]]", "\"inputs\": [[0.5, -1]], \"targets\": [[0]]");
        String both = Seed000.BODY.replace(
                "\"inputs\": [[1, 2]], \"targets\": [[1]]", "\"inputs\": [[1, 2], [0.5, -1]], \"targets\": [[1], [0]]");
        JsonNode a = backprop(one), b = backprop(other), ab = backprop(both);
        assertClose((a.get("loss").asDouble() + b.get("loss").asDouble()) / 2, ab.get("loss"));
        for (String p : new String[] {
            "/layers/0/dW/0/0", "/layers/0/dW/1/1", "/layers/0/db/0", "/layers/1/dW/0/1", "/layers/1/db/0"
        }) {
            assertClose((a.at(p).asDouble() + b.at(p).asDouble()) / 2, ab.at(p));
        }
        assertEquals(2, ab.at("/layers/0/z").size());
        assertClose(b.at("/layers/0/z/0/0").asDouble(), ab.at("/layers/0/z/1/0"));
    }

    @Test
    void l2_regularization_adds_rate_times_weight_to_dW_only() {
        JsonNode plain = backprop(Seed000.BODY);
        JsonNode reg = backprop(Seed000.BODY.replace(
                "\"targets\": [[1]]", "\"targets\": [[1]], \"regularization\": \"L2\", \"regularizationRate\": 0.1"));
        assertClose(plain.at("/layers/1/dW/0/1").asDouble() + 0.1 * 0.7, reg.at("/layers/1/dW/0/1"));
        assertClose(plain.at("/layers/0/dW/0/0").asDouble() + 0.1 * 0.5, reg.at("/layers/0/dW/0/0"));
        assertClose(plain.at("/layers/0/db/0").asDouble(), reg.at("/layers/0/db/0"));
        // J = loss + rate · ½ Σ w²
        double penalty = 0.5 * (0.25 + 0.09 + 0.04 + 0.16 + 0.36 + 0.49);
        assertClose(plain.get("loss").asDouble() + 0.1 * penalty, reg.get("objective"));
    }

    @Test
    void gradcheck_reports_each_layer_correct() {
        JsonNode r = backprop(Seed000.BODY.replace("\"targets\": [[1]]", "\"targets\": [[1]], \"gradcheck\": true"));
        JsonNode layers = r.at("/gradcheck/layers");
        assertEquals(2, layers.size());
        for (JsonNode layer : layers) {
            assertEquals("correct", layer.get("verdict").asText(), layer::toString);
            assertEquals(true, layer.get("relativeError").asDouble() < 1e-7);
        }
    }
}
