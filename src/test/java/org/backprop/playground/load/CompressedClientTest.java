package org.backprop.playground.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.state.Speed;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** loadtest --compress: its client negotiates permessage-deflate as a browser does and counts what the socket really read. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@Tag("socket")
class CompressedClientTest {

    @Test
    void jetty_client_negotiates_deflate_and_counts_compressed_bytes() throws Exception {
        Javalin app = App.create(AppConfig.defaults()).start(0);
        try (JettyTransport transport = new JettyTransport()) {
            ClientSession session = new ClientSession(Speed.DEFAULT);
            transport
                    .connect(URI.create("ws://localhost:" + app.port() + "/ws"), session)
                    .get(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            session.startMeasuring();
            // until a dozen frames are in (1.5 s on a quiet machine), not for a fixed time: a loaded one is slower
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (framesSoFar(session) <= 12 && System.nanoTime() < deadline) Thread.sleep(50);
            session.stopMeasuring();
            session.close();
            System.out.printf(
                    "negotiated %s; %d frames, %d bytes decoded, %d on the wire%n",
                    transport.negotiated(), session.frames, session.payloadBytes, session.wireBytes());
            assertTrue(transport.negotiated().startsWith("permessage-deflate"), transport.negotiated());
            assertEquals(0, session.errors.get(), session.firstError);
            assertTrue(session.frames > 10, "frames: " + session.frames);
            assertTrue(
                    session.wireBytes() > 0 && session.wireBytes() < session.payloadBytes / 2,
                    session.wireBytes() + " bytes on the wire for " + session.payloadBytes + " decoded");
        } finally {
            app.stop();
        }
    }

    private static int framesSoFar(ClientSession session) {
        synchronized (session) { // the client counts under its own lock
            return session.frames;
        }
    }
}
