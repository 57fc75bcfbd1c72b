package org.backprop.playground.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.backprop.playground.state.Speed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A load-test session pings as a page does, so runs longer than the server's idle period are not cut. */
@Tag("unit")
class ClientSessionPingTest {
    @Test
    void pingsWhenNothingWasSentForTwentySeconds() {
        List<String> sent = new ArrayList<>();
        ClientSession session = new ClientSession(Speed.DEFAULT);
        session.opened(new ClientSession.Link() {
            @Override
            public void sendText(String text) {
                sent.add(text);
            }

            @Override
            public void close() {}

            @Override
            public long wireBytesIn() {
                return -1;
            }
        });
        long start = System.nanoTime();
        session.keepAlive(start + ClientSession.PING_EVERY_NANOS / 2);
        assertEquals(List.of(), sent, "nothing is due half way");
        session.keepAlive(start + ClientSession.PING_EVERY_NANOS + 1);
        assertEquals(List.of("{\"type\":\"ping\"}"), sent);
        session.keepAlive(start + ClientSession.PING_EVERY_NANOS + 2);
        assertEquals(1, sent.size(), "the next ping waits another period");
        session.keepAlive(start + 2 * ClientSession.PING_EVERY_NANOS + 2);
        assertEquals(2, sent.size());
    }
}
