package org.backprop.playground.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FeaturesTest {

    @Test
    void all_features_at_a_known_point() {
        // (x, y) = (2, -3): x, y, x², y², xy, sin 2, sin -3
        Features all = Features.of(InputFeature.names());
        assertArrayEquals(
                new double[] {2, -3, 4, 9, -6, 0.9092974268256817, -0.1411200080598672}, all.vector(2, -3), 0);
    }

    @Test
    void names_are_tf_playgrounds_in_tf_order() {
        assertEquals(List.of("x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"), InputFeature.names());
    }

    @Test
    void enabled_features_come_out_in_tf_order_whatever_the_input_order() {
        Features f = Features.of("sinY", "x", "xTimesY", "x");
        assertEquals(List.of("x", "xTimesY", "sinY"), f.names());
        assertEquals(3, f.size());
        assertArrayEquals(new double[] {0.5, 0.5 * 1.5, StrictMath.sin(1.5)}, f.vector(0.5, 1.5), 0);
        double[] batch = new double[7];
        f.vectorInto(batch, 4, 0.5, 1.5);
        assertArrayEquals(f.vector(0.5, 1.5), new double[] {batch[4], batch[5], batch[6]}, 0);
    }

    @Test
    void defaults_are_x_and_y() {
        assertEquals(List.of("x", "y"), Features.defaults().names());
    }

    @Test
    void unknown_feature_is_rejected_with_the_valid_names() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Features.of("x", "cosX"));
        assertTrue(e.getMessage().contains("cosX"), e.getMessage());
        for (String name : InputFeature.names()) assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
