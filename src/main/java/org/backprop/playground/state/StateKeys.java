package org.backprop.playground.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.InputFeature;
import org.backprop.playground.data.ProblemKind;
import org.backprop.playground.engine.Activation;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Optimizer;
import org.backprop.playground.engine.Regularization;

/**
 * The table of keys, in the order they are written: TF Playground's (its state.ts PROPS order, so a
 * link we write reads like one TF writes), then ours. {@code <control>_hide} keys are not here:
 * their names are open-ended and {@link StateCodec} handles them by suffix.
 */
final class StateKeys {
    private StateKeys() {}

    static final String HIDE_SUFFIX = "_hide";
    /** TF keys we know and do not use: read without complaint, never written. */
    static final Set<String> IGNORED_TF_KEYS = Set.of("collectStats", "tutorial");
    /** TF's cosine toggles: TF Playground itself does not show them; turning one on is worth a warning. */
    static final Set<String> UNOFFERED_FEATURES = Set.of("cosX", "cosY");

    static final List<Key<?>> ALL = build();
    static final Map<String, Key<?>> BY_NAME = ALL.stream().collect(Collectors.toUnmodifiableMap(Key::name, k -> k));
    /** Keys of the class, not of the experiment: never locked, never part of what a board shows as settings. */
    static final Set<String> CLASS_KEYS = Set.of("exercise", "board", "name");
    /** What {@code lock} may name: every key but lock itself, the class keys and {@code data} (locked with {@code points}). */
    static final List<String> LOCKABLE = ALL.stream()
            .map(Key::name)
            .filter(n -> !n.equals("lock") && !n.equals("data") && !CLASS_KEYS.contains(n))
            .toList();
    /** A nickname's text as the state keeps it; whether it may join a board is the board's rule (store.Nicknames). */
    static final int MAX_NAME_CHARS = 64;

    private static List<Key<?>> build() {
        List<Key<?>> keys = new ArrayList<>();
        keys.add(key(
                "activation",
                (raw, lim) -> hiddenActivation(raw),
                (b, v) -> b.activation = v,
                PlaygroundState::activation,
                a -> a.key));
        keys.add(key(
                "regularization",
                (raw, lim) -> ValueReaders.choice(raw, Regularization::parse),
                (b, v) -> b.regularization = v,
                PlaygroundState::regularization,
                r -> r.key));
        keys.add(integer(
                "batchSize",
                (raw, lim) -> ValueReaders.integer(raw, 1, lim.maxBatchSize(), "limit of"),
                (b, v) -> b.batchSize = v,
                PlaygroundState::batchSize));
        keys.add(key(
                "dataset",
                (raw, lim) -> dataset(raw, false),
                (b, v) -> b.dataset = v,
                PlaygroundState::dataset,
                Dataset::urlName));
        keys.add(key(
                "regDataset",
                (raw, lim) -> dataset(raw, true),
                (b, v) -> b.regDataset = v,
                PlaygroundState::regDataset,
                Dataset::urlName));
        keys.add(new Key<Double>(
                "learningRate",
                (raw, lim) -> learningRate(raw),
                (b, v) -> b.learningRate = v,
                PlaygroundState::learningRate,
                ValueReaders::plain,
                v -> v,
                false));
        keys.add(number(
                "regularizationRate", 0, 10, (b, v) -> b.regularizationRate = v, PlaygroundState::regularizationRate));
        keys.add(number("noise", 0, 50, (b, v) -> b.noise = v, PlaygroundState::noise));
        keys.add(new Key<List<Integer>>(
                "networkShape",
                ValueReaders::shape,
                (b, v) -> b.networkShape = new ArrayList<>(v),
                PlaygroundState::networkShape,
                v -> v.stream().map(String::valueOf).collect(Collectors.joining(",")),
                v -> v,
                true));
        keys.add(
                key("seed", (raw, lim) -> ValueReaders.seed(raw), (b, v) -> b.seed = v, PlaygroundState::seed, v -> v));
        keys.add(bool("showTestData", (b, v) -> b.showTestData = v, PlaygroundState::showTestData));
        keys.add(bool("discretize", (b, v) -> b.discretize = v, PlaygroundState::discretize));
        keys.add(integer(
                "percTrainData",
                (raw, lim) -> ValueReaders.integer(raw, 10, 90, null),
                (b, v) -> b.percTrainData = v,
                PlaygroundState::percTrainData));
        // TF's order of the toggles in PROPS: x y xTimesY xSquared ySquared (cosX) sinX (cosY) sinY
        for (InputFeature f : List.of(
                InputFeature.X,
                InputFeature.Y,
                InputFeature.X_TIMES_Y,
                InputFeature.X_SQUARED,
                InputFeature.Y_SQUARED,
                InputFeature.SIN_X,
                InputFeature.SIN_Y)) {
            keys.add(bool(
                    f.urlName(), (b, v) -> b.feature(f, v), s -> s.features().contains(f)));
        }
        keys.add(key(
                "problem",
                (raw, lim) -> ValueReaders.choice(raw, Problem::parse),
                (b, v) -> b.problem = v,
                PlaygroundState::problem,
                p -> p.key));
        keys.add(bool("initZero", (b, v) -> b.initZero = v, PlaygroundState::initZero));
        keys.add(bool("hideText", (b, v) -> b.hideText = v, PlaygroundState::hideText));

        keys.add(key(
                "loss",
                (raw, lim) -> ValueReaders.choice(raw, Loss::parse),
                (b, v) -> b.loss = v,
                PlaygroundState::loss,
                l -> l.key));
        keys.add(new Key<Activation>(
                "outputActivation",
                (raw, lim) -> outputActivation(raw),
                (b, v) -> b.outputActivation = v,
                PlaygroundState::outputActivation,
                v -> v == null ? null : v.key,
                v -> v == null ? AUTO : v.key,
                false));
        keys.add(key(
                "optimizer",
                (raw, lim) -> ValueReaders.choice(raw, Optimizer.Kind::parse),
                (b, v) -> b.optimizer = v,
                PlaygroundState::optimizer,
                o -> o.key));
        keys.add(new Key<Integer>(
                "numClasses",
                (raw, lim) -> numClasses(raw),
                (b, v) -> b.numClasses = v,
                PlaygroundState::numClasses,
                v -> v == 0 ? null : String.valueOf(v),
                v -> v,
                false));
        keys.add(key("lang", (raw, lim) -> lang(raw), (b, v) -> b.lang = v, PlaygroundState::lang, v -> v));
        keys.add(new Key<Speed>(
                "speed",
                (raw, lim) -> speed(raw),
                (b, v) -> b.speed = v,
                PlaygroundState::speed,
                Speed::key,
                Speed::json,
                false));
        keys.add(new Key<String>(
                "title",
                (raw, lim) -> ValueReaders.text(raw, PlaygroundState.MAX_TITLE_CHARS),
                (b, v) -> b.title = v,
                PlaygroundState::title,
                v -> v.isEmpty() ? null : v,
                v -> v,
                true));
        keys.add(new Key<String>(
                "task",
                (raw, lim) -> ValueReaders.lines(raw, PlaygroundState.MAX_TASK_CHARS),
                (b, v) -> b.taskText = v,
                PlaygroundState::taskText,
                v -> v.isEmpty() ? null : v,
                v -> v,
                true));
        keys.add(new Key<Goal>(
                "goal",
                (raw, lim) -> ValueReaders.goal(raw),
                (b, v) -> b.goal = v,
                PlaygroundState::goal,
                v -> v == null ? null : v.toString(),
                v -> v == null ? "" : v.toString(),
                true));
        // blank or 0 is "no budget"; written only when set, null in JSON when not
        keys.add(new Key<Integer>(
                "goalEpochs",
                (raw, lim) -> goalEpochs(raw),
                (b, v) -> b.goalEpochs = v,
                PlaygroundState::goalEpochs,
                v -> v == 0 ? null : String.valueOf(v),
                v -> v == 0 ? null : v,
                true));
        keys.add(new Key<List<String>>(
                "lock",
                (raw, lim) -> ValueReaders.lock(raw, lockable()),
                (b, v) -> b.lock = new ArrayList<>(v),
                PlaygroundState::lock,
                v -> v.isEmpty() ? null : String.join(",", v),
                v -> v,
                true));
        keys.add(new Key<List<Double>>(
                "weights",
                (raw, lim) -> ValueReaders.weights(raw),
                (b, v) -> b.weights = v,
                PlaygroundState::weights,
                v -> v.isEmpty() ? null : v.stream().map(ValueReaders::plain).collect(Collectors.joining(",")),
                v -> v,
                true));
        // blank or 0 is "not a trained network's weights"; written only when set, null in JSON when not
        keys.add(new Key<Integer>(
                "weightsEpoch",
                (raw, lim) -> weightsEpoch(raw),
                (b, v) -> b.weightsEpoch = v,
                PlaygroundState::weightsEpoch,
                v -> v == 0 ? null : String.valueOf(v),
                v -> v == 0 ? null : v,
                true));
        // a stored run's id: the web layer fills weights from it; written instead of them (StateCodec.write)
        keys.add(text("run", (raw, lim) -> ValueReaders.token(raw), (b, v) -> b.run = v, PlaygroundState::run));
        // a person's own points (CustomPoints); blank is "the data set's own points"
        keys.add(new Key<CustomPoints>(
                "points",
                (raw, lim) -> raw.isBlank() ? Reading.ok(null) : CustomPoints.read(raw),
                (b, v) -> b.points = v,
                PlaygroundState::points,
                v -> v == null ? null : v.text(),
                v -> v == null ? "" : v.text(),
                true));
        // a stored data set's id: the web layer fills points from it; written instead of them (StateCodec.write)
        keys.add(text("data", (raw, lim) -> ValueReaders.token(raw), (b, v) -> b.data = v, PlaygroundState::data));
        // issue 14's class keys: none changes the training; the web layer acts on them (store, board)
        keys.add(text(
                "exercise",
                (raw, lim) -> ValueReaders.token(raw),
                (b, v) -> b.exercise = v,
                PlaygroundState::exercise));
        keys.add(text("board", (raw, lim) -> ValueReaders.token(raw), (b, v) -> b.board = v, PlaygroundState::board));
        keys.add(text(
                "name",
                (raw, lim) -> ValueReaders.text(raw, MAX_NAME_CHARS),
                (b, v) -> b.name = v,
                PlaygroundState::name));
        return List.copyOf(keys);
    }

    /** outputActivation's value for "the one the task and loss imply". */
    static final String AUTO = "auto";
    /** Output activations a URL may name; softmax comes with loss ce by itself. */
    static final List<Activation> OUTPUT_ACTIVATIONS =
            List.of(Activation.LINEAR, Activation.TANH, Activation.SIGMOID, Activation.RELU);

    private static Reading<Activation> outputActivation(String raw) {
        String s = raw.trim();
        if (s.equalsIgnoreCase(AUTO)) return Reading.ok(null);
        for (Activation a : OUTPUT_ACTIVATIONS) if (a.key.equalsIgnoreCase(s)) return Reading.ok(a);
        return Reading.refused(Msg.of("state.outputActivation", "value", raw));
    }

    // LOCKABLE is built from ALL, which is being built when lock's reader is made: look it up late.
    private static List<String> lockable() {
        return LOCKABLE;
    }

    private static <T> Key<T> key(
            String name,
            BiFunction<String, PlaygroundLimits, Reading<T>> reader,
            BiConsumer<StateBuilder, T> setter,
            Function<PlaygroundState, T> getter,
            Function<T, String> text) {
        return new Key<>(name, reader, setter, getter, text, text::apply, false);
    }

    /** Text written only when not empty; blank is "none". */
    private static Key<String> text(
            String name,
            BiFunction<String, PlaygroundLimits, Reading<String>> reader,
            BiConsumer<StateBuilder, String> setter,
            Function<PlaygroundState, String> getter) {
        return new Key<>(name, reader, setter, getter, v -> v.isEmpty() ? null : v, v -> v, true);
    }

    /** A whole number: written as digits in a URL and as a JSON number in the state message. */
    private static Key<Integer> integer(
            String name,
            BiFunction<String, PlaygroundLimits, Reading<Integer>> reader,
            BiConsumer<StateBuilder, Integer> setter,
            Function<PlaygroundState, Integer> getter) {
        return new Key<>(name, reader, setter, getter, String::valueOf, v -> v, false);
    }

    private static Key<Boolean> bool(
            String name, BiConsumer<StateBuilder, Boolean> setter, Function<PlaygroundState, Boolean> getter) {
        return new Key<>(name, (raw, lim) -> ValueReaders.bool(raw), setter, getter, String::valueOf, v -> v, false);
    }

    private static Key<Double> number(
            String name,
            double min,
            double max,
            BiConsumer<StateBuilder, Double> setter,
            Function<PlaygroundState, Double> getter) {
        return new Key<>(
                name,
                (raw, lim) -> ValueReaders.decimal(raw, min, max),
                setter,
                getter,
                ValueReaders::plain,
                v -> v,
                false);
    }

    /** Any finite rate above 0 up to TF's largest, 10; 0 or less is a mistake, not something to clamp. */
    private static Reading<Double> learningRate(String raw) {
        Reading<Double> r = ValueReaders.decimal(raw, 0, 10);
        if (!r.refused() && !(r.value() > 0)) {
            return Reading.refused(Msg.of("state.learningRate", "value", raw));
        }
        return r;
    }

    private static Reading<Activation> hiddenActivation(String raw) {
        Reading<Activation> r = ValueReaders.choice(raw, Activation::parse);
        if (r.value() == Activation.SOFTMAX) {
            return Reading.refused(Msg.of("state.softmaxHidden"));
        }
        return r;
    }

    private static Reading<Dataset> dataset(String raw, boolean regression) {
        Reading<Dataset> r = ValueReaders.choice(raw, Dataset::fromName);
        if (r.refused()) return r;
        boolean isRegression = r.value().problem() == ProblemKind.REGRESSION;
        if (isRegression && !regression) {
            return Reading.refused(Msg.of("state.regressionSet", "name", raw.trim()));
        }
        if (!isRegression && regression) {
            return Reading.refused(Msg.of("state.classificationSet", "name", raw.trim()));
        }
        return r;
    }

    private static Reading<Integer> numClasses(String raw) {
        Reading<Integer> r = ValueReaders.integer(raw, 0, Dataset.MAX_CLASSES, null);
        if (!r.refused() && r.value() > 0 && r.value() < Dataset.MIN_CLASSES) {
            return Reading.refused(Msg.of("state.numClasses", "min", Dataset.MIN_CLASSES, "max", Dataset.MAX_CLASSES));
        }
        return r;
    }

    private static Reading<Integer> goalEpochs(String raw) {
        return raw.isBlank() ? Reading.ok(0) : ValueReaders.integer(raw, 0, PlaygroundState.MAX_GOAL_EPOCHS, null);
    }

    private static Reading<Integer> weightsEpoch(String raw) {
        return raw.isBlank() ? Reading.ok(0) : ValueReaders.integer(raw, 0, PlaygroundState.MAX_WEIGHTS_EPOCH, null);
    }

    private static Reading<Speed> speed(String raw) {
        Speed s = Speed.parse(raw);
        return s != null
                ? Reading.ok(s)
                : Reading.refused(Msg.of("state.speed", "value", raw, "choices", Speed.CHOICES_TEXT));
    }

    private static Reading<String> lang(String raw) {
        String s = raw.trim();
        return PlaygroundState.LANGUAGES.contains(s)
                ? Reading.ok(s)
                : Reading.refused(Msg.of(
                        "state.unknownLanguage",
                        "value",
                        raw,
                        "choices",
                        String.join(", ", PlaygroundState.LANGUAGES)));
    }
}
