package org.backprop.playground.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Samples the server's own CPU and heap figures from /api/health once a second. */
final class ServerGauge {
    private final HttpClient http;
    private final URI health;
    private final ObjectMapper json = new ObjectMapper();
    double cpuSum, cpuMax, heapMaxMb;
    int samples, failures;
    int sessionsSeen;
    /** The server's process CPU time (s) at the first and the last answer that had it; NaN until then. */
    double cpuSecondsFirst = Double.NaN, cpuSecondsLast = Double.NaN;

    ServerGauge(HttpClient http, URI health) {
        this.http = http;
        this.health = health;
    }

    void sample() {
        try {
            String body = http.send(
                            HttpRequest.newBuilder(health)
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            JsonNode n = json.readTree(body);
            JsonNode process = n.path("process");
            double cpu = process.path("cpuLoad").asDouble(Double.NaN);
            double heap = process.path("heapUsedMb").asDouble(Double.NaN);
            double cpuSeconds = process.path("cpuSeconds").asDouble(Double.NaN);
            if (!Double.isNaN(cpu)) {
                cpuSum += cpu;
                cpuMax = Math.max(cpuMax, cpu);
                samples++;
            }
            if (!Double.isNaN(cpuSeconds)) {
                if (Double.isNaN(cpuSecondsFirst)) cpuSecondsFirst = cpuSeconds;
                cpuSecondsLast = cpuSeconds;
            }
            if (!Double.isNaN(heap)) heapMaxMb = Math.max(heapMaxMb, heap);
            sessionsSeen = Math.max(sessionsSeen, n.path("sessions").asInt());
        } catch (Exception e) {
            failures++;
        }
    }

    /** The server's CPU seconds between the first and the last sample (NaN when it does not say). */
    double cpuSeconds() {
        return cpuSecondsLast - cpuSecondsFirst;
    }
}
