package org.backprop.playground.load;

import java.util.List;
import java.util.Locale;

/** The load test's figures, printed as one block. */
final class Report {
    private Report() {}

    static void print(List<ClientSession> clients, double seconds, ServerGauge gauge) {
        double[] fps = clients.stream().mapToDouble(ClientSession::framesPerSecond).sorted().toArray();
        GapHistogram gaps = new GapHistogram();
        long frames = 0, bytes = 0;
        int errors = 0;
        String firstError = null;
        for (ClientSession c : clients) {
            gaps.addAll(c.gaps);
            frames += c.frames;
            bytes += c.bytes;
            errors += c.errors.get();
            if (firstError == null) firstError = c.firstError;
        }
        Locale r = Locale.ROOT;
        System.out.printf(r, "sessions            %d (server saw up to %d)%n", clients.size(), gauge.sessionsSeen);
        System.out.printf(r, "frames/s per session median %.1f, 5th percentile %.1f, min %.1f%n",
                percentile(fps, 0.5), percentile(fps, 0.05), fps.length == 0 ? 0 : fps[0]);
        System.out.printf(r, "frame gap           p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%d gaps)%n",
                gaps.percentileMillis(0.5), gaps.percentileMillis(0.95), gaps.percentileMillis(0.99), gaps.total());
        System.out.printf(r, "bytes per frame     %.0f (%d frames in %.0f s)%n", frames == 0 ? 0 : (double) bytes / frames, frames, seconds);
        System.out.printf(r, "errors              %d%s%n", errors, firstError == null ? "" : " (first: " + firstError + ")");
        System.out.printf(r, "server CPU          mean %.0f%%, max %.0f%% of all cores; heap max %.0f MB (%d samples, %d failed)%n",
                gauge.samples == 0 ? Double.NaN : 100 * gauge.cpuSum / gauge.samples, 100 * gauge.cpuMax,
                gauge.heapMaxMb, gauge.samples, gauge.failures);
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
