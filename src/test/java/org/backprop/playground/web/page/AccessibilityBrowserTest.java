package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.state.Presets;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * WCAG 2.2 AA as axe-core 4.14 checks it (vendored under src/test/resources/axe-core with its MPL-2.0
 * licence), run inside the real page: the default page on a desktop and a phone, in Korean, with the
 * step-through and a gradient check open, with an exercise banner and with a tutorial's card. Any
 * serious, critical or moderate violation fails, each printed with its rule, help and elements.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("browser")
class AccessibilityBrowserTest {
    static final List<String> FAILING = List.of("critical", "serious", "moderate");

    @RegisterExtension
    static final PageServer server = new PageServer();

    static String axe;

    @BeforeAll
    static void start() throws IOException {
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/axe-core/axe.min.js")) {
            assertTrue(in != null, "axe-core/axe.min.js is missing from the test resources");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_default_page_on_a_desktop_in_english_and_korean() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            assertNoViolations(b, "default desktop");
            b.get(server.base() + "/?lang=ko");
            awaitFirstFrame(b);
            assertNoViolations(b, "default desktop lang=ko");
        });
    }

    @Test
    void the_default_page_on_a_phone() {
        inBrowser(390, 844, true, b -> {
            b.get(server.base() + "/");
            awaitFirstFrame(b);
            assertNoViolations(b, "default phone");
        });
    }

    @Test
    void the_step_through_and_a_gradient_check_open() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&networkShape=3,2");
            awaitFirstFrame(b);
            b.findElement(By.id("inspect-button")).click();
            await(b, d -> js(d, "return window.playground.inspection()") != null);
            b.findElement(By.id("gradcheck-button")).click();
            await(b, d -> !d.findElement(By.id("gradcheck-result")).getText().isBlank());
            assertNoViolations(b, "step-through and gradient check");
        });
    }

    @Test
    void an_exercise_banner_and_a_tutorials_card() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?title=Class%201&goal=testLoss%3C0.1&goalEpochs=500&lock=learningRate");
            awaitFirstFrame(b);
            assertTrue(b.findElement(By.id("exercise")).isDisplayed());
            assertNoViolations(b, "exercise banner");
            String query = Presets.ALL.get(0).query();
            b.get(server.base() + "/?" + query);
            awaitFirstFrame(b);
            await(
                    b,
                    d -> number(d, "const c = document.getElementById('preset-card'); return c && c.open ? 1 : 0")
                            == 1);
            assertNoViolations(b, "tutorial card " + Presets.ALL.get(0).id());
        });
    }

    /** Runs axe-core on the page as it is and fails on any violation of the FAILING impacts. */
    @SuppressWarnings("unchecked")
    static void assertNoViolations(ChromeDriver b, String page) {
        b.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!(Boolean) js(b, "return typeof window.axe === 'object'")) js(b, axe);
        Object result = b.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
                  .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 6).map((n) => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)) }))),
                        (e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
                """);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        List<String> failing = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            String line = v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " " + v.get("nodes");
            System.out.println("axe " + page + ": " + line);
            if (FAILING.contains(String.valueOf(v.get("impact")))) failing.add(line);
        }
        System.out.println(
                "axe " + page + ": " + violations.size() + " violations, " + failing.size() + " serious or moderate");
        assertTrue(failing.isEmpty(), page + ": " + String.join("\n", failing));
    }
}
