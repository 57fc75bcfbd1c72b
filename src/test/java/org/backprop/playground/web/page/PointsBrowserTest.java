package org.backprop.playground.web.page;

import static org.backprop.playground.testsupport.Browser.assertNoConsoleErrors;
import static org.backprop.playground.testsupport.Browser.await;
import static org.backprop.playground.testsupport.Browser.awaitFirstFrame;
import static org.backprop.playground.testsupport.Browser.inBrowser;
import static org.backprop.playground.testsupport.Browser.js;
import static org.backprop.playground.testsupport.Browser.number;
import static org.backprop.playground.testsupport.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.playground.testsupport.PageServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * "Your own data" on the page: points added and erased by clicking the map (shift-click, the eraser,
 * a phone's tap), cleared, carried by the link; a CSV imported from the file picker and by dropping it
 * on the map, a bad one refused line by line with nothing imported; the points exported as CSV; and a
 * locked exercise's tools shown locked.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@Tag("browser")
class PointsBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    @TempDir
    Path dir;

    private static long trainPoints(WebDriver b) {
        return number(b, "return window.playground.derived()?.trainPoints ?? -1");
    }

    private static long testPoints(WebDriver b) {
        return number(b, "return window.playground.derived()?.testPoints ?? -1");
    }

    /** Clicks the map at (x, y) in the domain's units [−6, 6], with shift held when asked. */
    private static void clickMap(WebDriver b, double x, double y, boolean shift) {
        WebElement map = b.findElement(By.id("heatmap-points"));
        int w = map.getRect().getWidth(), h = map.getRect().getHeight();
        // offsets from the element's centre
        int dx = (int) Math.round(x / 12 * w), dy = (int) Math.round(-y / 12 * h);
        Actions a = new Actions(b).moveToElement(map, dx, dy);
        if (shift) a = a.keyDown(Keys.SHIFT).click().keyUp(Keys.SHIFT);
        else a = a.click();
        a.perform();
    }

    private static void press(WebDriver b, String selector) {
        b.findElement(By.cssSelector(selector)).click();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> point(WebDriver b, int i) {
        return (Map<String, Object>) js(b, "return window.playground.point(arguments[0])", i);
    }

    /** The warnings box's heading and whether it shows. */
    private static String warningsShown(WebDriver b) {
        return (String) js(
                b,
                "const w = document.getElementById('warnings');"
                        + "return w.hidden ? 'hidden' : w.querySelector('strong').textContent");
    }

    @Test
    void a_few_points_of_ones_own_warn_of_the_batch_until_there_are_enough_and_chart_no_test_loss() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&seed=points17");
            awaitFirstFrame(b);
            assertEquals("hidden", warningsShown(b), "a plain link warns of nothing");
            press(b, "#points-clear");
            await(b, d -> trainPoints(d) == 0);
            press(b, ".point-tool[data-tool='add']");
            clickMap(b, -3, 3, false);
            await(b, d -> trainPoints(d) == 1);
            // batch 10 over one point: said of the change just made, not of the link
            await(b, d -> !"hidden".equals(warningsShown(d)));
            assertEquals("Some values were not used as given:", warningsShown(b));
            for (int n = 2; n <= 10; n++) {
                clickMap(b, -5 + n, n % 2 == 0 ? 2 : -2, false);
                int want = n;
                await(b, d -> trainPoints(d) == want);
            }
            // ten points take the whole batch: the warning of nine is out of date and goes
            await(b, d -> "hidden".equals(warningsShown(d)));
            // epoch 0 was charted on the data set's own test points, before the clear; none since
            long testLoss = number(b, "return window.playground.chartPoints('testLoss')");
            long testAccuracy = number(b, "return window.playground.chartPoints('testAccuracy')");
            press(b, "#play-pause-button");
            await(b, d -> number(d, "return window.playground.chartPoints()") > 5);
            assertEquals(
                    testLoss,
                    number(b, "return window.playground.chartPoints('testLoss')"),
                    "no test points: the test loss line does not go on (at 0)");
            assertEquals(testAccuracy, number(b, "return window.playground.chartPoints('testAccuracy')"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_regression_point_gets_the_value_given_and_the_hint_says_so() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?problem=regression&regDataset=reg-plane&seed=points18");
            awaitFirstFrame(b);
            long before = trainPoints(b);
            press(b, ".point-tool[data-tool='add']");
            assertEquals(
                    "Click the map to add a point with the value given; shift-click or a long press erases."
                            + " From the keyboard: Tab to the map, then the arrow keys and Enter.",
                    b.findElement(By.id("point-hint")).getText());
            assertTrue(b.findElement(By.id("point-value")).isDisplayed(), "a value box instead of classes");
            js(
                    b,
                    "const v = document.getElementById('point-value'); v.value = '-1.5'; v.dispatchEvent(new Event('input'));"
                            + " v.dispatchEvent(new Event('change'))");
            clickMap(b, 2, 2, false);
            await(b, d -> trainPoints(d) == before + 1);
            await(b, d -> js(d, "return window.playground.label(" + before + ")") != null);
            assertEquals(-1.5, ((Number) js(b, "return window.playground.label(" + before + ")")).doubleValue(), 1e-3);
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void points_are_added_and_erased_by_clicking_the_map_cleared_and_kept_by_the_link() {
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&seed=points16");
            awaitFirstFrame(b);
            assertEquals(250, trainPoints(b));
            // inspect is the map's click until a tool is picked
            assertEquals("inspect", js(b, "return window.playground.pointTool()"));
            press(b, ".point-tool[data-tool='add']");
            press(b, ".point-class-button[data-index='0']"); // class −1, the legend's orange
            clickMap(b, 2.5, -1.5, false);
            await(b, d -> trainPoints(d) == 251);
            assertEquals(
                    0L,
                    number(
                            b,
                            "return document.querySelectorAll('.dataset.selected, .dataset[aria-pressed=\"true\"]').length"),
                    "one's own points are no data set's: none shows picked");
            assertEquals(250, testPoints(b), "the data set's test points stay");
            await(b, d -> point(d, 250) != null);
            Map<String, Object> added = point(b, 250);
            assertEquals(2.5, ((Number) added.get("x")).doubleValue(), 0.1);
            assertEquals(-1.5, ((Number) added.get("y")).doubleValue(), 0.1);
            assertEquals(-1.0, ((Number) js(b, "return window.playground.label(250)")).doubleValue(), 0);
            String counts = b.findElement(By.id("point-counts")).getText();
            assertEquals("251 training · 250 test points (your own)", counts);
            // shift-click erases the point nearest the click: the one just added
            clickMap(b, 2.5, -1.5, true);
            await(b, d -> trainPoints(d) == 250);
            // the eraser takes any point: the first training point
            press(b, ".point-tool[data-tool='erase']");
            Map<String, Object> first = point(b, 0);
            clickMap(b, ((Number) first.get("x")).doubleValue(), ((Number) first.get("y")).doubleValue(), false);
            await(b, d -> trainPoints(d) == 249);
            // clear: an empty map to draw on, then two points of class 1
            press(b, "#points-clear");
            await(b, d -> trainPoints(d) == 0 && testPoints(d) == 0);
            press(b, ".point-tool[data-tool='add']");
            press(b, ".point-class-button[data-index='1']");
            clickMap(b, -3, 3, false);
            await(b, d -> trainPoints(d) == 1);
            clickMap(b, 3, 3, false);
            await(b, d -> trainPoints(d) == 2);
            assertEquals(1.0, ((Number) js(b, "return window.playground.label(1)")).doubleValue(), 0);
            // from the keyboard: the map takes the focus, the arrows move its cursor from the centre, Enter adds
            WebElement map = b.findElement(By.id("heatmap"));
            js(b, "arguments[0].focus()", map);
            new Actions(b)
                    .sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_UP, Keys.ENTER)
                    .perform();
            await(b, d -> trainPoints(d) == 3);
            await(b, d -> point(d, 2) != null);
            assertEquals(1.0, ((Number) point(b, 2).get("x")).doubleValue(), 1e-3, "two steps of 0.5 right");
            assertEquals(0.5, ((Number) point(b, 2).get("y")).doubleValue(), 1e-3, "one step up");
            new Actions(b).sendKeys(Keys.DELETE).perform();
            await(b, d -> trainPoints(d) == 2);
            // training goes on over them
            press(b, "#play-pause-button");
            await(b, d -> number(d, "return window.playground.epoch()") > 20);
            String link = (String) js(b, "return location.href");
            assertTrue(link.contains("points="), link);
            screenshot((ChromeDriver) b, "points-desktop");
            assertNoConsoleErrors(b);
            // the link opens the same two points
            b.get(link);
            awaitFirstFrame(b);
            await(b, d -> trainPoints(d) == 2);
            assertEquals(0, testPoints(b));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_csv_is_imported_whole_by_the_file_picker_and_by_a_drop_and_a_bad_one_not_at_all() throws Exception {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x,y,label\n1,2,1\n-3,0.5,-1\n\n4,-4,1\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "split,x,y,label\ntrain,1,2,1\ntrain,1,abc,1\ntest,9,0,1\ntrain,0,0,3\n");
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=gauss&seed=points16");
            awaitFirstFrame(b);
            b.findElement(By.id("points-file")).sendKeys(good.toString());
            await(b, d -> trainPoints(d) == 3);
            assertEquals(0, testPoints(b));
            await(
                    b,
                    d -> ((String) js(d, "return document.getElementById('status').textContent"))
                            .contains("Imported 3 training and 0 test points."));
            assertEquals(-3, ((Number) point(b, 1).get("x")).doubleValue(), 1e-3);

            b.findElement(By.id("points-file")).sendKeys(bad.toString());
            WebElement errors = b.findElement(By.id("point-errors"));
            await(b, d -> errors.isDisplayed());
            assertEquals(
                    "Nothing imported from bad.csv:\n"
                            + "line 3: y is 'abc', not a number\n"
                            + "line 4: x is 9, outside the map (-6 to 6)\n"
                            + "line 5: label is '3'; here a label is −1 or 1",
                    errors.getText());
            assertEquals(3, trainPoints(b), "nothing half-imported");
            js(b, "document.getElementById('point-tools').scrollIntoView({block: 'end'})");
            screenshot((ChromeDriver) b, "points-csv-refused");

            // a file dropped on the map, with the export's own columns
            js(
                    b,
                    "const dt = new DataTransfer();"
                            + "dt.items.add(new File([arguments[0]], 'dropped.csv', {type: 'text/csv'}));"
                            + "const map = document.getElementById('heatmap');"
                            + "map.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));"
                            + "map.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                    "split,x,y,label\ntrain,0.25,3,-1\ntest,1.5,-2,1\ntest,-1,-1,-1\n");
            await(b, d -> trainPoints(d) == 1 && testPoints(d) == 2);
            assertFalse(errors.isDisplayed(), "the last import's errors go");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void the_points_export_as_csv_in_the_datasets_form() {
        inBrowser(1400, 900, false, b -> {
            ModelFileBrowserTest.allowDownloads((ChromeDriver) b, dir);
            String points = "AQAA__8BgACAAIA"; // (−6, 6) class 1 training, (0, 0) class 0 test
            b.get(server.base() + "/?dataset=xor&points=" + points);
            awaitFirstFrame(b);
            await(b, d -> trainPoints(d) == 1);
            press(b, "#points-export");
            String csv = new String(
                    ModelFileBrowserTest.downloaded(b, dir, "backprop-playground-xor-points.csv"),
                    StandardCharsets.UTF_8);
            // the very doubles the server trains on (JavaScript writes 0.0000915…, Java 9.15…E-5: the same number)
            double mid = -6 + 32768 * 12.0 / 65535;
            String[] lines = csv.split("\n");
            assertEquals(3, lines.length, csv);
            assertEquals("split,x,y,label", lines[0]);
            assertEquals("train,-6,6,1", lines[1]);
            String[] test = lines[2].split(",");
            assertEquals("test", test[0]);
            assertEquals(mid, Double.parseDouble(test[1]));
            assertEquals(mid, Double.parseDouble(test[2]));
            assertEquals("-1", test[3]);
            // a data set's own points: /api/datasets' very CSV
            b.get(server.base() + "/?dataset=xor&seed=7&noise=10&percTrainData=60");
            awaitFirstFrame(b);
            press(b, "#points-export");
            String own = new String(
                    ModelFileBrowserTest.downloaded(b, dir, "backprop-playground-xor-points.csv"),
                    StandardCharsets.UTF_8);
            assertTrue(own.startsWith("split,x,y,label\ntrain,"), own.substring(0, 40));
            assertEquals(501, own.split("\n").length);
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_tap_adds_on_a_phone_and_a_lock_shows_the_tools_locked() {
        inBrowser(390, 844, true, b -> {
            b.get(server.base() + "/?dataset=circle&seed=points16");
            awaitFirstFrame(b);
            WebElement add = b.findElement(By.cssSelector(".point-tool[data-tool='add']"));
            js(b, "arguments[0].scrollIntoView({block: 'center'})", add);
            add.click();
            js(b, "document.getElementById('heatmap').scrollIntoView({block: 'center'})");
            clickMap(b, 0, 0, false);
            await(b, d -> trainPoints(d) == 251);
            // a long press (a phone's shift-click) erases the point under it, and adds nothing on release
            WebElement map = b.findElement(By.id("heatmap-points"));
            new Actions(b)
                    .moveToElement(map, 0, 0)
                    .clickAndHold()
                    .pause(java.time.Duration.ofMillis(900))
                    .release()
                    .perform();
            await(b, d -> trainPoints(d) == 250);
            js(b, "document.getElementById('point-tools').scrollIntoView({block: 'center'})");
            screenshot((ChromeDriver) b, "points-phone");
            assertEquals(250, trainPoints(b), "the press's click added nothing");
            assertNoConsoleErrors(b);
        });
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?dataset=xor&lock=points&seed=points16");
            awaitFirstFrame(b);
            WebElement box = b.findElement(By.id("point-tools"));
            assertTrue(box.getAttribute("class").contains("is-locked"), box.getAttribute("class"));
            for (String id : new String[] {"points-clear", "points-import"}) {
                assertFalse(b.findElement(By.id(id)).isEnabled(), id);
            }
            assertFalse(b.findElement(By.cssSelector(".point-tool[data-tool='add']"))
                    .isEnabled());
            assertFalse(b.findElement(By.cssSelector(".point-tool[data-tool='erase']"))
                    .isEnabled());
            assertTrue(b.findElement(By.id("points-export")).isEnabled(), "the points may still be taken home");
            assertEquals(
                    "This exercise locks the data: the points stay as they are.",
                    b.findElement(By.id("point-hint")).getText());
            js(b, "document.getElementById('point-tools').scrollIntoView({block: 'end'})");
            screenshot((ChromeDriver) b, "points-locked");
            clickMap(b, 1, 1, true); // shift-click: nothing is sent, nothing refused
            assertEquals(250, trainPoints(b));
            String status = (String) js(b, "return document.getElementById('status').textContent");
            assertFalse(status.contains("ocked"), "no refusal: the tools were never enabled: " + status);
            assertNoConsoleErrors(b);
            // locked own points: the data sets, which would replace them, are shown locked too
            b.get(server.base() + "/?dataset=xor&lock=points&points=AQAA__8B");
            awaitFirstFrame(b);
            await(b, d -> trainPoints(d) == 1);
            await(
                    b,
                    d -> d.findElement(By.cssSelector(".dataset-list"))
                            .getAttribute("class")
                            .contains("is-locked"));
            assertFalse(b.findElement(By.cssSelector(".dataset[data-value='circle']"))
                    .isEnabled());
            assertNoConsoleErrors(b);
        });
    }
}
