package org.backprop.playground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TF Playground's own engine (nn.ts, run in Node) trained these networks from these weights on
 * these points; ours must give the same ten per-epoch training losses.
 */
@Tag("unit")
class TfPlaygroundOracleTest {

    /** An oracle recording: the network with its initial weights, and its data as Samples. */
    record Oracle(JsonNode json, Network network, Samples train, Samples test) {
        static Oracle load(String name) throws IOException {
            try (InputStream in = Oracle.class.getResourceAsStream("/oracle/" + name + ".json")) {
                JsonNode json = new ObjectMapper().readTree(in);
                int[] sizes = new ObjectMapper().convertValue(json.get("shape"), int[].class);
                Network net = Network.create(
                        sizes, Activation.TANH, Activation.TANH, Loss.SQUARE, Init.ZERO, new SeedRandom("unused"));
                JsonNode layers = json.get("initialWeights");
                for (int l = 0; l < layers.size(); l++) {
                    JsonNode w = layers.get(l).get("W"), b = layers.get(l).get("b");
                    for (int o = 0; o < w.size(); o++) {
                        for (int i = 0; i < w.get(o).size(); i++)
                            net.setWeight(l, o, i, w.get(o).get(i).asDouble());
                        net.setBias(l, o, b.get(o).asDouble());
                    }
                }
                return new Oracle(json, net, rows(json.get("train")), rows(json.get("test")));
            }
        }

        static Samples rows(JsonNode rows) {
            double[][] x = new double[rows.size()][], t = new double[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                JsonNode row = rows.get(r);
                x[r] = new double[] {row.get(0).asDouble(), row.get(1).asDouble()};
                t[r] = new double[] {row.get(2).asDouble()};
            }
            return Samples.of(x, t);
        }

        Hyperparameters hyperparameters() {
            return Hyperparameters.defaults()
                    .withLearningRate(json.get("learningRate").asDouble())
                    .withBatchSize(json.get("batchSize").asInt());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tfp-W1", "tfp-W2"})
    void ten_epochs_match_tf_playground_losses(String name) throws IOException {
        Oracle oracle = Oracle.load(name);
        Trainer trainer = new Trainer(oracle.network(), oracle.hyperparameters());
        assertEquals(oracle.json().get("trainLossBeforeTraining").asDouble(), trainer.meanLoss(oracle.train()), 1e-12);
        JsonNode expected = oracle.json().get("trainLossAfterEpoch1to10");
        for (int e = 0; e < expected.size(); e++) {
            trainer.trainEpoch(oracle.train());
            assertEquals(
                    expected.get(e).asDouble(), trainer.meanLoss(oracle.train()), 1e-12, name + " epoch " + (e + 1));
        }
    }
}
