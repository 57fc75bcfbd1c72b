package org.backprop.playground.state;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.InputFeature;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Optimizer;
import org.backprop.playground.engine.Regularization;

/** A mutable copy of a state, for the codec to fill key by key. Fields mirror {@link PlaygroundState}. */
final class StateBuilder {
    Activation activation;
    int batchSize;
    Dataset dataset;
    Dataset regDataset;
    double learningRate;
    Regularization regularization;
    double regularizationRate;
    double noise;
    List<Integer> networkShape;
    String seed;
    boolean showTestData;
    boolean discretize;
    int percTrainData;
    Set<InputFeature> features;
    Problem problem;
    boolean initZero;
    boolean hideText;
    SortedSet<String> hiddenControls;
    Loss loss;
    Optimizer.Kind optimizer;
    int numClasses;
    String lang;
    Speed speed;
    String title;
    String taskText;
    Goal goal;
    int goalEpochs;
    List<String> lock;
    Activation outputActivation;
    List<Double> weights;
    int weightsEpoch;
    String exercise;
    String board;
    String name;
    String run;
    CustomPoints points;
    String data;

    StateBuilder(PlaygroundState s) {
        activation = s.activation();
        batchSize = s.batchSize();
        dataset = s.dataset();
        regDataset = s.regDataset();
        learningRate = s.learningRate();
        regularization = s.regularization();
        regularizationRate = s.regularizationRate();
        noise = s.noise();
        networkShape = new ArrayList<>(s.networkShape());
        seed = s.seed();
        showTestData = s.showTestData();
        discretize = s.discretize();
        percTrainData = s.percTrainData();
        features = s.features().isEmpty() ? EnumSet.noneOf(InputFeature.class) : EnumSet.copyOf(s.features());
        problem = s.problem();
        initZero = s.initZero();
        hideText = s.hideText();
        hiddenControls = new TreeSet<>(s.hiddenControls());
        loss = s.loss();
        optimizer = s.optimizer();
        numClasses = s.numClasses();
        lang = s.lang();
        speed = s.speed();
        title = s.title();
        taskText = s.taskText();
        goal = s.goal();
        goalEpochs = s.goalEpochs();
        lock = new ArrayList<>(s.lock());
        outputActivation = s.outputActivation();
        weights = s.weights();
        weightsEpoch = s.weightsEpoch();
        exercise = s.exercise();
        board = s.board();
        name = s.name();
        run = s.run();
        points = s.points();
        data = s.data();
    }

    void feature(InputFeature f, boolean on) {
        if (on) features.add(f);
        else features.remove(f);
    }

    PlaygroundState build() {
        return new PlaygroundState(
                activation,
                batchSize,
                dataset,
                regDataset,
                learningRate,
                regularization,
                regularizationRate,
                noise,
                networkShape,
                seed,
                showTestData,
                discretize,
                percTrainData,
                features,
                problem,
                initZero,
                hideText,
                hiddenControls,
                loss,
                optimizer,
                numClasses,
                lang,
                speed,
                title,
                taskText,
                goal,
                goalEpochs,
                lock,
                outputActivation,
                weights,
                weightsEpoch,
                exercise,
                board,
                name,
                run,
                points,
                data);
    }
}
