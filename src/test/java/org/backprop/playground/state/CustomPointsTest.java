package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backprop.playground.data.Dataset;
import org.backprop.playground.data.Domain;
import org.backprop.playground.data.Point;
import org.backprop.playground.data.ProblemKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The {@code points} key: its bytes, its grid, its refusals, and what the codec does with it. */
@Tag("unit")
class CustomPointsTest {
    private static final Domain D = Domain.PLAYGROUND;
    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());

    /**
     * (−6, 6) class 1 training, (0, 0) class 0 test on [−6, 6]: kind 01, then x y as u16 over the
     * domain (−6 → 0, 6 → 65535, 0 → round(32767.5) = 32768 = 0x8000) and the flags (0x80 = test):
     * 01 | 0000 FFFF 01 | 8000 8000 80 → base64url "AQAA__8BgACAAIA" (static/js's tests use the same).
     */
    @Test
    void two_class_points_are_written_as_the_worked_example() {
        CustomPoints p = CustomPoints.read("AQAA__8BgACAAIA").value();
        assertEquals(2, p.size());
        assertEquals(1, p.testCount());
        assertEquals(List.of(Point.of(-6, 6, 1)), p.train(D, ProblemKind.BINARY));
        assertEquals(
                List.of(Point.of(-6 + 32768 * 12.0 / 65535, -6 + 32768 * 12.0 / 65535, -1)),
                p.test(D, ProblemKind.BINARY));
        // as K classes the class is the label itself
        assertEquals(0, p.test(D, ProblemKind.MULTICLASS).get(0).label());
        assertEquals("AQAA__8BgACAAIA", p.text());
        // value 2 on [−2, 2] is 0xFFFF: 02 | 8000 8000 00 FFFF
        CustomPoints v = CustomPoints.read("AoAAgAAA__8").value();
        assertEquals(CustomPoints.Kind.VALUES, v.kind());
        assertEquals(2, v.train(D, ProblemKind.REGRESSION).get(0).label());
        assertEquals("AoAAgAAA__8", v.text());
    }

    @Test
    void a_point_lands_within_half_a_grid_step_and_round_trips_exactly() {
        CustomPoints p = CustomPoints.empty(CustomPoints.Kind.VALUES)
                .with(1.234567, -5.999, 0.3333, D, ProblemKind.REGRESSION)
                .with(6, -6, -2, D, ProblemKind.REGRESSION);
        Point a = p.train(D, ProblemKind.REGRESSION).get(0);
        assertEquals(1.234567, a.x(), 6.0 / 65535);
        assertEquals(-5.999, a.y(), 6.0 / 65535);
        assertEquals(0.3333, a.label(), 2.0 / 65535);
        CustomPoints again = CustomPoints.read(p.text()).value();
        assertEquals(p, again);
        assertEquals(p.train(D, ProblemKind.REGRESSION), again.train(D, ProblemKind.REGRESSION));
    }

    @Test
    void nearest_finds_the_closest_within_the_radius_only() {
        CustomPoints p = CustomPoints.empty(CustomPoints.Kind.CLASSES)
                .with(0, 0, 1, D, ProblemKind.BINARY)
                .with(1, 0, -1, D, ProblemKind.BINARY);
        assertEquals(1, p.nearest(0.7, 0, 0.5, D));
        assertEquals(0, p.nearest(0.3, 0, 0.5, D));
        assertEquals(-1, p.nearest(3, 3, 0.5, D));
        CustomPoints left = p.without(0);
        assertEquals(1, left.size());
        assertEquals(-1, left.train(D, ProblemKind.BINARY).get(0).label());
    }

    @Test
    void bad_text_is_refused_with_what_is_wrong() {
        assertEquals("state.pointsNotBase64", CustomPoints.read("A*B").msg().id());
        assertEquals("state.pointsKind", CustomPoints.read("Aw").msg().id()); // 03
        assertEquals("state.pointsLength", CustomPoints.read("AQAA").msg().id()); // 01 0000: 2 bytes of a 5-byte point
        assertEquals("state.pointsClass", CustomPoints.read("AQAAAAAE").msg().id()); // class 4
        assertEquals("state.pointsFlags", CustomPoints.read("AgAAAAABAAA").msg().id()); // values with flag 1
        byte[] many = new byte[1 + 5 * (CustomPoints.MAX_POINTS + 1)];
        many[0] = 1;
        String text = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(many);
        assertEquals("state.tooManyPoints", CustomPoints.read(text).msg().id());
        // a link with bad points opens with the data set's own, saying so
        Parsed parsed = codec.parse("dataset=xor&points=Aw");
        assertNull(parsed.state().points());
        assertEquals("points", parsed.warnings().get(0).key());
    }

    @Test
    void a_link_round_trips_the_points_and_a_state_message_carries_them() {
        Parsed parsed = codec.parse("dataset=xor&points=AQAA__8BgACAAIA");
        assertTrue(parsed.warnings().isEmpty(), parsed.warnings().toString());
        String written = codec.write(parsed.state());
        assertTrue(written.endsWith("&points=AQAA__8BgACAAIA"), written);
        assertEquals(parsed.state(), codec.parse(written).state());
        assertEquals("AQAA__8BgACAAIA", codec.toMap(parsed.state()).get("points"));
        assertEquals("", codec.toMap(PlaygroundState.defaults()).get("points"));
        // named by a stored data set: the id is written instead of the points
        PlaygroundState stored = parsed.state().withData("abc123");
        assertFalse(codec.write(stored).contains("points="));
        assertTrue(codec.write(stored).endsWith("&data=abc123"));
        assertEquals("AQAA__8BgACAAIA", codec.toMap(stored).get("points"), "the state message has them all the same");
    }

    @Test
    void points_that_do_not_fit_the_data_set_are_dropped_from_a_link_and_refused_in_a_set() {
        // classes on a regression set, values on a classification set, a class the set has not, no map
        for (String link : List.of(
                "problem=regression&points=AQAA__8BgACAAIA",
                "dataset=xor&points=AoAAgAAA__8",
                "dataset=xor&points=AQAAAAAD",
                "dataset=seed-digits&points=AQAA__8BgACAAIA")) {
            Parsed p = codec.parse(link);
            assertNull(p.state().points(), link);
            assertTrue(p.warnings().stream().anyMatch(w -> "points".equals(w.key())), link + ": " + p.warnings());
        }
        assertEquals(
                3, codec.parse("dataset=blobs&points=AQAAAAAD").state().points().highestClass());
        Update u = codec.apply(PlaygroundState.defaults(), Map.of("points", "AoAAgAAA__8"));
        assertFalse(u.accepted());
        assertEquals(FieldError.CONFLICT, u.errors().get(0).code());
        assertEquals("points", u.errors().get(0).field());
    }

    @Test
    void picking_a_data_set_brings_its_own_points_back_and_points_set_as_points_drop_a_stored_id() {
        PlaygroundState own =
                codec.parse("dataset=xor&points=AQAA__8BgACAAIA&data=abc").state();
        assertEquals("abc", own.data());
        for (String key : List.of("dataset", "numClasses", "problem")) {
            Object value = key.equals("dataset") ? "xor" : key.equals("problem") ? "classification" : 0;
            Update u = codec.apply(own, Map.of(key, value));
            assertTrue(u.accepted(), key + ": " + u.errors());
            assertNull(u.state().points(), key);
            assertEquals("", u.state().data(), key);
            assertTrue(u.changed().contains("points"), key + ": " + u.changed());
        }
        // other keys leave them be
        assertEquals(
                own.points(),
                codec.apply(own, Map.of("learningRate", 0.1)).state().points());
        Update set = codec.apply(own, Map.of("points", "AQAA__8B"));
        assertEquals(1, set.state().points().size());
        assertEquals("", set.state().data());
        // "" is the data set's own points again
        assertNull(codec.apply(own, Map.of("points", "")).state().points());
    }

    @Test
    void own_points_say_noise_ratio_and_regenerate_do_not_apply() {
        Map<String, String> na =
                NotApplying.of(codec.parse("dataset=circle&points=AQ").state());
        assertEquals("na.ownPoints", na.get("noise"));
        assertEquals("na.ownSplit", na.get("percTrainData"));
        assertEquals("na.ownPoints", na.get("regenerate"));
        assertFalse(NotApplying.of(codec.parse("dataset=circle").state()).containsKey("noise"));
    }

    @Test
    void a_data_sets_points_become_own_points_with_their_split() {
        CustomPoints p = CustomPoints.of(
                Dataset.XOR, List.of(Point.of(1, 1, 1), Point.of(-1, 1, -1)), List.of(Point.of(2, -2, -1)));
        assertEquals(3, p.size());
        assertEquals(1, p.testCount());
        assertEquals(-1, p.test(D, ProblemKind.BINARY).get(0).label());
        // a fixed set's points are its training and its test set at once: they train
        CustomPoints fixed =
                CustomPoints.of(Dataset.SEED_XOR, List.of(Point.of(0, 0, -1)), List.of(Point.of(0, 0, -1)));
        assertEquals(1, fixed.size());
        assertEquals(0, fixed.testCount());
    }
}
