package org.backprop.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * TF Playground's own points, recorded from its generateData() (seedrandom + dataset.ts +
 * shuffle + split): every coordinate and label must come out bit for bit.
 */
@Tag("unit")
class TfPlaygroundOracleTest {

    @Test
    void circle_matches_tf_playground_oracle() throws IOException {
        // W1: circle, seed "0.11111", 500 points, noise 0, 50% train
        JsonNode oracle = load("/oracle/tfp-W1.json");
        DataSplit data =
                Datasets.generate(DatasetRequest.of("circle", oracle.get("seed").asText()));
        assertSplitEquals(oracle, data);
    }

    @Test
    void spiral_matches_tf_playground_oracle() throws IOException {
        // W2: spiral, seed "0.22222", 1000 points, noise 0, 50% train
        JsonNode oracle = load("/oracle/tfp-W2.json");
        DataSplit data =
                Datasets.generate(DatasetRequest.of("spiral", oracle.get("seed").asText())
                        .withNumSamples(oracle.get("numSamples").asInt()));
        assertSplitEquals(oracle, data);
    }

    private static JsonNode load(String resource) throws IOException {
        try (InputStream in = TfPlaygroundOracleTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " not on the test classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    private static void assertSplitEquals(JsonNode oracle, DataSplit data) {
        assertPointsEqual(oracle.get("train"), data.train(), "train");
        assertPointsEqual(oracle.get("test"), data.test(), "test");
    }

    private static void assertPointsEqual(JsonNode expected, List<Point> actual, String which) {
        assertEquals(expected.size(), actual.size(), which + " size");
        for (int i = 0; i < actual.size(); i++) {
            JsonNode e = expected.get(i);
            Point p = actual.get(i);
            assertEquals(e.get(0).asDouble(), p.x(), 0, which + "[" + i + "].x");
            assertEquals(e.get(1).asDouble(), p.y(), 0, which + "[" + i + "].y");
            assertEquals(e.get(2).asDouble(), p.label(), 0, which + "[" + i + "].label");
        }
    }
}
