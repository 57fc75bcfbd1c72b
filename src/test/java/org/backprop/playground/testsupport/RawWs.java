package org.backprop.playground.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare TCP socket, for what the JDK client will not do: send any
 * {@code Origin} or {@code X-Forwarded-For}, read the upgrade response's headers and a refusal's
 * body, write frames as fast as the socket takes them, and drop the connection without a close.
 */
public final class RawWs implements AutoCloseable {
    /** A frame the server sent: its opcode and payload (1 text, 2 binary, 8 close, 9 ping, 10 pong). */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** A close frame's status code, or -1 without one. */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }

        public String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    public final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** The upgrade response: its status and its headers (names in lower case). */
    public final int status;

    public final Map<String, List<String>> headers = new LinkedHashMap<>();

    private RawWs(Socket socket, Map<String, String> extra, String path) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "localhost:" + socket.getPort());
        h.put("Upgrade", "websocket");
        h.put("Connection", "Upgrade");
        h.put("Sec-WebSocket-Version", "13");
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        h.put("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(key));
        h.putAll(extra);
        h.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        out.write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String statusLine = line();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(l.substring(colon + 1).trim());
        }
    }

    /** Opens {@code wsUrl} (ws://localhost:port/path) with these extra or replaced headers; reads the response head. */
    public static RawWs upgrade(String wsUrl, Map<String, String> extra) {
        URI u = URI.create(wsUrl);
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5000);
            s.setSoTimeout((int) WsClient.DEADLINE.toMillis());
            return new RawWs(s, extra, u.getRawPath());
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // failing anyway
            }
            throw new AssertionError("upgrade failed: " + e, e);
        }
    }

    public static RawWs upgrade(String wsUrl) {
        return upgrade(wsUrl, Map.of());
    }

    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? null : v.get(0);
    }

    /** A refused upgrade's body (it has a Content-Length). */
    public String body() throws IOException {
        int n = Integer.parseInt(header("Content-Length"));
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** One masked text frame, as a client must send it. */
    public void sendText(String text) throws IOException {
        out.write(textFrame(text));
    }

    /** The bytes of one masked text frame (a flood writes the same ones again and again). */
    public static byte[] textFrame(String text) {
        return frame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with {@code code}, masked. */
    public void sendClose(int code) throws IOException {
        out.write(frame(0x8, new byte[] {(byte) (code >> 8), (byte) code}));
    }

    /** One part of a text message: the first part is a text frame, the others continuations. */
    public void sendPart(boolean first, boolean last, String text) throws IOException {
        out.write(frame(last, first ? 0x1 : 0x0, text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A ping, then frames until its pong: once it returns, the server has read every byte sent
     * before the ping (a server that closes with bytes of ours unread answers them with a reset).
     */
    public void pingAndAwaitPong() throws IOException {
        out.write(frame(0x9, new byte[] {'s', 'y', 'n', 'c'}));
        for (Frame f = readFrame(); f.opcode() != 0xA; f = readFrame()) {
            if (f.opcode() == 0x8) throw new EOFException("closed (" + f.closeCode() + ") before the pong");
        }
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    private static byte[] frame(int opcode, byte[] payload) {
        return frame(true, opcode, payload);
    }

    private static byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(payload.length + 14);
        b.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            b.write(0x80 | payload.length);
        } else {
            b.write(0x80 | 126);
            b.write(payload.length >> 8);
            b.write(payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        b.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) b.write(payload[i] ^ mask[i & 3]);
        return b.toByteArray();
    }

    /** The next frame from the server (whole: the server does not fragment what tests read here). */
    public Frame readFrame() throws IOException {
        int b0 = read(), b1 = read();
        long len = b1 & 0x7f;
        if (len == 126) len = ((long) read() << 8) | read();
        else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) len = (len << 8) | read();
        }
        byte[] payload = in.readNBytes((int) len);
        if (payload.length < len) throw new EOFException("frame cut short");
        return new Frame(b0 & 0x0f, payload);
    }

    /** Frames until a close frame, which it returns; pings, texts and binaries are skipped. */
    public Frame readUntilClose() throws IOException {
        for (Frame f = readFrame(); ; f = readFrame()) if (f.opcode() == 0x8) return f;
    }

    /** Drops the connection with a TCP reset: no close frame, no FIN. */
    public void abort() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // gone already
        }
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("the server closed the connection");
        return b;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = read(); c != '\n'; c = read()) if (c != '\r') b.write(c);
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // gone already
        }
    }
}
