package org.backprop.playground.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Presets.match: a page is a preset when every key of the preset's query has the same value in its state. */
@Tag("unit")
class PresetsMatchTest {
    private final StateCodec codec = new StateCodec(PlaygroundLimits.defaults());

    private Optional<String> matched(String query) {
        return Presets.match(codec, codec.parse(query).state()).map(Presets.Preset::id);
    }

    @Test
    void every_preset_is_matched_from_its_own_query_and_from_its_written_link() {
        for (Presets.Preset p : Presets.ALL) {
            assertEquals(Optional.of(p.id()), matched(p.query()), p.id());
            // the normalized link the page shares (codec.write leaves defaults out) is still the preset
            assertEquals(
                    Optional.of(p.id()),
                    matched(codec.write(codec.parse(p.query()).state())),
                    p.id());
            // keys the preset does not name may differ
            assertEquals(Optional.of(p.id()), matched(p.query() + "&seed=other&lang=ko&hideText=true"), p.id());
        }
    }

    @Test
    void a_changed_value_is_no_longer_the_preset() {
        for (Presets.Preset p : Presets.ALL) {
            PlaygroundState s = codec.parse(p.query()).state();
            Update u = codec.apply(s, Map.of("batchSize", String.valueOf(s.batchSize() + 1)));
            assertTrue(u.accepted(), p.id());
            assertEquals(Optional.empty(), Presets.match(codec, u.state()), p.id());
        }
        assertEquals(Optional.empty(), matched(null), "the default page is no tutorial");
        assertEquals(Optional.empty(), matched("dataset=xor&networkShape=8"));
        // 001's XOR at 003's learning rate is 003's XOR: the rates are all that tells them apart
        assertEquals(
                Optional.of("003-xor"),
                matched(Presets.byId("001-xor").orElseThrow().query().replace("learningRate=0.5", "learningRate=1.0")));
        // the worked example without its given weights is not the worked example
        assertEquals(
                Optional.empty(),
                matched(Presets.byId("000-worked").orElseThrow().query().replace("0.15", "0.25")));
    }
}
