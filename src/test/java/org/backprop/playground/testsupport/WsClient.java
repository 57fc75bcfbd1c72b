package org.backprop.playground.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.backprop.playground.protocol.Envelope;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A WebSocket client for tests: every message is kept with its arrival number (text as JSON,
 * binary as its envelope header), and tests wait for the one they want with a deadline, never
 * assuming an order. It runs on Jetty's WebSocket client, offering no extension, as the JDK's did:
 * the JDK's {@code java.net.http.WebSocket} (17 and 25 alike) misreads the stream when frames
 * come in the same read as the 101 response, as the server's hello and first frames do (it failed
 * with "Unexpected rsv1 bit" on valid bytes; WsClientHandshakeTest shows it).
 */
public final class WsClient implements Session.Listener, AutoCloseable {
    public static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One client for all tests, on daemon threads; each connection still has its own socket. */
    private static final WebSocketClient CLIENT = start();

    /** One received message: its arrival number, and its JSON (the header for binary messages). */
    public record Message(long seq, boolean binary, JsonNode json, int bytes) {
        public String type() {
            return json.path("type").asText();
        }
    }

    public final ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
    public final CompletableFuture<int[]> closed = new CompletableFuture<>();
    public volatile String closeReason;
    /** Why the client's side ended, if it did: the error Jetty reported or one our listener threw. */
    private volatile Throwable failure;

    private final AtomicLong seq = new AtomicLong();
    private final boolean reading;
    private volatile Session socket;
    /** What the server says of its side, for a wait that timed out. */
    private volatile Supplier<String> serverSide = () -> "(not watched)";

    private WsClient(boolean reading) {
        this.reading = reading;
    }

    private static WebSocketClient start() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("ws-test-client");
        threads.setDaemon(true);
        HttpClient http = new HttpClient();
        http.setExecutor(threads);
        http.setScheduler(new ScheduledExecutorScheduler("ws-test-client-timer", true));
        http.setConnectTimeout(5000);
        WebSocketClient client = new WebSocketClient(http);
        client.setIdleTimeout(Duration.ofMinutes(5)); // the server's timeouts are under test, not ours
        client.setMaxTextMessageSize(16 << 20);
        client.setMaxBinaryMessageSize(16 << 20);
        try {
            client.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        return client;
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
        try {
            ClientUpgradeRequest request = new ClientUpgradeRequest();
            request.setTimeout(10, TimeUnit.SECONDS);
            c.socket = CLIENT.connect(c, URI.create(url), request).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("connecting to " + url + " failed: " + e, e);
        }
        return c;
    }

    /** Adds the server's side (its counters) to the message of a wait that times out. */
    public WsClient watchedBy(Supplier<String> server) {
        serverSide = server;
        return this;
    }

    public Session socket() {
        return socket;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        socket = session;
        if (reading) session.demand();
    }

    @Override
    public void onWebSocketText(String message) {
        try {
            received.add(new Message(seq.incrementAndGet(), false, JSON.readTree(message), message.length()));
        } catch (IOException e) {
            failure = new AssertionError("the server sent text that is not JSON: " + message, e);
        }
        socket.demand();
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            ByteBuffer whole =
                    ByteBuffer.allocate(payload.remaining()).put(payload).flip();
            JsonNode header = JSON.readTree(Envelope.header(whole));
            received.add(new Message(seq.incrementAndGet(), true, header, whole.remaining()));
        } catch (IOException | RuntimeException e) {
            failure = new AssertionError("a binary message's header is not JSON", e);
        }
        callback.succeed();
        socket.demand();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closeReason = reason;
        closed.complete(new int[] {statusCode});
    }

    @Override
    public void onWebSocketError(Throwable error) {
        failure = error;
        closed.complete(new int[] {-1});
    }

    private static void await(CompletableFuture<?> sent) {
        try {
            sent.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a send failed: " + e, e);
        }
    }

    /** Sends one text message and waits until it is handed to the network. */
    public synchronized void send(String json) {
        await(Callback.Completable.with(cb -> socket.sendText(json, cb)));
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
            Callback.Completable.with(cb -> socket.sendText(json, cb)).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public synchronized void sendBinary(byte[] bytes) {
        await(Callback.Completable.with(cb -> socket.sendBinary(ByteBuffer.wrap(bytes), cb)));
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
    String clientSide() {
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
        Session s = socket;
        if (s == null) return;
        if (s.isOpen()) {
            try {
                Callback.Completable.with(cb -> s.close(1000, "test done", cb)).get(5, TimeUnit.SECONDS);
                if (reading) closed.get(2, TimeUnit.SECONDS); // the server's close in reply
            } catch (Exception ignored) {
                // already closing, or a client that does not read: cut it off below
            }
        }
        s.disconnect();
    }
}
