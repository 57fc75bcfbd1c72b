package org.backprop.playground.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.state.Speed;

/**
 * `java -jar backprop-playground.jar loadtest [--sessions N] [--seconds S] [--speed max|1…10000] [--url ws://host:port/ws]`:
 * opens N real WebSocket clients that configure the default network and press play, unpaced by
 * default (speed {@code max}: the worst case a server must bear, not the page's 60 epochs/s), then reports
 * per-session frames per second (median and 5th percentile), the 95th-percentile gap between
 * frames, bytes per frame, errors, and the server's CPU and heap as /api/health reports them.
 * Every connection goes to the given address only; the run stops by itself after S seconds.
 */
public final class LoadTest {
    private LoadTest() {}

    public static void run(String[] args) throws Exception {
        int sessions = 200;
        double seconds = 30;
        String url = "ws://127.0.0.1:7070/ws";
        Speed speed = Speed.MAX;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sessions" -> sessions = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--url" -> url = args[i + 1];
                case "--speed" -> {
                    speed = Speed.parse(args[i + 1]);
                    if (speed == null) throw new IllegalArgumentException("--speed is one of " + Speed.CHOICES_TEXT);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --sessions N --seconds S --speed max|1…10000 --url ws://host:port/ws");
            }
        }
        if (sessions < 1 || sessions > 5000) throw new IllegalArgumentException("--sessions must be 1..5000");
        if (!(seconds > 0 && seconds <= 3600)) throw new IllegalArgumentException("--seconds must be in (0, 3600]");
        URI ws = URI.create(url);
        URI health = URI.create(url.replaceFirst("^ws", "http").replaceFirst("/ws$", "/api/health"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf(Locale.ROOT, "load test: %d sessions at speed %s for %.0f s against %s%n", sessions, speed, seconds, ws);
        List<ClientSession> clients = new ArrayList<>();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            ClientSession c = new ClientSession(speed);
            clients.add(c);
            opening.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(ws, c)
                    .whenComplete((socket, error) -> { if (error != null) c.connectFailed(error); }));
        }
        for (CompletableFuture<WebSocket> f : opening) {
            try {
                f.get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted by the client as a connect error
            }
        }
        long warmup = 2_000_000_000L;
        Thread.sleep(warmup / 1_000_000);
        clients.forEach(ClientSession::startMeasuring);
        ServerGauge gauge = new ServerGauge(http, health);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            gauge.sample();
            Thread.sleep(1000);
        }
        clients.forEach(ClientSession::stopMeasuring);
        Report.print(clients, seconds, gauge);
        for (ClientSession c : clients) c.close();
        Thread.sleep(500);
        String after = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        System.out.println("health after closing: " + after);
    }
}
