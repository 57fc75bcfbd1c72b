package org.backprop.playground.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.playground.state.Presets;
import org.backprop.playground.web.App;
import org.backprop.playground.web.AppConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /} as HTML: rendered from the URL's state, escaped, in the asked-for language, with its warnings. */
@Timeout(60)
@Tag("socket")
class PlaygroundPageTest {
    static Javalin app;
    static HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = App.create(AppConfig.defaults()).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static HttpResponse<String> get(String path, String acceptLanguage) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .GET();
        if (acceptLanguage != null) r.header("Accept-Language", acceptLanguage);
        try {
            return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static String page(String path) {
        HttpResponse<String> response = get(path, null);
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        return response.body();
    }

    static JsonNode boot(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"boot\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "no #boot in the page");
        try {
            return MAPPER.readTree(m.group(1));
        } catch (IOException e) {
            throw new AssertionError("#boot is not JSON", e);
        }
    }

    @Test
    void renders_the_state_of_the_url_so_nothing_flashes_to_defaults() {
        String html = page("/?dataset=xor&learningRate=0.3&activation=relu&networkShape=3&percTrainData=70");
        assertTrue(html.contains("<option value=\"0.3\" selected>0.3</option>"), "learning rate 0.3 selected");
        assertTrue(html.contains("<option value=\"relu\" data-i18n=\"opt.activation.relu\" selected>ReLU</option>"));
        assertTrue(html.contains("class=\"dataset selected\" data-key=\"dataset\" data-value=\"xor\""));
        assertTrue(html.contains(">1 hidden layer<"));
        assertTrue(html.contains(
                "id=\"percTrainData\" data-key=\"percTrainData\" min=\"10\" max=\"90\" step=\"10\" value=\"70\""));
        JsonNode boot = boot(html);
        assertEquals("xor", boot.get("state").get("dataset").asText());
        assertTrue(boot.get("query").asText().contains("networkShape=3&"));
        assertEquals(8, boot.at("/limits/maxNeurons").asInt(), "per layer on a 2-D set");
        assertEquals(32, boot.at("/limits/maxNeuronsWithoutMap").asInt(), "per layer on a set without a map");
        // the input neurons, in TF's order, named as the URL toggles and labelled as TF labels them
        assertEquals(7, boot.get("features").size());
        assertEquals("xSquared", boot.at("/features/2/name").asText());
        assertEquals("X_1^2", boot.at("/features/2/label").asText());
        assertTrue(html.contains("/webjars/chart.js/4.5.1/dist/chart.umd.js"));
        assertTrue(html.contains("<script type=\"module\" src=\"/js/app.js\">"));
    }

    /** The output activation's menu: auto names what it resolves to (in the page's language); what cannot train is disabled. */
    @Test
    void the_output_activation_menu_names_what_auto_resolves_to() {
        String sigmoid = page(
                "/?regDataset=seed-neuron&problem=regression&loss=mse&outputActivation=sigmoid&batchSize=1&networkShape=");
        assertTrue(sigmoid.contains("<select id=\"outputActivation\" data-key=\"outputActivation\">"), sigmoid);
        assertTrue(
                sigmoid.contains(
                        "<option value=\"sigmoid\" data-i18n=\"opt.activation.sigmoid\" selected>Sigmoid</option>"),
                sigmoid);
        assertTrue(sigmoid.contains("<option value=\"auto\">auto (Linear)</option>"), "auto on regression is linear");

        String bce = page("/?loss=bce");
        assertTrue(bce.contains("<option value=\"auto\" selected>auto (Sigmoid)</option>"), bce);
        assertTrue(
                bce.contains("<option value=\"tanh\" data-i18n=\"opt.activation.tanh\" disabled>Tanh</option>"),
                "bce needs sigmoid");
        assertTrue(bce.contains("<option value=\"sigmoid\" data-i18n=\"opt.activation.sigmoid\">Sigmoid</option>"));

        String ko = page("/?dataset=blobs&loss=ce&lang=ko");
        assertTrue(ko.contains("<option value=\"auto\" selected>자동 (소프트맥스)</option>"), ko);
        assertTrue(
                ko.contains("<option value=\"relu\" data-i18n=\"opt.activation.relu\" disabled>"),
                "K classes: softmax only");
        assertTrue(page("/").contains("<option value=\"auto\" selected>auto (Tanh)</option>"), "TF's two classes");
    }

    @Test
    void a_task_is_rendered_as_text_in_the_banner() {
        String html = page("/?task=Line%20*one*%0A%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        // the task's tag, not the page's own images (the data sets' thumbnails)
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(
                html.contains(
                        "<div id=\"exercise-task\" class=\"task-text\">Line *one*\n&lt;img src=x onerror=alert(1)&gt;</div>"),
                html);
        assertTrue(html.contains("<section id=\"exercise\" class=\"exercise\">"), "a task alone shows the banner");
        assertTrue(page("/").contains("<div id=\"exercise-task\" class=\"task-text\" hidden></div>"));
    }

    @Test
    void the_builder_starts_from_the_link_and_escapes_what_it_holds() {
        String html = page(
                "/build?dataset=xor&title=%3Cscript%3Ex%3C/script%3E&task=a%3C/textarea%3E%3Cb%3E"
                        + "&goal=testLoss%3C0.2&goalEpochs=300&lock=learningRate,x,y,xSquared,ySquared,xTimesY,sinY&noise_hide=true");
        assertFalse(
                html.contains("<script>x") || html.contains("<b>") || html.contains("</textarea><b>"),
                "nothing unescaped");
        assertTrue(html.contains("value=\"&lt;script&gt;x&lt;/script&gt;\""), "the title, as text");
        assertTrue(html.contains(">a&lt;/textarea&gt;&lt;b&gt;</textarea>"), "the task, as text");
        assertTrue(html.contains("<option value=\"testLoss\" selected>"), html);
        assertTrue(
                html.contains("id=\"b-budget\" type=\"number\" min=\"0\" max=\"10000000\" step=\"1\" value=\"300\""),
                html);
        assertTrue(
                html.contains(
                        "name=\"ctl-learningRate\" value=\"locked\" aria-label=\"Learning rate: Locked\" checked"),
                html);
        assertTrue(
                html.contains("name=\"ctl-x\" value=\"locked\" aria-label=\"Feature X\u2081: Locked\" checked"),
                "a feature's own row: " + html);
        assertTrue(
                html.contains("name=\"ctl-sinX\" value=\"shown\" aria-label=\"Feature sin(X\u2081): Shown\" checked"),
                "not locked: shown");
        assertFalse(
                html.contains("name=\"ctl-features\" value=\"locked\""),
                "the column hides or shows; its features lock one by one");
        assertTrue(
                html.contains("name=\"ctl-noise\" value=\"hidden\" aria-label=\"Noise level: Hidden\" checked"), html);
        assertTrue(
                html.contains("name=\"ctl-activation\" value=\"shown\" aria-label=\"Activation: Shown\" checked"),
                html);
        JsonNode boot;
        try {
            boot = MAPPER.readTree(html.substring(
                    html.indexOf('>', html.indexOf("id=\"builder-boot\"")) + 1,
                    html.indexOf("</script>", html.indexOf("id=\"builder-boot\""))));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertTrue(boot.get("base").asText().contains("dataset=xor"), boot.toString());
        assertEquals(1500, boot.get("taskLinkBytes").asInt());
        // the playground's "Use it in class" links here with its own state
        assertTrue(
                page("/?dataset=spiral")
                        .contains(
                                "id=\"build-link\" href=\"/build?activation=tanh&amp;regularization=none&amp;batchSize=10&amp;dataset=spiral&amp;"));
    }

    @Test
    void a_learning_rate_off_the_menu_joins_the_menu() {
        String html = page("/?learningRate=0.5");
        assertTrue(html.contains("<option value=\"0.5\" selected>0.5</option>"), html);
    }

    @Test
    void escapes_everything_the_url_holds() {
        String html = page("/?title=%3Cscript%3Ealert(1)%3C/script%3E&dataset=%22%3E%3Cb%3E&goal=%3Cimg%3E&x%3Cy%3E=1");
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("<img>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is shown, as text");
        String json = html.substring(html.indexOf("id=\"boot\">"));
        assertFalse(json.substring(0, json.indexOf("</script>")).contains("<"), "the boot JSON holds no '<'");
    }

    @Test
    void the_exercise_banner_says_the_goal_in_words_in_the_pages_language() {
        String en = page("/?goal=testLoss%3C0.1&title=Circle");
        assertTrue(en.contains("<span id=\"exercise-goal\" class=\"goal-words\">test loss below 0.1</span>"), en);
        assertTrue(en.contains("<span id=\"goal-status\" class=\"goal-status pending\">not reached yet</span>"), en);
        assertFalse(en.contains(">testLoss&lt;0.1<"), "never the raw goal");
        String ko = page("/?lang=ko&goal=testAccuracy%3E%3D0.95&goalEpochs=500");
        assertTrue(ko.contains(">테스트 정확도 95% 이상</span>"), ko);
        assertTrue(ko.contains(">아직 달성하지 못함. 예산 500 에포크</span>"), ko);
    }

    @Test
    void shows_the_warnings_of_the_link() {
        String html = page("/?noise=abc&learningRate=0");
        assertTrue(html.contains("<section id=\"warnings\" class=\"warnings\" role=\"status\">"), "warnings in view");
        assertTrue(html.contains("<code>noise=abc</code>"));
        assertTrue(html.contains("<code>learningRate=0</code>"));
        assertTrue(page("/?dataset=xor").contains("id=\"warnings\" class=\"warnings\" hidden"));
    }

    @Test
    void hide_keys_and_hide_text_are_rendered_hidden() {
        String html = page("/?learningRate_hide=true&numHiddenLayers_hide=true&hideText=true&noise_hide=true");
        assertTrue(html.contains("class=\"control ui-learningRate is-hidden\""), html);
        assertTrue(html.contains("layer-buttons ui-numHiddenLayers is-hidden"));
        assertTrue(html.contains("slider-control ui-noise is-hidden"));
        assertTrue(html.contains("<body class=\"hide-text\">"));
        assertFalse(page("/").contains("is-hidden"));
    }

    @Test
    void the_language_comes_from_the_link_then_the_browser() {
        assertTrue(page("/?lang=ko").contains("<html lang=\"ko\">"));
        HttpResponse<String> korean = get("/", "ko-KR,ko;q=0.9,en-US;q=0.8");
        assertTrue(korean.body().contains("<html lang=\"ko\">"));
        assertTrue(korean.body().contains("역전파 놀이터"));
        assertEquals("header", boot(korean.body()).get("langSource").asText());
        assertTrue(boot(korean.body()).get("query").asText().contains("lang=ko"));
        assertTrue(get("/?lang=en", "ko-KR").body().contains("<html lang=\"en\">"), "the link wins");
        assertTrue(get("/", "fr-FR,de;q=0.5").body().contains("<html lang=\"en\">"));
        assertEquals("default", boot(get("/", null).body()).get("langSource").asText());
    }

    @Test
    void both_languages_name_every_word_the_page_uses() {
        JsonNode strings;
        try {
            strings = MAPPER.readTree(Path.of("static", "i18n", "strings.json").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Set<String> en = new TreeSet<>(), ko = new TreeSet<>();
        strings.get("en").fieldNames().forEachRemaining(en::add);
        strings.get("ko").fieldNames().forEachRemaining(ko::add);
        assertEquals(en, ko, "English and Korean have the same keys");
        for (String lang : new String[] {"en", "ko"}) {
            String html = page("/?lang=" + lang + "&dataset=blobs&loss=ce&title=t&goal=testLoss%3C1");
            Matcher m =
                    Pattern.compile("data-i18n(?:-title|-aria)?=\"([^\"]+)\"").matcher(html);
            int found = 0;
            while (m.find()) {
                found++;
                assertTrue(en.contains(m.group(1)), "no string for " + m.group(1));
            }
            assertTrue(found > 80, "the page marks its words: " + found);
        }
        // the page's modules name these by key
        for (String key : new String[] {
            "net.featureTitle",
            "net.neuronTitle",
            "net.addNeuron",
            "net.removeNeuron",
            "net.neuronsOne",
            "net.neuronsMany",
            "net.outputTitle",
            "edit.weight",
            "edit.bias",
            "edit.apply",
            "edit.cancel",
            "out.neuronView",
            "status.lost",
            "status.reconnected",
            "status.diverged",
            "status.serverError",
            "share.copied",
            "share.manual",
            "exercise.reset",
            "top.stepN",
            "chart.trainLoss",
            "chart.testLoss",
            "chart.trainAccuracy",
            "chart.testAccuracy",
            "chart.epoch",
            "error.bad_value",
            "error.conflict",
            "error.locked",
            "error.diverged",
            "bp.verdict.correct",
            "bp.verdict.check",
            "bp.verdict.wrong"
        }) {
            assertTrue(en.contains(key), key);
        }
        // and every key a module names literally: t('…'), format('…'), and keys kept in a table
        Pattern literal =
                Pattern.compile("(?:\\.t|\\.format)\\('([\\w.]+)'|'((?:bp|view|tutorials|out|net)\\.[\\w.]+)'");
        try (var files = Files.list(Path.of("static", "js"))) {
            for (Path js : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher m = literal.matcher(Files.readString(js));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    assertTrue(en.contains(key), js.getFileName() + " names " + key + ", which strings.json lacks");
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A preset's link renders its card (title and four texts, each with its strings key) in the page's language. */
    @Test
    void a_presets_page_shows_its_card_in_english_and_korean_and_none_with_hide_text() {
        Presets.Preset worked = Presets.byId("000-worked").orElseThrow();
        Messages en = I18n.load(Path.of("static"), MAPPER).of("en"),
                ko = I18n.load(Path.of("static"), MAPPER).of("ko");
        for (Messages m : List.of(en, ko)) {
            String html = page("/?" + worked.query() + "&lang=" + m.lang());
            assertTrue(html.contains("<details id=\"preset-card\" class=\"preset-card\" open"), "the card, open");
            assertTrue(html.contains("data-preset=\"000-worked\""));
            assertTrue(
                    html.contains("<span data-i18n=\"preset.000-worked.title\" class=\"preset-card-title\">"
                            + escape(m.t("preset.000-worked.title")) + "</span>"),
                    m.lang());
            for (String part : Presets.TEXTS) {
                assertTrue(
                        html.contains("<p data-i18n=\"preset.000-worked." + part + "\">" + escape(m.t(worked.key(part)))
                                + "</p>"),
                        m.lang() + " " + part);
                assertTrue(html.contains(
                        "data-i18n=\"preset.card." + part + "\">" + escape(m.t("preset.card." + part)) + "<"));
            }
            // the card sits above the network
            assertTrue(html.indexOf("id=\"preset-card\"") < html.indexOf("id=\"network\""));
        }
        assertTrue(page("/?" + worked.query() + "&lang=ko").contains("A2 = 0.8468"), "its numbers");
        assertFalse(page("/?" + worked.query() + "&hideText=true").contains("preset-card"), "hideText hides the card");
        assertFalse(page("/?dataset=xor").contains("preset-card"), "no preset, no card");
        assertFalse(
                page("/?" + worked.query().replace("learningRate=0.1", "learningRate=0.3"))
                        .contains("preset-card"),
                "a changed preset is no longer the preset");
    }

    /** The Tutorials menu comes from the server: every preset's full title, the open one selected; its id and sample in #boot. */
    @Test
    void the_tutorials_menu_lists_every_preset_and_boot_names_the_open_one_and_its_sample() {
        Messages ko = I18n.load(Path.of("static"), MAPPER).of("ko");
        Presets.Preset guess = Presets.byId("004-guess-42").orElseThrow();
        String html = page("/?" + guess.query() + "&lang=ko");
        for (Presets.Preset p : Presets.ALL) {
            String title = escape(ko.t(p.key("title")));
            // data-query: the link picking it opens (presets.js)
            String option = "<option value=\"" + p.id() + "\" data-query=\"" + escape(p.query()) + "\" data-i18n=\""
                    + p.key("title") + "\" title=\"" + title + "\" data-i18n-title=\"" + p.key("title") + "\""
                    + (p == guess ? " selected" : "") + ">" + title + "</option>";
            assertTrue(html.contains(option), option);
        }
        JsonNode preset = boot(html).get("preset");
        assertEquals("004-guess-42", preset.get("id").asText());
        assertEquals(0, preset.at("/sample/input").size());
        assertEquals(42, preset.at("/sample/target/0").asDouble());
        JsonNode worked = boot(page(
                        "/?" + Presets.byId("000-worked").orElseThrow().query()))
                .get("preset");
        assertEquals(MAPPER.createArrayNode().add(1.0).add(2.0), worked.at("/sample/input"));
        assertTrue(boot(page("/?" + Presets.byId("001-xor").orElseThrow().query()))
                .at("/preset/sample")
                .isNull());
        assertTrue(boot(page("/")).get("preset").isNull());
        assertFalse(page("/").contains("\" selected>000"), "the default page selects no tutorial");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    @Test
    void no_url_gives_a_server_error() {
        for (String q : new String[] {
            "x=%25zz",
            "networkShape=99,99,99,99,99,99,99,99",
            "seed=" + "x".repeat(5000),
            "dataset=reg-plane",
            "problem=regression&loss=ce",
            "lang=xx",
            "numClasses=9&dataset=blobs",
            "goal=accuracy%3E2&problem=regression",
            "lock=everything",
            "&&&==&",
            "activation=softmax"
        }) {
            HttpResponse<String> r = get("/?" + q, null);
            assertEquals(200, r.statusCode(), q);
        }
    }

    @Test
    void the_about_page_keeps_the_api_links() {
        String html = page("/about");
        assertTrue(html.contains("href=\"/api/health\""));
        assertTrue(html.contains("href=\"/\""));
    }
}
