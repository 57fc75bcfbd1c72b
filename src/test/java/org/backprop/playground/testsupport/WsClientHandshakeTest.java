package org.backprop.playground.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tests' WebSocket client reads frames that come in the same read as the 101 response, as the
 * server's hello, state, data and first frame do. A fake server writes a 101 and valid frames
 * (text JSON, binary envelopes with 7-, 16- and 64-bit lengths, then a close) in one burst, split
 * at random points, and the client must get every message. The JDK's java.net.http.WebSocket,
 * which WsClient ran on before, failed a few rounds in a hundred here with "Unexpected rsv1 bit"
 * (the rsv1/rsv3 failures of the full test runs); with the head written alone first it never did.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("socket")
class WsClientHandshakeTest {
    private static final int ROUNDS = 200;

    @Test
    void frames_that_come_with_the_101_response_are_all_read() throws Exception {
        Random random = new Random(20240611);
        List<String> failed = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0)) {
            String url = "ws://localhost:" + listener.getLocalPort() + "/ws";
            for (int round = 0; round < ROUNDS; round++) {
                int count = 4 + random.nextInt(12);
                List<String> expected = new ArrayList<>();
                byte[] frames = frames(random, count, expected);
                long splitSeed = random.nextLong();
                CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serve(listener, frames, splitSeed));
                try (WsClient c = WsClient.connect(url)) {
                    try {
                        c.closed.get(5, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        // a client that lost its place may wait for bytes that never come
                    }
                    List<String> got = new ArrayList<>();
                    for (WsClient.Message m : c.received) got.add(m.json().toString());
                    if (!got.equals(expected))
                        failed.add("round " + round + ": " + got.size() + " of " + count + " messages, then "
                                + c.clientSide());
                }
                served.get(10, TimeUnit.SECONDS);
            }
        }
        System.out.printf("%d of %d rounds lost frames that came with the 101%s%n", failed.size(), ROUNDS, failed);
        assertEquals(List.of(), failed);
    }

    /** {@code count} valid messages then a close 1000: what the client must read, in order. */
    private static byte[] frames(Random random, int count, List<String> expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            if (random.nextBoolean()) {
                String json = "{\"type\":\"state\",\"n\":" + i + "}";
                expected.add(json);
                frame(out, 0x1, json.getBytes(StandardCharsets.UTF_8));
            } else {
                String header = "{\"type\":\"frame\",\"epoch\":" + i + "}";
                expected.add(header);
                byte[] head = header.getBytes(StandardCharsets.UTF_8);
                int[] sizes = {random.nextInt(100), 200 + random.nextInt(60_000), 70_000 + random.nextInt(30_000)};
                byte[] filler = new byte[sizes[random.nextInt(3)]];
                for (int k = 0; k < filler.length; k++) filler[k] = (byte) ('a' + k % 26); // as JSON text: 0x40 set
                ByteBuffer envelope = ByteBuffer.allocate(4 + head.length + filler.length);
                envelope.putInt(head.length).put(head).put(filler);
                frame(out, 0x2, envelope.array());
            }
        }
        frame(out, 0x8, new byte[] {0x03, (byte) 0xe8});
        return out.toByteArray();
    }

    /** One unmasked frame, FIN set, its length in the shortest form (RFC 6455 §5.2). */
    private static void frame(ByteArrayOutputStream out, int opcode, byte[] payload) {
        out.write(0x80 | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(n);
        } else if (n < 65536) {
            out.write(126);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) ((long) n >> shift));
        }
        out.writeBytes(payload);
    }

    /** Accepts one connection, answers its upgrade, and writes the 101 and the frames in one go, split at random. */
    private static void serve(ServerSocket listener, byte[] frames, long splitSeed) {
        Random split = new Random(splitSeed);
        try (Socket s = listener.accept()) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            StringBuilder request = new StringBuilder();
            while (!request.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) return;
                request.append((char) b);
            }
            String key = request.toString().replaceAll("(?is).*sec-websocket-key:\\s*([^\r]+).*", "$1");
            byte[] head = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(head);
            all.writeBytes(frames);
            byte[] bytes = all.toByteArray();
            OutputStream out = s.getOutputStream();
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + split.nextInt(split.nextBoolean() ? 8 : 40_000));
                out.write(bytes, at, n);
                out.flush();
                at += n;
            }
            // the client's close in reply, or its end
            byte[] sink = new byte[1024];
            s.setSoTimeout(10_000);
            while (in.read(sink) > 0) {}
        } catch (IOException ignored) {
            // the client went: the test reads what it got
        }
    }

    private static String accept(String key) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((key.trim() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                    .getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
