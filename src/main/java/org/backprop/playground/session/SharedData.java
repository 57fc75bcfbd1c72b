package org.backprop.playground.session;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.playground.data.DataSplit;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.engine.Samples;
import org.backprop.playground.engine.SeedRandom;
import org.backprop.playground.state.CustomPoints;
import org.backprop.playground.state.PlaygroundState;

/**
 * One copy of a data set for every session that has the same one: a class on one exercise makes
 * its points and rows once, not once a student. Points, splits and rows are immutable; the cache
 * holds them weakly, so a set lives exactly as long as a session uses it and the cache itself
 * keeps nothing (a bounded heap counts each session's data in SessionCost all the same).
 */
final class SharedData {
    /** What the points depend on: the same key makes the same points in the same order. */
    private record DataKey(
            Dataset dataset, int classes, double noise, int percTrainData, String seed, CustomPoints points) {
        static DataKey of(PlaygroundState s) {
            return new DataKey(s.activeDataset(), s.classes(), s.noise(), s.percTrainData(), s.seed(), s.points());
        }
    }

    /** What the rows depend on besides the points: the inputs and the target encoding. */
    private record RowsKey(DataKey data, List<String> inputs, int dimension, TargetEncoding encoding, int outputs) {}

    /** The split, and the generator as it stands once the points are drawn (TF draws the initial weights next). */
    private record Made(WeakReference<DataSplit> split, SeedRandom after) {}

    private record Encoded(WeakReference<Samples> train, WeakReference<Samples> test) {}

    /** A split and a generator of its own that draws what follows the points in the seed's stream. */
    record Data(DataSplit split, SeedRandom next) {}

    /** A split's rows for one network's inputs. */
    record Rows(Samples train, Samples test) {}

    private static final Map<DataKey, Made> MADE = new HashMap<>();
    private static final Map<RowsKey, Encoded> ROWS = new HashMap<>();

    private SharedData() {}

    /** The state's data in TF's order (generate, shuffle, split), made once while any session holds it. */
    static synchronized Data data(PlaygroundState s) {
        DataKey key = DataKey.of(s);
        Made made = MADE.get(key);
        DataSplit split = made == null ? null : made.split.get();
        if (split == null) {
            SeedRandom random = new SeedRandom(s.seed());
            split = TrainingData.generate(s, random);
            made = new Made(new WeakReference<>(split), random);
            purge();
            MADE.put(key, made);
        }
        return new Data(split, made.after.copy());
    }

    /** The rows of {@code s}'s data for {@code spec}'s inputs, encoded once while any session holds them. */
    static synchronized Rows rows(PlaygroundState s, DataSplit split, NetworkSpec spec) {
        RowsKey key = new RowsKey(
                DataKey.of(s), spec.inputs().names(), spec.inputs().dimension(), spec.encoding(), spec.outputs());
        Encoded encoded = ROWS.get(key);
        Samples train = encoded == null ? null : encoded.train.get(),
                test = encoded == null ? null : encoded.test.get();
        if (train == null || test == null) {
            train = TrainingData.encode(split.train(), spec);
            test = TrainingData.encode(split.test(), spec);
            purge();
            ROWS.put(key, new Encoded(new WeakReference<>(train), new WeakReference<>(test)));
        }
        return new Rows(train, test);
    }

    /** Sets no session holds any more: their entries go (each is a few hundred bytes and a generator's 1 KB). */
    private static void purge() {
        MADE.values().removeIf(m -> m.split.get() == null);
        ROWS.values().removeIf(e -> e.train.get() == null || e.test.get() == null);
    }

    /** Entries held now, for a test: sets in use (or not yet collected). */
    static synchronized int entries() {
        return MADE.size() + ROWS.size();
    }
}
