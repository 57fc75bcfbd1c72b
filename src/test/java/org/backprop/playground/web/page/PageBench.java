package org.backprop.playground.web.page;

import io.javalin.Javalin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.playground.testsupport.Browser;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Not a test (surefire's default includes skip *Bench): the page's main-thread cost, printed.
 * {@code mvn -B -q test -Dtest=PageBench -Dsurefire.failIfNoSpecifiedTests=false} (docs/performance.md
 * "The page's main thread"). For each network, the page at 1400 × 900 in headless Chromium plays for
 * {@code pagebench.seconds} (10) and CDP's Performance.getMetrics, read before and after, gives the
 * renderer main thread's task, script, layout and style time, per frame the server sent and as a
 * share of the wall-clock time. {@code -Dpagebench.only=default} runs one network; {@code -Dpagebench.warmup=60}
 * measures after a minute of play instead of a second.
 */
@Tag("browser")
class PageBench {
    /** The default page, and the largest 2-D network with every input feature. */
    static final Map<String, String> NETWORKS = Map.of(
            "default", "/",
            "8x6-all",
                    "/?networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true");

    static final List<String> METRICS =
            List.of("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration");

    @Test
    void print_the_main_thread_cost_of_playing() {
        int seconds = Integer.getInteger("pagebench.seconds", 10);
        String only = System.getProperty("pagebench.only", "");
        Javalin app = App.create(AppConfig.defaults()).start(0);
        try {
            for (String name : List.of("default", "8x6-all")) {
                if (!only.isEmpty() && !only.equals(name)) continue;
                ChromeDriver b = Browser.browser(1400, 900, false, traceArguments(name));
                try {
                    System.out.println("pagebench " + name + ": "
                            + measure(b, "http://localhost:" + app.port() + NETWORKS.get(name), seconds));
                } finally {
                    Browser.quit(b);
                }
            }
        } finally {
            app.stop();
        }
    }

    /**
     * With {@code -Dpagebench.trace=DIR}: Chromium's own timeline trace of the first 12 s, written to
     * DIR/pagebench-NAME.json when the browser quits (open it in chrome://tracing or Perfetto).
     */
    static String[] traceArguments(String name) {
        String dir = System.getProperty("pagebench.trace", "");
        if (dir.isEmpty()) return new String[0];
        return new String[] {
            "--trace-startup=devtools.timeline,disabled-by-default-devtools.timeline,v8,blink,cc,gpu",
            "--trace-startup-file="
                    + java.nio.file.Path.of(dir, "pagebench-" + name + ".json").toAbsolutePath(),
            "--trace-startup-duration=12",
            "--trace-startup-format=json"
        };
    }

    static String measure(ChromeDriver b, String url, int seconds) {
        b.get(url);
        Browser.awaitFirstFrame(b);
        // durations in the main thread's CPU time, not wall-clock: on a shared machine a task that waits
        // for a core would otherwise count its wait
        b.executeCdpCommand("Performance.enable", Map.of("timeDomain", "threadTicks"));
        if (Boolean.getBoolean("pagebench.noChart")) Browser.js(b, "window.__noChart = true;");
        b.findElement(By.id("play-pause-button")).click();
        // a second of warm-up (the JIT, the first chart layout), or -Dpagebench.warmup=S seconds: late in a long run
        sleep(1000L * Integer.getInteger("pagebench.warmup", 1));
        Map<String, Double> before = metrics(b);
        long framesBefore = Browser.number(b, "return window.playground.frames()");
        long epochBefore = Browser.number(b, "return window.playground.epoch()");
        // -Dpagebench.cpuprofile=FILE: the same profile, also written whole (Chrome DevTools' .cpuprofile)
        String cpuprofile = System.getProperty("pagebench.cpuprofile", "");
        boolean profile = Boolean.getBoolean("pagebench.profile") || !cpuprofile.isEmpty();
        if (profile) {
            b.executeCdpCommand("Profiler.enable", Map.of());
            b.executeCdpCommand("Profiler.start", Map.of());
        }
        sleep(seconds * 1000L);
        Map<String, Double> after = metrics(b);
        Map<String, Object> answer = profile ? b.executeCdpCommand("Profiler.stop", Map.of()) : null;
        if (!cpuprofile.isEmpty()) write(cpuprofile, answer.get("profile"));
        String hottest = profile ? hottest(answer) : "";
        long frames = Browser.number(b, "return window.playground.frames()") - framesBefore;
        long epochs = Browser.number(b, "return window.playground.epoch()") - epochBefore;
        // Timestamp is wall-clock time; with timeDomain threadTicks the durations are the main thread's CPU time
        double wall = after.get("Timestamp") - before.get("Timestamp");
        StringBuilder out = new StringBuilder(String.format(
                "%.1f s, %d frames (%.1f/s), %d epochs; per frame:", wall, frames, frames / wall, epochs));
        for (String m : METRICS) {
            double d = after.get(m) - before.get(m);
            out.append(String.format(" %s %.2f ms", m.replace("Duration", ""), 1000 * d / Math.max(1, frames)));
        }
        out.append(String.format(
                "; busy %.1f%% (script %.1f%%)",
                100 * (after.get("TaskDuration") - before.get("TaskDuration")) / wall,
                100 * (after.get("ScriptDuration") - before.get("ScriptDuration")) / wall));
        out.append(String.format("; JS heap %.1f MB", after.get("JSHeapUsedSize") / 1e6));
        return out + hottest;
    }

    /** The 25 functions with the most self time in a CDP profile, as "name (file:line) ms", then the 15 files with the most. */
    @SuppressWarnings("unchecked")
    static String hottest(Map<String, Object> answer) {
        Map<String, Object> profile = (Map<String, Object>) answer.get("profile");
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) profile.get("nodes");
        List<Number> samples = (List<Number>) profile.get("samples");
        List<Number> deltas = (List<Number>) profile.get("timeDeltas");
        Map<Long, String> names = new HashMap<>();
        for (Map<String, Object> n : nodes) {
            Map<String, Object> f = (Map<String, Object>) n.get("callFrame");
            String url = String.valueOf(f.get("url"));
            names.put(
                    ((Number) n.get("id")).longValue(),
                    (f.get("functionName").toString().isEmpty() ? "(anonymous)" : f.get("functionName")) + " ("
                            + url.substring(url.lastIndexOf('/') + 1) + ":" + f.get("lineNumber") + ")");
        }
        Map<String, Double> self = new HashMap<>();
        Map<String, Double> byFile = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            String name = names.get(samples.get(i).longValue());
            double ms = deltas.get(i).doubleValue() / 1000;
            self.merge(name, ms, Double::sum);
            // "f (file.js:12)" -> "file.js": which module the time went to ("" for the browser's own)
            byFile.merge(name.substring(name.lastIndexOf('(') + 1, name.lastIndexOf(':')), ms, Double::sum);
        }
        StringBuilder out = new StringBuilder("\n  self time:");
        self.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(25)
                .forEach(e -> out.append(String.format("%n  %8.1f ms  %s", e.getValue(), e.getKey())));
        out.append("\n  self time by file:");
        byFile.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(15)
                .forEach(e -> out.append(String.format("%n  %8.1f ms  %s", e.getValue(), e.getKey())));
        return out.toString();
    }

    /** The profile as JSON, for DevTools or a script (Selenium's own JSON writer). */
    static void write(String file, Object profile) {
        try {
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of(file), new org.openqa.selenium.json.Json().toJson(profile));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Double> metrics(ChromeDriver b) {
        Map<String, Object> answer = b.executeCdpCommand("Performance.getMetrics", Map.of());
        Map<String, Double> out = new HashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) answer.get("metrics")) {
            out.put((String) m.get("name"), ((Number) m.get("value")).doubleValue());
        }
        return out;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
