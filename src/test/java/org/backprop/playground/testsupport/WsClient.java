package org.backprop.playground.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.backprop.playground.protocol.Envelope;

/**
 * A JDK WebSocket client for tests: every message is kept with its arrival number (text as JSON,
 * binary as its envelope header), and tests wait for the one they want with a deadline, never
 * assuming an order. Parts of one message are joined until {@code last}, then {@code request(1)}.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
    public static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One received message: its arrival number, and its JSON (the header for binary messages). */
    public record Message(long seq, boolean binary, JsonNode json, int bytes) {
        public String type() {
            return json.path("type").asText();
        }
    }

    public final ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
    public final CompletableFuture<int[]> closed = new CompletableFuture<>();
    public volatile String closeReason;
    /** Why the client's side ended, if it did: the error the JDK reported or one our listener threw. */
    private volatile Throwable failure;

    private final AtomicLong seq = new AtomicLong();
    private final MessageParts parts = new MessageParts();
    private final boolean reading;
    private volatile WebSocket socket;
    /**
     * An HTTP client of its own (its own selector thread), so a connection that a test floods or
     * the server cuts off shares no I/O thread with the next test's connection.
     */
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** What the server says of its side, for a wait that timed out. */
    private volatile Supplier<String> serverSide = () -> "(not watched)";

    private WsClient(boolean reading) {
        this.reading = reading;
    }

    /** Connects and waits for the socket to open (not for hello). */
    public static WsClient connect(String url) {
        return open(url, true);
    }

    /** A connected client past the server's hello: where most tests start. */
    public static WsClient greeted(String url) {
        WsClient c = connect(url);
        c.hello();
        return c;
    }

    /** A client that never reads a byte after the handshake: the server's messages pile up on the way. */
    public static WsClient neverReading(String url) {
        return open(url, false);
    }

    private static WsClient open(String url, boolean reading) {
        WsClient c = new WsClient(reading);
        c.socket = c.http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), c)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        return c;
    }

    /** Adds the server's side (its counters) to the message of a wait that times out. */
    public WsClient watchedBy(Supplier<String> server) {
        serverSide = server;
        return this;
    }

    public WebSocket socket() {
        return socket;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String message = parts.text(data, last);
        if (message != null) {
            try {
                received.add(new Message(seq.incrementAndGet(), false, JSON.readTree(message), message.length()));
            } catch (IOException e) {
                throw new AssertionError("the server sent text that is not JSON: " + message, e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        ByteBuffer whole = parts.binary(data, last);
        if (whole != null) {
            try {
                JsonNode header = JSON.readTree(Envelope.header(whole));
                received.add(new Message(seq.incrementAndGet(), true, header, whole.remaining()));
            } catch (IOException e) {
                throw new AssertionError("a binary message's header is not JSON", e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(new int[] {statusCode});
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        failure = error;
        closed.complete(new int[] {-1});
    }

    /** Sends one text message and waits until it is handed to the network. */
    public synchronized void send(String json) {
        socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Sends a message tagged {@code id} and returns the reply to it (state or error). */
    public JsonNode send(String id, String json) {
        send(json);
        return replyTo(id);
    }

    public JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Sends, returning false instead of failing once the socket is closed. */
    public synchronized boolean trySend(String json) {
        try {
            socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public synchronized void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    /** The arrival number of the latest message so far (0 before any). */
    public long mark() {
        return seq.get();
    }

    /** The first message after {@code since} that matches, waiting up to the deadline. */
    public Message await(long since, Predicate<Message> wanted, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            for (Message m : received) if (m.seq() > since && wanted.test(m)) return m;
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "timed out waiting for " + what + "; last messages: " + tail() + "\n  client: " + clientSide()
                                + "\n  server: " + serverSide.get() + "\n  threads: " + busyThreads(),
                        failure);
            }
            sleep(5);
        }
    }

    public Message await(Predicate<Message> wanted, String what) {
        return await(0, wanted, what);
    }

    public JsonNode hello() {
        return await(m -> m.type().equals("hello"), "hello").json();
    }

    /** The state message answering the message tagged {@code id}. */
    public JsonNode stateFor(String id) {
        return await(
                        m -> m.type().equals("state")
                                && id.equals(m.json().path("id").asText(null)),
                        "state for " + id)
                .json();
    }

    /** The error message answering the message tagged {@code id}. */
    public JsonNode errorFor(String id) {
        return await(
                        m -> m.type().equals("error")
                                && id.equals(m.json().path("id").asText(null)),
                        "error for " + id)
                .json();
    }

    /** The reply (state or error) to the message tagged {@code id}. */
    public JsonNode replyTo(String id) {
        return await(
                        m -> (m.type().equals("state") || m.type().equals("error"))
                                && id.equals(m.json().path("id").asText(null)),
                        "reply to " + id)
                .json();
    }

    /** The first error after {@code since} with this code. */
    public JsonNode error(long since, String code) {
        return await(
                        since,
                        m -> m.type().equals("error")
                                && m.json().path("code").asText().equals(code),
                        "error " + code)
                .json();
    }

    /** The first frame after {@code since} whose header matches. */
    public Message frame(long since, Predicate<JsonNode> wanted, String what) {
        return await(since, m -> m.binary() && m.type().equals("frame") && wanted.test(m.json()), what);
    }

    public List<Message> frames() {
        List<Message> out = new ArrayList<>();
        for (Message m : received) if (m.binary() && m.type().equals("frame")) out.add(m);
        return out;
    }

    public long frameCount() {
        long n = 0;
        for (Message m : received) if (m.binary() && m.type().equals("frame")) n++;
        return n;
    }

    /** Frames keep coming: at least {@code n} more than now, within the deadline. */
    public void assertStreaming(int n) {
        long since = mark();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            long count = 0;
            for (Message m : received)
                if (m.seq() > since && m.binary() && m.type().equals("frame")) count++;
            if (count >= n) return;
            if (System.nanoTime() > deadline)
                throw new AssertionError("frames stopped: " + count + " of " + n + " in " + DEADLINE);
            sleep(5);
        }
    }

    /** The close status code the server sent, waiting up to the deadline. */
    public int awaitClose() {
        try {
            return closed.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)[0];
        } catch (Exception e) {
            throw new AssertionError("the socket did not close: " + e, e);
        }
    }

    /** Whether this side's socket still stands, else how it ended: a wait that timed out says so. */
    private String clientSide() {
        if (!closed.isDone()) return "open";
        int code = closed.getNow(new int[] {0})[0];
        return code == -1 ? "failed: " + failure : "closed " + code + " " + closeReason;
    }

    private String tail() {
        List<String> all = new ArrayList<>();
        for (Message m : received) {
            String s = m.binary()
                    ? m.type() + "(epoch " + m.json().path("epoch").asText() + ")"
                    : m.json().toString();
            all.add(s.length() > 300 ? s.substring(0, 300) + "…" : s);
        }
        return String.join("\n  ", all.subList(Math.max(0, all.size() - 8), all.size()));
    }

    /** The server's and the client's threads that are not idle in a pool: where a stall would show. */
    private static String busyThreads() {
        List<String> out = new ArrayList<>();
        for (var e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            StackTraceElement[] stack = e.getValue();
            if (t == Thread.currentThread() || stack.length == 0) continue;
            String top = stack[0].getClassName();
            boolean idle = stack[0].isNativeMethod()
                    || top.startsWith("jdk.internal.misc.Unsafe")
                    || top.startsWith("sun.nio.ch");
            boolean ours = false;
            for (StackTraceElement f : stack) ours |= f.getClassName().startsWith("org.backprop");
            if (idle && !ours) continue;
            StringBuilder b = new StringBuilder(t.getName()).append(' ').append(t.getState());
            for (int i = 0; i < Math.min(6, stack.length); i++) b.append(" < ").append(stack[i]);
            out.add(b.toString());
        }
        return out.isEmpty() ? "none busy" : String.join("\n    ", out);
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s == null) return;
        if (!s.isOutputClosed()) {
            try {
                s.sendClose(WebSocket.NORMAL_CLOSURE, "test done")
                        .orTimeout(5, TimeUnit.SECONDS)
                        .join();
                if (reading) closed.get(2, TimeUnit.SECONDS); // the server's close in reply
            } catch (Exception ignored) {
                // already closing, or a client that does not read: cut it off below
            }
        }
        s.abort();
    }
}
