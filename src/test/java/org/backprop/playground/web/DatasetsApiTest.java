package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.data.DataSplit;
import org.backprop.playground.data.DatasetRequest;
import org.backprop.playground.data.Datasets;
import org.backprop.playground.data.Point;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("socket")
class DatasetsApiTest {
    private final TestServer server = new TestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "xor?seed=42&noise=20&percTrainData=70",
                "spiral",
                "reg-plane?seed=abc",
                "blobs?numClasses=3",
                "seed-digits?seed=5",
                "seed-regression",
                "seed-xor"
            })
    void datasets_json_and_csv_agree(String query) {
        String sep = query.contains("?") ? "&" : "?";
        JsonNode json = server.ok(server.get("/api/datasets/" + query));
        HttpResponse<String> csv = server.get("/api/datasets/" + query + sep + "format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));

        List<String> lines = csv.body().lines().toList();
        List<String> columns = server.mapper.convertValue(
                json.get("columns"), server.mapper.getTypeFactory().constructCollectionType(List.class, String.class));
        assertEquals("split," + String.join(",", columns), lines.get(0));
        int train = json.get("train").size(), test = json.get("test").size();
        assertEquals(1 + train + test, lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            boolean isTrain = i <= train;
            assertEquals(isTrain ? "train" : "test", cells[0]);
            JsonNode row = json.get(isTrain ? "train" : "test").get(isTrain ? i - 1 : i - 1 - train);
            assertEquals(columns.size(), row.size());
            assertEquals(row.size(), cells.length - 1);
            for (int c = 0; c < row.size(); c++)
                assertEquals(row.get(c).asDouble(), Double.parseDouble(cells[c + 1]), 0);
        }
    }

    @Test
    void datasets_are_reproducible_for_a_seed() {
        String a = server.get("/api/datasets/circle?seed=0.5&noise=25").body();
        assertEquals(a, server.get("/api/datasets/circle?seed=0.5&noise=25").body());
        assertNotEquals(a, server.get("/api/datasets/circle?seed=0.6&noise=25").body());
        // no seed means the documented default seed
        assertEquals(
                server.get("/api/datasets/circle?seed=" + DatasetsApi.DEFAULT_SEED)
                        .body(),
                server.get("/api/datasets/circle").body());
    }

    @Test
    void datasets_are_the_data_packages_very_points() {
        JsonNode json = server.ok(server.get("/api/datasets/gauss?seed=3&noise=10&percTrainData=60"));
        DataSplit split = Datasets.generate(new DatasetRequest("gauss", "3", 10, 60, null, null));
        assertEquals("3", json.get("seed").asText());
        assertEquals(10, json.get("noise").asInt());
        assertEquals(60, json.get("percTrainData").asInt());
        assertEquals(split.train().size(), json.get("train").size());
        assertEquals(split.test().size(), json.get("test").size());
        for (int i = 0; i < split.train().size(); i++) {
            Point p = split.train().get(i);
            JsonNode row = json.get("train").get(i);
            assertEquals(p.x(), row.get(0).asDouble(), 0);
            assertEquals(p.y(), row.get(1).asDouble(), 0);
            assertEquals(p.label(), row.get(2).asDouble(), 0);
        }
    }
}
