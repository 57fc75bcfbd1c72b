package org.backprop.playground.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.state.Speed;

/**
 * `java -jar backprop-playground.jar loadtest [--sessions N] [--seconds S] [--speed max|1…10000] [--compress] [--url ws://host:port/ws]`:
 * opens N real WebSocket clients that configure the default network and press play, unpaced by
 * default (speed {@code max}: the worst case a server must bear, not the page's 60 epochs/s), then reports
 * per-session frames per second (median and 5th percentile), the 95th-percentile gap between
 * frames, bytes per frame and per session per second (decoded, and on the wire), errors, and the
 * server's CPU (per frame too) and heap as /api/health reports them. {@code --compress} uses
 * Jetty's client, which negotiates permessage-deflate as every browser does; without it the JDK's
 * client, which does not. Every connection goes to the given address only; the run stops by itself
 * after S seconds.
 */
public final class LoadTest {
    static final String USAGE =
            "--sessions N --seconds S --speed max|1…10000 --compress --board --url ws://host:port/ws";

    private LoadTest() {}

    public static void run(String[] args) throws Exception {
        int sessions = 200;
        double seconds = 30;
        String url = "ws://127.0.0.1:7070/ws";
        Speed speed = Speed.MAX;
        boolean compress = false, board = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--compress")) {
                compress = true;
                continue;
            }
            if (args[i].equals("--board")) {
                board = true;
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value; use " + USAGE);
            String value = args[++i];
            switch (args[i - 1]) {
                case "--sessions" -> sessions = Integer.parseInt(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--url" -> url = value;
                case "--speed" -> {
                    speed = Speed.parse(value);
                    if (speed == null) throw new IllegalArgumentException("--speed is one of " + Speed.CHOICES_TEXT);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "; use " + USAGE);
            }
        }
        if (sessions < 1 || sessions > 5000) throw new IllegalArgumentException("--sessions must be 1..5000");
        if (!(seconds > 0 && seconds <= 3600)) throw new IllegalArgumentException("--seconds must be in (0, 3600]");
        URI ws = URI.create(url);
        URI health = URI.create(url.replaceFirst("^ws", "http").replaceFirst("/ws$", "/api/health"));

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf(
                Locale.ROOT,
                "load test: %d sessions at speed %s for %.0f s against %s, %s%n",
                sessions,
                speed,
                seconds,
                ws,
                compress ? "Jetty's client offering " + JettyTransport.OFFER : "the JDK's client (uncompressed)");
        // --board: every session a student on one class board, watched by a teacher's socket that times it
        BoardWatch watch = board ? BoardWatch.open(http, ws) : null;
        List<String> names = new ArrayList<>();
        try (Transport transport = compress ? new JettyTransport() : new JdkTransport(http)) {
            List<ClientSession> clients = new ArrayList<>();
            List<CompletableFuture<?>> opening = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                names.add("s" + i);
                ClientSession c = watch == null
                        ? new ClientSession(speed)
                        : new ClientSession(speed, watch.studentState("s" + i));
                clients.add(c);
                opening.add(transport.connect(ws, c).whenComplete((socket, error) -> {
                    if (error != null) c.failed("connect failed: " + error);
                }));
            }
            for (CompletableFuture<?> f : opening) {
                try {
                    f.get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // counted by the client as a connect error
                }
            }
            Thread.sleep(2_000); // warm-up: every session configured and playing
            ServerGauge gauge = new ServerGauge(http, health);
            clients.forEach(ClientSession::startMeasuring);
            gauge.sample();
            long start = System.nanoTime(), end = start + (long) (seconds * 1e9);
            long[] changeSent = new long[sessions];
            int changed = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(Math.max(1, Math.min(watch == null ? 1000 : 20, (end - System.nanoTime()) / 1_000_000)));
                gauge.sample();
                long now = System.nanoTime();
                for (ClientSession c : clients) c.keepAlive(now);
                // the students' changes spread over the run's middle third, so they do not all land in one write
                if (watch != null) {
                    long due = (long) (sessions * ((now - start) / (seconds * 1e9) - 1 / 3.0) * 3);
                    while (changed < Math.min(due, sessions)) {
                        if (clients.get(changed).send(BoardWatch.CHANGE)) changeSent[changed] = System.nanoTime();
                        changed++;
                    }
                    if ((now - start) / 1_000_000_000L % 20 == 0 && (now - start) % 1_000_000_000L < 25_000_000L)
                        watch.ping();
                }
            }
            clients.forEach(ClientSession::stopMeasuring);
            Report.print(clients, seconds, gauge, transport.negotiated());
            if (watch != null) watch.report(names, clients, changeSent, seconds);
            for (ClientSession c : clients) c.close();
            Thread.sleep(500);
        }
        if (watch != null) watch.close();
        String after = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        System.out.println("health after closing: " + after);
    }
}
