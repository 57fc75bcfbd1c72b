package org.backprop.playground.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' one fixture: Debian's Chromium, headless, driven by Selenium, each browser
 * with its own profile and its console log kept; waits, page scripts and screenshots. There is no
 * skip: a machine that runs the build has Chromium, and a browser that cannot start fails the test.
 */
public final class Browser {
    private Browser() {}

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final Duration WAIT = Duration.ofSeconds(20);

    private static final Map<ChromeDriver, Path> PROFILES = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Selenium warns at every browser start that it has no devtools bindings for this Chromium's
     * version ("Unable to find CDP implementation matching 150"): the tests send raw CDP commands
     * through the driver (executeCdpCommand), which need none, so the warning says nothing here.
     * Held in a field: java.util.logging keeps loggers weakly, and a collected one forgets its level.
     */
    private static final java.util.logging.Logger CDP_VERSION_FINDER =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    /** A fresh headless Chromium: its own profile, the console log kept, a desktop window or a phone. */
    public static ChromeDriver browser(int width, int height, boolean phone, String... moreArguments) {
        assertTrue(
                new File(CHROMIUM).canExecute(),
                CHROMIUM + " is missing: install Debian's chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new AssertionError("no temporary profile folder", e);
        }
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--lang=en-US",
                "--window-size=" + width + "," + height);
        options.addArguments(moreArguments);
        if (phone) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true),
                            "userAgent",
                            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                                    + "Chrome/156.0 Mobile Safari/537.36"));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        PROFILES.put(driver, profile);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        if (!phone) {
            // the window's size is not the page's: pin the viewport itself
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        }
        return driver;
    }

    /** Runs {@code test} in a fresh {@link #browser}, which is quit afterwards whatever happens. */
    public static void inBrowser(int width, int height, boolean phone, Consumer<ChromeDriver> test) {
        ChromeDriver b = browser(width, height, phone);
        try {
            test.accept(b);
        } finally {
            quit(b);
        }
    }

    /** Ends the browser and removes its profile folder. */
    public static void quit(ChromeDriver d) {
        try {
            d.quit();
        } finally {
            Path profile = PROFILES.remove(d);
            if (profile != null) {
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a leftover temporary folder is not worth failing a test over
                }
            }
        }
    }

    public static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    public static long number(WebDriver d, String script) {
        Object v = js(d, script);
        return v == null ? -1 : ((Number) v).longValue();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(WebDriver d, String script) {
        return (Map<String, Object>) js(d, script);
    }

    public static <T> T await(WebDriver d, Function<WebDriver, T> condition) {
        return new WebDriverWait(d, WAIT, Duration.ofMillis(50))
                .ignoring(RuntimeException.class)
                .until(condition::apply);
    }

    /** Connected, the state confirmed, and a first frame drawn. */
    public static void awaitFirstFrame(WebDriver d) {
        await(d, x -> (Boolean) js(
                x,
                "return !!window.playground && window.playground.connected() && window.playground.epoch() !== null"));
    }

    /** The epoch once it stops changing (after a pause, the last frames may still be arriving). */
    public static long awaitSteady(WebDriver d) {
        long[] last = {-2};
        return await(d, x -> {
            long now = number(x, "return window.playground.epoch()");
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long after = number(x, "return window.playground.epoch()");
            last[0] = after;
            return now == after ? after : null;
        });
    }

    /** Clicks step five times, each after the frame of the one before; the losses by epoch. */
    public static Map<String, Object> stepFive(WebDriver d) {
        for (int i = 1; i <= 5; i++) {
            long target = i;
            d.findElement(By.id("step-button")).click();
            await(d, x -> number(x, "return window.playground.epoch()") == target);
        }
        return map(d, "return window.playground.losses()");
    }

    /** How many different colours a canvas holds (1 when it is blank or one colour). */
    public static long distinctColors(WebDriver d, String canvasId) {
        return number(
                d,
                "const c = document.getElementById(arguments[0] || '" + canvasId + "');"
                        + "const p = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const s = new Set();"
                        + "for (let i = 0; i < p.length; i += 4) s.add(((p[i] << 24) | (p[i + 1] << 16) | (p[i + 2] << 8) | p[i + 3]) >>> 0);"
                        + "return s.size;");
    }

    public static void assertNoConsoleErrors(WebDriver d) {
        List<String> errors = consoleErrors(d);
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    /** The console's errors since the last look (reading the log empties it). */
    public static List<String> consoleErrors(WebDriver d) {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : d.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(e.getMessage());
        }
        return errors;
    }

    public static void screenshot(ChromeDriver d, String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name), d.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError("could not write " + name, e);
        }
    }

    /** The whole page, beyond the viewport, through the DevTools protocol. */
    public static void fullPageScreenshot(ChromeDriver d, String name) {
        long height = number(d, "return document.documentElement.scrollHeight");
        long width = number(d, "return document.documentElement.clientWidth");
        Map<String, Object> shot = d.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new AssertionError("could not write " + name, e);
        }
    }
}
