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

    TrainApi(JsonBody body) {
        this.body = body;
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
        checkWork(epochs, train.count() + (test == null ? 0 : test.count()), net.layout.numParams());
        checkBatchMemory(hyper.batchSize(), net.layout);
        JsonNode shuffleNode = Fields.optional(request, "shuffle");
        boolean shuffle = shuffleNode != null && Fields.bool(shuffleNode, "shuffle");
        JsonNode seedNode = Fields.optional(request, "seed");
        String seed = seedNode == null ? DEFAULT_SEED : Fields.string(seedNode, "seed");

        // the session's rule: a batch larger than the rows trains as one batch of all of them (docs/api.md)
        Trainer trainer = new Trainer(net, hyper.forTrainingSet(train.count()));
        EpochOrder order = shuffle ? new EpochOrder(train.count(), new SeedRandom(seed)) : null;
        List<Double> trainLoss = new ArrayList<>(epochs), testLoss = new ArrayList<>(epochs);
        for (int e = 0; e < epochs; e++) {
            trainer.trainEpoch(order == null ? train : train.permuted(order.next()));
            double[] losses = test == null ? new double[] {trainer.meanLoss(train)} : trainer.meanLosses(train, test);
            double loss = losses[0];
            if (!Double.isFinite(loss) || !net.isFinite()) {
                throw new ApiException(422, "diverged", "learningRate", "training diverged in epoch " + (e + 1)
                        + " (a weight or the loss became NaN or infinite); lower the learning rate");
            }
            trainLoss.add(loss);
            if (test != null) testLoss.add(losses[1]);
        }

        ObjectNode response = body.mapper().createObjectNode();
        response.set("trainLoss", JsonArrays.of(trainLoss));
        if (test != null) response.set("testLoss", JsonArrays.of(testLoss));
        response.set("model", ModelJson.write(new ModelJson.Model(model.inputs(), net), body.mapper()));
        body.respond(ctx, 200, response);
    }

    private static Hyperparameters readHyperparameters(JsonNode request) {
        double learningRate = Fields.nonNegative(Fields.required(request, "", "learningRate"), "learningRate");
        int batchSize = Fields.integer(Fields.required(request, "", "batchSize"), "batchSize",
                1, Hyperparameters.MAX_BATCH_SIZE, false);
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
            throw ApiException.tooLarge("batchSize", "batchSize " + batchSize + " × " + neurons + " neurons is past the limit of "
                    + Limits.MAX_BATCH_ACTIVATIONS + " (the trainer holds a whole batch's activations); use a smaller batch");
        }
    }

    /** Each epoch trains on every train row and evaluates every row once: time grows as epochs × rows × params. */
    private static void checkWork(int epochs, int rows, int params) {
        long work = (long) epochs * rows * (params + Limits.ROW_OVERHEAD);
        if (work > Limits.MAX_TRAIN_WORK) {
            throw ApiException.tooLarge("epochs", epochs + " epochs × " + rows + " rows × (" + params + " parameters + "
                    + Limits.ROW_OVERHEAD + ") = " + work + " work units is past the limit of " + Limits.MAX_TRAIN_WORK
                    + "; send fewer epochs, rows or parameters per request");
        }
    }
}
