package org.backprop.playground.load;

import java.util.List;
import java.util.Locale;

/** The load test's figures, printed as one block. */
final class Report {
    private Report() {}

    static void print(List<ClientSession> clients, double seconds, ServerGauge gauge, String negotiated) {
        double[] fps = clients.stream()
                .mapToDouble(ClientSession::framesPerSecond)
                .sorted()
                .toArray();
        double[] maps = clients.stream()
                .mapToDouble(ClientSession::mapFramesPerSecond)
                .sorted()
                .toArray();
        GapHistogram gaps = new GapHistogram();
        long frames = 0, frameBytes = 0, payload = 0, wire = 0;
        int errors = 0, wireUnknown = 0;
        String firstError = null;
        for (ClientSession c : clients) {
            gaps.addAll(c.gaps);
            frames += c.frames;
            frameBytes += c.frameBytes;
            payload += c.payloadBytes;
            long w = c.wireBytes();
            if (w < 0) wireUnknown++;
            else wire += w;
            errors += c.errors.get();
            if (firstError == null) firstError = c.firstError;
        }
        Locale r = Locale.ROOT;
        int n = Math.max(1, clients.size());
        double perSecond = n * seconds;
        System.out.printf(r, "sessions            %d (server saw up to %d)%n", clients.size(), gauge.sessionsSeen);
        System.out.printf(r, "extensions          %s%n", negotiated);
        System.out.printf(
                r,
                "frames/s per session median %.1f, 5th percentile %.1f, min %.1f; %d of %d at 15 or more%n",
                percentile(fps, 0.5),
                percentile(fps, 0.05),
                fps.length == 0 ? 0 : fps[0],
                countAtLeast(fps, 15),
                fps.length);
        System.out.printf(
                r,
                "map changes/s       median %.1f, 5th percentile %.1f (frames whose grids came with bytes)%n",
                percentile(maps, 0.5),
                percentile(maps, 0.05));
        System.out.printf(
                r,
                "frame gap           p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%d gaps)%n",
                gaps.percentileMillis(0.5),
                gaps.percentileMillis(0.95),
                gaps.percentileMillis(0.99),
                gaps.total());
        System.out.printf(
                r,
                "bytes per frame     %.0f decoded (%d frames in %.0f s)%n",
                frames == 0 ? 0 : (double) frameBytes / frames,
                frames,
                seconds);
        System.out.printf(
                r,
                "bytes/s per session %.0f decoded; on the wire %s%n",
                payload / perSecond,
                wireUnknown == clients.size()
                        ? "not counted by this client (uncompressed, so about the same)"
                        : String.format(
                                r,
                                "%.0f (%.3f of decoded)",
                                wire / perSecond,
                                payload == 0 ? Double.NaN : (double) wire / payload));
        System.out.printf(
                r, "errors              %d%s%n", errors, firstError == null ? "" : " (first: " + firstError + ")");
        double cpu = gauge.cpuSeconds();
        System.out.printf(
                r,
                "server CPU          mean %.0f%%, max %.0f%% of all cores; %s; heap max %.0f MB (%d samples, %d failed)%n",
                gauge.samples == 0 ? Double.NaN : 100 * gauge.cpuSum / gauge.samples,
                100 * gauge.cpuMax,
                Double.isNaN(cpu) || frames == 0
                        ? "CPU per frame unknown (no cpuSeconds in /api/health)"
                        : String.format(r, "%.0f µs of CPU per frame", 1e6 * cpu / frames),
                gauge.heapMaxMb,
                gauge.samples,
                gauge.failures);
    }

    private static int countAtLeast(double[] values, double min) {
        int n = 0;
        for (double v : values) if (v >= min) n++;
        return n;
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
