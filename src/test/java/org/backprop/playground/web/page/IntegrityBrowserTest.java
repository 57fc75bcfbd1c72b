package org.backprop.playground.web.page;

import static org.backprop.playground.web.page.PageBrowserTest.assertNoConsoleErrors;
import static org.backprop.playground.web.page.PageBrowserTest.awaitFirstFrame;
import static org.backprop.playground.web.page.PageBrowserTest.inBrowser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An exercise's page in a real browser: what a lock shows. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IntegrityBrowserTest {
    static Javalin app;
    static String base;

    @BeforeAll
    static void start() {
        app = App.create(AppConfig.defaults()).start(0);
        base = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.stop();
    }

    @Test
    void under_lock_weights_the_weight_editor_only_reads_and_offers_no_editing() {
        inBrowser(1400, 900, false, b -> {
            b.get(base + "/?dataset=circle&networkShape=3&lock=weights");
            awaitFirstFrame(b);
            String hint = b.findElement(By.id("net-help")).getText();
            assertFalse(hint.contains("edit its weight"), hint);
            assertTrue(hint.contains("locks the weights"), hint);
            b.findElement(By.cssSelector("#network path.link-hit[data-layer='0'][data-to='2'][data-from='0']")).click();
            WebElement input = b.findElement(By.cssSelector("#network .weight-editor input"));
            assertTrue(input.isDisplayed(), "the clicked weight is shown");
            assertEquals("true", input.getAttribute("readonly"));
            assertFalse(b.findElement(By.cssSelector("#network .weight-editor button[type='submit']")).isDisplayed(),
                    "no apply button under lock=weights");
            assertNoConsoleErrors(b);
        });
    }
}
