package org.backprop.playground.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.protocol.BoardMessageType;
import org.backprop.playground.protocol.MessageType;

/**
 * The load test's teacher (loadtest --board): makes a class board, watches it on
 * {@code /ws/board/{id}} and times what the students' sessions do there — how long after a
 * student's {@code config} its row appears, how long after a student's {@code set} the row shows
 * the new setting, and how often rows arrive. Prints the figures; it asserts nothing.
 */
final class BoardWatch implements WebSocket.Listener, AutoCloseable {
    /** What each student sets mid-run; the row's state shows it once recorded. */
    static final String CHANGE = MessageType.SET.opening() + ",\"state\":{\"learningRate\":0.1}}";

    private static final String CHANGED = "learningRate=0.1&";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String id;
    private final String key;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>(), changeSeen = new ConcurrentHashMap<>();
    private final Map<String, Integer> rows = new ConcurrentHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private volatile WebSocket socket;

    private BoardWatch(String id, String key) {
        this.id = id;
        this.key = key;
    }

    /** Makes a board on the server of {@code ws} (ws://host:port/ws) and opens its teacher's socket. */
    static BoardWatch open(HttpClient http, URI ws) throws Exception {
        URI api = URI.create(ws.toString().replaceFirst("^ws", "http").replaceFirst("/ws$", "/api/boards"));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(api)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"state\":\"goal=testLoss<0.0001\",\"task\":\"load test\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201)
            throw new IllegalStateException("POST /api/boards answered " + r.statusCode() + ": " + r.body());
        JsonNode b = JSON.readTree(r.body());
        BoardWatch w = new BoardWatch(b.get("id").asText(), b.get("teacherKey").asText());
        w.socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(ws + "/board/" + w.id + "?key=" + w.key), w)
                .get(10, TimeUnit.SECONDS);
        return w;
    }

    /** The state members that put a student on this board as {@code name}. */
    String studentState(String name) {
        return ",\"board\":\"" + id + "\",\"name\":\"" + name + "\"";
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            long now = System.nanoTime();
            try {
                JsonNode m = JSON.readTree(text.toString());
                if (m.path("type").asText().equals(BoardMessageType.STUDENT.wire)) {
                    String name = m.at("/student/name").asText();
                    firstSeen.putIfAbsent(name, now);
                    rows.merge(name, 1, Integer::sum);
                    if (m.at("/student/state").asText().contains(CHANGED)) changeSeen.putIfAbsent(name, now);
                }
            } catch (Exception ignored) {
                // not JSON: not the server's
            }
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    void ping() {
        socket.sendText(MessageType.PING.bare(), true);
    }

    /** Prints the delays: join (config → row), change (set → row showing it), and rows received. */
    void report(List<String> names, List<ClientSession> clients, long[] changeSent, double seconds) {
        List<Double> joins = new ArrayList<>(), changes = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < names.size(); i++) {
            Long seen = firstSeen.get(names.get(i)), changed = changeSeen.get(names.get(i));
            if (seen != null && clients.get(i).configSentNanos > 0)
                joins.add((seen - clients.get(i).configSentNanos) / 1e9);
            if (changed != null && changeSent[i] > 0) changes.add((changed - changeSent[i]) / 1e9);
            total += rows.getOrDefault(names.get(i), 0);
        }
        System.out.printf(
                Locale.ROOT,
                "board %s: %d of %d students shown; %d rows in %.0f s (%.1f a second, %.2f per student a second)%n",
                id,
                firstSeen.size(),
                names.size(),
                total,
                seconds,
                total / seconds,
                total / seconds / names.size());
        System.out.println("  join → row on the teacher's socket:   " + summary(joins));
        System.out.println(
                "  set  → row showing it on the socket:  " + summary(changes) + "   (the change delay a teacher sees)");
    }

    private static String summary(List<Double> v) {
        if (v.isEmpty()) return "none measured";
        Collections.sort(v);
        return String.format(
                Locale.ROOT,
                "median %.3f s, 95th %.3f s, max %.3f s (%d students)",
                v.get(v.size() / 2),
                v.get(Math.min(v.size() - 1, (int) Math.ceil(v.size() * 0.95) - 1)),
                v.get(v.size() - 1),
                v.size());
    }

    /** Students whose row the teacher's socket has shown. */
    int studentsShown() {
        return firstSeen.size();
    }

    /** Deletes the board (the warm-up's is of no one's class); true when the server said 204. */
    boolean delete(HttpClient http, URI ws) throws Exception {
        URI board = URI.create(ws.toString().replaceFirst("^ws", "http").replaceFirst("/ws$", "/api/boards/" + id));
        HttpRequest r = HttpRequest.newBuilder(board)
                .header("Authorization", "Bearer " + key)
                .DELETE()
                .build();
        return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s != null) s.abort();
    }
}
