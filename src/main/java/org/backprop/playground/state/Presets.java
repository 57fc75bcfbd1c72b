package org.backprop.playground.state;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tutorials of shared/seeds as playground URLs: each is a plain shareable query, nothing more
 * (there is no preset key). The one list; {@code GET /api/presets} serves it, and the page renders its
 * Tutorials menu and the open preset's card from it. Where a tutorial trains on all its rows at once,
 * the batch is the training set's size, so an epoch is one full-batch step as in its NumPy loop; where
 * it prints a worked example, {@code weights} holds its exact starting parameters and {@code sample}
 * the one sample it steps through.
 *
 * <p>A preset's words (title and the card's texts, in every language) live in
 * {@code static/i18n/strings.json} under {@link Preset#key}, so the page can switch them live.
 */
public final class Presets {
    private Presets() {}

    /** The card's texts, in the order the card shows them: what it builds, what to look at, what to try, the numbers. */
    public static final List<String> TEXTS = List.of("builds", "look", "try", "numbers");

    /**
     * The sample a worked example steps through, as the socket's {@code inspect} takes it
     * (docs/protocol.md §9): the network's input vector and the encoded target row.
     */
    public record Sample(List<Double> input, List<Double> target) {
        public Sample {
            input = List.copyOf(input);
            target = List.copyOf(target);
        }
    }

    /** One tutorial network: a stable id, its URL query (no leading '?'), and its sample or null. */
    public record Preset(String id, String query, Sample sample) {
        /** The strings key of one of its words: {@code title} or one of {@link #TEXTS}. */
        public String key(String part) {
            return "preset." + id + "." + part;
        }
    }

    private static Sample sample(List<Double> input, double target) {
        return new Sample(input, List.of(target));
    }

    public static final List<Preset> ALL = List.of(
            new Preset(
                    "000-blobs",
                    "activation=relu&batchSize=50&dataset=seed-blobs&learningRate=0.5&networkShape=4&loss=bce",
                    null),
            new Preset(
                    "000-worked",
                    "activation=relu&batchSize=1&dataset=seed-blobs&learningRate=0.1&networkShape=2&loss=bce"
                            + "&weights=0.5,0.3,0.2,0.4,0.1,0.2,0.6,0.7,0.15",
                    sample(List.of(1.0, 2.0), 1)),
            new Preset(
                    "001-xor",
                    "activation=relu&batchSize=4&dataset=seed-xor&learningRate=0.5&networkShape=8&loss=mse&outputActivation=sigmoid",
                    null),
            new Preset(
                    "001-digits",
                    "activation=relu&batchSize=32&dataset=seed-digits&learningRate=0.1&networkShape=32,16&loss=ce",
                    null),
            new Preset(
                    "002-regression",
                    "activation=relu&batchSize=50&regDataset=seed-regression&learningRate=0.01&networkShape=5&problem=regression&loss=mse",
                    null),
            new Preset(
                    "003-neuron",
                    "batchSize=1&regDataset=seed-neuron&learningRate=0.1&networkShape=&problem=regression&loss=mse&outputActivation=sigmoid",
                    sample(List.of(2.0), 1)),
            new Preset(
                    "003-xor",
                    "activation=relu&batchSize=4&dataset=seed-xor&learningRate=1&networkShape=8&loss=mse&outputActivation=sigmoid",
                    null),
            new Preset(
                    "004-neuron",
                    "batchSize=1&regDataset=seed-update&learningRate=0.1&networkShape=&problem=regression&loss=square"
                            + "&outputActivation=sigmoid&weights=0.2,0.4,0",
                    sample(List.of(0.5, 0.8), 1)),
            new Preset(
                    "004-relu",
                    "activation=relu&batchSize=1&regDataset=seed-update&learningRate=0.01&networkShape=2&problem=regression"
                            + "&loss=square&outputActivation=relu&weights=0.2,0.1,0.4,0.3,0.1,0.2,0.5,0.6,0.3",
                    sample(List.of(0.5, 0.8), 1)),
            new Preset(
                    "004-guess-42",
                    "batchSize=1&regDataset=seed-guess&learningRate=0.1&networkShape=&problem=regression&loss=square"
                            + "&outputActivation=linear&weights=-0.7580416795667336",
                    sample(List.of(), 42)));

    public static Optional<Preset> byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The preset a state is, when every key its query names has the same value in {@code state}; other
     * keys (seed, lang, hideText …) may differ. Both sides are compared as {@code codec} normalizes them,
     * so {@code learningRate=1} and {@code learningRate=1.0} are the same.
     */
    public static Optional<Preset> match(StateCodec codec, PlaygroundState state) {
        Map<String, Object> here = codec.toMap(state);
        for (Preset p : ALL) {
            Map<String, Object> own = codec.toMap(codec.parse(p.query()).state());
            boolean same = true;
            for (String pair : p.query().split("&")) {
                String key = pair.substring(0, pair.indexOf('='));
                if (!Objects.equals(own.get(key), here.get(key))) same = false;
            }
            if (same) return Optional.of(p);
        }
        return Optional.empty();
    }
}
