package org.backprop.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.engine.Hyperparameters;
import org.backprop.playground.engine.Layout;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Optimizer;
import org.backprop.playground.engine.Regularization;
import org.backprop.playground.engine.Samples;
import org.backprop.playground.engine.SeedRandom;
import org.backprop.playground.engine.Trainer;

/**
 * {@code POST /api/train}: a model, data rows and hyperparameters in; the mean train (and test)
 * loss after every epoch and the trained model out. Training is the engine's {@link Trainer},
 * TF Playground's update rule. Rows go in the order given, or reshuffled before every epoch from
 * {@code seed} when {@code shuffle} is true; the same request always gives the same answer.
 */
final class TrainApi implements Handler {
    /** The seed when none is given, so a request without one is still reproducible. */
    static final String DEFAULT_SEED = "0";

    private final JsonBody body;
    private final HeavyGate gate;

    TrainApi(JsonBody body, HeavyGate gate) {
        this.body = body;
        this.gate = gate;
    }

    @Override
    public void handle(Context ctx) {
        JsonNode request = body.readObject(ctx);
        ModelJson.Model model = ModelJson.read(Fields.required(request, "", "model"), "model");
        Network net = model.network().copy();
        Samples train = SampleReader.rows(Fields.required(request, "", "train"), "train", net, Limits.MAX_ROWS);
        JsonNode testNode = Fields.optional(request, "test");
        Samples test = testNode == null ? null : SampleReader.rows(testNode, "test", net, Limits.MAX_ROWS);
        Hyperparameters hyper = readHyperparameters(request);
        int epochs = Fields.integer(Fields.required(request, "", "epochs"), "epochs", 1, Limits.MAX_EPOCHS, true);
        checkBatchMemory(hyper.batchSize(), net.layout);
        JsonNode shuffleNode = Fields.optional(request, "shuffle");
        boolean shuffle = shuffleNode != null && Fields.bool(shuffleNode, "shuffle");
        JsonNode seedNode = Fields.optional(request, "seed");
        String seed = seedNode == null ? DEFAULT_SEED : Fields.string(seedNode, "seed");
        // the session's rule: a batch larger than the rows trains as one batch of all of them (docs/api.md)
        Hyperparameters effective = hyper.forTrainingSet(train.count());
        ApiCost.check(
                cost(net, train.count(), test == null ? 0 : test.count(), effective, epochs),
                "epochs",
                "training " + epochs + " epochs of " + train.count() + " rows",
                "send fewer epochs or rows, a larger batchSize (every update runs the optimizer over all "
                        + net.layout.numParams() + " parameters) or a smaller model");

        Losses losses;
        try (HeavyGate.Permit permit = gate.enter()) {
            losses = train(net, train, test, effective, epochs, shuffle ? seed : null);
        }

        ObjectNode response = body.mapper().createObjectNode();
        response.set("trainLoss", JsonArrays.of(losses.train()));
        if (test != null) response.set("testLoss", JsonArrays.of(losses.test()));
        response.set("model", ModelJson.write(new ModelJson.Model(model.inputs(), net), body.mapper()));
        body.respond(ctx, 200, response);
    }

    private static Hyperparameters readHyperparameters(JsonNode request) {
        double learningRate = Fields.nonNegative(Fields.required(request, "", "learningRate"), "learningRate");
        int batchSize = Fields.integer(
                Fields.required(request, "", "batchSize"), "batchSize", 1, Hyperparameters.MAX_BATCH_SIZE, false);
        JsonNode optimizerNode = Fields.optional(request, "optimizer");
        Optimizer.Kind optimizer = Optimizer.Kind.SGD;
        if (optimizerNode != null) {
            try {
                optimizer = Optimizer.Kind.parse(Fields.string(optimizerNode, "optimizer"));
            } catch (IllegalArgumentException e) {
                throw ApiException.unknownName("optimizer", e.getMessage());
            }
        }
        Penalty penalty = Penalty.read(request);
        return new Hyperparameters(learningRate, batchSize, optimizer, penalty.kind(), penalty.rate());
    }

    private static void checkBatchMemory(int batchSize, Layout layout) {
        long neurons = 0;
        for (int l = 0; l < layout.layers(); l++) neurons += layout.out(l);
        if (batchSize * neurons > Limits.MAX_BATCH_ACTIVATIONS) {
            throw ApiException.tooLarge(
                    "batchSize",
                    "batchSize " + batchSize + " × " + neurons + " neurons is past the limit of "
                            + Limits.MAX_BATCH_ACTIVATIONS
                            + " (the trainer holds a whole batch's activations); use a smaller batch");
        }
    }

    /** What training costs (see {@link ApiCost}); {@code hyper}'s batch already capped at the rows. */
    static ApiCost.Terms cost(Network net, int trainRows, int testRows, Hyperparameters hyper, int epochs) {
        boolean penalty = hyper.regularization() != Regularization.NONE && hyper.regularizationRate() != 0;
        return ApiCost.train(net, trainRows, testRows, hyper.batchSize(), hyper.optimizer(), penalty, epochs);
    }

    /** The mean train (and test, else empty) loss after every epoch. */
    record Losses(List<Double> train, List<Double> test) {}

    /**
     * Trains {@code net} in place for {@code epochs} epochs: rows in the order given, or reshuffled
     * before every epoch from {@code shuffleSeed} when it is not null; refuses a run that diverges.
     */
    static Losses train(
            Network net, Samples train, Samples test, Hyperparameters hyper, int epochs, String shuffleSeed) {
        Trainer trainer = new Trainer(net, hyper);
        EpochOrder order = shuffleSeed == null ? null : new EpochOrder(train.count(), new SeedRandom(shuffleSeed));
        List<Double> trainLoss = new ArrayList<>(epochs), testLoss = new ArrayList<>(test == null ? 0 : epochs);
        for (int e = 0; e < epochs; e++) {
            trainer.trainEpoch(order == null ? train : train.permuted(order.next()));
            double[] losses = test == null ? new double[] {trainer.meanLoss(train)} : trainer.meanLosses(train, test);
            double loss = losses[0];
            if (!Double.isFinite(loss) || !net.isFinite()) {
                throw new ApiException(
                        422,
                        "diverged",
                        "learningRate",
                        "training diverged in epoch " + (e + 1)
                                + " (a weight or the loss became NaN or infinite); lower the learning rate");
            }
            trainLoss.add(loss);
            if (test != null) testLoss.add(losses[1]);
        }
        return new Losses(trainLoss, testLoss);
    }
}
