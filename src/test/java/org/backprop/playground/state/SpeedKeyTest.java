package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The {@code speed} key: its menu, its default, a URL's fallback and a {@code set}'s refusal. */
@Tag("unit")
class SpeedKeyTest {
    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());

    @Test
    void the_choices_are_the_menu_slowest_first_then_max() {
        assertEquals(
                List.of("1", "3", "10", "30", "60", "100", "300", "1000", "3000", "10000", "max"),
                Speed.CHOICES.stream().map(Speed::key).toList());
        assertEquals("1, 3, 10, 30, 60, 100, 300, 1000, 3000, 10000, max", Speed.CHOICES_TEXT);
        assertEquals(Speed.DEFAULT, PlaygroundState.defaults().speed());
        assertEquals(60, Speed.DEFAULT.epochsPerSecond());
        assertFalse(Speed.MAX.paced());
    }

    @Test
    void a_url_names_a_speed_and_the_link_writes_it_back() {
        Parsed p = codec.parse("speed=1000");
        assertEquals(new Speed(1000), p.state().speed());
        assertTrue(p.warnings().isEmpty());
        assertTrue(codec.write(p.state()).contains("&speed=1000"), codec.write(p.state()));
        assertEquals(Speed.MAX, codec.parse("speed=MAX").state().speed());
        assertTrue(codec.write(PlaygroundState.defaults()).contains("&speed=60"), "the default is written too");
        assertEquals(p.state(), codec.parse(codec.write(p.state())).state());
    }

    @Test
    void the_state_message_holds_a_number_or_max() {
        assertEquals(60, codec.toMap(PlaygroundState.defaults()).get("speed"));
        assertEquals("max", codec.toMap(codec.parse("speed=max").state()).get("speed"));
        assertEquals(new Speed(10), codec.parse(Map.of("speed", 10.0)).state().speed(), "a config's JSON 10.0");
    }

    @Test
    void a_bad_speed_in_a_url_falls_back_to_60_with_a_warning_that_lists_the_choices() {
        for (String bad : List.of("50", "0", "-60", "fast", "1e9", "60f", "Infinity")) {
            Parsed p = codec.parse("speed=" + bad + "&learningRate=0.1");
            assertEquals(Speed.DEFAULT, p.state().speed(), bad);
            assertEquals(0.1, p.state().learningRate(), "the rest is read: " + bad);
            Warning w = p.warnings().stream()
                    .filter(x -> "speed".equals(x.key()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                    w.message().contains(Speed.CHOICES_TEXT) && w.message().contains("using the default 60"),
                    w.message());
        }
    }

    @Test
    void a_bad_speed_in_a_set_is_refused_on_field_speed_and_nothing_changes() {
        PlaygroundState before = codec.parse("speed=300").state();
        Update u = codec.apply(before, Map.of("speed", "7", "learningRate", 0.3));
        assertFalse(u.accepted());
        assertEquals(before, u.state());
        FieldError e = u.errors().get(0);
        assertEquals(FieldError.BAD_VALUE, e.code());
        assertEquals("speed", e.field());
        assertTrue(e.message().contains(Speed.CHOICES_TEXT), e.message());
        assertEquals("state.keyReason", e.detail().id());
        assertEquals("state.speed", ((Msg) e.detail().params().get("reason")).id());
    }

    @Test
    void a_set_of_speed_is_a_live_change_and_can_be_locked() {
        Update u = codec.apply(PlaygroundState.defaults(), Map.of("speed", "max"));
        assertTrue(u.accepted());
        assertEquals(List.of("speed"), u.changed());
        assertEquals(Speed.MAX, u.state().speed());
        PlaygroundState locked = codec.parse("lock=speed").state();
        Update refused = codec.apply(locked, Map.of("speed", 10));
        assertEquals(FieldError.LOCKED, refused.errors().get(0).code());
        assertNull(Speed.parse("9"));
    }
}
