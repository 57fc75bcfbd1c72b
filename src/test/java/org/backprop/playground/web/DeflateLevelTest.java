package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.javalin.Javalin;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.backprop.playground.session.FrameRenderer;
import org.backprop.playground.session.TrainingSession;
import org.backprop.playground.state.PlaygroundLimits;
import org.backprop.playground.state.StateCodec;
import org.eclipse.jetty.util.compression.CompressionPool;
import org.eclipse.jetty.util.compression.DeflaterPool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** permessage-deflate runs at zlib's fastest level: the pool Jetty's WebSocket layer takes its deflaters from is ours. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@Tag("socket")
class DeflateLevelTest {

    @Test
    void websocket_frames_are_deflated_at_the_fastest_level() {
        byte[] frame = defaultFrame();
        Javalin app = App.create(AppConfig.defaults()).start(0);
        try {
            // the lookup Jetty's WebSocketServerComponents makes when it builds the /ws components
            DeflaterPool pool = DeflaterPool.ensurePool(app.jettyServer().server());
            CompressionPool<Deflater>.Entry entry = pool.acquire();
            int served;
            try {
                served = deflatedLength(entry.get(), frame);
            } finally {
                pool.release(entry);
            }
            int fastest = deflatedLength(new Deflater(Deflater.BEST_SPEED, true), frame);
            int standard = deflatedLength(new Deflater(Deflater.DEFAULT_COMPRESSION, true), frame);
            System.out.printf(
                    "a default frame of %d bytes deflates to %d by the server's pool, %d at level 1, %d at level 6%n",
                    frame.length, served, fastest, standard);
            assertNotEquals(fastest, standard, "the frame must tell the levels apart");
            assertEquals(fastest, served);
        } finally {
            app.stop();
        }
    }

    private static byte[] defaultFrame() {
        TrainingSession s = new TrainingSession(
                new StateCodec(PlaygroundLimits.defaults()).parse("").state());
        s.runEpochs(100);
        ByteBuffer b = new FrameRenderer().render(s.snapshot());
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    private static int deflatedLength(Deflater d, byte[] input) {
        d.setInput(input);
        byte[] out = new byte[input.length * 2 + 64];
        int n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        return n;
    }
}
