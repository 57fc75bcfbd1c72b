package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.distinctColors;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The page in a real browser under its Content-Security-Policy, and what an exercise's lock shows. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Tag("browser")
class IntegrityBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    /** Every CSP violation a page reports, recorded from before its first script runs. */
    private static final String RECORD_VIOLATIONS = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push("
            + "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

    @SuppressWarnings("unchecked")
    private static List<Object> violations(ChromeDriver b) {
        return (List<Object>) js(b, "return window.cspViolations");
    }

    @Test
    void the_page_loads_and_trains_under_its_csp_with_no_violation() {
        inBrowser(1400, 900, false, b -> {
            b.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
            // a TF Playground hash link: app.js folds it into the query in place (hash-link.js)
            b.get(server.base() + "/#dataset=xor&networkShape=4,2&learningRate=0.03");
            await(b, d -> d.getCurrentUrl().contains("?") && d.getCurrentUrl().contains("dataset=xor"));
            awaitFirstFrame(b);
            String csp = (String) js(b, "return fetch('/').then((r) => r.headers.get('content-security-policy'))");
            assertTrue(csp.contains("script-src 'self'"), csp);
            b.findElement(By.id("play-pause-button")).click();
            await(b, d -> number(d, "return window.playground.epoch()") > 50);
            await(b, d -> number(d, "return window.playground.chartPoints ? 1 : 0") == 1);
            assertTrue(distinctColors(b, "heatmap-grid") > 10, "the output map is drawn");
            b.findElement(By.id("play-pause-button")).click();
            assertEquals(List.of(), violations(b), "CSP violations on the page");
            assertNoConsoleErrors(b);

            b.get(server.base() + "/about");
            await(b, d -> (Boolean) js(d, "return document.readyState === 'complete'"));
            assertEquals(List.of(), violations(b), "CSP violations on /about");
            // it links the page's icon, so the browser asks for no /favicon.ico (a 404 in the console)
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void under_lock_weights_the_weight_editor_only_reads_and_offers_no_editing() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=circle&networkShape=3&lock=weights");
            awaitFirstFrame(b);
            String hint = b.findElement(By.id("net-help")).getText();
            assertFalse(hint.contains("edit its weight"), hint);
            assertTrue(hint.contains("locks the weights"), hint);
            b.findElement(By.cssSelector("#network path.link-hit[data-layer='0'][data-to='2'][data-from='0']"))
                    .click();
            WebElement input = b.findElement(By.cssSelector("#network .weight-editor input"));
            assertTrue(input.isDisplayed(), "the clicked weight is shown");
            assertEquals("true", input.getAttribute("readonly"));
            assertFalse(
                    b.findElement(By.cssSelector("#network .weight-editor button[type='submit']"))
                            .isDisplayed(),
                    "no apply button under lock=weights");
            assertNoConsoleErrors(b);
        });
    }
}
