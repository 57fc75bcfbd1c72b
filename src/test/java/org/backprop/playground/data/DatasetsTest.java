package org.backprop.playground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("unit")
class DatasetsTest {

    @ParameterizedTest
    @EnumSource(Dataset.class)
    void same_seed_gives_identical_data(Dataset dataset) {
        DatasetRequest request = DatasetRequest.of(dataset.urlName(), "0.12345").withNoise(20);
        DataSplit a = Datasets.generate(request);
        DataSplit b = Datasets.generate(request);
        assertEquals(a.train(), b.train());
        assertEquals(a.test(), b.test());
    }

    @ParameterizedTest
    @EnumSource(
            value = Dataset.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {"SEED_XOR", "SEED_NEURON", "SEED_UPDATE", "SEED_GUESS"})
    void different_seed_gives_different_data(Dataset dataset) {
        DataSplit a = Datasets.generate(DatasetRequest.of(dataset.urlName(), "0.12345"));
        DataSplit b = Datasets.generate(DatasetRequest.of(dataset.urlName(), "0.12346"));
        assertNotEquals(a.all(), b.all());
    }

    @ParameterizedTest
    @EnumSource(Dataset.class)
    void points_have_the_declared_dimension_and_count(Dataset dataset) {
        DataSplit d = Datasets.generate(DatasetRequest.of(dataset.urlName(), "7"));
        assertEquals(dataset.defaultSamples(), d.all().size());
        for (Point p : d.all()) assertEquals(dataset.inputDim(), p.dim());
        assertEquals(dataset, d.dataset());
    }

    @Test
    void default_counts_are_tf_playgrounds() {
        assertEquals(500, Dataset.CIRCLE.defaultSamples());
        assertEquals(500, Dataset.SPIRAL.defaultSamples());
        assertEquals(1200, Dataset.REG_PLANE.defaultSamples());
        assertEquals(1200, Dataset.REG_GAUSS.defaultSamples());
        assertEquals(new Domain(-6, 6), Dataset.GAUSS.domain());
    }

    @Test
    void split_is_floor_of_count_times_percent() {
        // TF: splitIndex = floor(data.length * percTrainData / 100)
        DataSplit d = Datasets.generate(
                DatasetRequest.of("xor", "1").withPercTrainData(70).withNumSamples(333));
        assertEquals(233, d.train().size()); // floor(233.1)
        assertEquals(100, d.test().size());
        DataSplit reg = Datasets.generate(DatasetRequest.of("reg-gauss", "1").withPercTrainData(10));
        assertEquals(120, reg.train().size());
        assertEquals(1080, reg.test().size());
    }

    @Test
    void split_only_moves_the_cut_not_the_order() {
        // The shuffle happens before the split, so the ratio never changes which points come first.
        DataSplit half = Datasets.generate(DatasetRequest.of("gauss", "9"));
        DataSplit most = Datasets.generate(DatasetRequest.of("gauss", "9").withPercTrainData(90));
        assertEquals(half.all(), most.all());
        assertEquals(half.train(), most.train().subList(0, 250));
    }

    @Test
    void seed_xor_trains_and_tests_on_all_four_points() {
        DataSplit d = Datasets.generate(DatasetRequest.of("seed-xor", "0.5").withPercTrainData(10));
        assertEquals(4, d.train().size());
        assertEquals(d.train(), d.test());
        assertEquals(4, d.all().size());
    }

    @Test
    void multi_class_labels_cover_zero_to_k_minus_one() {
        for (String name : List.of("spiral-multi", "blobs")) {
            for (int k = 2; k <= 4; k++) {
                DataSplit d = Datasets.generate(DatasetRequest.of(name, "3").withNumClasses(k));
                assertEquals(k, d.numClasses());
                Set<Double> labels = new HashSet<>();
                for (Point p : d.all()) labels.add(p.label());
                Set<Double> expected = new HashSet<>();
                for (int c = 0; c < k; c++) expected.add((double) c);
                assertEquals(expected, labels, name + " K=" + k);
            }
        }
    }

    @Test
    void num_classes_defaults_and_applies_only_to_k_class_sets() {
        assertEquals(
                3, Datasets.generate(DatasetRequest.of("spiral-multi", "1")).numClasses());
        assertEquals(4, Datasets.generate(DatasetRequest.of("blobs", "1")).numClasses());
        assertEquals(
                2,
                Datasets.generate(DatasetRequest.of("circle", "1").withNumClasses(4))
                        .numClasses());
        assertEquals(
                2,
                Datasets.generate(DatasetRequest.of("seed-digits", "1").withNumClasses(3))
                        .numClasses());
        assertEquals(0, Datasets.generate(DatasetRequest.of("reg-plane", "1")).numClasses());
    }

    @Test
    void binary_sets_label_plus_minus_one() {
        for (String name : List.of("circle", "xor", "gauss", "spiral", "moons", "seed-blobs", "seed-xor")) {
            for (Point p : Datasets.generate(DatasetRequest.of(name, "2").withNoise(30))
                    .all()) {
                assertTrue(p.label() == 1 || p.label() == -1, name + ": " + p);
            }
        }
    }

    @Test
    void unknown_dataset_is_rejected_with_the_valid_names() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DatasetRequest.of("circles", "1"));
        assertTrue(e.getMessage().contains("dataset"), e.getMessage());
        for (String name : Dataset.names()) assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void out_of_range_arguments_are_rejected_naming_the_field() {
        DatasetRequest ok = DatasetRequest.of("circle", "1");
        assertRejected("noise", () -> ok.withNoise(-1));
        assertRejected("noise", () -> ok.withNoise(50.5));
        assertRejected("noise", () -> ok.withNoise(Double.NaN));
        assertRejected("percTrainData", () -> ok.withPercTrainData(9));
        assertRejected("percTrainData", () -> ok.withPercTrainData(91));
        assertRejected("numSamples", () -> ok.withNumSamples(0));
        assertRejected("numSamples", () -> ok.withNumSamples(10_001));
        assertRejected("numClasses", () -> ok.withNumClasses(1));
        assertRejected("numClasses", () -> ok.withNumClasses(5));
        assertRejected("seed", () -> DatasetRequest.of("circle", null));
    }

    @Test
    void boundary_arguments_are_accepted() {
        DatasetRequest r = DatasetRequest.of("circle", "")
                .withNoise(50)
                .withPercTrainData(90)
                .withNumClasses(4)
                .withNumSamples(10_000);
        assertEquals(9_000, Datasets.generate(r).train().size());
        assertEquals(
                1,
                Datasets.generate(
                                DatasetRequest.of("xor", "1").withNumSamples(1).withPercTrainData(10))
                        .all()
                        .size());
    }

    private static void assertRejected(String field, Supplier<DatasetRequest> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }
}
