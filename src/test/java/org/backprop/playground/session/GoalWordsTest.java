package org.backprop.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.backprop.playground.state.Goal;
import org.backprop.playground.state.Msg;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The goal in words, both languages, through strings.json's templates as the page renders them. */
@Tag("unit")
class GoalWordsTest {
    private static final Map<String, Map<String, String>> STRINGS = strings();

    private static Map<String, Map<String, String>> strings() {
        try {
            return new ObjectMapper()
                    .readValue(
                            Path.of("static", "i18n", "strings.json").toFile(),
                            new TypeReference<Map<String, Map<String, String>>>() {});
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String say(String lang, Msg m) {
        return m.render(STRINGS.get(lang)::get);
    }

    @Test
    void a_goal_reads_in_words_never_as_its_url_text() {
        assertEquals("test loss below 0.1", say("en", GoalWords.words(Goal.parse("testLoss<0.1"))));
        assertEquals("테스트 손실 0.1 미만", say("ko", GoalWords.words(Goal.parse("testLoss<0.1"))));
        assertEquals("test accuracy at least 95%", say("en", GoalWords.words(Goal.parse("testAccuracy>=0.95"))));
        assertEquals("테스트 정확도 95% 이상", say("ko", GoalWords.words(Goal.parse("testAccuracy>=0.95"))));
        assertEquals("training loss at most 0.005", say("en", GoalWords.words(Goal.parse("trainLoss<=0.005"))));
        assertEquals("학습 정확도 99.5% 초과", say("ko", GoalWords.words(Goal.parse("trainAccuracy>0.995"))));
    }

    @Test
    void statuses_say_when_it_was_reached_the_best_so_far_and_a_spent_budget() {
        Goal loss = Goal.parse("testLoss<0.1");
        GoalView met = new GoalView(loss, true, 1234L, 12.34, 0.0912, 0.1274, null, null, false);
        assertEquals(
                "reached at epoch 1,234 (12.3 s); now 0.127",
                say("en", GoalWords.status(met).msg()));
        assertEquals(
                "에포크 1,234에서 달성(12.3초). 지금 0.127",
                say("ko", GoalWords.status(met).msg()));
        assertEquals("met", GoalWords.status(met).kind());

        GoalView notYet = new GoalView(loss, false, null, null, 0.2149, 0.25, null, null, false);
        assertEquals(
                "not reached yet — best 0.215",
                say("en", GoalWords.status(notYet).msg()));
        assertEquals("pending", GoalWords.status(notYet).kind());

        GoalView inBudget = new GoalView(loss, false, null, null, 0.21, 0.25, 500, 500L, false);
        assertEquals(
                "not reached yet — best 0.21; the budget of 500 epochs ends at epoch 500",
                say("en", GoalWords.status(inBudget).msg()));

        GoalView spent = new GoalView(loss, false, null, null, 0.21, 0.25, 500, 500L, true);
        assertEquals(
                "the budget of 500 epochs ran out — best 0.21; reset to try again",
                say("en", GoalWords.status(spent).msg()));
        assertEquals("spent", GoalWords.status(spent).kind());

        GoalView accuracy =
                new GoalView(Goal.parse("testAccuracy>=0.95"), false, null, null, 0.95666, 0.9, null, null, false);
        assertEquals(
                "not reached yet — best 95.7%",
                say("en", GoalWords.status(accuracy).msg()));
        assertEquals(
                "not reached yet",
                say("en", GoalWords.status(GoalView.fresh(loss, 0)).msg()));
    }

    @Test
    void numbers_are_written_one_way() {
        Goal loss = Goal.parse("testLoss<0.1");
        assertEquals("0.00000123", GoalWords.measured(loss, 1.2345e-6), "plain, never 1.23E-6");
        assertEquals("12.3", GoalWords.measured(loss, 12.345));
        assertEquals("0", GoalWords.measured(loss, 0.0));
        assertEquals("–", GoalWords.measured(loss, null));
        assertEquals("100%", GoalWords.measured(Goal.parse("testAccuracy>0.5"), 1.0));
        assertEquals("0.05", GoalWords.target(Goal.parse("testLoss<0.05")));
        assertEquals("12,345,678", GoalWords.epochs(12_345_678));
        assertEquals("0.1", GoalWords.seconds(0.05));
    }
}
