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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The tutorials on the page, in a real browser (the harness of {@link PageBrowserTest}): each preset's
 * card in English and, switched live, in Korean; the Tutorials menu opening a preset; the card folded
 * on a second visit and gone with hideText; a worked example opened on its sample, the tutorial's
 * numbers one click away. Screenshots go to {@code target/screenshots/presets-*.png}.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@Tag("browser")
class PresetsBrowserTest {
    @RegisterExtension
    static final PageServer server = new PageServer();

    static List<JsonNode> presets;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.base() + "/api/presets"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        presets = new ArrayList<>();
        new ObjectMapper().readTree(r.body()).forEach(presets::add);
        assertEquals(Presets.ALL.size(), presets.size());
    }

    static JsonNode preset(String id) {
        return presets.stream()
                .filter(p -> p.path("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no preset " + id));
    }

    /** Each of the card's four texts, as the page shows it now. */
    static String part(WebDriver d, String id, String part) {
        return d.findElement(By.cssSelector("#preset-card [data-i18n='preset." + id + "." + part + "']"))
                .getText();
    }

    /** A list of numbers from the browser (whole ones come back as Long) as doubles. */
    static List<Double> doubles(Object list) {
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) list) out.add(((Number) o).doubleValue());
        return out;
    }

    static void assertNoHorizontalScroll(WebDriver d, String where) {
        long over = number(d, "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(over <= 0, where + ": the page scrolls sideways by " + over + " px");
    }

    @Test
    void each_preset_shows_its_card_in_english_then_korean_live() {
        // a phrase of each text that only its own preset says, in both languages: the card is the preset's own
        Map<String, List<String>> phrases = Map.of(
                "000-worked", List.of("A2 = 0.8468", "update_parameters"),
                "004-guess-42", List.of("41.99999999999997", "914.1251"),
                "001-digits", List.of("4×4", "0.6701"));
        inBrowser(1400, 900, false, b -> {
            for (JsonNode p : presets) {
                String id = p.path("id").asText();
                b.get(server.base() + "/?" + p.path("query").asText() + "&lang=en");
                awaitFirstFrame(b);
                assertEquals(id, b.findElement(By.id("preset-card")).getAttribute("data-preset"));
                assertTrue(
                        b.findElement(By.cssSelector("#preset-card .preset-card-body"))
                                .isDisplayed(),
                        id + ": the card opens on a first visit");
                assertEquals(
                        p.path("title").path("en").asText(),
                        b.findElement(By.cssSelector("#preset-card .preset-card-title"))
                                .getText());
                for (String part : Presets.TEXTS) {
                    String en = p.path("text").path("en").path(part).asText();
                    assertFalse(en.isBlank(), id + "." + part);
                    assertEquals(en, part(b, id, part), id + "." + part + " in English");
                }
                String english = b.findElement(By.id("preset-card")).getText();
                for (String phrase : phrases.getOrDefault(id, List.of()))
                    assertTrue(english.contains(phrase), id + ": " + phrase);
                assertFalse(english.matches("(?s).*[\\uAC00-\\uD7A3].*"), id + ": Hangul in the English card");
                // the menu names this preset, with its full title
                assertEquals(id, js(b, "return document.getElementById('tutorials').value"));
                assertEquals(id, js(b, "return window.playground.presets().open"));
                assertNoHorizontalScroll(b, id + " en");

                b.findElement(By.cssSelector(".lang-button[data-lang='ko']")).click();
                for (String part : Presets.TEXTS) {
                    String ko = p.path("text").path("ko").path(part).asText();
                    await(b, d -> part(d, id, part).equals(ko) ? true : null);
                }
                String korean = b.findElement(By.id("preset-card")).getText();
                assertTrue(
                        korean.matches("(?s).*[\\uAC00-\\uD7A3].*"), id + ": no Hangul in the Korean card: " + korean);
                assertFalse(
                        korean.contains(p.path("text").path("en").path("look").asText()),
                        id + ": English left in the Korean card");
                for (String phrase : phrases.getOrDefault(id, List.of()))
                    assertTrue(korean.contains(phrase), id + " ko: " + phrase);
                String option = b.findElement(By.cssSelector("#tutorials option[value='" + id + "']"))
                        .getText();
                assertEquals(p.path("title").path("ko").asText(), option, id + ": the menu's title switches too");
                assertNoHorizontalScroll(b, id + " ko");
                if (id.equals("000-blobs")) screenshot(b, "presets-card-ko.png");
            }
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void a_korean_link_opens_the_card_in_korean_and_a_second_visit_folds_it() {
        JsonNode p = preset("003-xor");
        String url = server.base() + "/?" + p.path("query").asText() + "&lang=ko";
        inBrowser(1400, 900, false, b -> {
            b.get(url);
            awaitFirstFrame(b);
            assertEquals(p.path("text").path("ko").path("numbers").asText(), part(b, "003-xor", "numbers"));
            long open = number(b, "return document.getElementById('preset-card').getBoundingClientRect().height");
            b.get(url);
            awaitFirstFrame(b);
            // after the first read the card is its one-line title, and a click opens it again
            await(
                    b,
                    d -> Boolean.FALSE.equals(js(d, "return document.getElementById('preset-card').open"))
                            ? true
                            : null);
            long folded = number(b, "return document.getElementById('preset-card').getBoundingClientRect().height");
            assertTrue(folded < 48 && folded < open / 2, "folded " + folded + " px, open " + open + " px");
            assertFalse(b.findElement(By.cssSelector("#preset-card .preset-card-body"))
                    .isDisplayed());
            b.findElement(By.cssSelector("#preset-card summary")).click();
            await(
                    b,
                    d -> d.findElement(By.cssSelector("#preset-card .preset-card-body"))
                                    .isDisplayed()
                            ? true
                            : null);
            b.get(url);
            awaitFirstFrame(b);
            assertTrue(
                    b.findElement(By.cssSelector("#preset-card .preset-card-body"))
                            .isDisplayed(),
                    "left open, it stays open");
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void picking_a_tutorial_from_the_menu_opens_it_in_the_pages_language() {
        JsonNode p = preset("004-guess-42");
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?lang=ko");
            awaitFirstFrame(b);
            assertTrue(b.findElements(By.id("preset-card")).isEmpty(), "the default page is no tutorial");
            assertEquals(null, js(b, "return window.playground.presets().open"));
            assertEquals((long) Presets.ALL.size(), number(b, "return window.playground.presets().menu.length"));
            String before = b.getCurrentUrl();
            new Select(b.findElement(By.id("tutorials"))).selectByValue("004-guess-42");
            await(b, d -> !d.getCurrentUrl().equals(before) ? true : null);
            awaitFirstFrame(b);
            assertEquals("004-guess-42", b.findElement(By.id("preset-card")).getAttribute("data-preset"));
            assertEquals("ko", js(b, "return document.documentElement.lang"));
            assertEquals(p.path("text").path("ko").path("builds").asText(), part(b, "004-guess-42", "builds"));
            assertTrue(b.getCurrentUrl().contains("regDataset=seed-guess"), b.getCurrentUrl());
            assertEquals("004-guess-42", js(b, "return window.playground.presets().open"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void the_000_worked_example_opens_on_its_sample_a2_one_click_away() {
        // X = [1, 2], y = 1; W1 = [[0.5, 0.3], [0.2, 0.4]], b1 = [0.1, 0.2]; W2 = [0.6, 0.7], b2 = 0.15:
        // Z1 = A1 = [1.2, 1.2], Z2 = 0.6·1.2 + 0.7·1.2 + 0.15 = 1.71, A2 = σ(1.71) = 0.8468
        String url = server.base() + "/?" + preset("000-worked").path("query").asText();
        inBrowser(1400, 900, false, b -> {
            b.get(url);
            awaitFirstFrame(b);
            // no click yet: the step-through is open on the tutorial's sample, at its first stage
            await(
                    b,
                    d -> d.findElement(By.cssSelector("#step-body .bp-stage-title"))
                                    .isDisplayed()
                            ? true
                            : null);
            assertEquals(List.of(1.0, 2.0), doubles(js(b, "return window.playground.inspection().input")));
            assertEquals(List.of(1.0), doubles(js(b, "return window.playground.inspection().target")));
            assertEquals("1, 2", b.findElement(By.id("own-input")).getAttribute("value"));
            assertTrue(
                    b.findElement(By.id("step-sample")).getText().contains("x = [1.0000, 2.0000]"),
                    b.findElement(By.id("step-sample")).getText());
            assertEquals(0L, number(b, "return window.scrollY"), "opening it keeps the page at the card");
            // one click on the card's button: the output's forward stage, A2 = 0.8468
            b.findElement(By.id("preset-numbers-button")).click();
            await(b, d -> d.findElement(By.id("step-body")).getText().contains("0.8468") ? true : null);
            assertTrue(
                    b.findElement(By.id("step-body")).getText().startsWith("Forward · Output"),
                    b.findElement(By.id("step-body")).getText());
            screenshot(b, "presets-000-worked-step-through.png");
            assertNoConsoleErrors(b);
        });
        // or one click on the panel's next: the same stage
        inBrowser(1400, 900, false, b -> {
            b.get(url);
            awaitFirstFrame(b);
            await(
                    b,
                    d -> d.findElement(By.cssSelector("#step-body .bp-stage-title"))
                                    .isDisplayed()
                            ? true
                            : null);
            assertFalse(b.findElement(By.id("step-body")).getText().contains("0.8468"));
            b.findElement(By.id("step-next")).click();
            await(b, d -> d.findElement(By.id("step-body")).getText().contains("0.8468") ? true : null);
        });
    }

    @Test
    void the_other_worked_examples_open_on_their_samples_too() {
        inBrowser(1400, 900, false, b -> {
            for (String id : List.of("004-neuron", "004-relu", "004-guess-42", "003-neuron")) {
                JsonNode p = preset(id);
                b.get(server.base() + "/?" + p.path("query").asText());
                awaitFirstFrame(b);
                await(b, d -> js(d, "return window.playground.inspection()") != null ? true : null);
                List<Double> input = new ArrayList<>();
                p.path("sample").path("input").forEach(v -> input.add(v.asDouble()));
                assertEquals(input, doubles(js(b, "return window.playground.inspection().input")), id);
                assertTrue(b.findElement(By.id("stepper")).isDisplayed(), id);
                assertFalse(b.findElements(By.id("preset-numbers-button")).isEmpty(), id + ": the card's button");
            }
            // a preset without a sample opens no step-through
            b.get(server.base() + "/?" + preset("001-xor").path("query").asText());
            awaitFirstFrame(b);
            assertTrue(b.findElements(By.id("preset-numbers-button")).isEmpty());
            assertFalse(b.findElement(By.id("stepper")).isDisplayed());
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void hide_text_hides_the_card() {
        JsonNode p = preset("000-worked");
        inBrowser(1400, 900, false, b -> {
            b.get(server.base() + "/?" + p.path("query").asText() + "&hideText=true");
            awaitFirstFrame(b);
            assertTrue(b.findElements(By.id("preset-card")).isEmpty(), "hideText=true still shows the card");
            assertEquals("000-worked", js(b, "return window.playground.presets().open"));
            assertNoConsoleErrors(b);
        });
    }

    @Test
    void on_a_phone_the_card_and_the_menu_fit() {
        JsonNode p = preset("000-worked");
        inBrowser(390, 844, true, b -> {
            b.get(server.base() + "/?" + p.path("query").asText() + "&lang=ko");
            awaitFirstFrame(b);
            assertNoHorizontalScroll(b, "phone");
            assertTrue(b.findElement(By.cssSelector("#preset-card .preset-card-body"))
                    .isDisplayed());
            // the card's body keeps to part of the screen, so the network is near
            long card = number(b, "return document.getElementById('preset-card').getBoundingClientRect().height");
            assertTrue(card < 844 * 0.6, "the card is " + card + " px tall on an 844 px phone");
            long select = number(b, "return document.getElementById('tutorials').getBoundingClientRect().width");
            assertTrue(select >= 300, "the menu is " + select + " px wide: too narrow for a title");
            screenshot(b, "presets-phone-ko.png");
            assertNoConsoleErrors(b);
        });
    }
}
