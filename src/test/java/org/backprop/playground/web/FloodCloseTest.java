package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.RawWs;
import org.backprop.playground.testsupport.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that floods as fast as its socket takes it, and goes on flooding after the server has
 * had enough, still receives the server's close frame with 1008, not a TCP reset.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("socket")
class FloodCloseTest {
    /** How long the flooder writes, whatever the server says meanwhile. */
    private static final long FLOOD_NANOS = TimeUnit.SECONDS.toNanos(4);

    @Test
    void a_client_flooding_at_full_speed_receives_close_1008_not_a_reset() throws Exception {
        try (TestServer server = new TestServer()) {
            for (int round = 0; round < 3; round++) {
                try (RawWs ws = RawWs.upgrade(server.wsUrl())) {
                    CompletableFuture<RawWs.Frame> close = new CompletableFuture<>();
                    Thread reader = new Thread(
                            () -> {
                                try {
                                    close.complete(ws.readUntilClose());
                                } catch (IOException e) {
                                    close.completeExceptionally(e);
                                }
                            },
                            "flood-reader");
                    reader.start();
                    byte[] one = RawWs.textFrame("{\"type\":\"pause\"}");
                    ByteArrayOutputStream batch = new ByteArrayOutputStream();
                    for (int i = 0; i < 256; i++) batch.writeBytes(one);
                    byte[] burst = batch.toByteArray();
                    long start = System.nanoTime(), sent = 0;
                    String writeEnd = "no write failed";
                    try {
                        // as a browser does: flood until the server's close frame is read, then answer it
                        while (!close.isDone() && System.nanoTime() - start < FLOOD_NANOS) {
                            ws.write(burst);
                            sent += 256;
                        }
                        if (close.isDone() && !close.isCompletedExceptionally()) ws.sendClose(1008);
                    } catch (IOException e) {
                        writeEnd = "writes failed after " + (System.nanoTime() - start) / 1_000_000 + " ms: "
                                + e.getMessage();
                    }
                    RawWs.Frame f;
                    try {
                        f = close.get(WsClient.DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new AssertionError(
                                "round " + round + ": no close frame, the reader got " + e.getCause() + " (" + sent
                                        + " messages sent; " + writeEnd + ")",
                                e.getCause());
                    }
                    System.out.println("round " + round + ": " + sent + " messages sent, " + writeEnd + "; close "
                            + f.closeCode() + " \"" + f.closeReason() + "\"");
                    assertEquals(1008, f.closeCode(), f.closeReason());
                    assertTrue(f.closeReason().contains("too many messages"), f.closeReason());
                    reader.join(5000);
                    assertEquals("no write failed", writeEnd, "the server reset the connection under the flood");
                    String end;
                    try {
                        end = ws.socket.getInputStream().read() < 0 ? "EOF" : "more data";
                    } catch (IOException e) {
                        end = e.toString();
                    }
                    assertEquals("EOF", end, "after the close handshake the connection ends with a FIN, not a reset");
                }
            }
            assertEquals(3, server.socket().stats().closedFlooding());
            HostileClientsTest.awaitLive(() -> server.socket().liveSessions(), 0);
        }
    }
}
