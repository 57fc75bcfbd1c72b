package org.backprop.playground.state;

import java.util.List;

/**
 * The tutorials of shared/seeds as playground URLs: each is a plain shareable query, nothing more
 * (there is no preset key). The one list; {@code GET /api/presets} serves it and the page builds its
 * Tutorials menu from that. Where a tutorial trains on all its rows at once, the batch is the
 * training set's size, so an epoch is one full-batch step as in its NumPy loop; where it prints a
 * worked example, {@code weights} holds its exact starting parameters.
 */
public final class Presets {
    private Presets() {}

    /** One tutorial network: a stable id, its titles, and its URL query (no leading '?'). */
    public record Preset(String id, String titleEn, String titleKo, String query) {}

    public static final List<Preset> ALL = List.of(
            new Preset("000-blobs", "000 · Two blobs: 2-4-1 ReLU, sigmoid + BCE",
                    "000 · 두 개의 가우시안 덩어리: 2-4-1 ReLU, 시그모이드 + BCE",
                    "activation=relu&batchSize=50&dataset=seed-blobs&learningRate=0.5&networkShape=4&loss=bce"),
            new Preset("000-worked", "000 · Worked example: X=[1,2], the given W1, b1, W2, b2",
                    "000 · 손으로 푸는 예제: X=[1,2]와 주어진 W1, b1, W2, b2",
                    "activation=relu&batchSize=1&dataset=seed-blobs&learningRate=0.1&networkShape=2&loss=bce"
                            + "&weights=0.5,0.3,0.2,0.4,0.1,0.2,0.6,0.7,0.15"),
            new Preset("001-xor", "001 · XOR: 2-8-1 ReLU → sigmoid, MSE",
                    "001 · XOR: 2-8-1 ReLU → 시그모이드, MSE",
                    "activation=relu&batchSize=4&dataset=seed-xor&learningRate=0.5&networkShape=8&loss=mse&outputActivation=sigmoid"),
            new Preset("001-digits", "001 · 4×4 digits: 16-32-16-2 softmax, batch 32",
                    "001 · 4×4 숫자 패턴: 16-32-16-2 소프트맥스, 배치 32",
                    "activation=relu&batchSize=32&dataset=seed-digits&learningRate=0.1&networkShape=32,16&loss=ce"),
            new Preset("002-regression", "002 · Regression: 3-5-1 ReLU on uniform random data",
                    "002 · 회귀: 균등 분포 데이터에 3-5-1 ReLU",
                    "activation=relu&batchSize=50&regDataset=seed-regression&learningRate=0.01&networkShape=5&problem=regression&loss=mse"),
            new Preset("003-neuron", "003 · A single sigmoid neuron: x=2, target 1",
                    "003 · 단일 시그모이드 뉴런: x=2, 정답 1",
                    "batchSize=1&regDataset=seed-neuron&learningRate=0.1&networkShape=&problem=regression&loss=mse&outputActivation=sigmoid"),
            new Preset("003-xor", "003 · XOR: 2-8-1 at learning rate 1.0",
                    "003 · XOR: 학습률 1.0의 2-8-1",
                    "activation=relu&batchSize=4&dataset=seed-xor&learningRate=1&networkShape=8&loss=mse&outputActivation=sigmoid"),
            new Preset("004-neuron", "004 · One sigmoid neuron's update: X=[0.5,0.8], W=[0.2,0.4]",
                    "004 · 시그모이드 뉴런 하나의 갱신: X=[0.5,0.8], W=[0.2,0.4]",
                    "batchSize=1&regDataset=seed-update&learningRate=0.1&networkShape=&problem=regression&loss=square"
                            + "&outputActivation=sigmoid&weights=0.2,0.4,0"),
            new Preset("004-relu", "004 · The 2-2-1 ReLU update, learning rate 0.01",
                    "004 · 2-2-1 ReLU 갱신, 학습률 0.01",
                    "activation=relu&batchSize=1&regDataset=seed-update&learningRate=0.01&networkShape=2&problem=regression"
                            + "&loss=square&outputActivation=relu&weights=0.2,0.1,0.4,0.3,0.1,0.2,0.5,0.6,0.3"),
            new Preset("004-guess-42", "004 · Guess 42: one parameter, learning rate 0.1",
                    "004 · 42 맞히기: 파라미터 하나, 학습률 0.1",
                    "batchSize=1&regDataset=seed-guess&learningRate=0.1&networkShape=&problem=regression&loss=square"
                            + "&outputActivation=linear&weights=-0.7580416795667336"));
}
