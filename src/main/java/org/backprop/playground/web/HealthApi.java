package org.backprop.playground.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.IntSupplier;

/** {@code GET /api/health}: liveness, the live session count and cap, the version and the API limits. */
final class HealthApi implements Handler {
    private final JsonBody json;
    private final IntSupplier sessions;
    private final int maxSessions;
    private final HeapAdmission heap;

    HealthApi(JsonBody json, IntSupplier sessions, int maxSessions, HeapAdmission heap) {
        this.json = json;
        this.sessions = sessions;
        this.maxSessions = maxSessions;
        this.heap = heap;
    }

    @Override
    public void handle(Context ctx) {
        ObjectNode n = json.mapper().createObjectNode();
        n.put("status", "ok");
        n.put("sessions", sessions.getAsInt());
        n.put("maxSessions", maxSessions);
        n.put("version", AppConfig.VERSION);
        n.set("limits", Limits.toJson(json.mapper()));
        n.set("process", process());
        json.respond(ctx, 200, n);
    }

    /** The server's own load, for the load tool and for operators: CPU over all cores (0–1) and in all, heap, threads. */
    private ObjectNode process() {
        ObjectNode p = json.mapper().createObjectNode();
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double cpu = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuLoad() : -1;
        p.put("cpuLoad", cpu < 0 ? null : Math.round(cpu * 1000) / 1000.0);
        long cpuNanos = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        // the process's CPU time since it started: the load tool divides its growth by the frames sent
        p.put("cpuSeconds", cpuNanos < 0 ? null : Math.round(cpuNanos / 1e6) / 1000.0);
        Runtime rt = Runtime.getRuntime();
        p.put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        p.put("heapMaxMb", rt.maxMemory() / (1024 * 1024));
        p.put("heapBudgetMb", heap.budget() / (1024 * 1024));
        p.put("sessionKb", heap.perSession() / 1024);
        p.put("threads", Thread.activeCount());
        p.put("cores", rt.availableProcessors());
        return p;
    }
}
