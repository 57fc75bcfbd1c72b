package org.backprop.playground.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.backprop.playground.protocol.Envelope;
import org.backprop.playground.state.Speed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The load tool counts a frame as a map change only when one of its blocks came with bytes. */
@Tag("unit")
class ClientSessionMapFramesTest {

    @Test
    void a_frame_of_same_blocks_is_a_frame_but_not_a_map_change() {
        ClientSession session = new ClientSession(Speed.DEFAULT);
        session.startMeasuring();
        String header = "{\"type\":\"frame\",\"epoch\":1,\"blocks\":[]}";
        session.binary(Envelope.wrap(header, List.of()), true); // the header alone: every block same
        session.binary(Envelope.wrap(header, List.of(new byte[400])), true); // a block's bytes
        ByteBuffer split = Envelope.wrap(header, List.of(new byte[10])); // in two parts, as a socket may give it
        ByteBuffer first = split.duplicate().limit(6), rest = split.duplicate().position(6);
        session.binary(first, false);
        session.binary(rest, true);
        session.binary(Envelope.wrap("{\"type\":\"data\"}", List.of(new byte[100])), true); // points: not a frame
        session.stopMeasuring();
        assertEquals(3, session.frames);
        assertEquals(2, session.mapFrames);
    }
}
